#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "accessibility.h"
#include "autosaver.h"
#include "batchexportdialog.h"
#include "batchprogresswindow.h"
#include "brushtoolbar.h"
#include "extendcanvasdialog.h"
#include "canvasview.h"
#include "document/canvasdocument.h"
#include "document/historystore.h"
#include "generationcontroller.h"
#include "historypanel.h"
#include "icons.h"
#include "jobprogress.h"
#include "jobs/engineinfo.h"
#include "jobs/imagefile.h"
#include "jobs/infotext.h"
#include "jobs/jobqueue.h"
#include "messagebar.h"
#include "modelchooser.h"
#include "newcanvasdialog.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "promptpanel.h"
#include "recentlist.h"

namespace stipple::ui {

namespace {

bool isImageFile(const QString& path) {
  const QByteArray suffix = QFileInfo(path).suffix().toLower().toLatin1();
  return QImageReader::supportedImageFormats().contains(suffix) || jobs::openCvCanRead(path);
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("MainWindow"));
  resize(1280, 820);
  setAcceptDrops(true);
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

  m_document = new CanvasDocument(this);
  m_view = new CanvasView(this);
  m_view->setDocument(m_document);
  m_view->setHint(tr("Open an image or type a prompt to begin."));
  m_messages = new MessageBar(this);
  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(m_messages);
  layout->addWidget(m_view, 1);
  setCentralWidget(central);
  m_toolBar = new BrushToolBar(m_view, this);
  addToolBar(Qt::TopToolBarArea, m_toolBar);

