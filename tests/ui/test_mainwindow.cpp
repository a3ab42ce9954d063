// The main window shell: final menu structure, docks, device in the status bar, nothing fake.
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QtTest>

#include "mainwindow.h"

using stipple::ui::MainWindow;

class TestMainWindow : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void menusInOrder() {
    MainWindow w;
    QStringList titles;
    for (QAction* a : w.menuBar()->actions()) titles << a->text().remove(QLatin1Char('&'));
    QCOMPARE(titles, (QStringList{"File", "Edit", "View", "Model", "Help"}));
  }

  void unfinishedActionsAreDisabledNotSilent() {
    MainWindow w;
    for (const char* name : {"actionNew", "actionOpen", "actionSave", "actionUndo", "actionClearMask",
                             "actionZoomIn", "actionLoadModel", "actionBatchExport"}) {
      auto* a = w.findChild<QAction*>(QLatin1String(name));
      QVERIFY2(a, name);
      QVERIFY2(!a->isEnabled(), name);
    }
    for (const char* name : {"actionQuit", "actionAbout", "actionAboutQt", "actionTogglePrompt"}) {
      auto* a = w.findChild<QAction*>(QLatin1String(name));
      QVERIFY2(a, name);
      QVERIFY2(a->isEnabled(), name);
    }
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
