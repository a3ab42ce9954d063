// stipple-cli info --model FILE: what a model file holds.
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <map>

#include "command.h"
#include "io/safetensors.h"

namespace stipple::cli {

namespace {

QString shapeText(const std::vector<int64_t>& shape) {
  QStringList dims;
  for (auto d : shape) dims << QString::number(d);
  return QLatin1Char('[') + dims.join(QLatin1Char(',')) + QLatin1Char(']');
}

}  // namespace

int runInfo(const QStringList& args) {
  QCommandLineParser parser;
  const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Model file (.safetensors)."),
                                 QStringLiteral("PATH"));
  const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
  parser.addOption(model);
  parser.addOption(json);
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("info"),
                          QStringLiteral("List the tensors of a model file (name, dtype, shape)."), &code))
    return code;
  if (!parser.isSet(model)) return fail(QStringLiteral("info needs --model PATH"), kUsage);

  const std::string path = parser.value(model).toStdString();
  const auto file = SafetensorsFile::open(path);

  std::map<std::string, int64_t> dtypeCounts;
  int64_t parameters = 0;
  for (const auto& t : file->tensors()) {
    dtypeCounts[std::string(dtype_name(t.dtype))] += t.numel();
    parameters += t.numel();
  }

  if (parser.isSet(json)) {
    QJsonArray tensors;
    for (const auto& t : file->tensors()) {
      QJsonArray shape;
      for (auto d : t.shape) shape.append(static_cast<qint64>(d));
      tensors.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(t.name)},
                                 {QStringLiteral("dtype"), QString::fromLatin1(dtype_name(t.dtype).data(),
                                                                               dtype_name(t.dtype).size())},
                                 {QStringLiteral("shape"), shape}});
    }
    QJsonObject dtypes;
    for (const auto& [name, count] : dtypeCounts) dtypes.insert(QString::fromStdString(name), static_cast<qint64>(count));
    QJsonObject metadata;
    for (const auto& [k, v] : file->metadata()) metadata.insert(QString::fromStdString(k), QString::fromStdString(v));
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("path"), parser.value(model)},
                                        {QStringLiteral("file_size"), static_cast<qint64>(file->file_size())},
                                        {QStringLiteral("tensor_count"), static_cast<qint64>(file->tensors().size())},
                                        {QStringLiteral("parameters"), static_cast<qint64>(parameters)},
                                        {QStringLiteral("dtypes"), dtypes},
                                        {QStringLiteral("metadata"), metadata},
                                        {QStringLiteral("tensors"), tensors}}));
    return kOk;
  }

  QString out;
  out += QStringLiteral("%1\n%2 tensors, %3 parameters, %4 bytes\n")
             .arg(parser.value(model))
             .arg(file->tensors().size())
             .arg(parameters)
             .arg(file->file_size());
  for (const auto& [name, count] : dtypeCounts)
    out += QStringLiteral("  %1: %2 parameters\n").arg(QString::fromStdString(name)).arg(count);
  for (const auto& [k, v] : file->metadata())
    out += QStringLiteral("  metadata %1 = %2\n").arg(QString::fromStdString(k), QString::fromStdString(v).left(200));
  for (const auto& t : file->tensors())
    out += QStringLiteral("%1  %2  %3\n")
               .arg(QString::fromStdString(t.name))
               .arg(QString::fromLatin1(dtype_name(t.dtype).data(), dtype_name(t.dtype).size()))
               .arg(shapeText(t.shape));
  printOut(out);
  return kOk;
}

}  // namespace stipple::cli