  m_queue = new jobs::JobQueue(this);
  m_history = new HistoryStore(QString(), this);
  createDocks();
  m_controller = new GenerationController(m_queue, m_document, m_view, m_panel, m_history, this);
  createMenus();
  createStatusBar();
  m_autosaver = new Autosaver(m_document, [this] { return m_panel->state(); }, QString(), this);
  applyPreferences(Preferences::load());
  m_view->setAccessibleName(tr("Canvas"));
  addShortcutsToToolTips(m_toolBar);
  nameUnlabelledControls(this);
  connectSignals();
  updateTitle();

  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
  // Load the chosen model in the background so the first generation starts at once.
  QTimer::singleShot(0, m_controller, &GenerationController::preloadModel);
}

MainWindow::~MainWindow() {
  m_queue->cancelAll();
  m_panel->saveSettings();
  m_toolBar->saveSettings();
}

void MainWindow::createDocks() {
  m_promptDock = new QDockWidget(tr("Prompt"), this);
  m_promptDock->setObjectName(QStringLiteral("promptDock"));
  m_panel = new PromptPanel(m_promptDock);
  m_promptDock->setWidget(m_panel);
  m_promptDock->setMinimumWidth(330);
  m_historyDock = new QDockWidget(tr("History"), this);
  m_historyDock->setObjectName(QStringLiteral("historyDock"));
  m_historyPanel = new HistoryPanel(m_history, m_historyDock);
  m_historyDock->setWidget(m_historyPanel);
  m_historyDock->setMinimumWidth(230);
  addDockWidget(Qt::RightDockWidgetArea, m_promptDock);
  addDockWidget(Qt::LeftDockWidgetArea, m_historyDock);
  resizeDocks({m_promptDock, m_historyDock}, {360, 250}, Qt::Horizontal);
}

QAction* MainWindow::addNamedAction(QMenu* menu, const QString& text, const QKeySequence& shortcut,
                                      const char* name) {
  QAction* action = menu->addAction(text);
  action->setObjectName(QLatin1String(name));
  if (!shortcut.isEmpty()) action->setShortcut(shortcut);
  return action;
}

QAction* MainWindow::action(const char* name) const { return findChild<QAction*>(QLatin1String(name)); }

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->setObjectName(QStringLiteral("menuFile"));
  connect(addNamedAction(file, tr("&New…"), QKeySequence::New, "actionNew"), &QAction::triggered, this,
          &MainWindow::newCanvas);
  connect(addNamedAction(file, tr("&Open…"), QKeySequence::Open, "actionOpen"), &QAction::triggered, this,
          &MainWindow::openDialog);
  QMenu* recent = file->addMenu(tr("Open &Recent"));
  recent->setObjectName(QStringLiteral("menuOpenRecent"));
  m_recentFiles = new RecentList(QStringLiteral("files/recent"), recent, this);
  connect(m_recentFiles, &RecentList::triggered, this, [this](const QString& path) {
    if (maybeSave()) openFile(path);
  });
  file->addSeparator();
  connect(addNamedAction(file, tr("&Save"), QKeySequence::Save, "actionSave"), &QAction::triggered, this,
          &MainWindow::save);
  connect(addNamedAction(file, tr("Save &As…"), QKeySequence::SaveAs, "actionSaveAs"), &QAction::triggered, this,
          &MainWindow::saveAs);
  connect(addNamedAction(file, tr("&Export…"), QKeySequence(tr("Ctrl+E")), "actionExport"), &QAction::triggered,
          this, &MainWindow::exportDialog);
  QAction* batch = addNamedAction(file, tr("&Batch Export…"), QKeySequence(tr("Ctrl+Shift+E")), "actionBatchExport");
  batch->setIcon(themedIcon(QStringLiteral("export"), this));
  connect(batch, &QAction::triggered, this, &MainWindow::batchExportDialog);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setObjectName(QStringLiteral("actionQuit"));
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->setObjectName(QStringLiteral("menuEdit"));
  QUndoStack* undo = m_document->undoStack();
  QAction* undoAction = addNamedAction(edit, tr("&Undo"), QKeySequence::Undo, "actionUndo");
  QAction* redoAction = addNamedAction(edit, tr("&Redo"), QKeySequence::Redo, "actionRedo");
  connect(undoAction, &QAction::triggered, undo, &QUndoStack::undo);
  connect(redoAction, &QAction::triggered, undo, &QUndoStack::redo);
  connect(undo, &QUndoStack::canUndoChanged, undoAction, &QAction::setEnabled);
  connect(undo, &QUndoStack::canRedoChanged, redoAction, &QAction::setEnabled);
  connect(undo, &QUndoStack::undoTextChanged, undoAction, [undoAction](const QString& text) {
    undoAction->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
  });
  connect(undo, &QUndoStack::redoTextChanged, redoAction, [redoAction](const QString& text) {
    redoAction->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
  });
  undoAction->setEnabled(undo->canUndo());
  redoAction->setEnabled(undo->canRedo());
  edit->addSeparator();
  connect(addNamedAction(edit, tr("&Copy"), QKeySequence::Copy, "actionCopy"), &QAction::triggered, this,
          &MainWindow::copyImage);
  connect(addNamedAction(edit, tr("&Paste"), QKeySequence::Paste, "actionPaste"), &QAction::triggered, this,
          &MainWindow::pasteImage);
  edit->addSeparator();
  connect(addNamedAction(edit, tr("E&xtend Canvas…"), QKeySequence(tr("Ctrl+Alt+E")), "actionExtendCanvas"),
          &QAction::triggered, this, &MainWindow::extendCanvasDialog);
  edit->addSeparator();
  QAction* clearMask = addNamedAction(edit, tr("C&lear Mask"), QKeySequence(tr("Ctrl+Shift+M")), "actionClearMask");
  QAction* invertMask = addNamedAction(edit, tr("&Invert Mask"), QKeySequence(tr("Ctrl+I")), "actionInvertMask");
  QAction* fillMask = addNamedAction(edit, tr("&Fill Mask"), QKeySequence(tr("Ctrl+Shift+F")), "actionFillMask");
  clearMask->setIcon(themedIcon(QStringLiteral("mask-clear"), this));
  invertMask->setIcon(themedIcon(QStringLiteral("mask-invert"), this));
  fillMask->setIcon(themedIcon(QStringLiteral("mask-fill"), this));
  connect(clearMask, &QAction::triggered, m_document, &CanvasDocument::clearMask);
  connect(invertMask, &QAction::triggered, m_document, &CanvasDocument::invertMask);
  connect(fillMask, &QAction::triggered, m_document, &CanvasDocument::fillMask);
  edit->addSeparator();
  // The platform's key where it has one (Ctrl+, on most desktops), else Ctrl+,.
  const QKeySequence preferencesKey = QKeySequence::keyBindings(QKeySequence::Preferences).value(
      0, QKeySequence(Qt::CTRL | Qt::Key_Comma));
  QAction* preferences = addNamedAction(edit, tr("Pre&ferences…"), preferencesKey, "actionPreferences");
  preferences->setMenuRole(QAction::PreferencesRole);
  connect(preferences, &QAction::triggered, this, &MainWindow::preferencesDialog);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->setObjectName(QStringLiteral("menuView"));
  connect(addNamedAction(view, tr("Zoom &In"), QKeySequence::ZoomIn, "actionZoomIn"), &QAction::triggered, m_view,
          &CanvasView::zoomIn);
  connect(addNamedAction(view, tr("Zoom &Out"), QKeySequence::ZoomOut, "actionZoomOut"), &QAction::triggered,
          m_view, &CanvasView::zoomOut);
  QAction* fit = addNamedAction(view, tr("&Fit to Window"), QKeySequence(tr("Ctrl+0")), "actionZoomFit");
  fit->setIcon(themedIcon(QStringLiteral("zoom-fit"), this));
  connect(fit, &QAction::triggered, m_view, &CanvasView::fitToWindow);
  connect(addNamedAction(view, tr("&Actual Size"), QKeySequence(tr("Ctrl+1")), "actionZoomActual"),
          &QAction::triggered, m_view, &CanvasView::actualSize);
  QAction* showMask = addNamedAction(view, tr("Show &Mask"), QKeySequence(tr("Ctrl+M")), "actionShowMask");
  showMask->setIcon(themedIcon(QStringLiteral("mask-show"), this));
  showMask->setCheckable(true);
  showMask->setChecked(true);
  connect(showMask, &QAction::toggled, m_view, &CanvasView::setMaskVisible);
  view->addSeparator();
  QAction* togglePrompt = m_promptDock->toggleViewAction();
  togglePrompt->setText(tr("&Prompt Panel"));
  togglePrompt->setObjectName(QStringLiteral("actionTogglePrompt"));
  view->addAction(togglePrompt);
  QAction* toggleHistory = m_historyDock->toggleViewAction();
  toggleHistory->setText(tr("&History Panel"));
  toggleHistory->setObjectName(QStringLiteral("actionToggleHistory"));
  view->addAction(toggleHistory);
  m_toolBar->addMaskActions({showMask, clearMask, invertMask, fillMask});
  m_toolBar->addSeparator();
  m_toolBar->addAction(fit);

