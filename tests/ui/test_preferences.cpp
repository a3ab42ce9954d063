// Edit > Preferences…: every preference round-trips through QSettings, bad stored values fall
// back to defaults, the dialog shows and returns them (Restore Defaults, the fp16-on-CPU block,
// the restart note), and the main window applies them: the autosave interval, the device line,
// model folders scanned into the model list, the preview mode of a real generation.
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "autosaver.h"
#include "generationcontroller.h"
#include "generationsettings.h"
#include "golden.h"
#include "jobs/jobqueue.h"
#include "mainwindow.h"
#include "modelchooser.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "promptedit.h"
#include "promptpanel.h"
#include "runtime.h"
#include "seedfield.h"

using namespace stipple::ui;

namespace {

Preferences changedPreferences() {
  Preferences p;
  p.device = QStringLiteral("cpu");
  p.precision = QStringLiteral("bf16");
  p.threads = 3;
  p.previewMode = QStringLiteral("full");
  p.previewEvery = 4;
  p.imageFolder = QStringLiteral("/tmp/pictures");
  p.batchFolder = QStringLiteral("/tmp/batches");
  p.modelFolders = {QStringLiteral("/tmp/models-a"), QStringLiteral("/tmp/models-b")};
  p.language = QStringLiteral("de");
  p.theme = QStringLiteral("light");
  p.autosaveSeconds = 90;
  return p;
}

void compare(const Preferences& a, const Preferences& b) {
  QCOMPARE(a.device, b.device);
  QCOMPARE(a.precision, b.precision);
  QCOMPARE(a.threads, b.threads);
  QCOMPARE(a.previewMode, b.previewMode);
  QCOMPARE(a.previewEvery, b.previewEvery);
  QCOMPARE(a.imageFolder, b.imageFolder);
  QCOMPARE(a.batchFolder, b.batchFolder);
  QCOMPARE(a.modelFolders, b.modelFolders);
  QCOMPARE(a.language, b.language);
  QCOMPARE(a.theme, b.theme);
  QCOMPARE(a.autosaveSeconds, b.autosaveSeconds);
}

QPushButton* button(PreferencesDialog& d, QDialogButtonBox::StandardButton which) {
  return d.findChild<QDialogButtonBox*>(QStringLiteral("preferencesButtons"))->button(which);
}

}  // namespace

