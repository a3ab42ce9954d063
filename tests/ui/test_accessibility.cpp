// Keyboard and screen-reader access: every control a person can reach with Tab has an
// accessible name (its text, its label's buddy link, or a name set for it) in the main window
// and each dialog; every menu entry has a mnemonic; toolbar buttons name their shortcut in the
// tooltip; Tab from the prompt reaches Generate.
#include <QAbstractSpinBox>
#include <QApplication>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

#include "batchexportdialog.h"
#include "extendcanvasdialog.h"
#include "mainwindow.h"
#include "newcanvasdialog.h"
#include "pipeline/request.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "promptedit.h"
#include "promptpanel.h"

using namespace stipple::ui;

namespace {

// Focusable controls under `root` without an accessible name, as "class objectName" lines.
QStringList unnamedControls(QWidget* root) {
  QStringList unnamed;
  const QList<QWidget*> widgets = root->findChildren<QWidget*>();
  for (QWidget* w : widgets) {
    if (!w->isVisibleTo(root) || !(w->focusPolicy() & Qt::TabFocus)) continue;
    // The editors inside spin and combo boxes speak through their box.
    if (qobject_cast<QAbstractSpinBox*>(w->parentWidget()) || qobject_cast<QComboBox*>(w->parentWidget())) continue;
    if (w->inherits("QAbstractScrollArea") && !w->inherits("QAbstractItemView") && !w->inherits("QPlainTextEdit") &&
        !w->inherits("QTextEdit"))
      continue;  // a scroll area is a container, its contents are checked
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
    const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
    if (name.isEmpty() || name == QLatin1String("&"))
      unnamed << QStringLiteral("%1 '%2'").arg(QLatin1String(w->metaObject()->className()), w->objectName());
  }
  return unnamed;
}

}  // namespace

class TestAccessibility : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void mainWindowControlsHaveNames() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QStringList unnamed = unnamedControls(&w);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
  }

  void dialogControlsHaveNames() {
    MainWindow w;
    QList<QDialog*> dialogs;
    dialogs << new PreferencesDialog(Preferences(), &w) << new NewCanvasDialog(QSize(512, 512), &w)
            << new ExtendCanvasDialog(QSize(512, 512), &w)
            << new BatchExportDialog(stipple::GenerationRequest(), QString(), &w);
    for (QDialog* dialog : dialogs) {
      dialog->show();
      QStringList unnamed = unnamedControls(dialog);
      // Every tab of a tabbed dialog.
      if (auto* prefs = qobject_cast<PreferencesDialog*>(dialog)) {
        for (int i = 1; i < prefs->tabs()->count(); ++i) {
          prefs->tabs()->setCurrentIndex(i);
          unnamed << unnamedControls(dialog);
        }
      }
      unnamed.removeDuplicates();
      QVERIFY2(unnamed.isEmpty(), qPrintable(QLatin1String(dialog->metaObject()->className()) + QStringLiteral(":\n") +
                                             unnamed.join(QStringLiteral("\n"))));
      dialog->hide();
    }
  }

  void menuEntriesHaveMnemonics() {
    MainWindow w;
    QStringList missing;
    for (QAction* top : w.menuBar()->actions()) {
      if (!top->text().contains(QLatin1Char('&'))) missing << top->text();
      if (!top->menu()) continue;
      for (QAction* a : top->menu()->actions()) {
        if (a->isSeparator() || a->text().isEmpty()) continue;
        if (!a->text().contains(QLatin1Char('&'))) missing << top->text() + QStringLiteral(" > ") + a->text();
      }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
  }

  void toolButtonsNameTheirShortcut() {
    MainWindow w;
    w.show();
    QStringList missing;
    for (QToolBar* bar : w.findChildren<QToolBar*>()) {
      for (QAction* a : bar->actions()) {
        if (a->shortcut().isEmpty() || !bar->widgetForAction(a)) continue;
        const QString shortcut = a->shortcut().toString(QKeySequence::NativeText);
        if (!a->toolTip().contains(shortcut)) missing << a->toolTip() + QStringLiteral(" (") + shortcut + QLatin1Char(')');
      }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
  }

  void tabFromThePromptReachesGenerate() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QWidget* generate = w.promptPanel()->generateButton();
    w.promptPanel()->promptEdit()->setFocus();
    QCOMPARE(QApplication::focusWidget(), w.promptPanel()->promptEdit());
    // Real Tab presses: the prompt passes focus on instead of taking a tab character.
    for (int presses = 0; presses < 60 && QApplication::focusWidget() != generate; ++presses)
      QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QWidget* at = QApplication::focusWidget();
    QVERIFY(!w.promptPanel()->promptEdit()->toPlainText().contains(QLatin1Char('\t')));
    QVERIFY2(at == generate, "Generate is not in the tab order after the prompt");
  }
};

QTEST_MAIN(TestAccessibility)
#include "test_accessibility.moc"
