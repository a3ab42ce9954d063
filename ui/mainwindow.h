#pragma once
#include <QList>
#include <QMargins>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QToolButton;

namespace stipple::jobs {
class JobQueue;
struct BatchJob;
struct JobResult;
}  // namespace stipple::jobs

namespace stipple::ui {

class Autosaver;
class BatchProgressWindow;
class BrushToolBar;
class CanvasDocument;
class CanvasView;
class GenerationController;
class HistoryPanel;
class JobProgress;
class HistoryStore;
class MessageBar;
class PromptPanel;
struct Preferences;
class RecentList;

// The main window: the canvas in the centre with its tool options, prompt and history docks,
// the menus, and the status bar with progress, batch exports, zoom and device.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  QDockWidget* promptDock() const { return m_promptDock; }
  QDockWidget* historyDock() const { return m_historyDock; }
  QLabel* deviceLabel() const { return m_deviceLabel; }
  CanvasDocument* document() const { return m_document; }
  CanvasView* canvasView() const { return m_view; }
  PromptPanel* promptPanel() const { return m_panel; }
  HistoryPanel* historyPanel() const { return m_historyPanel; }
  HistoryStore* historyStore() const { return m_history; }
  jobs::JobQueue* jobQueue() const { return m_queue; }
  GenerationController* controller() const { return m_controller; }
  MessageBar* messageBar() const { return m_messages; }
  JobProgress* jobProgress() const { return m_progress; }
  Autosaver* autosaver() const { return m_autosaver; }

  // Text of the About box: product line plus versions of Qt, LibTorch, OpenCV and the device.
  static QString aboutText();

  // Opens an image as the document; a "parameters" chunk fills the prompt panel.
  bool openFile(const QString& path);
  // The same, after offering to save unsaved changes (false when the user cancels).
  bool openFileAsked(const QString& path);
  bool saveTo(const QString& path);

  // Puts back an autosaved session (canvas, mask, undo history, prompt panel). Returns the
  // problem, if any: the canvas is then restored without its undo history.
  QString restoreSession(const struct SessionSnapshot& snapshot);

 public Q_SLOTS:
  void showAbout();
  // Edit > Preferences…: the dialog; accepted preferences are saved and applied.
  bool preferencesDialog();
  // At start-up: a session left by a crash is offered for restoring (a damaged one is set
  // aside with a message). Returns whether a session was restored.
  bool offerRecovery();
  void newCanvas();
  void openDialog();
  bool save();
  bool saveAs();
  void exportDialog();
  // Edit > Extend Canvas...: the dialog, then extendCanvas().
  void extendCanvasDialog();
  // Grows the canvas (one undo step) and, when asked, generates the new area at once.
  bool extendCanvas(const QMargins& margins, int feather, bool generate);
  // File > Batch Export...: the dialog, then the batch's progress window. Returns the job id
  // (0 when the dialog was cancelled).
  quint64 batchExportDialog();
  // Queues a batch and opens its progress window.
  BatchProgressWindow* startBatch(const jobs::BatchJob& job);
  QList<BatchProgressWindow*> batchWindows() const;
  void copyImage();
  void pasteImage();
  void loadModelDialog();
  void loadModel(const QString& path);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createDocks();
  void createMenus();
  void createStatusBar();
  void connectSignals();
  QAction* addNamedAction(QMenu* menu, const QString& text, const QKeySequence& shortcut, const char* name);
  QAction* action(const char* name) const;
  bool maybeSave();
  void applyParameters(const QString& parameters, const QString& source);
  void showError(const QString& message);
  void applyPreferences(const Preferences& preferences);
  void updateTitle();
  void updateBatchButton();
  void noteSpeed(const jobs::JobResult& result);

  CanvasDocument* m_document = nullptr;
  CanvasView* m_view = nullptr;
  BrushToolBar* m_toolBar = nullptr;
  MessageBar* m_messages = nullptr;
  PromptPanel* m_panel = nullptr;
  HistoryStore* m_history = nullptr;
  HistoryPanel* m_historyPanel = nullptr;
  jobs::JobQueue* m_queue = nullptr;
  GenerationController* m_controller = nullptr;
  RecentList* m_recentFiles = nullptr;
  RecentList* m_recentModels = nullptr;
  Autosaver* m_autosaver = nullptr;

  QDockWidget* m_promptDock = nullptr;
  QDockWidget* m_historyDock = nullptr;
  QLabel* m_deviceLabel = nullptr;
  JobProgress* m_progress = nullptr;
  QLabel* m_zoomLabel = nullptr;
  QLabel* m_sizeLabel = nullptr;
  QLabel* m_cursorLabel = nullptr;
  QToolButton* m_batchButton = nullptr;
  QList<QPointer<BatchProgressWindow>> m_batchWindows;
  double m_secondsPerStep = 0;  // measured by the last generation, for the batch estimate
  qint64 m_stepPixels = 0;      // at this many pixels
};

}  // namespace stipple::ui