  QMenu* model = menuBar()->addMenu(tr("&Model"));
  model->setObjectName(QStringLiteral("menuModel"));
  connect(addNamedAction(model, tr("&Load Model…"), QKeySequence(tr("Ctrl+L")), "actionLoadModel"),
          &QAction::triggered, this, &MainWindow::loadModelDialog);
  QMenu* recentModels = model->addMenu(tr("&Recent Models"));
  recentModels->setObjectName(QStringLiteral("menuRecentModels"));
  m_recentModels = new RecentList(QStringLiteral("models/recent"), recentModels, this);
  connect(m_recentModels, &RecentList::triggered, this, &MainWindow::loadModel);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->setObjectName(QStringLiteral("menuHelp"));
  QAction* about = help->addAction(tr("&About Stipple"), this, &MainWindow::showAbout);
  about->setObjectName(QStringLiteral("actionAbout"));
  QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
  aboutQt->setObjectName(QStringLiteral("actionAboutQt"));

  // Generate and cancel live on the window: they work from any widget, prompt fields included.
  auto* generate = new QAction(tr("Generate"), this);
  generate->setObjectName(QStringLiteral("actionGenerate"));
  generate->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
  connect(generate, &QAction::triggered, m_controller, &GenerationController::generate);
  auto* cancel = new QAction(tr("Cancel Generation"), this);
  cancel->setObjectName(QStringLiteral("actionCancel"));
  cancel->setShortcut(QKeySequence(Qt::Key_Escape));
  connect(cancel, &QAction::triggered, m_controller, &GenerationController::cancel);
  addActions({generate, cancel});
}

