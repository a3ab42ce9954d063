// The main window: final menu structure, docks, device in the status bar, nothing fake.
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QClipboard>
#include <QDir>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoStack>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QtTest>

#include "document/canvasdocument.h"
#include "document/historystore.h"
#include "generationsettings.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "promptedit.h"
#include "promptpanel.h"

using namespace stipple::ui;

class TestMainWindow : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void menusInOrder() {
    MainWindow w;
    QStringList titles;
    for (QAction* a : w.menuBar()->actions()) titles << a->text().remove(QLatin1Char('&'));
    QCOMPARE(titles, (QStringList{"File", "Edit", "View", "Model", "Help"}));
  }

  void initTestCase() {
    // The window keeps settings and a history on disk: use Qt's test locations.
    QStandardPaths::setTestModeEnabled(true);
  }

  void actionsArePresentAndEnabled() {
    MainWindow w;
    for (const char* name : {"actionBatchExport", "actionNew", "actionOpen", "actionSave", "actionSaveAs", "actionExport", "actionCopy",
                             "actionPaste", "actionClearMask", "actionInvertMask", "actionZoomIn", "actionZoomOut",
                             "actionZoomFit", "actionZoomActual", "actionShowMask", "actionLoadModel", "actionQuit",
                             "actionAbout", "actionAboutQt", "actionTogglePrompt", "actionGenerate", "actionCancel"}) {
      auto* a = w.findChild<QAction*>(QLatin1String(name));
      QVERIFY2(a, name);
      QVERIFY2(a->isEnabled(), name);
    }
    // Undo and redo follow the undo stack: nothing to undo in a fresh window.
    QVERIFY(!w.findChild<QAction*>("actionUndo")->isEnabled());
    QVERIFY(!w.findChild<QAction*>("actionRedo")->isEnabled());
  }

  void generationShortcuts() {
    MainWindow w;
    QVERIFY(w.findChild<QAction*>("actionGenerate")->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Return)));
    QCOMPARE(w.findChild<QAction*>("actionCancel")->shortcut(), QKeySequence(Qt::Key_Escape));
  }

  void standardShortcuts() {
    MainWindow w;
    QCOMPARE(w.findChild<QAction*>("actionQuit")->shortcut(), QKeySequence(QKeySequence::Quit));
    QCOMPARE(w.findChild<QAction*>("actionUndo")->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(w.findChild<QAction*>("actionOpen")->shortcut(), QKeySequence(QKeySequence::Open));
  }

  void dockToggleHidesAndShows() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QAction* toggle = w.findChild<QAction*>("actionTogglePrompt");
    QVERIFY(w.promptDock()->isVisible());
    toggle->trigger();
    QVERIFY(!w.promptDock()->isVisible());
    toggle->trigger();
    QVERIFY(w.promptDock()->isVisible());
  }

  void historyEntriesViewPlaceAndReuse() {
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QImage image(40, 30, QImage::Format_RGB888);
    image.fill(QColor(20, 140, 60));
    const QString infotext = QStringLiteral("a green field\nSteps: 9, Sampler: Heun, CFG scale: 3, Seed: 77, Size: 40x30");
    const QString id = w.historyStore()->add(image, infotext);
    QVERIFY(!id.isEmpty());
    QListWidget* list = w.historyPanel()->listWidget();
    QCOMPARE(list->count(), 1);
    // A click shows the entry with its parameters.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualItemRect(list->item(0)).center());
    QCOMPARE(w.historyPanel()->selectedId(), id);
    auto* parameters = w.historyPanel()->findChild<QPlainTextEdit*>(QStringLiteral("historyParameters"));
    QVERIFY(parameters->isVisible());
    QCOMPARE(parameters->toPlainText(), infotext);
    // A double-click puts it on the canvas, undoably.
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualItemRect(list->item(0)).center());
    QCOMPARE(w.document()->size(), QSize(40, 30));
    QCOMPARE(w.document()->image().pixelColor(5, 5), QColor(20, 140, 60));
    QCOMPARE(w.document()->undoStack()->count(), 1);
    // "Reuse" fills the prompt panel.
    w.findChild<QToolButton*>(QStringLiteral("historyReuse"))->click();
    QCOMPARE(w.promptPanel()->promptEdit()->toPlainText(), QStringLiteral("a green field"));
    QCOMPARE(w.promptPanel()->settings()->stepsBox()->value(), 9);
    // Entries live on disk: a new store (as after a restart) finds it; removing deletes the file.
    const QString path = w.historyStore()->entries().first().path;
    QVERIFY(QFile::exists(path));
    QCOMPARE(HistoryStore().entries().size(), 1);
    QVERIFY(w.historyStore()->remove(id));
    QCOMPARE(list->count(), 0);
    QVERIFY(!QFile::exists(path));
  }

  // A PNG made by ComfyUI carries its graph in a "prompt" chunk; opening it fills the panel.
  void comfyUiPngFillsThePromptPanel() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ComfyUI_00001_.png"));
    QImage image(64, 48, QImage::Format_RGB888);
    image.fill(QColor(90, 60, 160));
    QImageWriter writer(path, "png");
    writer.setText(QStringLiteral("prompt"), QStringLiteral(
        R"json({"3": {"class_type": "KSampler", "inputs": {"seed": 1234, "steps": 17, "cfg": 6.5,
              "sampler_name": "heun", "scheduler": "karras", "denoise": 1, "positive": ["6", 0],
              "negative": ["7", 0], "latent_image": ["5", 0]}},
            "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 640, "height": 448, "batch_size": 1}},
            "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a purple bottle on a shelf"}},
            "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "dust"}}})json"));
    QVERIFY(writer.write(image));
    MainWindow w;
    QVERIFY(w.openFile(path));
    PromptPanel* panel = w.promptPanel();
    QCOMPARE(panel->promptEdit()->toPlainText(), QStringLiteral("a purple bottle on a shelf"));
    QCOMPARE(panel->negativeEdit()->toPlainText(), QStringLiteral("dust"));
    QCOMPARE(panel->settings()->stepsBox()->value(), 17);
    QCOMPARE(panel->settings()->samplerBox()->currentData().toString(), QStringLiteral("heun"));
    QCOMPARE(panel->settings()->scheduleBox()->currentData().toString(), QStringLiteral("karras"));
    QCOMPARE(panel->settings()->cfgBox()->value(), 6.5);
    QVERIFY2(w.document()->parameters().contains(QStringLiteral("Seed: 1234")), qPrintable(w.document()->parameters()));
  }

  // A 40-megapixel PNG (more than Qt's default 128 MB decode limit, less than the engine's
  // 64 MP) opens through Qt with its parameters, like any other.
  void largePngOpensWithItsParameters() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.png"));
    {
      QImage image(8000, 5000, QImage::Format_RGB888);
      image.fill(QColor(200, 210, 220));
      QImageWriter writer(path, "png");
      writer.setCompression(1);
      writer.setText(QStringLiteral("parameters"), QStringLiteral("a wide sky\nSteps: 11, Seed: 5"));
      QVERIFY(writer.write(image));
    }
    MainWindow w;
    QVERIFY2(w.openFile(path), qPrintable(w.messageBar()->text()));
    QCOMPARE(w.document()->size(), QSize(8000, 5000));
    QVERIFY2(w.document()->parameters().startsWith(QStringLiteral("a wide sky")), qPrintable(w.document()->parameters()));
    QVERIFY(w.document()->parameters().contains(QStringLiteral("Steps: 11")));
  }

  void copyAndPasteImages() {
    MainWindow w;
    QImage image(30, 20, QImage::Format_RGB888);
    image.fill(QColor(200, 40, 40));
    QApplication::clipboard()->setImage(image);
    w.findChild<QAction*>("actionPaste")->trigger();
    QCOMPARE(w.document()->size(), QSize(30, 20));
    QCOMPARE(w.document()->image().pixelColor(3, 3), QColor(200, 40, 40));
    QCOMPARE(w.document()->origin(), CanvasDocument::Origin::Imported);
    QCOMPARE(w.document()->undoStack()->count(), 1);  // a paste is undoable
    w.document()->newCanvas(QSize(16, 16), Qt::blue);
    w.findChild<QAction*>("actionCopy")->trigger();
    const QImage copied = QApplication::clipboard()->image();
    QCOMPARE(copied.size(), QSize(16, 16));
    QCOMPARE(copied.pixelColor(1, 1), QColor(Qt::blue));
  }

  void undoActionFollowsTheStack() {
    MainWindow w;
    QAction* undo = w.findChild<QAction*>("actionUndo");
    w.findChild<QAction*>("actionFillMask")->trigger();
    QVERIFY(undo->isEnabled());
    QVERIFY(undo->text().contains(QStringLiteral("Fill Mask")));
    undo->trigger();
    QVERIFY(w.document()->maskIsEmpty());
    QVERIFY(w.findChild<QAction*>("actionRedo")->isEnabled());
  }

  void statusBarShowsDevice() {
    MainWindow w;
    const QString device = w.deviceLabel()->text();
    QVERIFY2(device.startsWith("CPU") || device.startsWith("CUDA"), qPrintable(device));
  }

  void aboutNamesLibraryVersions() {
    const QString text = MainWindow::aboutText();
    for (const char* word : {"Stipple", "Qt 6.", "LibTorch", "OpenCV", "Device:"})
      QVERIFY2(text.contains(QLatin1String(word)), word);
    QVERIFY(text.contains("<br>"));
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
