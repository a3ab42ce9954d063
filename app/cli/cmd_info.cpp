// stipple-cli info --model MODEL: what a model file or folder holds.
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

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
  // A single file, or a folder (diffusers layout, the bundled models): every .safetensors in it,
  // its tensors named by their file's folder ("unet/conv_in.weight").
  struct Part {
    std::string prefix;
    std::shared_ptr<SafetensorsFile> file;
  };
  std::vector<Part> parts;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(source.model, ec)) {
    std::vector<fs::path> found;
    for (const auto& e : fs::recursive_directory_iterator(source.model, ec))
      if (e.is_regular_file() && e.path().extension() == ".safetensors") found.push_back(e.path());
    std::sort(found.begin(), found.end());
    for (const auto& f : found) {
      const auto folder = f.parent_path().lexically_relative(source.model).generic_string();
      parts.push_back({folder == "." ? std::string() : folder + "/", SafetensorsFile::open(f)});
    }
    if (parts.empty()) return fail(QStringLiteral("%1: the folder holds no .safetensors file").arg(parser.value(model)));
  } else {
    parts.push_back({std::string(), SafetensorsFile::open(path)});
  }
  struct Row {
    std::string name;
    const TensorInfo* info;
  };
  std::vector<Row> rows;
  uint64_t fileSize = 0;
  std::map<std::string, std::string> fileMetadata;
  for (const auto& p : parts) {
    fileSize += p.file->file_size();
    for (const auto& t : p.file->tensors()) rows.push_back({p.prefix + t.name, &t});
    for (const auto& [k, v] : p.file->metadata()) fileMetadata[p.prefix + k] = v;
  }
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
  for (const auto& r : rows) {
    dtypeCounts[std::string(dtype_name(r.info->dtype))] += r.info->numel();
    parameters += r.info->numel();
  }

  if (parser.isSet(json)) {
    QJsonArray tensors;
    for (const auto& r : rows) {
      const auto& t = *r.info;
      QJsonArray shape;
      for (auto d : t.shape) shape.append(static_cast<qint64>(d));
      tensors.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(r.name)},
                                 {QStringLiteral("dtype"), QString::fromLatin1(dtype_name(t.dtype).data(),
                                                                               dtype_name(t.dtype).size())},
                                 {QStringLiteral("shape"), shape}});
    }
    QJsonObject dtypes;
    for (const auto& [name, count] : dtypeCounts) dtypes.insert(QString::fromStdString(name), static_cast<qint64>(count));
    QJsonObject metadata;
    for (const auto& [k, v] : fileMetadata) metadata.insert(QString::fromStdString(k), QString::fromStdString(v));
    QJsonObject modelJson;
    if (summary)
      modelJson = QJsonDocument::fromJson(QByteArray::fromStdString(describe_model_json(*summary))).object();
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("path"), parser.value(model)},
                                        {QStringLiteral("model"), summary ? QJsonValue(modelJson) : QJsonValue()},
                                        {QStringLiteral("model_error"), summary ? QJsonValue() : QJsonValue(notModel)},
                                        {QStringLiteral("file_size"), static_cast<qint64>(fileSize)},
                                        {QStringLiteral("tensor_count"), static_cast<qint64>(rows.size())},
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
             .arg(rows.size())
             .arg(parameters)
             .arg(fileSize);
  for (const auto& [name, count] : dtypeCounts)
    out += QStringLiteral("  %1: %2 parameters\n").arg(QString::fromStdString(name)).arg(count);
  for (const auto& [k, v] : fileMetadata)
    out += QStringLiteral("  metadata %1 = %2\n").arg(QString::fromStdString(k), QString::fromStdString(v).left(200));
  for (const auto& r : rows)
    out += QStringLiteral("%1  %2  %3\n")
               .arg(QString::fromStdString(r.name))
               .arg(QString::fromLatin1(dtype_name(r.info->dtype).data(), dtype_name(r.info->dtype).size()))
               .arg(shapeText(r.info->shape));
  printOut(out);
  return kOk;
}

}  // namespace stipple::cli
