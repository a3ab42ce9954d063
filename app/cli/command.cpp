#include "command.h"

#include "pipeline/engine.h"

#include <cstdio>

namespace stipple::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {QStringLiteral("version"), QStringLiteral("Print versions of Stipple and its libraries and the compute device"),
       runVersion},
      {QStringLiteral("generate"), QStringLiteral("Generate images: txt2img, img2img, inpainting"), runGenerate},
      {QStringLiteral("batch"), QStringLiteral("Generate prompt lists x seeds x sweeps into a folder (resumable)"),
       runBatch},
      {QStringLiteral("bench"), QStringLiteral("Time every stage of a generation (load, steps, VAE, previews)"),
       runBench},
      {QStringLiteral("info"), QStringLiteral("Describe a model: family, prediction, architecture, tensors"), runInfo},
      {QStringLiteral("tokenize"), QStringLiteral("Print the CLIP token ids of texts as JSON"), runTokenize},
      {QStringLiteral("eval"), QStringLiteral("Run one network on tensors from a file (parity checks)"), runEval},
      {QStringLiteral("init-random"), QStringLiteral("Write a full-size architecture with random weights"),
       runInitRandom},
      {QStringLiteral("train"), QStringLiteral("Train the bundled shapes model (VAE, UNet, inpainting; resumable)"),
       runTrain},
      {QStringLiteral("eval-model"), QStringLiteral("Score a shapes model's prompt adherence with the OpenCV judge"),
       runEvalModel},
  };
  return list;
}

bool parseVerbArguments(QCommandLineParser& parser, const QStringList& args, const QString& verb,
                        const QString& description, int* exitCode) {
  parser.setApplicationDescription(description);
  const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                QStringLiteral("Show help for '%1'.").arg(verb));
  parser.addOption(help);
  if (!parser.parse(args)) {
    std::fprintf(stderr, "stipple-cli %s: %s\nTry 'stipple-cli %s --help'.\n", qPrintable(verb),
                 qPrintable(parser.errorText()), qPrintable(verb));
    *exitCode = kUsage;
    return false;
  }
  if (parser.isSet(help)) {
    std::fputs(qPrintable(parser.helpText()), stdout);
    *exitCode = kOk;
    return false;
  }
  return true;
}

QCommandLineOption addOption(QCommandLineParser& parser, const char* name, const char* help, const char* value,
                             const char* def) {
  QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
  if (value) o.setValueName(QString::fromLatin1(value));
  if (def) o.setDefaultValue(QString::fromLatin1(def));
  parser.addOption(o);
  return o;
}

void printOut(const QString& text) {
  const QByteArray bytes = text.toUtf8();
  std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
  if (!text.endsWith(QLatin1Char('\n'))) std::fputc('\n', stdout);
}

void printJson(const QJsonDocument& doc) { printOut(QString::fromUtf8(doc.toJson(QJsonDocument::Indented))); }

void ModelOptions::addTo(QCommandLineParser& parser) const {
  parser.addOption(model);
  parser.addOption(config);
  parser.addOption(tokenizer);
  parser.addOption(prediction);
}

int resolveModelPath(std::filesystem::path* model) {
  if (*model != "default") return kOk;
  const auto found = stipple::default_model_path();  // see its search order
  if (!found) return fail(QString::fromStdString(stipple::default_model_missing_message()));
  *model = *found;
  return kOk;
}

int ModelOptions::read(const QCommandLineParser& parser, stipple::ModelSource* source, const QString& verb) const {
  if (!parser.isSet(model)) {
    return fail(QStringLiteral("%1 needs --model PATH").arg(verb), kUsage);
  }
  source->model = parser.value(model).toStdString();
  if (const int c = resolveModelPath(&source->model)) return c;
  if (parser.isSet(config)) source->config = parser.value(config).toStdString();
  if (parser.isSet(tokenizer)) source->tokenizer = parser.value(tokenizer).toStdString();
  if (parser.isSet(prediction)) {
    const QString p = parser.value(prediction);
    if (p == QLatin1String("eps") || p == QLatin1String("epsilon"))
      source->prediction = stipple::Prediction::Epsilon;
    else if (p == QLatin1String("v") || p == QLatin1String("v_prediction"))
      source->prediction = stipple::Prediction::V;
    else {
      return fail(QStringLiteral("--prediction must be eps or v, not '%1'").arg(p), kUsage);
    }
  }
  return kOk;
}

int fail(const QString& message, int code) {
  std::fprintf(stderr, "stipple-cli: error: %s\n", qPrintable(message));
  return code;
}

}  // namespace stipple::cli
