#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

#include "jobs/engineinfo.h"

namespace stipple::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("MainWindow"));
  setWindowTitle(tr("Stipple"));
  resize(1200, 800);

  auto* canvas = new QLabel(tr("Open an image or type a prompt to begin."), this);
  canvas->setObjectName(QStringLiteral("canvasPlaceholder"));
  canvas->setAlignment(Qt::AlignCenter);
  canvas->setAutoFillBackground(true);
  QPalette pal = canvas->palette();
  pal.setColor(QPalette::Window, QColor(0x3a, 0x3a, 0x3e));
  pal.setColor(QPalette::WindowText, QColor(0xc8, 0xc8, 0xcc));
  canvas->setPalette(pal);
  setCentralWidget(canvas);

  createDocks();
  createMenus();

  m_deviceLabel = new QLabel(jobs::deviceSummary(), this);
  m_deviceLabel->setObjectName(QStringLiteral("deviceLabel"));
  m_deviceLabel->setToolTip(tr("Compute device used for generation"));
  statusBar()->addPermanentWidget(m_deviceLabel);
  statusBar()->showMessage(tr("Ready"));
}

void MainWindow::createDocks() {
  auto makeDock = [this](const QString& title, const char* name, const QString& placeholder) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(QLatin1String(name));
    auto* body = new QWidget(dock);
    auto* layout = new QVBoxLayout(body);
    auto* label = new QLabel(placeholder, body);
    label->setWordWrap(true);
    label->setEnabled(false);
    layout->addWidget(label);
    layout->addStretch(1);
    dock->setWidget(body);
    return dock;
  };
  m_promptDock = makeDock(tr("Prompt"), "promptDock", tr("Prompt, sampler and size settings appear here."));
  m_historyDock = makeDock(tr("History"), "historyDock", tr("Results of this session appear here."));
  addDockWidget(Qt::RightDockWidgetArea, m_promptDock);
  addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
}

QAction* MainWindow::addPendingAction(QMenu* menu, const QString& text, const QKeySequence& shortcut,
                                      const char* name) {
  QAction* action = menu->addAction(text);
  action->setObjectName(QLatin1String(name));
  if (!shortcut.isEmpty()) action->setShortcut(shortcut);
  action->setEnabled(false);  // enabled by the feature that implements it
  return action;
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->setObjectName(QStringLiteral("menuFile"));
  addPendingAction(file, tr("&New…"), QKeySequence::New, "actionNew");
  addPendingAction(file, tr("&Open…"), QKeySequence::Open, "actionOpen");
  QMenu* recent = file->addMenu(tr("Open &Recent"));
  recent->setObjectName(QStringLiteral("menuOpenRecent"));
  recent->setEnabled(false);
  file->addSeparator();
  addPendingAction(file, tr("&Save"), QKeySequence::Save, "actionSave");
  addPendingAction(file, tr("Save &As…"), QKeySequence::SaveAs, "actionSaveAs");
  addPendingAction(file, tr("&Export…"), QKeySequence(tr("Ctrl+E")), "actionExport");
  addPendingAction(file, tr("&Batch Export…"), QKeySequence(tr("Ctrl+Shift+E")), "actionBatchExport");
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setObjectName(QStringLiteral("actionQuit"));
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->setObjectName(QStringLiteral("menuEdit"));
  addPendingAction(edit, tr("&Undo"), QKeySequence::Undo, "actionUndo");
  addPendingAction(edit, tr("&Redo"), QKeySequence::Redo, "actionRedo");
  edit->addSeparator();
  addPendingAction(edit, tr("&Copy"), QKeySequence::Copy, "actionCopy");
  addPendingAction(edit, tr("&Paste"), QKeySequence::Paste, "actionPaste");
  edit->addSeparator();
  addPendingAction(edit, tr("C&lear Mask"), QKeySequence(tr("Ctrl+Shift+M")), "actionClearMask");
  addPendingAction(edit, tr("&Invert Mask"), QKeySequence(tr("Ctrl+I")), "actionInvertMask");

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->setObjectName(QStringLiteral("menuView"));
  addPendingAction(view, tr("Zoom &In"), QKeySequence::ZoomIn, "actionZoomIn");
  addPendingAction(view, tr("Zoom &Out"), QKeySequence::ZoomOut, "actionZoomOut");
  addPendingAction(view, tr("&Fit to Window"), QKeySequence(tr("Ctrl+0")), "actionZoomFit");
  addPendingAction(view, tr("&Actual Size"), QKeySequence(tr("Ctrl+1")), "actionZoomActual");
  QAction* showMask = addPendingAction(view, tr("Show &Mask"), QKeySequence(tr("Ctrl+M")), "actionShowMask");
  showMask->setCheckable(true);
  showMask->setChecked(true);
  view->addSeparator();
  QAction* togglePrompt = m_promptDock->toggleViewAction();
  togglePrompt->setObjectName(QStringLiteral("actionTogglePrompt"));
  view->addAction(togglePrompt);
  QAction* toggleHistory = m_historyDock->toggleViewAction();
  toggleHistory->setObjectName(QStringLiteral("actionToggleHistory"));
  view->addAction(toggleHistory);

  QMenu* model = menuBar()->addMenu(tr("&Model"));
  model->setObjectName(QStringLiteral("menuModel"));
  addPendingAction(model, tr("&Load Model…"), QKeySequence(tr("Ctrl+L")), "actionLoadModel");
  QMenu* recentModels = model->addMenu(tr("&Recent Models"));
  recentModels->setObjectName(QStringLiteral("menuRecentModels"));
  recentModels->setEnabled(false);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->setObjectName(QStringLiteral("menuHelp"));
  QAction* about = help->addAction(tr("&About Stipple"), this, &MainWindow::showAbout);
  about->setObjectName(QStringLiteral("actionAbout"));
  QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
  aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
}

QString MainWindow::aboutText() {
  QString text = tr("<h3>Stipple</h3><p>Image generation and inpainting with latent diffusion models.</p>");
  QStringList lines = jobs::versionLines();
  for (QString& line : lines) line = line.toHtmlEscaped();
  text += QStringLiteral("<p>") + lines.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
  return text;
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Stipple"), aboutText());
}

}  // namespace stipple::ui
