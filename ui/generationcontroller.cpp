#include "generationcontroller.h"

#include <QSpinBox>
#include <QUndoStack>

#include "canvasview.h"
#include "document/canvasdocument.h"
#include "document/historystore.h"
#include "generationsettings.h"
#include "jobs/imageconvert.h"
#include "jobs/jobqueue.h"
#include "jobs/previewregion.h"
#include "preferences.h"
#include "pipeline/engine.h"
#include "promptpanel.h"

namespace stipple::ui {

namespace {

stipple::EngineModelSpec modelSpec(const QString& path) {
  stipple::EngineModelSpec spec;
  spec.model = std::filesystem::path(path.toStdString());
  Preferences::load().applyTo(spec);  // device and precision; a change reloads the model
  return spec;
}

}  // namespace

GenerationController::GenerationController(jobs::JobQueue* queue, CanvasDocument* document, CanvasView* view,
                                           PromptPanel* panel, HistoryStore* history, QObject* parent)
    : QObject(parent), m_queue(queue), m_document(document), m_view(view), m_panel(panel), m_history(history) {
  connect(m_queue, &jobs::JobQueue::previewReady, this, &GenerationController::onPreview);
  connect(m_queue, &jobs::JobQueue::jobFinished, this, &GenerationController::onFinished);
  connect(m_queue, &jobs::JobQueue::progress, this,
          [this](quint64, int step, int total, double sps, double eta) { Q_EMIT progress(step, total, sps, eta); });
  for (auto signal : {&jobs::JobQueue::jobQueued, &jobs::JobQueue::jobStarted, &jobs::JobQueue::jobRemoved})
    connect(m_queue, signal, this, &GenerationController::updateBusy);
  connect(m_queue, &jobs::JobQueue::jobStarted, this, &GenerationController::announce);
  connect(m_queue, &jobs::JobQueue::modelLoaded, this,
          [this](const QString& name, const QString& path, const jobs::ModelDefaults& defaults) {
    Q_EMIT statusMessage(tr("Model %1 loaded").arg(name));
    if (path == m_panel->modelPath()) m_panel->settings()->adoptModelDefaults(path, defaults);
    m_panel->refreshTokenCounts();
  });
  connect(m_queue, &jobs::JobQueue::tokenCounts, m_panel, &PromptPanel::setTokenCounts);
  connect(m_panel, &PromptPanel::tokenCountRequested, m_queue, &jobs::JobQueue::countTokens);
  connect(m_panel, &PromptPanel::generateRequested, this, &GenerationController::generate);
  connect(m_panel, &PromptPanel::cancelRequested, this, &GenerationController::cancel);
  connect(m_panel, &PromptPanel::modelChanged, this, &GenerationController::preloadModel);

  // The mode follows the canvas: inferred again when a picture arrives or the mask appears or
  // goes, so a choice the user made sticks while neither changes.
  connect(m_document, &CanvasDocument::contentReplaced, this, [this] {
    if (!m_fittingCanvas) m_startCanvas = false;
    m_lastHasMask = !m_document->maskIsEmpty();
    m_panel->setCanvasSize(m_document->size());
    m_panel->inferMode(m_document->origin() == CanvasDocument::Origin::Imported, m_lastHasMask);
  });
  connect(m_document->undoStack(), &QUndoStack::indexChanged, this, &GenerationController::onCanvasChanged);
  connect(m_panel->settings(), &GenerationSettings::changed, this, &GenerationController::fitStartCanvas);
  fitStartCanvas();
  m_lastHasMask = !m_document->maskIsEmpty();
  m_panel->setCanvasSize(m_document->size());
  m_panel->inferMode(m_document->origin() == CanvasDocument::Origin::Imported, m_lastHasMask);
}

void GenerationController::onCanvasChanged() {
  const bool hasMask = !m_document->maskIsEmpty();
  if (hasMask == m_lastHasMask) return;
  m_lastHasMask = hasMask;
  m_panel->inferMode(m_document->origin() == CanvasDocument::Origin::Imported, hasMask);
}

void GenerationController::fitStartCanvas() {
  if (!m_startCanvas) return;
  if (m_document->origin() != CanvasDocument::Origin::Blank || m_document->undoStack()->count() > 0 ||
      !m_document->filePath().isEmpty() || !m_document->maskIsEmpty()) {
    m_startCanvas = false;
    return;
  }
  const GenerationSettings* s = m_panel->settings();
  const QSize size(s->widthBox()->value(), s->heightBox()->value());
  if (size == m_document->size() || size.isEmpty()) return;
  m_fittingCanvas = true;
  m_document->newCanvas(size);
  m_fittingCanvas = false;
  m_view->fitToWindow();
}

bool GenerationController::isBusy() const { return m_queue->interactiveBusy(); }

void GenerationController::preloadModel() {
  const QString path = m_panel->modelPath();
  if (path.isEmpty()) return;
  m_queue->enqueueLoad(modelSpec(path));
  Q_EMIT statusMessage(tr("Loading model %1…").arg(path));
}

bool GenerationController::generate() { return start(false); }

bool GenerationController::generateExtension() { return start(true); }

bool GenerationController::start(bool extension) {
  const bool hasMask = !m_document->maskIsEmpty();
  if (extension && hasMask && m_panel->mode() != GenerationMode::Inpaint) m_panel->setMode(GenerationMode::Inpaint);
  if (!m_panel->validate(hasMask)) return false;
  const GenerationMode mode = m_panel->mode();
  stipple::GenerationRequest request;
  m_panel->fillRequest(request);
  if (mode != GenerationMode::Generate) request.init_image = jobs::rgbMatFromImage(m_document->image());
  if (mode == GenerationMode::Inpaint) request.mask = jobs::grayMatFromImage(m_document->mask());
  if (extension && mode == GenerationMode::Inpaint) {
    request.masked_content = stipple::MaskedContent::Fill;
    request.strength = std::max(request.strength, 0.9);
  }
  Preferences::load().applyTo(request);  // preview mode and interval
  if (const std::string problem = stipple::validate_request(request); !problem.empty()) {
    m_panel->showError(QString::fromStdString(problem));
    return false;
  }
  m_panel->saveSettings();
  JobContext context;
  context.mode = mode;
  context.previewRegion = jobs::previewRegion(request);
  if (mode == GenerationMode::Generate && context.previewRegion.size() != m_document->size()) {
    // A new image replaces the canvas: show it filling the canvas (aspect kept), as it will.
    const QSize fitted = context.previewRegion.size().scaled(m_document->size(), Qt::KeepAspectRatio);
    context.previewRegion = QRect(QPoint((m_document->size().width() - fitted.width()) / 2,
                                         (m_document->size().height() - fitted.height()) / 2),
                                  fitted);
  }
  context.canvasSize = m_document->size();
  if (mode == GenerationMode::Inpaint) context.previewMask = jobs::previewMask(request).copy(context.previewRegion);
  const quint64 id = m_queue->enqueue(request, modelSpec(m_panel->modelPath()));
  m_jobs.insert(id, context);
  announce();
  return true;
}

void GenerationController::announce() {
  if (!m_jobs.contains(m_queue->runningJob())) return;  // a model load announces itself
  const int queued = m_queue->queuedInteractive();
  Q_EMIT statusMessage(queued > 0 ? tr("Generating… (%n more queued)", nullptr, queued) : tr("Generating…"));
}

void GenerationController::cancel() {
  if (!m_queue->interactiveBusy()) return;
  m_queue->cancelInteractive();  // a batch export has its own Cancel
  m_view->clearPreview();
  Q_EMIT statusMessage(tr("Cancelling…"));
}

void GenerationController::onPreview(const jobs::Preview& preview) {
  const auto it = m_jobs.constFind(preview.jobId);
  if (it == m_jobs.constEnd() || preview.jobId != m_queue->runningJob()) return;
  if (it->previewMask.isNull()) {
    m_view->setPreview(preview.image, it->previewRegion);
    return;
  }
  // Inpainting changes only the masked part: show the preview through the same soft mask.
  QImage masked = preview.image.scaled(it->previewRegion.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                      .convertToFormat(QImage::Format_ARGB32);
  masked.setAlphaChannel(it->previewMask);
  m_view->setPreview(masked, it->previewRegion);
}

void GenerationController::onFinished(const jobs::JobResult& result) {
  if (result.kind == jobs::JobKind::Batch) {  // the batch's window reports it
    updateBusy();
    return;
  }
  const JobContext context = m_jobs.take(result.id);
  m_view->clearPreview();
  if (result.status == jobs::JobStatus::Failed) {
    const QString what = result.loadOnly ? tr("Cannot load the model") : tr("Generation failed");
    Q_EMIT failed(QStringLiteral("%1: %2").arg(what, result.error));
    Q_EMIT finished(false);
  } else if (result.status == jobs::JobStatus::Cancelled) {
    Q_EMIT statusMessage(tr("Cancelled"));
    Q_EMIT finished(false);
  } else if (!result.loadOnly && !result.images.isEmpty()) {
    for (int i = 0; i < result.images.size(); ++i) {
      QString error;
      if (m_history->add(result.images[i], result.infotexts.value(i), &error).isEmpty())
        Q_EMIT failed(tr("The result could not be kept in the history: %1").arg(error));
    }
    QImage image = result.images.first();
    const QString parameters = result.infotexts.value(0);
    const bool sameCanvas = context.canvasSize == m_document->size();
    if (context.mode == GenerationMode::Generate || !sameCanvas) {
      m_document->replaceImage(image, parameters, CanvasDocument::Origin::Generated, tr("Generate"));
    } else {
      // img2img renders at the size rounded to multiples of 8; bring it back to the canvas.
      if (image.size() != m_document->size())
        image = image.scaled(m_document->size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
      m_document->applyResult(image, parameters);
    }
    if (!result.seeds.isEmpty()) m_panel->setLastSeed(result.seeds.first());
    Q_EMIT statusMessage(tr("Done in %1 s (%2 s/it)")
                             .arg(result.seconds, 0, 'f', 1)
                             .arg(result.secondsPerStep, 0, 'f', 2));
    Q_EMIT finished(true);
  }
  updateBusy();
}

void GenerationController::updateBusy() {
  const bool busy = m_queue->interactiveBusy();
  m_panel->setBusy(busy, m_queue->queuedInteractive());
  if (busy != m_wasBusy) {
    m_wasBusy = busy;
    Q_EMIT busyChanged(busy);
  }
}

}  // namespace stipple::ui
