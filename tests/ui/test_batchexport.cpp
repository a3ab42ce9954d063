// File > Batch Export... on the tiny golden model (64x64, a few steps): the dialog validates as
// the user types (line numbers of bad rows, bad sweeps, a folder holding another batch), the
// menu action drives a 3-prompt x 4-seed export to 12 images with their parameters and a
// manifest, pause parks the batch after its current image and resume finishes it without a
// duplicate, a generation from the panel runs between batch images, and a cancelled batch
// keeps its images and continues when exported again. Selected history entries export into a
// folder the same way, named by seed and prompt, never over an existing file.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "batchexportdialog.h"
#include "batchprogresswindow.h"
#include "generationcontroller.h"
#include "generationsettings.h"
#include "document/historystore.h"
#include "golden.h"
#include "historypanel.h"
#include "jobs/jobqueue.h"
#include "mainwindow.h"
#include "modelchooser.h"
#include "promptedit.h"
#include "promptpanel.h"
#include "seedfield.h"

using namespace stipple::ui;
using stipple::jobs::JobKind;
using stipple::jobs::JobResult;
using stipple::jobs::JobStatus;

namespace {

void configureTiny(MainWindow& w, const QString& model, int steps) {
  PromptPanel* panel = w.promptPanel();
  panel->modelChooser()->addModel(model);
  panel->promptEdit()->setPlainText(QStringLiteral("a red square on a blue floor"));
  GenerationSettings* s = panel->settings();
  s->widthBox()->setValue(64);
  s->heightBox()->setValue(64);
  s->stepsBox()->setValue(steps);
  s->samplerBox()->setCurrentIndex(s->samplerBox()->findData(QStringLiteral("euler")));
  s->seedField()->setSeed(7);
}

QStringList imagesIn(const QString& dir) {
  return QDir(dir).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
}

// Rows of manifest.jsonl and their "file" values.
QStringList manifestFiles(const QString& dir) {
  QFile f(QDir(dir).filePath(QStringLiteral("manifest.jsonl")));
  if (!f.open(QIODevice::ReadOnly)) return {};
  QStringList files;
  for (const QByteArray& line : f.readAll().split('\n')) {
    if (line.trimmed().isEmpty()) continue;
    const QJsonObject row = QJsonDocument::fromJson(line).object();
    files << row.value(QStringLiteral("file")).toString();
  }
  return files;
}

std::optional<JobResult> batchResult(const QSignalSpy& finished) {
  for (const auto& args : finished) {
    const auto result = args.at(0).value<JobResult>();
    if (result.kind == JobKind::Batch) return result;
  }
  return std::nullopt;
}

template <typename T>
T* child(QWidget* w, const char* name) {
  return w->findChild<T*>(QLatin1String(name));
}

// Runs `drive` on the modal dialog of type T once exec() has shown it. After 10 s without it,
// whatever modal widget is up is closed, so a wrong or missing dialog fails the test instead of
// hanging it.
template <typename T>
void whenModal(QObject* context, std::function<void(T*)> drive) {
  auto* timer = new QTimer(context);
  timer->setInterval(20);
  auto clock = std::make_shared<QElapsedTimer>();
  clock->start();
  QObject::connect(timer, &QTimer::timeout, context, [timer, clock, drive] {
    if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
      timer->stop();
      timer->deleteLater();
      drive(dialog);
    } else if (clock->elapsed() > 10000) {
      timer->stop();
      timer->deleteLater();
      if (QWidget* other = QApplication::activeModalWidget()) other->close();
    }
  });
  timer->start();
}

}  // namespace

class TestBatchExport : public QObject {
  Q_OBJECT

  QString m_model;

