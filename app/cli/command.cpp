#include "command.h"

#include <cstdio>

namespace stipple::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {QStringLiteral("version"), QStringLiteral("Print versions of Stipple and its libraries and the compute device"),
       runVersion},
      {QStringLiteral("info"), QStringLiteral("Describe a model file: tensors, dtypes, shapes"), runInfo},
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

void printOut(const QString& text) {
  const QByteArray bytes = text.toUtf8();
  std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
  if (!text.endsWith(QLatin1Char('\n'))) std::fputc('\n', stdout);
}

void printJson(const QJsonDocument& doc) { printOut(QString::fromUtf8(doc.toJson(QJsonDocument::Indented))); }

int fail(const QString& message, int code) {
  std::fprintf(stderr, "stipple-cli: error: %s\n", qPrintable(message));
  return code;
}

}  // namespace stipple::cli
