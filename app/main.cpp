// stipple: the desktop application.
#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include "jobs/engineinfo.h"
#include "mainwindow.h"
#include "preferences.h"
#include "runtime.h"
#include "stipple/version.h"
#include "theme.h"

int main(int argc, char** argv) {
  stipple::prepare_blas_environment(argv);  // may re-execute the program once
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Stipple"));
  QApplication::setApplicationDisplayName(QStringLiteral("Stipple"));
  QApplication::setOrganizationName(QStringLiteral("Stipple"));
  QApplication::setApplicationVersion(QStringLiteral(STIPPLE_VERSION_STRING));
  QApplication::setDesktopFileName(QStringLiteral("io.github.stipple.Stipple"));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/stipple.svg")));

  // The UI language follows the system unless Preferences name one; numbers and dates follow it
  // too. Qt's own strings (dialog buttons) come from Qt's catalogue.
  const stipple::ui::Preferences preferences = stipple::ui::Preferences::load();
  const QLocale locale = preferences.language.isEmpty() ? QLocale() : QLocale(preferences.language);
  QLocale::setDefault(locale);
  QTranslator qtTranslator;
  if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(&qtTranslator);
  QTranslator translator;
  if (translator.load(locale, QStringLiteral("stipple"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(&translator);

  stipple::jobs::initializeRuntime(preferences.threads);
  stipple::ui::applyTheme(app);  // before any widget, so icons are drawn in the theme's colours

  stipple::ui::MainWindow window;
  window.show();
  // First what a crash left behind, then `stipple picture.png` (file managers pass the file
  // this way); a restored canvas with changes is offered for saving before the file replaces it.
  QTimer::singleShot(0, &window, [&window] {
    window.offerRecovery();
    if (const QStringList args = QApplication::arguments(); args.size() > 1) window.openFileAsked(args.at(1));
  });
  return app.exec();
}