void MainWindow::createStatusBar() {
  m_progress = new JobProgress(this);
  m_zoomLabel = new QLabel(this);
  m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
  m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("8888%")));
  m_zoomLabel->setToolTip(tr("Zoom (Ctrl+0 fits, Ctrl+1 shows actual size)"));
  m_sizeLabel = new QLabel(this);
  m_sizeLabel->setObjectName(QStringLiteral("canvasSizeLabel"));
  m_sizeLabel->setToolTip(tr("Canvas size"));
  m_cursorLabel = new QLabel(this);
  m_cursorLabel->setMinimumWidth(m_cursorLabel->fontMetrics().horizontalAdvance(QStringLiteral("8888, 8888 px")));
  m_deviceLabel = new QLabel(Preferences::load().deviceSummary(), this);
  m_deviceLabel->setObjectName(QStringLiteral("deviceLabel"));
  m_deviceLabel->setToolTip(tr("Compute device used for generation"));
  m_batchButton = new QToolButton(this);
  m_batchButton->setObjectName(QStringLiteral("batchStatusButton"));
  m_batchButton->setAutoRaise(true);
  m_batchButton->setToolTip(tr("Show the batch export's progress"));
  m_batchButton->setVisible(false);
  connect(m_batchButton, &QToolButton::clicked, this, [this] {
    for (const auto& window : std::as_const(m_batchWindows)) {
      if (!window || window->isFinished()) continue;
      window->show();
      window->raise();
      window->activateWindow();
      return;
    }
  });
  statusBar()->addPermanentWidget(m_batchButton);
  statusBar()->addPermanentWidget(m_progress);
  statusBar()->addPermanentWidget(m_cursorLabel);
  statusBar()->addPermanentWidget(m_sizeLabel);
  statusBar()->addPermanentWidget(m_zoomLabel);
  statusBar()->addPermanentWidget(m_deviceLabel);
  statusBar()->showMessage(tr("Ready"));
}

