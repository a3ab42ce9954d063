// Whole generations through the main window on the tiny golden model (64x64, a few steps):
// previews stream onto the canvas, results become an undoable change and a history entry,
// cancel leaves the canvas alone, inpainting keeps every pixel outside the mask, a dropped PNG
// fills the prompt panel, and a failing job shows its message without stopping the next.
#include <QAction>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QComboBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QUrl>
#include <QtTest>

#include "autosaver.h"
#include "canvasview.h"
#include "document/canvasdocument.h"
#include "document/historystore.h"
#include "document/sessionfile.h"
#include "generationcontroller.h"
#include "generationsettings.h"
#include "golden.h"
#include "historypanel.h"
#include "jobprogress.h"
#include "jobs/jobqueue.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "modelchooser.h"
#include "pipeline/engine.h"
#include "promptedit.h"
#include "promptpanel.h"
#include "seedfield.h"

using namespace stipple::ui;

namespace {

QByteArray bytesOf(const QImage& image) {
  QByteArray out;
  for (int y = 0; y < image.height(); ++y)
    out.append(reinterpret_cast<const char*>(image.constScanLine(y)), image.width() * image.depth() / 8);
  return out;
}

void configureTiny(MainWindow& w, const QString& model, int steps) {
  PromptPanel* panel = w.promptPanel();
  panel->modelChooser()->addModel(model);
  panel->promptEdit()->setPlainText(QStringLiteral("a red square on a blue floor"));
  GenerationSettings* s = panel->settings();
  s->widthBox()->setValue(64);
  s->heightBox()->setValue(64);
  s->stepsBox()->setValue(steps);
  s->samplerBox()->setCurrentIndex(s->samplerBox()->findData(QStringLiteral("euler")));
  s->seedField()->setSeed(5);
  s->maskBlurBox()->setValue(0);
}

}  // namespace

class TestGeneration : public QObject {
  Q_OBJECT

  QString m_model;

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

  void generationStreamsPreviewsAndAddsHistory() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    configureTiny(w, m_model, 4);
    QSignalSpy previews(w.jobQueue(), &stipple::jobs::JobQueue::previewReady);
    QSignalSpy finished(w.controller(), &GenerationController::finished);
    QSignalSpy busy(w.controller(), &GenerationController::busyChanged);
    // Ctrl+Enter from the prompt field generates.
    w.promptPanel()->promptEdit()->setFocus();
    QTest::keyClick(w.promptPanel()->promptEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(w.promptPanel()->promptEdit()->toPlainText(), QStringLiteral("a red square on a blue floor"));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(previews.count() >= 1);
    QVERIFY(!busy.isEmpty());
    QCOMPARE(busy.last().first().toBool(), false);
    QVERIFY(w.canvasView()->preview().isNull());  // the preview makes way for the result
    // The finished picture is in the session autosave at once, not at the next tick.
    w.autosaver()->waitForWrite();
    QVERIFY(!w.autosaver()->isDirty());
    const SessionReadResult autosaved = readSessionFile(w.autosaver()->filePath());
    QCOMPARE(int(autosaved.status), int(SessionReadResult::Status::Ok));
    QCOMPARE(bytesOf(autosaved.snapshot.content.image), bytesOf(w.document()->image()));
    QCOMPARE(autosaved.snapshot.steps.size(), 1);
    QCOMPARE(w.document()->size(), QSize(64, 64));
    QCOMPARE(w.document()->origin(), CanvasDocument::Origin::Generated);
    QVERIFY(w.document()->parameters().contains(QStringLiteral("Seed: 5")));
    QCOMPARE(w.historyStore()->entries().size(), 1);
    QCOMPARE(w.historyPanel()->listWidget()->count(), 1);
    QVERIFY(QFile::exists(w.historyStore()->entries().first().path));
    QCOMPARE(*w.promptPanel()->settings()->seedField()->lastSeed(), quint64(5));
    QVERIFY(!w.jobProgress()->isVisible());
    QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Done")), qPrintable(w.statusBar()->currentMessage()));
    // One undoable change.
    const int commands = w.document()->undoStack()->count();
    QCOMPARE(commands, 1);
    w.findChild<QAction*>(QStringLiteral("actionUndo"))->trigger();
    QCOMPARE(w.document()->size(), QSize(64, 64));  // the start canvas had taken the output size
    QCOMPARE(w.document()->origin(), CanvasDocument::Origin::Blank);

    // The history survives a restart.
    HistoryStore reopened;
    QCOMPARE(reopened.entries().size(), 1);
    QVERIFY(reopened.entries().first().parameters.contains(QStringLiteral("a red square")));
  }