  // A batch job built by the dialog, as the menu makes it.
  stipple::jobs::BatchJob makeJob(MainWindow& w, const QString& prompts, int perPrompt, const QString& folder) {
    stipple::GenerationRequest defaults;
    w.promptPanel()->fillRequest(defaults);
    BatchExportDialog dialog(defaults, w.promptPanel()->modelPath());
    dialog.setPromptText(prompts);
    child<QSpinBox>(&dialog, "batchPerPrompt")->setValue(perPrompt);
    dialog.setOutputFolder(folder);
    if (!dialog.validate()) qWarning("%s", qPrintable(dialog.problemText()));
    return dialog.batchJob();
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    const auto golden = stipple::test::golden_dir();
    if (!golden) QSKIP(stipple::test::golden_missing_message().c_str());
    m_model = QString::fromStdString((*golden / "tiny-sd1.safetensors").string());
  }

  void init() {
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
  }

  void dialogValidatesAsTheUserTypes() {
    QTemporaryDir dir;
    stipple::GenerationRequest defaults;
    defaults.width = defaults.height = 64;
    defaults.steps = 10;
    BatchExportDialog dialog(defaults, m_model);
    dialog.setOutputFolder(dir.filePath(QStringLiteral("out")));
    QPushButton* exportButton = child<QPushButton>(&dialog, "batchExportButton");

    // Nothing typed: no batch, and the reason.
    QVERIFY(!dialog.validate());
    QVERIFY(!exportButton->isEnabled());
    QVERIFY(dialog.problemText().contains(QStringLiteral("prompts")));

    // Plain text: comments and blank lines ignored; 3 prompts x 2 images.
    dialog.setPromptText(QStringLiteral("# cats\na cat\n\na dog\na bird\n"));
    child<QSpinBox>(&dialog, "batchPerPrompt")->setValue(2);
    QVERIFY2(dialog.validate(), qPrintable(dialog.problemText()));
    QCOMPARE(dialog.imageCount(), 6);
    QVERIFY(exportButton->isEnabled());
    QVERIFY2(dialog.summaryText().startsWith(QStringLiteral("6 images")), qPrintable(dialog.summaryText()));
    QVERIFY(dialog.summaryText().contains(QStringLiteral("after the first image")));  // no speed measured yet
    dialog.setSpeed(0.01, 64 * 64);
    QVERIFY(dialog.validate());
    QVERIFY2(dialog.summaryText().contains(QStringLiteral("about")), qPrintable(dialog.summaryText()));

    // A sweep multiplies; a bad one is named.
    child<QLineEdit>(&dialog, "batchSweepX")->setText(QStringLiteral("cfg=5,7,9"));
    QVERIFY(dialog.validate());
    QCOMPARE(dialog.imageCount(), 18);
    child<QLineEdit>(&dialog, "batchSweepX")->setText(QStringLiteral("cfg=5,abc"));
    QVERIFY(!dialog.validate());
    QVERIFY2(dialog.problemText().contains(QStringLiteral("abc")), qPrintable(dialog.problemText()));
    child<QLineEdit>(&dialog, "batchSweepX")->clear();

    // CSV with a bad row: its line number, and nothing can start.
    child<QComboBox>(&dialog, "batchPromptFormat")->setCurrentIndex(2);  // CSV
    dialog.setPromptText(QStringLiteral("prompt,steps\na cat,12\na dog,many\n"));
    QVERIFY(!dialog.validate());
    QVERIFY2(dialog.problemText().contains(QStringLiteral("Line 3")), qPrintable(dialog.problemText()));
    QVERIFY(!exportButton->isEnabled());
    QVERIFY(child<QLabel>(&dialog, "batchProblems")->isVisibleTo(&dialog));
    dialog.setPromptText(QStringLiteral("prompt,steps\na cat,12\na dog,4\n"));
    QVERIFY(dialog.validate());
    const auto job = dialog.batchJob();
    QCOMPARE(job.plan->items.size(), size_t(4));
    QCOMPARE(job.plan->items[2].request.steps, 4);

    // A template with a path separator is refused; the example shows a real name.
    child<QLineEdit>(&dialog, "batchTemplate")->setText(QStringLiteral("a/{seed}"));
    QVERIFY(!dialog.validate());
    child<QLineEdit>(&dialog, "batchTemplate")->setText(QStringLiteral("{prompt}-{seed}"));
    QVERIFY(dialog.validate());
    QVERIFY2(child<QLabel>(&dialog, "batchExample")->text().contains(QStringLiteral("a-cat-")),
             qPrintable(child<QLabel>(&dialog, "batchExample")->text()));
  }

