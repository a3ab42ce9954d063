// stipple-cli info --model FILE: what a model file holds.
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <map>
#include <optional>

#include "command.h"
#include "io/pickle_guard.h"
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
  ModelOptions mo;
  mo.addTo(parser);
  const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
  parser.addOption(json);
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("info"),
                          QStringLiteral("Describe a model: family, prediction type, architecture, parameter counts "
                                         "and dtypes, then every tensor (name, dtype, shape)."),
                          &code))
    return code;
  ModelSource source;
  if (const int c = mo.read(parser, &source, QStringLiteral("info"))) return c;
  const QCommandLineOption& model = mo.model;

  const std::string path = source.model.string();
  refuse_pickle(path);
  const auto file = SafetensorsFile::open(path);
  // Any safetensors file can be listed; a Stable Diffusion checkpoint is also described.
  std::optional<ModelSummary> summary;
  QString notModel;
  try {
    summary = describe_model(source);
  } catch (const std::exception& e) {
    notModel = QString::fromUtf8(e.what());
  }

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
    QJsonObject modelJson;
    if (summary)
      modelJson = QJsonDocument::fromJson(QByteArray::fromStdString(describe_model_json(*summary))).object();
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("path"), parser.value(model)},
                                        {QStringLiteral("model"), summary ? QJsonValue(modelJson) : QJsonValue()},
                                        {QStringLiteral("model_error"), summary ? QJsonValue() : QJsonValue(notModel)},
                                        {QStringLiteral("file_size"), static_cast<qint64>(file->file_size())},
                                        {QStringLiteral("tensor_count"), static_cast<qint64>(file->tensors().size())},
                                        {QStringLiteral("parameters"), static_cast<qint64>(parameters)},
                                        {QStringLiteral("dtypes"), dtypes},
                                        {QStringLiteral("metadata"), metadata},
                                        {QStringLiteral("tensors"), tensors}}));
    return kOk;
  }

  QString out;
  if (summary)
    out += QString::fromStdString(describe_model_text(*summary)) + QLatin1Char('\n');
  else
    out += QStringLiteral("not a Stable Diffusion checkpoint: %1\n\n").arg(notModel);
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
