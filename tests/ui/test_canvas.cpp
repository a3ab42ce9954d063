// The canvas: mouse strokes paint the mask where they went, undo/redo restore exact bytes,
// zoom and pan keep the brush under the cursor, files open and save with their parameters.
#include <QBuffer>
#include <QImageWriter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "canvasview.h"
#include "document/canvasdocument.h"
#include "document/maskbrush.h"
#include "document/maskeditcommand.h"

using namespace stipple::ui;

namespace {

QByteArray bytesOf(const QImage& image) {
  QByteArray out;
  for (int y = 0; y < image.height(); ++y)
    out.append(reinterpret_cast<const char*>(image.constScanLine(y)), image.width() * image.depth() / 8);
  return out;
}

int maskAt(const CanvasDocument& doc, const QPointF& imagePos) {
  return qGray(doc.mask().pixel(static_cast<int>(imagePos.x()), static_cast<int>(imagePos.y())));
}

// Press at `from`, move in small steps to `to`, release: as a user drags.
void drag(QWidget* w, const QPoint& from, const QPoint& to, Qt::MouseButton button = Qt::LeftButton) {
  QTest::mousePress(w, button, Qt::NoModifier, from);
  for (int i = 1; i <= 10; ++i) QTest::mouseMove(w, from + (to - from) * i / 10);
  QTest::mouseRelease(w, button, Qt::NoModifier, to);
}

}  // namespace

