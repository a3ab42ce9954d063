#pragma once
#include <filesystem>
// Subcommand plumbing for stipple-cli: each verb registers a name, a one-line summary and a
// run function that receives its own arguments (argv[0] is "stipple-cli VERB").
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <functional>

#include "pipeline/model_tools.h"
#include <vector>

namespace stipple::cli {

// Exit codes shared by every verb.
enum ExitCode { kOk = 0, kFailed = 1, kUsage = 2 };

struct Command {
  QString name;
  QString summary;
  std::function<int(const QStringList& args)> run;
};

const std::vector<Command>& commands();

// Adds -h/--help and parses; on a usage error prints it and returns false with *exitCode set.
// With --help prints the verb's help and returns false with *exitCode = kOk.
bool parseVerbArguments(QCommandLineParser& parser, const QStringList& args, const QString& verb,
                        const QString& description, int* exitCode);

// Adds an option (with a value name and default when given) and returns it.
QCommandLineOption addOption(QCommandLineParser& parser, const char* name, const char* help,
                             const char* value = nullptr, const char* def = nullptr);

// Output helpers: stdout for results, stderr for errors and progress.
void printOut(const QString& text);
void printJson(const QJsonDocument& doc);
int fail(const QString& message, int code = kFailed);
// `default` (the bundled model, wherever it is installed) becomes its folder; other paths stay.
// Returns kOk, or the exit code after saying the bundled model is not installed.
int resolveModelPath(std::filesystem::path* model);

// --model, --config, --tokenizer, --prediction: how every model-using verb names its model.
struct ModelOptions {
  QCommandLineOption model{QStringLiteral("model"),
                           QStringLiteral("Model: a .safetensors checkpoint (original layout) or a diffusers folder."),
                           QStringLiteral("PATH")};
  QCommandLineOption config{QStringLiteral("config"),
                            QStringLiteral("Model config (ldm-style JSON) for what the weights cannot tell."),
                            QStringLiteral("FILE")};
  QCommandLineOption tokenizer{QStringLiteral("tokenizer"),
                               QStringLiteral("CLIP vocabulary: bpe_simple_vocab_16e6.txt.gz or a folder with "
                                              "vocab.json + merges.txt."),
                               QStringLiteral("PATH")};
  QCommandLineOption prediction{QStringLiteral("prediction"),
                                QStringLiteral("Override the prediction type: eps or v."), QStringLiteral("TYPE")};
  void addTo(QCommandLineParser& parser) const;
  // Fills a ModelSource; returns kOk, or the exit code after printing what is wrong.
  int read(const QCommandLineParser& parser, stipple::ModelSource* source, const QString& verb) const;
};

// Per-verb entry points (defined in cmd_*.cpp).
int runVersion(const QStringList& args);
int runInfo(const QStringList& args);
int runTokenize(const QStringList& args);
int runEval(const QStringList& args);
int runInitRandom(const QStringList& args);
int runGenerate(const QStringList& args);
int runBench(const QStringList& args);
int runBatch(const QStringList& args);
int runTrain(const QStringList& args);
int runEvalModel(const QStringList& args);

}  // namespace stipple::cli