void MainWindow::connectSignals() {
  connect(m_queue, &jobs::JobQueue::jobFinished, this, &MainWindow::noteSpeed);
  connect(m_queue, &jobs::JobQueue::engineNotice, this,
          [this](const QString& text) { m_messages->showMessage(text, MessageBar::Kind::Information); });
  // The job's state stays in the status bar until the next one replaces it.
  connect(m_controller, &GenerationController::statusMessage, this,
          [this](const QString& text) { statusBar()->showMessage(text); });
  connect(m_controller, &GenerationController::failed, this, &MainWindow::showError);
  connect(m_controller, &GenerationController::busyChanged, m_progress, &JobProgress::setBusy);
  connect(m_controller, &GenerationController::progress, m_progress, &JobProgress::setProgress);
  connect(m_controller, &GenerationController::finished, this, [this](bool ok) {
    if (ok) m_messages->hide();
    if (ok) m_autosaver->saveSoon();  // a finished picture is on disk within moments
  });
  // Everything the session file holds marks it for the next autosave tick.
  auto dirty = [this] { m_autosaver->markDirty(); };
  connect(m_document->undoStack(), &QUndoStack::indexChanged, m_autosaver, dirty);
  connect(m_document->undoStack(), &QUndoStack::cleanChanged, m_autosaver, dirty);
  connect(m_document, &CanvasDocument::contentReplaced, m_autosaver, dirty);
  connect(m_document, &CanvasDocument::filePathChanged, m_autosaver, dirty);
  connect(m_panel, &PromptPanel::stateChanged, m_autosaver, dirty);
  connect(m_autosaver, &Autosaver::failed, this,
          [this](const QString& message) { m_messages->showMessage(message, MessageBar::Kind::Warning); });
  connect(m_view, &CanvasView::zoomChanged, this,
          [this](double zoom) { m_zoomLabel->setText(QStringLiteral("%1%").arg(qRound(zoom * 100))); });
  m_zoomLabel->setText(QStringLiteral("%1%").arg(qRound(m_view->zoom() * 100)));
  connect(m_view, &CanvasView::cursorMoved, this, [this](const QPoint& p, bool inside) {
    m_cursorLabel->setText(inside ? tr("%1, %2 px").arg(p.x()).arg(p.y()) : QString());
  });
  auto showSize = [this] {
    m_sizeLabel->setText(tr("%1 × %2 px").arg(m_document->size().width()).arg(m_document->size().height()));
  };
  connect(m_document, &CanvasDocument::sizeChanged, this, showSize);
  showSize();
  connect(m_document, &CanvasDocument::modifiedChanged, this, &QWidget::setWindowModified);
  connect(m_document, &CanvasDocument::filePathChanged, this, &MainWindow::updateTitle);
  connect(m_panel, &PromptPanel::loadModelRequested, this, &MainWindow::loadModelDialog);
  connect(m_historyPanel, &HistoryPanel::placeOnCanvas, this, [this](const QImage& image, const QString& parameters) {
    m_document->replaceImage(image, parameters, CanvasDocument::Origin::Generated, tr("Use History Image"));
  });
  connect(m_historyPanel, &HistoryPanel::reuseParameters, this,
          [this](const QString& parameters) { applyParameters(parameters, tr("the history")); });
  connect(m_historyPanel, &HistoryPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
}

void MainWindow::updateTitle() {
  const QString path = m_document->filePath();
  setWindowTitle((path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName()) + QStringLiteral("[*]"));
  setWindowModified(m_document->isModified());
}

void MainWindow::showError(const QString& message) {
  m_messages->showMessage(message, MessageBar::Kind::Error);
  statusBar()->showMessage(message, 10000);
}

bool MainWindow::maybeSave() {
  if (!m_document->isModified()) return true;
  const auto answer = QMessageBox::warning(this, tr("Unsaved Changes"),
                                           tr("The canvas has changes that are not saved. Save them first?"),
                                           QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                           QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void MainWindow::newCanvas() {
  if (!maybeSave()) return;
  NewCanvasDialog dialog(m_document->size(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  m_document->newCanvas(dialog.canvasSize());
}

void MainWindow::applyParameters(const QString& parameters, const QString& source) {
  const jobs::Infotext info = jobs::parseInfotext(parameters);
  if (info.isEmpty()) return;
  m_panel->applyInfotext(info);
  statusBar()->showMessage(tr("Prompt and settings taken from %1").arg(source), 8000);
}

bool MainWindow::openFile(const QString& path) {
  QString error;
  if (!m_document->open(path, &error)) {
    showError(error);
    return false;
  }
  m_recentFiles->add(path);
  if (!m_document->parameters().isEmpty()) applyParameters(m_document->parameters(), QFileInfo(path).fileName());
  return true;
}

bool MainWindow::openFileAsked(const QString& path) { return maybeSave() && openFile(path); }

void MainWindow::openDialog() {
  if (!maybeSave()) return;
  QSettings settings;
  const QString dir = settings.value(QStringLiteral("files/lastDir"), Preferences::load().imageFolderOrDefault()).toString();
  const QString path = QFileDialog::getOpenFileName(this, tr("Open Image"), dir, tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"));
  if (path.isEmpty()) return;
  settings.setValue(QStringLiteral("files/lastDir"), QFileInfo(path).absolutePath());
  openFile(path);
}

bool MainWindow::saveTo(const QString& path) {
  QString error;
  if (!m_document->save(path, &error)) {
    showError(error);
    return false;
  }
  m_recentFiles->add(path);
  statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
  return true;
}

bool MainWindow::save() {
  const QString path = m_document->filePath();
  // Only PNG keeps the parameters losslessly; other formats go through Save As.
  if (path.isEmpty() || QFileInfo(path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) != 0)
    return saveAs();
  return saveTo(path);
}

bool MainWindow::saveAs() {
  QString suggestion = m_document->filePath();
  if (suggestion.isEmpty())
    suggestion = Preferences::load().imageFolderOrDefault() + QStringLiteral("/untitled.png");
  else
    suggestion = QFileInfo(suggestion).absolutePath() + QLatin1Char('/') + QFileInfo(suggestion).completeBaseName() +
                 QStringLiteral(".png");
  const QString path = QFileDialog::getSaveFileName(this, tr("Save Image"), suggestion, tr("PNG image (*.png)"));
  return !path.isEmpty() && saveTo(path);
}

void MainWindow::exportDialog() {
  const QString base = m_document->filePath().isEmpty()
                           ? Preferences::load().imageFolderOrDefault() + QStringLiteral("/untitled")
                           : QFileInfo(m_document->filePath()).absolutePath() + QLatin1Char('/') +
                                 QFileInfo(m_document->filePath()).completeBaseName();
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export Image"), base + QStringLiteral(".jpg"),
      tr("JPEG image (*.jpg *.jpeg);;PNG image (*.png);;WebP image (*.webp);;BMP image (*.bmp)"));
  if (path.isEmpty()) return;
  QString error;
  if (!m_document->exportTo(path, &error))
    showError(error);
  else
    statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 5000);
}

void MainWindow::copyImage() {
  QApplication::clipboard()->setImage(m_document->image());
  statusBar()->showMessage(tr("Canvas copied"), 3000);
}

void MainWindow::pasteImage() {
  const QMimeData* mime = QApplication::clipboard()->mimeData();
  if (mime && mime->hasImage()) {
    const QImage image = qvariant_cast<QImage>(mime->imageData());
    if (!image.isNull()) {
      m_document->replaceImage(image, QString(), CanvasDocument::Origin::Imported, tr("Paste"));
      return;
    }
  }
  if (mime && mime->hasUrls() && !mime->urls().isEmpty() && isImageFile(mime->urls().first().toLocalFile())) {
    if (maybeSave()) openFile(mime->urls().first().toLocalFile());
    return;
  }
  statusBar()->showMessage(tr("The clipboard holds no image"), 5000);
}

void MainWindow::loadModelDialog() {
  QSettings settings;
  const QString dir = settings.value(QStringLiteral("models/lastDir"), QDir::homePath()).toString();
  QString path = QFileDialog::getOpenFileName(
      this, tr("Load Model"), dir,
      tr("Stable Diffusion models (*.safetensors model_index.json);;All files (*)"));
  if (path.isEmpty()) return;
  settings.setValue(QStringLiteral("models/lastDir"), QFileInfo(path).absolutePath());
  // A diffusers model is a folder; its model_index.json stands for it in the file dialog.
  if (QFileInfo(path).fileName() == QLatin1String("model_index.json")) path = QFileInfo(path).absolutePath();
  loadModel(path);
}

void MainWindow::loadModel(const QString& path) {
  m_recentModels->add(path);
  const QString before = m_panel->modelPath();
  m_panel->modelChooser()->setCurrentPath(path);
  // Choosing the model that is already selected does not change the combo box: load it anyway.
  if (before == m_panel->modelPath()) m_controller->preloadModel();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!maybeSave()) {
    event->ignore();
    return;
  }
  if (!m_queue->batches().isEmpty()) {
    const auto answer = QMessageBox::question(
        this, tr("Batch Export Running"),
        tr("A batch export has not finished. Quit and stop it?\n\nEvery image it has written is kept; "
           "exporting the same batch into the same folder again continues it."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) {
      event->ignore();
      return;
    }
  }
  m_queue->cancelAll();
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/state"), saveState());
  m_autosaver->finish();  // a clean exit: nothing to recover next time
  event->accept();
}

void MainWindow::applyPreferences(const Preferences& preferences) {
  m_autosaver->setIntervalSeconds(preferences.autosaveSeconds);
  m_panel->modelChooser()->setScannedFolders(preferences.modelFolders);
  m_deviceLabel->setText(preferences.deviceSummary());
}

bool MainWindow::preferencesDialog() {
  PreferencesDialog dialog(Preferences::load(), this);
  if (dialog.exec() != QDialog::Accepted) return false;
  const Preferences preferences = dialog.preferences();
  preferences.save();
  applyPreferences(preferences);
  // Device and precision reach the next job (the model reloads when they changed).
  if (dialog.needsRestart())
    statusBar()->showMessage(tr("Language, theme and threads change when Stipple starts again."), 10000);
  return true;
}

void MainWindow::extendCanvasDialog() {
  ExtendCanvasDialog dialog(m_document->size(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  extendCanvas(dialog.margins(), dialog.feather(), dialog.generateNow());
}

bool MainWindow::extendCanvas(const QMargins& margins, int feather, bool generate) {
  const QString problem = m_document->extendCanvas(margins, feather);
  if (!problem.isEmpty()) {
    showError(tr("Cannot extend the canvas: %1").arg(problem));
    return false;
  }
  m_view->fitToWindow();
  statusBar()->showMessage(tr("Canvas extended to %1 × %2 px; the new area is masked")
                               .arg(m_document->size().width())
                               .arg(m_document->size().height()));
  if (generate) m_controller->generateExtension();  // the panel says why when it cannot run
  return true;
}

quint64 MainWindow::batchExportDialog() {
  stipple::GenerationRequest defaults;
  m_panel->fillRequest(defaults);
  BatchExportDialog dialog(defaults, m_panel->modelPath(), this);
  if (!m_document->image().isNull())
    dialog.setCanvas(m_document->image(), m_document->maskIsEmpty() ? QImage() : m_document->mask(), defaults.strength);
  dialog.setSpeed(m_secondsPerStep, m_stepPixels);
  if (dialog.exec() != QDialog::Accepted) return 0;
  const jobs::BatchJob job = dialog.batchJob();
  // Two batches writing into one folder would fight over its manifest.
  const QString folder = QFileInfo(QString::fromStdString(job.options.out_dir.string())).absoluteFilePath();
  for (BatchProgressWindow* other : batchWindows()) {
    if (!other->isFinished() && QFileInfo(other->folder()).absoluteFilePath() == folder) {
      showError(tr("Another batch export is writing into %1: choose another folder, or wait for it to finish.")
                    .arg(QDir::toNativeSeparators(folder)));
      return 0;
    }
  }
  BatchProgressWindow* window = startBatch(job);
  return window ? window->jobId() : 0;
}

BatchProgressWindow* MainWindow::startBatch(const jobs::BatchJob& job) {
  const quint64 id = m_queue->enqueueBatch(job);
  if (id == 0) return nullptr;
  auto* window = new BatchProgressWindow(m_queue, id, static_cast<int>(job.plan->items.size()),
                                         QString::fromStdString(job.options.out_dir.string()), this);
  connect(window, &BatchProgressWindow::batchFinished, this, [this](const jobs::JobResult& result) {
    const jobs::BatchOutcome& o = result.batch;
    statusBar()->showMessage(result.ok() ? tr("Batch export finished: %n written", nullptr, o.written)
                                         : tr("Batch export ended: %n written", nullptr, o.written));
    updateBatchButton();
  });
  // Connected after the window's own connections, so the button reads the window's new state.
  connect(m_queue, &jobs::JobQueue::batchProgress, window, [this] { updateBatchButton(); });
  for (auto signal : {&jobs::JobQueue::batchPaused, &jobs::JobQueue::batchResumed})
    connect(m_queue, signal, window, [this] { updateBatchButton(); });
  m_batchWindows.append(window);
  window->show();
  updateBatchButton();
  return window;
}

QList<BatchProgressWindow*> MainWindow::batchWindows() const {
  QList<BatchProgressWindow*> windows;
  for (const auto& window : m_batchWindows)
    if (window) windows.append(window);
  return windows;
}

void MainWindow::updateBatchButton() {
  m_batchWindows.removeAll(nullptr);
  QStringList parts;
  for (const auto& window : std::as_const(m_batchWindows))
    if (window && !window->isFinished()) parts << window->stateText();
  m_batchButton->setVisible(!parts.isEmpty());
  m_batchButton->setText(parts.isEmpty() ? QString() : tr("Batch: %1").arg(parts.join(QStringLiteral(", "))));
}

void MainWindow::noteSpeed(const jobs::JobResult& result) {
  if (result.kind != jobs::JobKind::Generate || !result.ok() || result.secondsPerStep <= 0) return;
  m_secondsPerStep = result.secondsPerStep;
  m_stepPixels = qint64(result.request.width) * result.request.height * std::max(1, result.request.batch_size);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QMimeData* mime = event->mimeData();
  const bool file = mime->hasUrls() && !mime->urls().isEmpty() && isImageFile(mime->urls().first().toLocalFile());
  if (file || mime->hasImage()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QMimeData* mime = event->mimeData();
  if (mime->hasUrls() && !mime->urls().isEmpty()) {
    const QString path = mime->urls().first().toLocalFile();
    if (isImageFile(path) && maybeSave()) openFile(path);
  } else if (mime->hasImage()) {
    m_document->replaceImage(qvariant_cast<QImage>(mime->imageData()), QString(), CanvasDocument::Origin::Imported,
                             tr("Drop Image"));
  }
  event->acceptProposedAction();
}

QString MainWindow::aboutText() {
  QString text = tr("<h3>Stipple</h3><p>Image generation and inpainting with latent diffusion models.</p>");
  QStringList lines = jobs::versionLines();
  for (QString& line : lines) line = line.toHtmlEscaped();
  text += QStringLiteral("<p>") + lines.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
  return text;
}

void MainWindow::showAbout() { QMessageBox::about(this, tr("About Stipple"), aboutText()); }

}  // namespace stipple::ui
