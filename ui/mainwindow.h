#pragma once
#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace stipple::ui {

// The main window: canvas in the centre, prompt and history docks, the final menu structure.
// Actions whose feature has not landed yet are present but disabled, never silent.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);

  QDockWidget* promptDock() const { return m_promptDock; }
  QDockWidget* historyDock() const { return m_historyDock; }
  QLabel* deviceLabel() const { return m_deviceLabel; }

  // Text of the About box: product line plus versions of Qt, LibTorch, OpenCV and the device.
  static QString aboutText();

 public Q_SLOTS:
  void showAbout();

 private:
  void createDocks();
  void createMenus();
  QAction* addPendingAction(QMenu* menu, const QString& text, const QKeySequence& shortcut, const char* name);

  QDockWidget* m_promptDock = nullptr;
  QDockWidget* m_historyDock = nullptr;
  QLabel* m_deviceLabel = nullptr;
};

}  // namespace stipple::ui
