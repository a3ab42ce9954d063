#pragma once
// Turns the prompt panel and the canvas into jobs and their results back into canvas changes
// and history entries: validates, builds the request for the mode (init image, mask), shows
// previews where the result will land, applies a finished result as one undoable change.
#include <QHash>
#include <QImage>
#include <QObject>
#include <QRect>
#include <QSize>

#include "generationmode.h"

namespace stipple::jobs {
class JobQueue;
struct JobResult;
struct Preview;
}  // namespace stipple::jobs

namespace stipple::ui {

class CanvasDocument;
class CanvasView;
class HistoryStore;
class PromptPanel;

class GenerationController : public QObject {
  Q_OBJECT

 public:
  GenerationController(jobs::JobQueue* queue, CanvasDocument* document, CanvasView* view, PromptPanel* panel,
                       HistoryStore* history, QObject* parent = nullptr);

  bool isBusy() const;
  // Loads the panel's model on the worker now, so errors and exact token counts come early.
  void preloadModel();

 public Q_SLOTS:
  // Validates and queues a job; false (with the reason shown in the panel) when it cannot run.
  bool generate();
  // Outpainting after Extend Canvas: inpaints the masked new area with "fill" as its start
  // and a strength of at least 0.9 (the new area has no picture worth keeping).
  bool generateExtension();
  // Cancels the running job and drops the queued ones.
  void cancel();

 Q_SIGNALS:
  void busyChanged(bool busy);
  void progress(int step, int totalSteps, double secondsPerStep, double etaSeconds);
  void statusMessage(const QString& text);
  void failed(const QString& message);
  void finished(bool ok);

 private:
  struct JobContext {
    GenerationMode mode = GenerationMode::Generate;
    QRect previewRegion;  // canvas coordinates
    QImage previewMask;   // inpainting: the soft mask over previewRegion; previews show through it
    QSize canvasSize;     // when queued
  };

  bool start(bool extension);
  void onPreview(const jobs::Preview& preview);
  void onFinished(const jobs::JobResult& result);
  void onCanvasChanged();
  // The blank canvas Stipple starts with, while nothing has been done to it, takes the output
  // size (the model's native size on a first start): the first picture then fills it.
  void fitStartCanvas();
  void updateBusy();
  void announce();  // "Generating… (2 more queued)" for the running job

  jobs::JobQueue* m_queue;
  CanvasDocument* m_document;
  CanvasView* m_view;
  PromptPanel* m_panel;
  HistoryStore* m_history;
  QHash<quint64, JobContext> m_jobs;
  bool m_lastHasMask = false;
  bool m_wasBusy = false;
  bool m_startCanvas = true;  // the document is still the untouched canvas of the start
  bool m_fittingCanvas = false;
};

}  // namespace stipple::ui