  // The blank canvas of a start takes the output size (a model's native size when the model
  // brings one) until anything is done to it; then it is the user's and stays as it is.
  void startCanvasFollowsTheOutputSizeUntilUsed() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    GenerationSettings* s = w.promptPanel()->settings();
    QCOMPARE(w.document()->size(), QSize(s->widthBox()->value(), s->heightBox()->value()));
    s->adoptModelDefaults(QStringLiteral("/models/stipple-shapes"),
                          stipple::jobs::ModelDefaults{128, 3.0, QStringLiteral("dpmpp_2m")});
    QCOMPARE(w.document()->size(), QSize(128, 128));
    s->widthBox()->setValue(256);
    QCOMPARE(w.document()->size(), QSize(256, 128));
    QCOMPARE(w.document()->undoStack()->count(), 0);
    QVERIFY(!w.document()->isModified());
    QCOMPARE(w.promptPanel()->mode(), GenerationMode::Generate);
    // A mask stroke makes it the user's canvas.
    stipple::ui::MaskBrush brush;
    brush.radius = 8;
    w.document()->beginStroke(QPointF(20, 20), brush);
    w.document()->endStroke();
    s->widthBox()->setValue(320);
    QCOMPARE(w.document()->size(), QSize(256, 128));
    // So does a canvas made with File > New, even undone to nothing.
    MainWindow other;
    other.document()->newCanvas(QSize(600, 400));
    other.promptPanel()->settings()->heightBox()->setValue(192);
    QCOMPARE(other.document()->size(), QSize(600, 400));
  }

  void cancelLeavesTheCanvasAndStaysResponsive() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    configureTiny(w, m_model, 1000);
    const QByteArray before = bytesOf(w.document()->image());
    QSignalSpy finished(w.controller(), &GenerationController::finished);
    QSignalSpy progress(w.controller(), &GenerationController::progress);
    QVERIFY(w.controller()->generate());
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 60000);
    QVERIFY(w.jobProgress()->isVisible());
    QVERIFY2(w.jobProgress()->detailText().contains(QStringLiteral("ETA")), qPrintable(w.jobProgress()->detailText()));
    QCOMPARE(w.jobProgress()->bar()->maximum(), 1000);
    QTest::keyClick(&w, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(progress.last().at(0).toInt() < 1000);
    QCOMPARE(bytesOf(w.document()->image()), before);
    QCOMPARE(w.document()->undoStack()->count(), 0);
    QVERIFY(w.historyStore()->entries().isEmpty());
    QVERIFY(w.canvasView()->preview().isNull());
    // Responsive: the next job runs to the end.
    w.promptPanel()->settings()->stepsBox()->setValue(3);
    QVERIFY(w.controller()->generate());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QCOMPARE(finished.last().first().toBool(), true);
  }

  void inpaintChangesNothingOutsideTheMask() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    configureTiny(w, m_model, 4);
    QImage picture(64, 64, QImage::Format_RGB888);
    for (int y = 0; y < 64; ++y)
      for (int x = 0; x < 64; ++x) picture.setPixelColor(x, y, QColor(x * 4, y * 4, 128));
    w.document()->replaceImage(picture, QString(), CanvasDocument::Origin::Imported, QStringLiteral("test"));
    QCOMPARE(w.promptPanel()->mode(), GenerationMode::ImageToImage);
    stipple::ui::MaskBrush brush;
    brush.radius = 10;
    brush.hardness = 0.3;
    w.document()->beginStroke(QPointF(32, 32), brush);
    w.document()->endStroke();
    QCOMPARE(w.promptPanel()->mode(), GenerationMode::Inpaint);
    const QImage mask = w.document()->mask().copy();
    const QImage original = w.document()->image().copy();
    QSignalSpy finished(w.controller(), &GenerationController::finished);
    QVERIFY(w.controller()->generate());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    QCOMPARE(finished.first().first().toBool(), true);
    const QImage result = w.document()->image();
    QCOMPARE(result.size(), original.size());
    int changedInside = 0;
    for (int y = 0; y < 64; ++y) {
      for (int x = 0; x < 64; ++x) {
        const bool masked = qGray(mask.pixel(x, y)) > 0;
        const bool same = result.pixel(x, y) == original.pixel(x, y);
        if (!masked) QVERIFY2(same, qPrintable(QStringLiteral("pixel %1,%2 changed outside the mask").arg(x).arg(y)));
        if (masked && !same) ++changedInside;
      }
    }
    QVERIFY(changedInside > 50);
    QVERIFY(w.document()->parameters().contains(QStringLiteral("Denoising strength")));
    QVERIFY(!w.document()->maskIsEmpty());  // the mask stays for another try
  }

  void droppedPngFillsThePromptPanel() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("from-a1111.png"));
    QImage image(48, 40, QImage::Format_RGB888);
    image.fill(QColor(200, 100, 50));
    image.setText(QStringLiteral("parameters"),
                  QStringLiteral("an owl in the snow\nNegative prompt: cartoon\n"
                                 "Steps: 20, Sampler: Euler a, Schedule type: Karras, CFG scale: 7, Seed: 1, "
                                 "Size: 512x512, Model hash: 0123456789, Model: some-model"));
    QVERIFY(image.save(path));

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(300, 300), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(300, 300), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    delete mime;

    QCOMPARE(w.document()->size(), QSize(48, 40));
    QCOMPARE(w.document()->filePath(), path);
    PromptPanel* panel = w.promptPanel();
    QCOMPARE(panel->promptEdit()->toPlainText(), QStringLiteral("an owl in the snow"));
    QCOMPARE(panel->negativeEdit()->toPlainText(), QStringLiteral("cartoon"));
    GenerationSettings* s = panel->settings();
    QCOMPARE(s->stepsBox()->value(), 20);
    QCOMPARE(s->samplerBox()->currentData().toString(), QStringLiteral("euler_a"));
    QCOMPARE(s->scheduleBox()->currentData().toString(), QStringLiteral("karras"));
    QCOMPARE(s->cfgBox()->value(), 7.0);
    QCOMPARE(*s->seedField()->seed(), quint64(1));
    QCOMPARE(s->widthBox()->value(), 512);
    QCOMPARE(panel->mode(), GenerationMode::ImageToImage);
  }

  void failingJobShowsTheMessageAndTheNextRuns() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    configureTiny(w, m_model, 3);
    const QString missing = QDir::tempPath() + QStringLiteral("/stipple-no-such-model.safetensors");
    w.promptPanel()->modelChooser()->addModel(missing);
    QSignalSpy finished(w.controller(), &GenerationController::finished);
    QVERIFY(w.controller()->generate());
    QTRY_VERIFY_WITH_TIMEOUT(!w.messageBar()->text().isEmpty(), 60000);
    QVERIFY2(w.messageBar()->text().contains(QStringLiteral("stipple-no-such-model")), qPrintable(w.messageBar()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!w.controller()->isBusy(), 60000);
    QCOMPARE(w.document()->undoStack()->count(), 0);

    w.promptPanel()->modelChooser()->setCurrentPath(m_model);
    QVERIFY(w.controller()->generate());
    QTRY_VERIFY_WITH_TIMEOUT(w.document()->undoStack()->count() == 1, 60000);
    QCOMPARE(w.historyStore()->entries().size(), 1);
    QVERIFY(w.messageBar()->text().isEmpty());  // a success clears the old error
  }

  void firstStartListsTheBundledModelsAndTakesTheirSize() {
    const auto bundled = stipple::default_model_path();
    if (!bundled) QSKIP("the bundled model is not in models/");
    MainWindow w;  // fresh settings: the bundled model is chosen and loads
    QCOMPARE(w.promptPanel()->modelPath(), QString::fromStdString(bundled->string()));
    const QStringList listed = w.promptPanel()->modelChooser()->models();
    QCOMPARE(listed.mid(0, 2), (QStringList{QString::fromStdString(bundled->string()),
                                            QString::fromStdString(bundled->string() + "-inpainting")}));
    GenerationSettings* s = w.promptPanel()->settings();
    QTRY_COMPARE_WITH_TIMEOUT(s->outputSize(), QSize(128, 128), 60000);
    QCOMPARE(w.document()->size(), QSize(128, 128));  // the empty canvas shows what will be drawn
    // and the sampling its model_index.json recommends
    const auto recommended = stipple::read_sampling_defaults(*bundled);
    QVERIFY(recommended.cfg > 0);
    QCOMPARE(s->cfgBox()->value(), recommended.cfg);
    QCOMPARE(s->samplerBox()->currentData().toString(), QString::fromStdString(recommended.sampler));
  }

  void etaFormatting() {
    QCOMPARE(JobProgress::formatEta(0.2), QStringLiteral("0:00"));
    QCOMPARE(JobProgress::formatEta(75), QStringLiteral("1:15"));
    QCOMPARE(JobProgress::formatEta(3725), QStringLiteral("1:02:05"));
  }

  void invalidSettingsAreExplainedAndNothingIsQueued() {
    MainWindow w;
    configureTiny(w, m_model, 4);
    w.promptPanel()->settings()->heightBox()->setValue(70);
    QSignalSpy queued(w.jobQueue(), &stipple::jobs::JobQueue::jobQueued);
    QVERIFY(!w.controller()->generate());
    QVERIFY(w.promptPanel()->errorText().contains(QStringLiteral("Height")));
    QCOMPARE(queued.count(), 0);
  }
};

QTEST_MAIN(TestGeneration)
#include "test_generation.moc"
