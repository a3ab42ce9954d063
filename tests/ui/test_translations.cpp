// The translation catalogues: every one is current (lupdate over today's sources changes nothing),
// complete (no unfinished or empty entry), keeps the placeholders of its sources, and is compiled
// into the application so that the language switch finds it.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include "jobs/engineinfo.h"
#include "preferences.h"
#include "runtime.h"

namespace {

const QStringList kLanguages{QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es"), QStringLiteral("ja"),
                             QStringLiteral("zh_CN")};

QString tsPath(const QString& lang) {
  return QStringLiteral(STIPPLE_TS_DIR "/stipple_%1.ts").arg(lang);
}

struct Entry {
  QString context, source;
  QStringList translations;  // one, or one per plural form
  bool unfinished = false;
};

QList<Entry> readCatalogue(const QString& path, QString* error) {
  QList<Entry> out;
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = path + QStringLiteral(": cannot open");
    return out;
  }
  QXmlStreamReader xml(&f);
  QString context;
  Entry current;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement()) {
      const auto name = xml.name();
      if (name == QStringLiteral("name")) {
        context = xml.readElementText();
      } else if (name == QStringLiteral("message")) {
        current = Entry{context, {}, {}, false};
      } else if (name == QStringLiteral("source")) {
        current.source = xml.readElementText();
      } else if (name == QStringLiteral("translation")) {
        const auto type = xml.attributes().value(QStringLiteral("type"));
        current.unfinished = type == QStringLiteral("unfinished") || type == QStringLiteral("vanished") ||
                             type == QStringLiteral("obsolete");
        // Either text, or <numerusform> children.
        QString text;
        while (!xml.atEnd()) {
          xml.readNext();
          if (xml.isCharacters()) text += xml.text();
          if (xml.isStartElement() && xml.name() == QStringLiteral("numerusform"))
            current.translations << xml.readElementText();
          if (xml.isEndElement() && xml.name() == QStringLiteral("translation")) break;
        }
        if (current.translations.isEmpty()) current.translations << text;
      }
    } else if (xml.isEndElement() && xml.name() == QStringLiteral("message")) {
      out << current;
    }
  }
  if (xml.hasError()) *error = path + QStringLiteral(": ") + xml.errorString();
  return out;
}