  void menuExportsTwelveImagesWithParametersAndManifest() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("batch"));
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    configureTiny(w, m_model, 3);
    QSignalSpy finished(w.jobQueue(), &stipple::jobs::JobQueue::jobFinished);
    bool driven = false;
    QString dialogProblems;
    // The dialog is modal: drive it once it is up, as a user would.
    whenModal<BatchExportDialog>(this, [&](BatchExportDialog* dialog) {
      auto* prompts = child<QPlainTextEdit>(dialog, "batchPrompts");
      for (const char* line : {"a red circle", "a blue square", "a green star"}) {
        QTest::keyClicks(prompts, QLatin1String(line));
        QTest::keyClick(prompts, Qt::Key_Return);
      }
      child<QSpinBox>(dialog, "batchPerPrompt")->setValue(4);
      child<QComboBox>(dialog, "batchSeedMode")->setCurrentIndex(0);  // incrementing
      child<QLineEdit>(dialog, "batchFolder")->setText(out);
      child<QCheckBox>(dialog, "batchContactSheet")->setChecked(true);
      dialog->validate();
      dialogProblems = dialog->problemText();
      driven = true;
      QTest::mouseClick(child<QPushButton>(dialog, "batchExportButton"), Qt::LeftButton);
    });
    w.findChild<QAction*>(QStringLiteral("actionBatchExport"))->trigger();
    QVERIFY2(driven, "the dialog did not open");
    QVERIFY2(dialogProblems.isEmpty(), qPrintable(dialogProblems));
    QCOMPARE(w.batchWindows().size(), 1);
    BatchProgressWindow* window = w.batchWindows().first();
    QVERIFY(window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(batchResult(finished).has_value(), 120000);
    const JobResult result = *batchResult(finished);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.batch.written, 12);
    QCOMPARE(result.batch.failed, 0);
    QVERIFY(!result.batch.contactSheet.isEmpty());
    QVERIFY(QFile::exists(result.batch.contactSheet));
    QVERIFY(window->isFinished());
    QVERIFY2(window->stateText().startsWith(QStringLiteral("Done")), qPrintable(window->stateText()));
    QCOMPARE(window->cancelButton()->text(), QStringLiteral("&Close"));

    QStringList images = imagesIn(out);
    images.removeAll(QStringLiteral("contact-sheet.png"));
    QCOMPARE(images.size(), 12);
    QStringList manifest = manifestFiles(out);
    manifest.sort();
    QCOMPARE(manifest, images);
    // Seeds increment per prompt from the panel's seed; parameters ride in each PNG.
    QVERIFY2(images.first().startsWith(QStringLiteral("0001-7-a-red-circle")), qPrintable(images.first()));
    QVERIFY(images.contains(QStringLiteral("0004-10-a-red-circle.png")));
    QImageReader reader(QDir(out).filePath(images.first()));
    const QString parameters = reader.text(QStringLiteral("parameters"));
    QVERIFY2(parameters.startsWith(QStringLiteral("a red circle")), qPrintable(parameters));
    QVERIFY(parameters.contains(QStringLiteral("Seed: 7")));
    QVERIFY(parameters.contains(QStringLiteral("Steps: 3")));
    const QImage first = reader.read();
    QCOMPARE(first.size(), QSize(64, 64));

    // The dialog remembers the choices; the folder suggested next time is a new one beside.
    BatchExportDialog again(stipple::GenerationRequest{}, m_model);
    QCOMPARE(child<QSpinBox>(&again, "batchPerPrompt")->value(), 4);
    QVERIFY(child<QPlainTextEdit>(&again, "batchPrompts")->toPlainText().contains(QStringLiteral("green star")));
    QVERIFY(child<QLineEdit>(&again, "batchFolder")->text() != QDir::toNativeSeparators(out));
  }

  void pauseFinishesTheImageAndResumeCompletes() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("paused"));
    MainWindow w;
    configureTiny(w, m_model, 4);
    const auto job = makeJob(w, QStringLiteral("one\ntwo"), 5, out);
    QVERIFY(job.plan);
    QSignalSpy finished(w.jobQueue(), &stipple::jobs::JobQueue::jobFinished);
    QSignalSpy paused(w.jobQueue(), &stipple::jobs::JobQueue::batchPaused);
    BatchProgressWindow* window = w.startBatch(job);
    QVERIFY(window);
    // Pause while the first image is being made.
    bool asked = false;
    connect(w.jobQueue(), &stipple::jobs::JobQueue::batchProgress, this,
            [&](quint64 id, const stipple::jobs::BatchStatus& s) {
              if (!asked && id == window->jobId() && s.current >= 0) {
                asked = true;
                QTest::mouseClick(window->pauseButton(), Qt::LeftButton);
              }
            });
    QTRY_VERIFY_WITH_TIMEOUT(!paused.isEmpty(), 60000);
    QVERIFY(w.jobQueue()->isPaused(window->jobId()));
    QVERIFY(!w.jobQueue()->isBusy());  // parked, not running
    QCOMPARE(window->stateText(), QStringLiteral("Paused"));
    QCOMPARE(window->pauseButton()->text(), QStringLiteral("&Resume"));
    const int before = int(imagesIn(out).size());
    QVERIFY2(before >= 1 && before < 10, qPrintable(QString::number(before)));  // the current image was finished
    QCOMPARE(int(manifestFiles(out).size()), before);
    QTest::qWait(200);
    QCOMPARE(int(imagesIn(out).size()), before);  // nothing happens while paused
    QVERIFY(!batchResult(finished).has_value());

    QTest::mouseClick(window->pauseButton(), Qt::LeftButton);  // Resume
    QTRY_VERIFY_WITH_TIMEOUT(batchResult(finished).has_value(), 60000);
    const JobResult result = *batchResult(finished);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.batch.written, 10);
    QCOMPARE(result.batch.alreadyDone, 0);
    QCOMPARE(int(imagesIn(out).size()), 10);
    QCOMPARE(int(manifestFiles(out).size()), 10);
    QCOMPARE(int(manifestFiles(out).removeDuplicates()), 0);
  }

  void panelGenerationRunsBetweenBatchImages() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("shared"));
    MainWindow w;
    configureTiny(w, m_model, 12);
    const auto job = makeJob(w, QStringLiteral("a\nb\nc\nd\ne\nf"), 2, out);
    QVERIFY(job.plan && job.yieldToInteractive);
    QSignalSpy finished(w.jobQueue(), &stipple::jobs::JobQueue::jobFinished);
    QSignalSpy generated(w.controller(), &GenerationController::finished);
    QSignalSpy written(w.jobQueue(), &stipple::jobs::JobQueue::batchImageWritten);
    int writtenWhenQueued = -1, writtenWhenGenerated = -1;
    bool generateOk = false, panelWasIdle = false;
    // Generate from the panel as soon as the first batch image is written.
    connect(w.jobQueue(), &stipple::jobs::JobQueue::batchImageWritten, this, [&] {
      if (writtenWhenQueued >= 0) return;
      writtenWhenQueued = int(written.size());
      panelWasIdle = !w.controller()->isBusy();  // the batch is not the panel's work
      generateOk = w.controller()->generate();
    });
    connect(w.controller(), &GenerationController::finished, this, [&] { writtenWhenGenerated = int(written.size()); });
    BatchProgressWindow* window = w.startBatch(job);
    QTRY_VERIFY_WITH_TIMEOUT(!generated.isEmpty(), 120000);
    QVERIFY(panelWasIdle);
    QVERIFY(generateOk);
    QCOMPARE(generated.first().first().toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(batchResult(finished).has_value(), 120000);
    const JobResult result = *batchResult(finished);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.batch.written, 12);
    QCOMPARE(result.batch.alreadyDone, 0);
    // The generation ran between batch images: at most one more image was finished meanwhile.
    QVERIFY2(writtenWhenGenerated >= writtenWhenQueued && writtenWhenGenerated <= writtenWhenQueued + 1,
             qPrintable(QStringLiteral("%1 %2").arg(writtenWhenQueued).arg(writtenWhenGenerated)));
    QCOMPARE(int(imagesIn(out).size()), 12);
    QCOMPARE(int(manifestFiles(out).size()), 12);
    QVERIFY(window->isFinished());
    QVERIFY2(window->stateText().startsWith(QStringLiteral("Done")), qPrintable(window->stateText()));
  }

  void aBatchThatFinishesFirstIsNotOvertaken() {
    // Batch 1 runs and yields to generations; batch 2, queued behind it, does not: a generation
    // queued after batch 2 waits for it, and batch 1 is neither stopped for it nor restarted in
    // a loop.
    QTemporaryDir dir;
    MainWindow w;
    configureTiny(w, m_model, 6);
    auto first = makeJob(w, QStringLiteral("a\nb\nc"), 2, dir.filePath(QStringLiteral("one")));
    auto second = makeJob(w, QStringLiteral("d"), 2, dir.filePath(QStringLiteral("two")));
    second.yieldToInteractive = false;
    QSignalSpy started(w.jobQueue(), &stipple::jobs::JobQueue::jobStarted);
    QSignalSpy finished(w.jobQueue(), &stipple::jobs::JobQueue::jobFinished);
    const quint64 one = w.startBatch(first)->jobId();
    auto startsOf = [&](quint64 id) {
      int n = 0;
      for (const auto& args : started) n += args.at(0).toULongLong() == id;
      return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(startsOf(one) == 1, 60000);
    const quint64 two = w.startBatch(second)->jobId();
    QVERIFY(w.controller()->generate());
    // Model preloads may come and go; the order of the real work is what counts.
    auto work = [&] {
      QList<quint64> ids;
      for (const auto& args : finished) {
        const auto r = args.at(0).value<JobResult>();
        if (r.kind != JobKind::Load) ids << r.id;
      }
      return ids;
    };
    QTRY_VERIFY_WITH_TIMEOUT(work().size() == 3, 120000);
    const QList<quint64> order = work();
    QCOMPARE(order.mid(0, 2), QList<quint64>({one, two}));
    QCOMPARE(startsOf(one), 1);
    for (const auto& args : finished) QVERIFY(args.at(0).value<JobResult>().ok());
  }

  void selectedHistoryEntriesExportIntoAFolder() {
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("history")));
    HistoryPanel panel(&store);
    const QStringList prompts{QStringLiteral("a red circle"), QStringLiteral("a blue square"), QStringLiteral("a star")};
    for (int i = 0; i < prompts.size(); ++i) {
      QImage image(32, 24, QImage::Format_RGB888);
      image.fill(QColor(40 * i, 100, 200));
      QString error;
      QVERIFY2(!store.add(image, QStringLiteral("%1\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: %2, Size: 32x24")
                                       .arg(prompts[i]).arg(100 + i), &error).isEmpty(), qPrintable(error));
    }
    QCOMPARE(panel.listWidget()->count(), 3);
    panel.listWidget()->item(0)->setSelected(true);
    panel.listWidget()->item(2)->setSelected(true);
    const QStringList ids = panel.selectedIds();
    QCOMPARE(ids.size(), 2);
    const QString out = dir.filePath(QStringLiteral("picked"));
    QString error;
    QCOMPARE(panel.exportEntries(ids, out, &error), 2);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList files = imagesIn(out);
    QCOMPARE(files.size(), 2);
    // Newest first: the star (seed 102) is image 1.
    QCOMPARE(files, QStringList({QStringLiteral("0001-102-a-star.png"), QStringLiteral("0002-100-a-red-circle.png")}));
    QImageReader reader(QDir(out).filePath(files.first()));
    const QString written = reader.text(QStringLiteral("parameters"));
    // (QImageReader folds the line break into a space.)
    QVERIFY2(written.startsWith(QStringLiteral("a star")) && written.contains(QStringLiteral("Seed: 102")), qPrintable(written));
    // Again into the same folder: new names, the first files untouched.
    QCOMPARE(panel.exportEntries(ids, out, &error), 2);
    files = imagesIn(out);
    QCOMPARE(files.size(), 4);
    QVERIFY(files.contains(QStringLiteral("0001-102-a-star-1.png")));
    // A folder that cannot be made: nothing written, and why.
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    error.clear();
    QCOMPARE(panel.exportEntries(ids, dir.filePath(QStringLiteral("file/sub")), &error), 0);
    QVERIFY2(error.contains(QStringLiteral("cannot create")), qPrintable(error));
  }

  void cancelKeepsImagesAndTheSameBatchContinues() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("cancelled"));
    MainWindow w;
    configureTiny(w, m_model, 12);
    const auto job = makeJob(w, QStringLiteral("x\ny"), 6, out);
    QSignalSpy finished(w.jobQueue(), &stipple::jobs::JobQueue::jobFinished);
    QSignalSpy written(w.jobQueue(), &stipple::jobs::JobQueue::batchImageWritten);
    BatchProgressWindow* window = nullptr;
    // After the second image: the panel's Cancel (for the panel's own jobs) changes nothing,
    // the window's Cancel stops the batch.
    connect(w.jobQueue(), &stipple::jobs::JobQueue::batchImageWritten, this, [&] {
      if (written.size() != 2) return;
      w.controller()->cancel();
      QTest::mouseClick(window->cancelButton(), Qt::LeftButton);
    });
    window = w.startBatch(job);
    QTRY_VERIFY_WITH_TIMEOUT(batchResult(finished).has_value(), 60000);
    JobResult result = *batchResult(finished);
    QCOMPARE(result.status, JobStatus::Cancelled);
    QVERIFY2(window->stateText().startsWith(QStringLiteral("Cancelled")), qPrintable(window->stateText()));
    const int kept = int(imagesIn(out).size());
    QVERIFY2(kept >= 2 && kept <= 3, qPrintable(QString::number(kept)));
    QCOMPARE(result.batch.written, kept);
    QCOMPARE(int(manifestFiles(out).size()), kept);

    // Exporting the same batch into the folder again continues it.
    finished.clear();
    w.startBatch(job);
    QTRY_VERIFY_WITH_TIMEOUT(batchResult(finished).has_value(), 60000);
    result = *batchResult(finished);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.batch.alreadyDone, kept);
    QCOMPARE(result.batch.written, 12 - kept);
    QCOMPARE(int(imagesIn(out).size()), 12);
    QCOMPARE(int(manifestFiles(out).size()), 12);

    // Another batch into that folder is refused by the dialog until the user adds to it.
    stipple::GenerationRequest defaults;
    w.promptPanel()->fillRequest(defaults);
    BatchExportDialog dialog(defaults, m_model);
    dialog.setPromptText(QStringLiteral("something else"));
    dialog.setOutputFolder(out);
    QVERIFY(!dialog.validate());
    QVERIFY2(dialog.problemText().contains(QStringLiteral("another batch")), qPrintable(dialog.problemText()));
    QCheckBox* add = child<QCheckBox>(&dialog, "batchAddToExisting");
    QVERIFY(add->isVisibleTo(&dialog));
    add->setChecked(true);
    QVERIFY2(dialog.validate(), qPrintable(dialog.problemText()));
    QVERIFY(dialog.batchJob().options.resume);
  }
};

QTEST_MAIN(TestBatchExport)
#include "test_batchexport.moc"
