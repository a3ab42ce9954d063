// Edit > Extend Canvas... (outpainting): the grown picture keeps the old one pixel for pixel
// at its offset, the new area is masked with a seam fading into the picture, sizes round up to
// multiples of 8, bad requests are refused with a reason, one undo step restores everything,
// and "generate now" fills the new area through inpainting on the tiny golden model without
// touching the picture beyond the seam.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include "document/canvasdocument.h"
#include "extendcanvasdialog.h"
#include "generationcontroller.h"
#include "generationmode.h"
#include "generationsettings.h"
#include "golden.h"
#include "jobs/outpaint.h"
#include "mainwindow.h"
#include "modelchooser.h"
#include "promptedit.h"
#include "promptpanel.h"
#include "seedfield.h"

using namespace stipple::ui;

namespace {

QImage gradient(int w, int h) {
  QImage picture(w, h, QImage::Format_RGB888);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) picture.setPixelColor(x, y, QColor((x * 5) % 256, (y * 3) % 256, 90));
  return picture;
}

}  // namespace

class TestExtendCanvas : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void init() { QSettings().clear(); }

  void growsAroundTheOldPictureWithAFadingSeam() {
    const QImage picture = gradient(40, 24);
    const auto grown = stipple::jobs::extendCanvas(picture, QImage(), QMargins(16, 0, 8, 0), 8);
    QCOMPARE(grown.image.size(), QSize(64, 24));
    QCOMPARE(grown.mask.size(), QSize(64, 24));
    QCOMPARE(grown.image.format(), QImage::Format_RGB888);
    QCOMPARE(grown.mask.format(), QImage::Format_Grayscale8);
    for (int y = 0; y < 24; ++y) {
      for (int x = 0; x < 40; ++x)
        QCOMPARE(grown.image.pixel(16 + x, y), picture.pixel(x, y));  // the picture, exactly
      for (int x : {0, 8, 15, 56, 63}) QCOMPARE(qGray(grown.mask.pixel(x, y)), 255);  // new area
      QCOMPARE(qGray(grown.mask.pixel(36, y)), 0);  // mid-picture: 20 px from both seams
      // The fade: strong next to the seam, gone after `feather` px.
      QCOMPARE(qGray(grown.mask.pixel(16, y)), 255);  // the edge pixel is repainted fully
      QVERIFY(qGray(grown.mask.pixel(20, y)) > 100 && qGray(grown.mask.pixel(20, y)) < 160);  // halfway
      QVERIFY(qGray(grown.mask.pixel(16 + 7, y)) > 0);  // the 8th pixel still fades
      QCOMPARE(qGray(grown.mask.pixel(16 + 8, y)), 0);
      QVERIFY(qGray(grown.mask.pixel(55, y)) > 200);
    }
    // The new area continues the edge colours (blurred), not a flat grey.
    const QColor left = grown.image.pixelColor(2, 12), edge = picture.pixelColor(0, 12);
    QVERIFY2(std::abs(left.green() - edge.green()) < 40, qPrintable(QString::number(left.green())));

    // An existing mask is kept where it was.
    QImage mask(40, 24, QImage::Format_Grayscale8);
    mask.fill(0);
    mask.setPixel(30, 10, 0xffffffff);
    const auto withMask = stipple::jobs::extendCanvas(picture, mask, QMargins(0, 8, 0, 0), 0);
    QCOMPARE(withMask.image.size(), QSize(40, 32));
    QCOMPARE(qGray(withMask.mask.pixel(30, 18)), 255);
    QCOMPARE(qGray(withMask.mask.pixel(30, 20)), 0);
    QCOMPARE(qGray(withMask.mask.pixel(30, 8)), 0);  // feather 0: the seam row is not repainted
    QCOMPARE(qGray(withMask.mask.pixel(5, 7)), 255);
  }

  void refusesWhatCannotWork() {
    using stipple::jobs::checkExtension;
    QVERIFY(checkExtension(QSize(64, 64), QMargins(), 8).contains(QStringLiteral("at least one side")));
    QVERIFY(checkExtension(QSize(64, 64), QMargins(-8, 0, 0, 0), 8).contains(QStringLiteral("negative")));
    QVERIFY(checkExtension(QSize(4000, 64), QMargins(0, 0, 200, 0), 8).contains(QStringLiteral("4096")));
    QVERIFY(checkExtension(QSize(64, 64), QMargins(0, 0, 64, 0), 8).isEmpty());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             stipple::jobs::extendCanvas(gradient(8, 8), QImage(), QMargins(), 4));
    // Rounding: the grown axes become multiples of 8, the extra on the larger side.
    QCOMPARE(stipple::jobs::roundExtension(QSize(100, 64), QMargins(10, 0, 3, 0)), QMargins(17, 0, 3, 0));
    QCOMPARE(stipple::jobs::roundExtension(QSize(100, 60), QMargins(0, 0, 12, 0)), QMargins(0, 0, 12, 0));
    QCOMPARE(stipple::jobs::roundExtension(QSize(64, 60), QMargins(0, 0, 0, 1)), QMargins(0, 0, 0, 4));
  }

  void dialogShowsTheSizeAndRefusesNothing() {
    ExtendCanvasDialog dialog(QSize(500, 512));
    dialog.leftBox()->setValue(0);
    dialog.rightBox()->setValue(90);
    dialog.topBox()->setValue(0);
    dialog.bottomBox()->setValue(0);
    QCOMPARE(dialog.margins(), QMargins(0, 0, 92, 0));
    QVERIFY(dialog.problem().isEmpty());
    auto* result = dialog.findChild<QLabel*>(QStringLiteral("extendResult"));
    QVERIFY2(result->text().contains(QStringLiteral("592 × 512")), qPrintable(result->text()));
    QVERIFY(result->text().contains(QStringLiteral("rounded")));
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog.rightBox()->setValue(0);
    QVERIFY(!dialog.problem().isEmpty());
    QVERIFY(!ok->isEnabled());
    QVERIFY(result->text().contains(QStringLiteral("at least one side")));
  }

  void oneUndoStepRestoresTheCanvas() {
    CanvasDocument doc;
    doc.replaceImage(gradient(64, 48), QStringLiteral("a prompt"), CanvasDocument::Origin::Imported, QStringLiteral("t"));
    const QImage before = doc.image().copy();
    const int commands = doc.undoStack()->count();
    QVERIFY(doc.extendCanvas(QMargins(0, 0, 0, 0), 8).contains(QStringLiteral("at least one side")));
    QCOMPARE(doc.undoStack()->count(), commands);
    QVERIFY(doc.extendCanvas(QMargins(32, 16, 0, 0), 8).isEmpty());
    QCOMPARE(doc.size(), QSize(96, 64));
    QVERIFY(!doc.maskIsEmpty());
    QCOMPARE(qGray(doc.mask().pixel(10, 40)), 255);   // new column
    QCOMPARE(qGray(doc.mask().pixel(60, 5)), 255);    // new row
    QVERIFY(qGray(doc.mask().pixel(33, 40)) > 200);   // the seam
    QCOMPARE(qGray(doc.mask().pixel(70, 40)), 0);     // inside the picture
    QCOMPARE(doc.image().copy(32, 16, 64, 48), before);
    QCOMPARE(doc.undoStack()->count(), commands + 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Extend Canvas"));
    doc.undoStack()->undo();
    QCOMPARE(doc.size(), QSize(64, 48));
    QCOMPARE(doc.image(), before);
    QVERIFY(doc.maskIsEmpty());
  }

  void extendAndGenerateFillsOnlyTheNewArea() {
    const auto golden = stipple::test::golden_dir();
    if (!golden) QSKIP(stipple::test::golden_missing_message().c_str());
    MainWindow w;
    PromptPanel* panel = w.promptPanel();
    panel->modelChooser()->addModel(QString::fromStdString((*golden / "tiny-sd1.safetensors").string()));
    panel->promptEdit()->setPlainText(QStringLiteral("a wide landscape"));
    GenerationSettings* s = panel->settings();
    s->stepsBox()->setValue(4);
    s->samplerBox()->setCurrentIndex(s->samplerBox()->findData(QStringLiteral("euler")));
    s->seedField()->setSeed(3);
    s->maskBlurBox()->setValue(0);
    const QImage picture = gradient(64, 64);
    w.document()->replaceImage(picture, QString(), CanvasDocument::Origin::Imported, QStringLiteral("open"));
    QCOMPARE(panel->mode(), GenerationMode::ImageToImage);

    QSignalSpy finished(w.controller(), &GenerationController::finished);
    // Through the menu and the dialog, as a user does it.
    // Polls for the modal dialog; closes whatever is up after 10 s so the test fails, not hangs.
    auto* poll = new QTimer(this);
    poll->setInterval(20);
    int ticks = 0;
    connect(poll, &QTimer::timeout, this, [poll, &ticks] {
      auto* dialog = qobject_cast<ExtendCanvasDialog*>(QApplication::activeModalWidget());
      if (!dialog) {
        if (++ticks > 500) {
          poll->deleteLater();
          if (QWidget* other = QApplication::activeModalWidget()) other->close();
        }
        return;
      }
      poll->stop();
      poll->deleteLater();
      dialog->leftBox()->setValue(0);
      dialog->topBox()->setValue(0);
      dialog->bottomBox()->setValue(0);
      dialog->rightBox()->setValue(32);
      dialog->featherBox()->setValue(8);
      dialog->generateBox()->setChecked(true);
      dialog->accept();
    });
    poll->start();
    w.findChild<QAction*>(QStringLiteral("actionExtendCanvas"))->trigger();
    QCOMPARE(w.document()->size(), QSize(96, 64));
    QCOMPARE(panel->mode(), GenerationMode::Inpaint);
    const QImage mask = w.document()->mask().copy();
    const QImage extended = w.document()->image().copy();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    QCOMPARE(finished.first().first().toBool(), true);
    const QImage result = w.document()->image();
    QCOMPARE(result.size(), QSize(96, 64));
    int changedNew = 0;
    for (int y = 0; y < 64; ++y) {
      for (int x = 0; x < 96; ++x) {
        const bool masked = qGray(mask.pixel(x, y)) > 0;
        if (x < 64 && !masked)
          QVERIFY2(result.pixel(x, y) == picture.pixel(x, y), qPrintable(QStringLiteral("pixel %1,%2 changed").arg(x).arg(y)));
        if (x >= 64 && result.pixel(x, y) != extended.pixel(x, y)) ++changedNew;
      }
    }
    QVERIFY2(changedNew > 32 * 64 / 2, qPrintable(QString::number(changedNew)));  // generated, not the pre-fill
    QVERIFY(qGray(mask.pixel(60, 30)) > 0);   // the seam is repainted too
    QCOMPARE(qGray(mask.pixel(40, 30)), 0);  // beyond it nothing is
    const QString parameters = w.document()->parameters();
    QVERIFY2(parameters.contains(QStringLiteral("Denoising strength: 0.9")), qPrintable(parameters));
    QVERIFY(parameters.contains(QStringLiteral("Size: 96x64")));
    // Undo the result, then the extension: the original picture again.
    w.document()->undoStack()->undo();
    w.document()->undoStack()->undo();
    QCOMPARE(w.document()->image(), picture);
  }
};

QTEST_MAIN(TestExtendCanvas)
#include "test_extendcanvas.moc"
