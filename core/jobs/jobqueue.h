#pragma once
// The worker-thread bridge. One worker thread (a one-thread QThreadPool) owns the engine: it
// loads the model a job asks for, keeps it for the next job, and swaps it when a job names
// another model. Jobs wait in a queue on the GUI side and go to the worker one at a time, so a
// queued job can be removed and the running one cancelled (within one model evaluation).
// Engine exceptions end the job with an error result; the queue carries on with the next job.
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <memory>

#include "jobs/jobresult.h"
#include "jobs/modeldefaults.h"
#include "jobs/previewsink.h"
#include "pipeline/batch_export.h"
#include "pipeline/engine.h"

namespace stipple::jobs {

// A batch export for the queue (File > Batch Export...). The worker runs it with the model it
// holds (loading `model` first), so the GUI's model is never loaded twice.
struct BatchJob {
  std::shared_ptr<const stipple::BatchPlan> plan;
  stipple::BatchExportOptions options;
  stipple::EngineModelSpec model;  // the batch's own model (rows may name others)
  // true: interactive jobs queued while the batch runs go first, between two of its images;
  // false: they wait until the batch has finished.
  bool yieldToInteractive = true;
};

// Where a batch stands, as the progress window shows it.
struct BatchStatus {
  int total = 0, done = 0, written = 0, alreadyDone = 0, skipped = 0, failed = 0;
  int current = -1;       // item index being generated, -1 between images
  int step = 0, steps = 0;
  double eta = -1;        // seconds, -1 while unknown
  double elapsed = 0;     // seconds exporting, over all runs of the batch
  QString status;         // file name being made, "loading model ...", ...
};

struct WorkerState;
struct QueuedJob;

class JobQueue : public QObject {
  Q_OBJECT

 public:
  explicit JobQueue(QObject* parent = nullptr);
  ~JobQueue() override;  // cancels, waits for the worker and releases the engine there

  // Queues a generation; returns its id (> 0).
  quint64 enqueue(const stipple::GenerationRequest& request, const stipple::EngineModelSpec& model);
  // Queues a model load without generating (so errors and token counts come early).
  quint64 enqueueLoad(const stipple::EngineModelSpec& model);
  // Queues a batch export behind the jobs already queued; returns its id (> 0). It ends with
  // jobFinished (kind Batch, totals in JobResult::batch).
  quint64 enqueueBatch(const BatchJob& batch);

  // Pausing a batch stops it before its next image (the one being made is finished and
  // written); it then waits, not queued, until resumeBatch() queues it again or it is
  // cancelled. A paused batch does not count as busy.
  bool pauseBatch(quint64 id);
  bool resumeBatch(quint64 id);
  bool isPaused(quint64 id) const;

  // Cancels the running job (it ends with JobStatus::Cancelled) or removes a queued one.
  // Returns false for an unknown id.
  bool cancel(quint64 id);
  void cancelAll();
  // Cancels generations and model loads, running or queued; batches go on.
  void cancelInteractive();

  quint64 runningJob() const;
  int queuedCount() const { return static_cast<int>(m_queue.size()); }
  bool isBusy() const { return m_running != nullptr || !m_queue.isEmpty(); }
  // Generations and model loads only (what the prompt panel shows as its own work).
  int queuedInteractive() const;
  bool interactiveBusy() const;
  // Batches running, queued or paused.
  QList<quint64> batches() const;

  // Counts prompt tokens with the loaded model's tokenizer on the worker (after the running
  // job). Answers with tokenCounts(); empty counts when no model is loaded yet.
  void countTokens(int tag, const QString& text);

  PreviewSink* previewSink() const { return m_sink; }

 Q_SIGNALS:
  void jobQueued(quint64 id);
  void jobStarted(quint64 id);
  void jobRemoved(quint64 id);  // a queued job cancelled before it started
  void progress(quint64 id, int step, int totalSteps, double secondsPerStep, double etaSeconds);
  void previewReady(const stipple::jobs::Preview& preview);
  void jobFinished(const stipple::jobs::JobResult& result);
  void modelLoaded(const QString& name, const QString& path, const stipple::jobs::ModelDefaults& defaults);
  // What the engine says once after a load that did not go as asked (a model too large for the
  // GPU runs on the CPU).
  void engineNotice(const QString& text);
  void tokenCounts(int tag, const QString& text, const QList<int>& counts);
  void idle();  // nothing running or queued any more
  void batchProgress(quint64 id, const stipple::jobs::BatchStatus& status);
  void batchImageWritten(quint64 id, const QString& file);
  void batchItemFailed(quint64 id, int index, const QString& reason);
  void batchPaused(quint64 id);
  void batchResumed(quint64 id);

 private:
  void startNext();
  void onJobDone();
  void insertInteractive(const std::shared_ptr<QueuedJob>& job);
  void updateWaiting();

  QThreadPool m_pool;
  std::shared_ptr<WorkerState> m_worker;
  PreviewSink* m_sink = nullptr;
  QList<std::shared_ptr<QueuedJob>> m_queue;
  QList<std::shared_ptr<QueuedJob>> m_paused;  // batches waiting for resumeBatch()
  std::shared_ptr<QueuedJob> m_running;
  QFutureWatcher<JobResult> m_watcher;
  quint64 m_nextId = 1;
};

}  // namespace stipple::jobs

Q_DECLARE_METATYPE(stipple::jobs::BatchStatus)
