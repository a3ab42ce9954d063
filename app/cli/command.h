#pragma once
// Subcommand plumbing for stipple-cli: each verb registers a name, a one-line summary and a
// run function that receives its own arguments (argv[0] is "stipple-cli VERB").
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <functional>
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

// Output helpers: stdout for results, stderr for errors and progress.
void printOut(const QString& text);
void printJson(const QJsonDocument& doc);
int fail(const QString& message, int code = kFailed);

// Per-verb entry points (defined in cmd_*.cpp).
int runVersion(const QStringList& args);
int runInfo(const QStringList& args);

}  // namespace stipple::cli