QSet<QString> placeholders(const QString& s) {
  static const QRegularExpression re(QStringLiteral("%(L?\\d+|n)"));
  QSet<QString> out;
  for (auto it = re.globalMatch(s); it.hasNext();) out << it.next().captured(0);
  return out;
}

}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void catalogue_data() {
    QTest::addColumn<QString>("lang");
    for (const auto& l : kLanguages) QTest::newRow(qPrintable(l)) << l;
  }

  // lupdate over the current sources must leave the file as it is: a string added, changed or removed
  // in the code without updating the catalogues fails here (fix: cmake --build build --target update_translations,
  // then translate what it marked unfinished).
  void catalogue() {
    QFETCH(QString, lang);
    QVERIFY2(QFile::exists(tsPath(lang)), qPrintable(tsPath(lang) + QStringLiteral(" is missing")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("project.json"));
    QProcess gen;
    gen.start(QStringLiteral(STIPPLE_CMAKE), {QStringLiteral("-DIN_FILE=" STIPPLE_LUPDATE_PROJECT_IN),
                                              QStringLiteral("-DOUT_FILE=") + project, QStringLiteral("-P"),
                                              QStringLiteral(STIPPLE_LUPDATE_PROJECT_GEN)});
    QVERIFY(gen.waitForFinished(60000));
    QVERIFY2(gen.exitCode() == 0, gen.readAllStandardError().constData());
    const QString copy = dir.filePath(QStringLiteral("stipple_%1.ts").arg(lang));
    QVERIFY(QFile::copy(tsPath(lang), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.start(QStringLiteral(STIPPLE_LUPDATE), {QStringLiteral("-project"), project, QStringLiteral("-no-obsolete"),
                                                    QStringLiteral("-locations"), QStringLiteral("none"),
                                                    QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    QString error;
    const auto before = readCatalogue(tsPath(lang), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto after = readCatalogue(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList stale;
    for (const auto& e : after)
      if (e.unfinished) stale << e.context + QStringLiteral(": ") + e.source;
    if (!stale.isEmpty())
      QFAIL(qPrintable(QStringLiteral("stipple_%1.ts lacks %2 string(s) of the sources, e.g. %3")
                           .arg(lang)
                           .arg(stale.size())
                           .arg(stale.first())));
    QCOMPARE(after.size(), before.size());  // a removed source string would shrink the catalogue
    QFile a(tsPath(lang)), b(copy);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QVERIFY2(a.readAll() == b.readAll(),
             qPrintable(QStringLiteral("stipple_%1.ts is not what lupdate writes for the current sources").arg(lang)));

    for (const auto& e : before) {
      const QString where = QStringLiteral("%1 / %2: ").arg(e.context, e.source);
      QVERIFY2(!e.unfinished, qPrintable(where + QStringLiteral("unfinished")));
      for (const auto& t : e.translations) {
        QVERIFY2(!t.trimmed().isEmpty(), qPrintable(where + QStringLiteral("empty translation")));
        QVERIFY2(placeholders(t) == placeholders(e.source),
                 qPrintable(where + QStringLiteral("placeholders differ in \"%1\"").arg(t)));
        QVERIFY2(e.source.contains(QLatin1Char('&')) == t.contains(QLatin1Char('&')) ||
                     e.source.contains(QStringLiteral("&&")),
                 qPrintable(where + QStringLiteral("accelerator (&) missing or extra in \"%1\"").arg(t)));
      }
    }
  }

  // The .qm files are in the application's resources, and they translate.
  void compiledIn_data() { catalogue_data(); }
  void compiledIn() {
    QFETCH(QString, lang);
    QTranslator tr;
    QVERIFY2(tr.load(QStringLiteral(":/i18n/stipple_%1.qm").arg(lang)),
             qPrintable(QStringLiteral(":/i18n/stipple_%1.qm is not compiled in").arg(lang)));
    const QString file = tr.translate("stipple::ui::MainWindow", "&File");
    QVERIFY2(!file.isEmpty() && file != QStringLiteral("&File"), qPrintable(file));
  }

  // What the status bar and the About box say about the engine follows the language, with
  // German plural forms; in English (no catalogue) the one-thread case has its own words.
  void engineDescriptionsFollowTheLanguage() {
    const int threads = stipple::runtime_info().threads;
    const stipple::ui::Preferences prefs;
    const QString english = prefs.deviceSummary();
    if (!prefs.usesCuda())
      QCOMPARE(english.section(QStringLiteral(", "), 0, 1),
               threads == 1 ? QStringLiteral("CPU, 1 thread") : QStringLiteral("CPU, %1 threads").arg(threads));
    QVERIFY2(stipple::jobs::versionLines().filter(QStringLiteral("Device: ")).size() == 1,
             qPrintable(stipple::jobs::versionLines().join(QLatin1Char('\n'))));
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/stipple_de.qm")));
    QCoreApplication::installTranslator(&german);
    const QString summary = prefs.deviceSummary();
    const QStringList about = stipple::jobs::versionLines();
    QCoreApplication::removeTranslator(&german);
    if (!prefs.usesCuda())
      QCOMPARE(summary.section(QStringLiteral(", "), 0, 1),
               threads == 1 ? QStringLiteral("CPU, 1 Thread") : QStringLiteral("CPU, %1 Threads").arg(threads));
    const QString text = about.join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("Recheneinheit: ")) && !text.contains(QStringLiteral("Device: ")), qPrintable(text));
  }

  // The system language picks the catalogue the way main() asks for it (QLocale, "stipple", "_").
  void systemLanguagePicksCatalogue() {
    for (const auto& [locale, lang] : std::initializer_list<std::pair<const char*, const char*>>{
             {"de_AT", "de"}, {"fr_CA", "fr"}, {"es_MX", "es"}, {"ja_JP", "ja"}, {"zh_CN", "zh_CN"}}) {
      QTranslator tr;
      QVERIFY2(tr.load(QLocale(QString::fromLatin1(locale)), QStringLiteral("stipple"), QStringLiteral("_"),
                       QStringLiteral(":/i18n")),
               locale);
      QVERIFY2(tr.filePath().endsWith(QStringLiteral("stipple_%1.qm").arg(QLatin1String(lang))),
               qPrintable(tr.filePath()));
    }
  }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
