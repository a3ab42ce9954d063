// stipple-cli: the headless front end of the Stipple engine.
// Usage: stipple-cli [--version] [--help] VERB [options]; `stipple-cli VERB --help` per verb.
#include <QCoreApplication>

#include <cstdio>
#include <exception>

#include "command.h"
#include "jobs/engineinfo.h"
#include "runtime.h"
#include "stipple/version.h"

namespace {

void printUsage() {
  std::printf("Usage: stipple-cli [--version] [--help] VERB [options]\n\n"
              "Stipple %s: image generation and inpainting with latent diffusion models.\n\nVerbs:\n",
              STIPPLE_VERSION_STRING);
  for (const auto& c : stipple::cli::commands())
    std::printf("  %-12s %s\n", qPrintable(c.name), qPrintable(c.summary));
  std::printf("\nRun 'stipple-cli VERB --help' for the options of a verb.\n");
}

}  // namespace

int main(int argc, char** argv) {
  stipple::prepare_blas_environment(argv);  // may re-execute the program once
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("stipple-cli"));
  QCoreApplication::setOrganizationName(QStringLiteral("Stipple"));
  QCoreApplication::setApplicationVersion(QStringLiteral(STIPPLE_VERSION_STRING));
  stipple::jobs::initializeRuntime();

  QStringList args = QCoreApplication::arguments();
  if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h") ||
      args[1] == QLatin1String("help")) {
    printUsage();
    return args.size() < 2 ? stipple::cli::kUsage : stipple::cli::kOk;
  }
  if (args[1] == QLatin1String("--version") || args[1] == QLatin1String("-v")) args[1] = QStringLiteral("version");

  const QString verb = args[1];
  for (const auto& c : stipple::cli::commands()) {
    if (c.name != verb) continue;
    QStringList verbArgs = args.mid(1);
    verbArgs[0] = QStringLiteral("stipple-cli ") + verb;
    try {
      return c.run(verbArgs);
    } catch (const std::exception& e) {
      return stipple::cli::fail(QString::fromUtf8(e.what()));
    }
  }
  std::fprintf(stderr, "stipple-cli: unknown verb '%s'\n\n", qPrintable(verb));
  printUsage();
  return stipple::cli::kUsage;
}
