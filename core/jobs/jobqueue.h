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
#include "jobs/previewsink.h"
#include "pipeline/engine.h"

namespace stipple::jobs {

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

  // Cancels the running job (it ends with JobStatus::Cancelled) or removes a queued one.
  // Returns false for an unknown id.
  bool cancel(quint64 id);
  void cancelAll();

  quint64 runningJob() const;
  int queuedCount() const { return static_cast<int>(m_queue.size()); }
  bool isBusy() const { return m_running != nullptr || !m_queue.isEmpty(); }

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
  void modelLoaded(const QString& name, const QString& path);
  void tokenCounts(int tag, const QString& text, const QList<int>& counts);
  void idle();  // nothing running or queued any more

 private:
  void startNext();
  void onJobDone();

  QThreadPool m_pool;
  std::shared_ptr<WorkerState> m_worker;
  PreviewSink* m_sink = nullptr;
  QList<std::shared_ptr<QueuedJob>> m_queue;
  std::shared_ptr<QueuedJob> m_running;
  QFutureWatcher<JobResult> m_watcher;
  quint64 m_nextId = 1;
};

}  // namespace stipple::jobs