class TestPreferences : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void init() { QSettings().clear(); }

  void roundTripAndFallbacks() {
    compare(Preferences::load(), Preferences());  // nothing stored: the defaults
    QCOMPARE(Preferences().precision, QStringLiteral("auto"));
    changedPreferences().save();
    compare(Preferences::load(), changedPreferences());

    QSettings s;
    s.setValue(QStringLiteral("engine/device"), QStringLiteral("tpu"));
    s.setValue(QStringLiteral("engine/precision"), QStringLiteral("int4"));
    s.setValue(QStringLiteral("preview/every"), 0);
    s.setValue(QStringLiteral("appearance/language"), QStringLiteral("xx"));
    s.setValue(QStringLiteral("appearance/theme"), QStringLiteral("neon"));
    s.setValue(QStringLiteral("autosave/seconds"), 1);
    const Preferences p = Preferences::load();
    QCOMPARE(p.device, QStringLiteral("auto"));
    QCOMPARE(p.precision, QStringLiteral("auto"));
    QCOMPARE(p.previewEvery, 1);
    QCOMPARE(p.language, QString());
    QCOMPARE(p.theme, QStringLiteral("dark"));
    QCOMPARE(p.autosaveSeconds, Preferences::kMinAutosaveSeconds);
  }

  void languagesAreTheCompiledCatalogues() {
    const QStringList languages = Preferences::availableLanguages();
    for (const char* code : {"de", "es", "fr", "ja", "zh_CN"})
      QVERIFY2(languages.contains(QLatin1String(code)), code);
  }

  void summaryResolvesAutomatic() {
    Preferences p;
    p.device = QStringLiteral("cpu");
    p.precision = QStringLiteral("auto");
    const auto info = stipple::runtime_info();
    QVERIFY2(p.deviceSummary().startsWith(QStringLiteral("CPU, ")), qPrintable(p.deviceSummary()));
    QVERIFY2(p.deviceSummary().endsWith(info.cpu_bf16_fast ? QStringLiteral(", bf16") : QStringLiteral(", fp32")),
             qPrintable(p.deviceSummary()));
    p.precision = QStringLiteral("fp32");
    QVERIFY(p.deviceSummary().endsWith(QStringLiteral(", fp32")));
  }

  void dialogShowsAndReturnsEveryPreference() {
    PreferencesDialog dialog(changedPreferences());
    compare(dialog.preferences(), changedPreferences());
    QVERIFY(!dialog.needsRestart());
    dialog.findChild<QComboBox*>(QStringLiteral("languageBox"))->setCurrentIndex(0);  // system language
    QVERIFY(dialog.needsRestart());
    QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("restartNote"))->isHidden());
    button(dialog, QDialogButtonBox::RestoreDefaults)->click();
    compare(dialog.preferences(), Preferences());
  }

  void fp16OnTheCpuCannotBeChosen() {
    PreferencesDialog dialog{Preferences()};
    auto* device = dialog.findChild<QComboBox*>(QStringLiteral("deviceBox"));
    auto* precision = dialog.findChild<QComboBox*>(QStringLiteral("precisionBox"));
    device->setCurrentIndex(device->findData(QStringLiteral("cpu")));
    precision->setCurrentIndex(precision->findData(QStringLiteral("fp16")));
    QVERIFY(!button(dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("precisionNote"))->text().contains(QStringLiteral("CUDA")));
    precision->setCurrentIndex(precision->findData(QStringLiteral("fp32")));
    QVERIFY(button(dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("precisionNote"))->text().contains(QStringLiteral("fp32")));
    // No GPU here: CUDA is listed but cannot be picked.
    if (!stipple::runtime_info().cuda_available) {
      auto* model = qobject_cast<QStandardItemModel*>(device->model());
      QVERIFY(!model->item(device->findData(QStringLiteral("cuda")))->isEnabled());
    }
  }

  void mainWindowAppliesAcceptedPreferences() {
    MainWindow w;
    w.show();
    QAction* action = w.findChild<QAction*>(QStringLiteral("actionPreferences"));
    QVERIFY(action);
    QCOMPARE(action->menuRole(), QAction::PreferencesRole);
    QTemporaryDir models;
    QFile(models.filePath(QStringLiteral("lighthouse.safetensors"))).open(QIODevice::WriteOnly);
    QFile(models.filePath(QStringLiteral("notes.txt"))).open(QIODevice::WriteOnly);
    QDir(models.path()).mkpath(QStringLiteral("harbour/unet"));
    QFile(models.filePath(QStringLiteral("harbour/model_index.json"))).open(QIODevice::WriteOnly);

    bool answered = false;
    QTimer::singleShot(0, &w, [&] {
      auto* dialog = qobject_cast<PreferencesDialog*>(QApplication::activeModalWidget());
      QVERIFY(dialog);
      Preferences p = dialog->preferences();
      p.autosaveSeconds = 12;
      p.precision = QStringLiteral("bf16");
      p.device = QStringLiteral("cpu");
      p.modelFolders = {models.path()};
      dialog->setPreferences(p);
      answered = true;
      button(*dialog, QDialogButtonBox::Ok)->click();
    });
    QVERIFY(w.preferencesDialog());
    QVERIFY(answered);
    QCOMPARE(w.autosaver()->intervalSeconds(), 12);
    QVERIFY2(w.deviceLabel()->text().endsWith(QStringLiteral(", bf16")), qPrintable(w.deviceLabel()->text()));
    QCOMPARE(Preferences::load().precision, QStringLiteral("bf16"));
    const QStringList listed = w.promptPanel()->modelChooser()->models();
    QVERIFY(listed.contains(models.filePath(QStringLiteral("lighthouse.safetensors"))));
    QVERIFY(listed.contains(models.filePath(QStringLiteral("harbour"))));
    QVERIFY(!listed.contains(models.filePath(QStringLiteral("notes.txt"))));
    // Scanned models are found again at each start, not remembered as added by hand.
    QVERIFY(!QSettings().value(QStringLiteral("models/known")).toStringList().contains(
        models.filePath(QStringLiteral("harbour"))));
    w.promptPanel()->modelChooser()->setScannedFolders({});
    QVERIFY(!w.promptPanel()->modelChooser()->models().contains(models.filePath(QStringLiteral("harbour"))));
  }

  // The preview preference reaches a real generation on the tiny golden model.
  void previewOffMeansNoPreviews() {
    const auto golden = stipple::test::golden_dir();
    if (!golden) QSKIP(stipple::test::golden_missing_message().c_str());
    Preferences p;
    p.previewMode = QStringLiteral("off");
    p.save();
    MainWindow w;
    w.show();
    PromptPanel* panel = w.promptPanel();
    panel->modelChooser()->addModel(QString::fromStdString((*golden / "tiny-sd1.safetensors").string()));
    panel->promptEdit()->setPlainText(QStringLiteral("a red square"));
    panel->settings()->widthBox()->setValue(64);
    panel->settings()->heightBox()->setValue(64);
    panel->settings()->stepsBox()->setValue(3);
    panel->settings()->seedField()->setSeed(3);
    QSignalSpy previews(w.jobQueue(), &stipple::jobs::JobQueue::previewReady);
    QSignalSpy finished(w.controller(), &GenerationController::finished);
    QVERIFY(w.controller()->generate());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(previews.count(), 0);

    p.previewMode = QStringLiteral("approximate");
    p.save();
    finished.clear();
    QVERIFY(w.controller()->generate());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    QVERIFY(previews.count() >= 1);
  }
};

QTEST_MAIN(TestPreferences)
#include "test_preferences.moc"