class TestCanvas : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void brushDabIsSoftAndBounded() {
    MaskBrush brush;
    brush.radius = 10;
    brush.hardness = 0.5;
    QCOMPARE(dabCoverage(brush, 0), 1.0);
    QCOMPARE(dabCoverage(brush, 5), 1.0);
    QVERIFY(dabCoverage(brush, 7.5) > 0.0 && dabCoverage(brush, 7.5) < 1.0);
    QCOMPARE(dabCoverage(brush, 10), 0.0);
    QImage mask(40, 40, QImage::Format_Grayscale8);
    mask.fill(0);
    const QRect touched = paintDab(mask, QPointF(20, 20), brush);
    QVERIFY(QRect(9, 9, 22, 22).contains(touched));
    QCOMPARE(qGray(mask.pixel(20, 20)), 255);
    QCOMPARE(qGray(mask.pixel(2, 2)), 0);
  }

  void strokePaintsWhereTheMouseWent() {
    CanvasDocument doc;
    doc.newCanvas(QSize(200, 100));
    CanvasView view;
    view.resize(500, 400);
    view.setDocument(&doc);
    view.setBrushSize(10);
    view.setBrushHardness(1.0);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitToWindow();
    const QPoint from = view.mapFromImage(QPointF(30, 50)).toPoint();
    const QPoint to = view.mapFromImage(QPointF(170, 50)).toPoint();
    drag(&view, from, to);
    for (int x = 35; x <= 165; x += 10) QVERIFY2(maskAt(doc, QPointF(x, 50)) == 255, qPrintable(QString::number(x)));
    QCOMPARE(maskAt(doc, QPointF(100, 10)), 0);   // above the stroke
    QCOMPARE(maskAt(doc, QPointF(5, 50)), 0);     // before its start
    QCOMPARE(doc.undoStack()->count(), 1);        // one stroke, one command
    QVERIFY(doc.maskBounds().contains(QRect(40, 47, 120, 6)));
    QVERIFY(doc.maskBounds().height() <= 14);

    view.setTool(CanvasView::Tool::Eraser);
    view.setBrushSize(30);
    drag(&view, view.mapFromImage(QPointF(100, 50)).toPoint(), view.mapFromImage(QPointF(110, 50)).toPoint());
    QCOMPARE(maskAt(doc, QPointF(105, 50)), 0);
    QCOMPARE(maskAt(doc, QPointF(40, 50)), 255);
    QCOMPARE(doc.undoStack()->count(), 2);
  }

  void undoRedoRestoreExactMaskBytes() {
    CanvasDocument doc;
    doc.newCanvas(QSize(120, 90));
    MaskBrush soft;
    soft.radius = 12;
    soft.hardness = 0.2;
    doc.beginStroke(QPointF(20, 20), soft);
    doc.continueStroke(QPointF(80, 60));
    doc.endStroke();
    const QByteArray afterFirst = bytesOf(doc.mask());
    doc.beginStroke(QPointF(60, 10), soft);
    doc.continueStroke(QPointF(30, 80));
    doc.endStroke();
    const QByteArray afterSecond = bytesOf(doc.mask());
    QVERIFY(afterFirst != afterSecond);

    // A stroke command holds only the rectangle it changed, not the whole mask.
    const auto* command = dynamic_cast<const MaskEditCommand*>(doc.undoStack()->command(1));
    QVERIFY(command);
    QVERIFY(command->byteCount() < 2 * doc.mask().sizeInBytes());

    doc.undoStack()->undo();
    QCOMPARE(bytesOf(doc.mask()), afterFirst);
    doc.undoStack()->undo();
    QCOMPARE(bytesOf(doc.mask()), QByteArray(120 * 90, '\0'));
    doc.undoStack()->redo();
    QCOMPARE(bytesOf(doc.mask()), afterFirst);
    doc.undoStack()->redo();
    QCOMPARE(bytesOf(doc.mask()), afterSecond);

    doc.invertMask();
    doc.clearMask();
    QVERIFY(doc.maskIsEmpty());
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(bytesOf(doc.mask()), afterSecond);
    doc.fillMask();
    QCOMPARE(doc.maskBounds(), QRect(0, 0, 120, 90));
  }

  void resultIsOneUndoableChange() {
    CanvasDocument doc;
    doc.newCanvas(QSize(64, 64));
    const QByteArray blank = bytesOf(doc.image());
    QImage result(64, 64, QImage::Format_RGB888);
    result.fill(QColor(10, 20, 30));
    doc.applyResult(result, QStringLiteral("cat\nSteps: 4, Sampler: Euler, Seed: 1"));
    QCOMPARE(doc.image().pixelColor(5, 5), QColor(10, 20, 30));
    QVERIFY(doc.parameters().startsWith(QStringLiteral("cat")));
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(bytesOf(doc.image()), blank);
    QVERIFY(doc.parameters().isEmpty());
  }

  void zoomKeepsTheImagePointUnderTheCursor() {
    CanvasDocument doc;
    doc.newCanvas(QSize(300, 200));
    CanvasView view;
    view.resize(600, 450);
    view.setDocument(&doc);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPoint cursor(420, 130);
    const QPointF before = view.mapToImage(cursor);
    // A wheel notch zooms about the pointer.
    QWheelEvent wheel(QPointF(cursor), view.mapToGlobal(QPointF(cursor)), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &wheel);
    QVERIFY(view.zoom() > 1.2 * 0.9 && view.zoom() != 1.0);
    QVERIFY((view.mapToImage(cursor) - before).manhattanLength() < 1e-6);
    view.setZoom(3.7, cursor);
    QCOMPARE(view.zoom(), 3.7);
    QVERIFY((view.mapToImage(cursor) - before).manhattanLength() < 1e-6);

    // Middle drag pans by exactly the pointer's travel.
    const QPointF origin = view.mapFromImage(QPointF(0, 0));
    drag(&view, QPoint(300, 300), QPoint(250, 340), Qt::MiddleButton);
    QCOMPARE(view.mapFromImage(QPointF(0, 0)), origin + QPointF(-50, 40));
    QVERIFY(doc.maskIsEmpty());  // panning never paints

    // Space + drag pans as well.
    QTest::keyPress(&view, Qt::Key_Space);
    drag(&view, QPoint(200, 200), QPoint(230, 210));
    QTest::keyRelease(&view, Qt::Key_Space);
    QCOMPARE(view.mapFromImage(QPointF(0, 0)), origin + QPointF(-20, 50));
    QVERIFY(doc.maskIsEmpty());

    // After zooming and panning, a click paints exactly the image pixel under the pointer.
    view.setBrushSize(3);
    view.setBrushHardness(1.0);
    const QPointF target = view.mapToImage(QPoint(310, 220));
    QVERIFY(QRectF(0, 0, 300, 200).contains(target));
    QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, QPoint(310, 220));
    QCOMPARE(maskAt(doc, target), 255);
    const QRect bounds = doc.maskBounds();
    QVERIFY(bounds.width() <= 4 && bounds.height() <= 4);
    QVERIFY(bounds.contains(target.toPoint()));
  }

  void zoomStepsFitAndActualSize() {
    CanvasDocument doc;
    doc.newCanvas(QSize(1000, 800));
    CanvasView view;
    view.resize(520, 420);
    view.setDocument(&doc);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitToWindow();
    const double fit = view.zoom();
    const double dpr = view.devicePixelRatioF();  // 2 under QT_SCALE_FACTOR=2
    QVERIFY(fit < 0.5 * dpr);
    QVERIFY(QRectF(0, 0, 520, 420).contains(QRectF(view.mapFromImage(QPointF(0, 0)), view.mapFromImage(QPointF(1000, 800)))));
    view.zoomIn();
    QVERIFY(view.zoom() > fit);
    view.zoomOut();
    view.zoomOut();
    QVERIFY(view.zoom() < fit);
    view.actualSize();
    QCOMPARE(view.zoom(), 1.0);
    // 100% is one image pixel per device pixel, so 1000 px span 1000 / dpr logical pixels.
    QCOMPARE(view.mapFromImage(QPointF(1000, 0)).x() - view.mapFromImage(QPointF(0, 0)).x(), 1000.0 / dpr);
  }

  void bracketKeysResizeTheBrush() {
    CanvasView view;
    CanvasDocument doc;
    view.setDocument(&doc);
    view.setBrushSize(40);
    QSignalSpy spy(&view, &CanvasView::brushSizeChanged);
    QTest::keyClick(&view, Qt::Key_BracketRight);
    QVERIFY(view.brushSize() > 40);
    QTest::keyClick(&view, Qt::Key_BracketLeft);
    QTest::keyClick(&view, Qt::Key_BracketLeft);
    QVERIFY(view.brushSize() < 40);
    QCOMPARE(spy.count(), 3);
    view.setBrushSize(1);
    QTest::keyClick(&view, Qt::Key_BracketLeft);
    QCOMPARE(view.brushSize(), 1);
    QTest::keyClick(&view, Qt::Key_E);
    QCOMPARE(view.tool(), CanvasView::Tool::Eraser);
  }

  void previewIsShownAndCleared() {
    CanvasDocument doc;
    CanvasView view;
    view.setDocument(&doc);
    QImage preview(64, 64, QImage::Format_RGB888);
    preview.fill(Qt::red);
    view.setPreview(preview, QRect(10, 10, 100, 100));
    QCOMPARE(view.preview().size(), QSize(64, 64));
    view.clearPreview();
    QVERIFY(view.preview().isNull());
  }

  void savesAndReadsTheParametersChunk() {
    QTemporaryDir dir;
    CanvasDocument doc;
    doc.newCanvas(QSize(32, 24), Qt::blue);
    const QString infotext = QStringLiteral("a lighthouse\nNegative prompt: fog\nSteps: 4, Sampler: Euler, Seed: 9");
    QImage result(32, 24, QImage::Format_RGB888);
    result.fill(Qt::green);
    doc.applyResult(result, infotext);
    const QString path = dir.filePath(QStringLiteral("out.png"));
    QString error;
    QVERIFY2(doc.save(path, &error), qPrintable(error));
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.filePath(), path);
    // An uncompressed tEXt chunk, as A1111 writes it, with the newlines intact.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains(QByteArray("tEXtparameters") + '\0' + infotext.toLatin1()));
    QVERIFY(!bytes.contains("zTXt"));
    QString parameters;
    const QImage read = CanvasDocument::readImage(path, &error, &parameters);
    QCOMPARE(parameters, infotext);
    QCOMPARE(read.pixelColor(3, 3), QColor(Qt::green));

    CanvasDocument other;
    QVERIFY(other.open(path, &error));
    QCOMPARE(other.parameters(), infotext);
    QCOMPARE(other.origin(), CanvasDocument::Origin::Imported);
    QCOMPARE(other.undoStack()->count(), 0);
    QVERIFY(!other.open(dir.filePath(QStringLiteral("missing.png")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.png")));
  }

  void nonLatinParametersUseItxt() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cjk.png"));
    const QString infotext = QStringLiteral("富士山の夕焼け\nSteps: 4, Sampler: Euler, Seed: 1");
    QImage image(8, 8, QImage::Format_RGB888);
    image.fill(Qt::white);
    QString error;
    QVERIFY2(CanvasDocument::writeImage(image, infotext, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains(QByteArray("iTXtparameters")));
    QString parameters;
    QVERIFY(!CanvasDocument::readImage(path, &error, &parameters).isNull());
    QCOMPARE(parameters, infotext);
    // Re-saving an opened file writes one parameters chunk, not Qt's copy as well.
    CanvasDocument doc;
    QVERIFY(doc.open(path, &error));
    const QString again = dir.filePath(QStringLiteral("again.png"));
    QVERIFY(doc.save(again, &error));
    QFile second(again);
    QVERIFY(second.open(QIODevice::ReadOnly));
    QCOMPARE(second.readAll().count(QByteArray("parameters")), 1);
    QVERIFY(!CanvasDocument::writeImage(image, infotext, dir.filePath(QStringLiteral("x.unknown")), &error));
  }

  void webpAndJpegRoundTrip() {
    QTemporaryDir dir;
    QImage image(40, 24, QImage::Format_RGB888);
    image.fill(QColor(30, 120, 200));
    QString error;
    for (const char* name : {"photo.webp", "photo.jpg", "photo.bmp"}) {
      const QString path = dir.filePath(QLatin1String(name));
      QVERIFY2(CanvasDocument::writeImage(image, QStringLiteral("cat"), path, &error), qPrintable(error));
      const QImage read = CanvasDocument::readImage(path, &error);
      QVERIFY2(!read.isNull(), qPrintable(error));
      QCOMPARE(read.size(), image.size());
      const QColor c = read.pixelColor(20, 12);
      QVERIFY2(qAbs(c.red() - 30) < 8 && qAbs(c.green() - 120) < 8 && qAbs(c.blue() - 200) < 8, name);
    }
  }

  void exifOrientationIsApplied() {
    // A 40x20 JPEG whose EXIF says "rotate 90° clockwise" (orientation 6) opens as 20x40.
    QImage image(40, 20, QImage::Format_RGB888);
    image.fill(Qt::white);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "JPG"));
    const QByteArray tiff = QByteArray("MM\0*\0\0\0\x08", 8) + QByteArray("\0\x01", 2) +
                            QByteArray("\x01\x12\0\x03\0\0\0\x01\0\x06\0\0", 12) + QByteArray(4, '\0');
    const QByteArray exif = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray app1("\xff\xe1", 2);
    app1.append(char((exif.size() + 2) >> 8)).append(char((exif.size() + 2) & 0xff)).append(exif);
    jpeg.insert(2, app1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rotated.jpg"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(jpeg);
    file.close();
    QString error;
    const QImage read = CanvasDocument::readImage(path, &error);
    QVERIFY2(!read.isNull(), qPrintable(error));
    QCOMPARE(read.size(), QSize(20, 40));
  }

  void transparentImagesAreFlattenedOntoWhite() {
    QTemporaryDir dir;
    QImage argb(4, 4, QImage::Format_ARGB32);
    argb.fill(Qt::transparent);
    argb.setPixelColor(1, 1, QColor(0, 0, 255, 255));
    const QString path = dir.filePath(QStringLiteral("alpha.png"));
    QVERIFY(argb.save(path));
    QString error;
    const QImage read = CanvasDocument::readImage(path, &error);
    QCOMPARE(read.format(), QImage::Format_RGB888);
    QCOMPARE(read.pixelColor(0, 0), QColor(Qt::white));
    QCOMPARE(read.pixelColor(1, 1), QColor(0, 0, 255));
  }
};

QTEST_MAIN(TestCanvas)
#include "test_canvas.moc"
