#include "jobs/jobqueue.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <exception>
#include <map>
#include <optional>

#include "jobs/imageconvert.h"

namespace stipple::jobs {

// The loaded engine and the spec it was loaded from live on the worker thread only; the count
// of interactive jobs waiting is written by the GUI thread and read by a running batch.
struct WorkerState {
  std::unique_ptr<stipple::Engine> engine;
  stipple::EngineModelSpec spec;
  std::atomic<int> interactiveWaiting{0};
};

struct QueuedJob {
  quint64 id = 0;
  JobKind kind = JobKind::Generate;
  stipple::GenerationRequest request;
  stipple::EngineModelSpec model;
  std::atomic<bool> cancelled{false};
  // Batches only. The worker writes `summary` of each run; the GUI thread reads it once the
  // run's future has finished and keeps the totals across runs.
  BatchJob batch;
  std::atomic<bool> pauseRequested{false};
  std::optional<stipple::BatchSummary> summary;  // of the last run
  bool parked = false;        // the last run paused or yielded; its summary is not yet folded
  int writtenBefore = 0;      // images written by runs before the last one
  double secondsBefore = 0;   // their time
  std::map<int, std::string> failures;  // item index -> reason, from earlier runs: not retried
};

namespace {

bool sameModel(const stipple::EngineModelSpec& a, const stipple::EngineModelSpec& b) {
  return a.model == b.model && a.config == b.config && a.tokenizer == b.tokenizer &&
         a.prediction == b.prediction && a.device == b.device && a.precision == b.precision;
}

// The engine's observer for one job: forwards progress with queued calls, previews through the
// sink (newest frame only) and answers the cancel flag before every model evaluation.
class JobObserver final : public stipple::GenerationObserver {
 public:
  JobObserver(QueuedJob& job, JobQueue* queue, PreviewSink* sink) : m_job(job), m_queue(queue), m_sink(sink) {}

  void on_progress(int step, int totalSteps, double secondsPerStep) override {
    const quint64 id = m_job.id;
    const double eta = secondsPerStep * std::max(0, totalSteps - step);
    JobQueue* queue = m_queue;
    QMetaObject::invokeMethod(
        queue, [queue, id, step, totalSteps, secondsPerStep, eta] {
          Q_EMIT queue->progress(id, step, totalSteps, secondsPerStep, eta);
        },
        Qt::QueuedConnection);
  }

  void on_preview(const cv::Mat& rgb, int index, int step) override {
    if (m_job.cancelled.load()) return;
    m_sink->post(Preview{imageFromMat(rgb), m_job.id, index, step});
  }

  bool cancelled() override { return m_job.cancelled.load(); }

 private:
  QueuedJob& m_job;
  JobQueue* m_queue;
  PreviewSink* m_sink;
};

// Loads the engine for `spec` unless it is already loaded; the old engine goes first, so two
// models never sit in memory together. Returns true when it loaded a new one.
bool ensureEngine(WorkerState& state, const stipple::EngineModelSpec& spec) {
  if (state.engine && sameModel(state.spec, spec)) return false;
  state.engine.reset();
  state.engine = stipple::Engine::load(spec);
  state.spec = spec;
  return true;
}

// Inside a catch block: the job ends Failed with the exception's message, or Cancelled when the
// user had cancelled it (a cancelled job may end in an exception from deep inside the sampler).
void endWithException(JobResult& result, const QueuedJob& job) {
  result.status = job.cancelled.load() ? JobStatus::Cancelled : JobStatus::Failed;
  try {
    throw;
  } catch (const std::exception& e) {
    result.error = QString::fromLocal8Bit(e.what());
  } catch (...) {
    result.error = QCoreApplication::translate("JobQueue", "unknown error");
  }
}

JobResult runJob(WorkerState& state, QueuedJob& job, JobQueue* queue, PreviewSink* sink) {
  JobResult result;
  result.id = job.id;
  result.kind = job.kind;
  result.loadOnly = job.kind == JobKind::Load;
  result.request = job.request;
  try {
    if (ensureEngine(state, job.model)) {
      const QString name = QString::fromStdString(state.engine->identity().name);
      const QString path = QString::fromStdString(state.engine->model_path().string());
      ModelDefaults defaults;
      defaults.size = state.engine->default_size();
      defaults.cfg = state.engine->sampling_defaults().cfg;
      defaults.sampler = QString::fromStdString(state.engine->sampling_defaults().sampler);
      QMetaObject::invokeMethod(
          queue, [queue, name, path, defaults] { Q_EMIT queue->modelLoaded(name, path, defaults); },
          Qt::QueuedConnection);
      if (const std::string& reason = state.engine->gpu_fallback_reason(); !reason.empty()) {
        const QString notice = QCoreApplication::translate(
            "JobQueue", "The model does not fit in GPU memory (%1); it runs on the CPU instead, more slowly.")
                                   .arg(QString::fromLocal8Bit(reason.c_str()));
        QMetaObject::invokeMethod(
            queue, [queue, notice] { Q_EMIT queue->engineNotice(notice); }, Qt::QueuedConnection);
      }
    }
    result.modelName = QString::fromStdString(state.engine->identity().name);
    if (job.kind == JobKind::Load) return result;
    if (job.cancelled.load()) {
      result.status = JobStatus::Cancelled;
      return result;
    }
    JobObserver observer(job, queue, sink);
    const stipple::GenerationResult generated = state.engine->generate(job.request, &observer);
    if (job.cancelled.load()) {
      result.status = JobStatus::Cancelled;
      return result;
    }
    for (const stipple::GeneratedImage& image : generated.images) {
      result.images.append(imageFromMat(image.rgb));
      result.infotexts.append(QString::fromStdString(image.parameters));
      result.seeds.append(static_cast<quint64>(image.seed));
    }
    result.seconds = generated.seconds;
    result.secondsPerStep = generated.seconds_per_step;
  } catch (...) {
    endWithException(result, job);
  }
  return result;
}


// A batch's observer: progress and written files as queued signals, previews through the sink,
// cancel and pause (asked or yielding to waiting interactive jobs) from the job's flags.
class BatchJobObserver final : public stipple::BatchObserver {
 public:
  BatchJobObserver(QueuedJob& job, JobQueue* queue, PreviewSink* sink, const std::atomic<int>& waiting)
      : m_job(job), m_queue(queue), m_sink(sink), m_waiting(waiting) {}

  void on_batch_progress(const stipple::BatchProgress& p) override {
    BatchStatus status;
    status.total = p.total;
    status.done = p.done;
    status.written = p.written + m_job.writtenBefore;
    status.alreadyDone = p.already_done - m_job.writtenBefore;
    status.skipped = p.skipped;
    status.failed = p.failed;
    status.current = p.current;
    status.step = p.step;
    status.steps = p.steps;
    status.eta = p.eta;
    status.elapsed = p.elapsed + m_job.secondsBefore;
    status.status = QString::fromStdString(p.status);
    emitQueued([id = m_job.id, status](JobQueue* q) { Q_EMIT q->batchProgress(id, status); });
  }
  void on_preview(const cv::Mat& rgb, int index, int step) override {
    if (m_job.cancelled.load()) return;
    m_sink->post(Preview{imageFromMat(rgb), m_job.id, index, step});
  }
  void on_image_written(const stipple::BatchItem&, const std::filesystem::path& file, const cv::Mat&) override {
    const QString path = QString::fromStdString(file.string());
    emitQueued([id = m_job.id, path](JobQueue* q) { Q_EMIT q->batchImageWritten(id, path); });
  }
  std::optional<std::string> known_failure(const stipple::BatchItem& item) override {
    // Written by the GUI thread only while the batch is not running.
    const auto it = m_job.failures.find(item.index);
    if (it == m_job.failures.end()) return std::nullopt;
    return it->second;
  }
  void on_item_failed(const stipple::BatchItem& item, const std::string& reason) override {
    if (m_job.failures.count(item.index)) return;  // reported by an earlier run
    const QString text = QString::fromLocal8Bit(reason.c_str());
    emitQueued([id = m_job.id, index = item.index, text](JobQueue* q) { Q_EMIT q->batchItemFailed(id, index, text); });
  }
  bool cancelled() override { return m_job.cancelled.load(); }
  bool pause_requested() override {
    return m_job.pauseRequested.load() || (m_job.batch.yieldToInteractive && m_waiting.load() > 0);
  }

 private:
  template <typename F>
  void emitQueued(F f) {
    JobQueue* queue = m_queue;
    QMetaObject::invokeMethod(queue, [queue, f] { f(queue); }, Qt::QueuedConnection);
  }

  QueuedJob& m_job;
  JobQueue* m_queue;
  PreviewSink* m_sink;
  const std::atomic<int>& m_waiting;
};

JobResult runBatch(WorkerState& state, QueuedJob& job, JobQueue* queue, PreviewSink* sink) {
  JobResult result;
  result.id = job.id;
  result.kind = JobKind::Batch;
  job.summary.reset();
  try {
    // No modelLoaded here: that signal tells the prompt panel about its own model.
    ensureEngine(state, job.batch.model);
    result.modelName = QString::fromStdString(state.engine->identity().name);
    BatchJobObserver observer(job, queue, sink, state.interactiveWaiting);
    stipple::BatchModels models;
    models.engine = state.engine.get();
    models.spec = job.batch.model;
    job.summary = stipple::run_batch_export(*job.batch.plan, job.batch.options, models, &observer);
    if (job.summary->cancelled) result.status = JobStatus::Cancelled;
  } catch (...) {
    endWithException(result, job);
  }
  return result;
}

// The totals a batch's result reports, from its last run and what earlier runs wrote.
BatchOutcome outcomeOf(const QueuedJob& job) {
  BatchOutcome o;
  o.outDir = QString::fromStdString(job.batch.options.out_dir.string());
  o.total = static_cast<int>(job.batch.plan->items.size());
  o.written = job.writtenBefore;
  o.seconds = job.secondsBefore;
  if (!job.summary) return o;
  const stipple::BatchSummary& s = *job.summary;
  o.written += s.written;
  o.alreadyDone = s.already_done - job.writtenBefore;
  o.skipped = s.skipped_existing;
  o.failed = s.failed;
  o.seconds += s.seconds;
  for (const stipple::BatchFailure& f : s.failures) {
    const auto& item = job.batch.plan->items.at(static_cast<size_t>(f.index));
    o.failures.append(QStringLiteral("%1 (line %2): %3")
                          .arg(item.index + 1)
                          .arg(item.line)
                          .arg(QString::fromLocal8Bit(f.reason.c_str())));
  }
  if (s.contact_sheet) o.contactSheet = QString::fromStdString(s.contact_sheet->string());
  o.stopped = QString::fromLocal8Bit(s.stopped.c_str());
  return o;
}

}  // namespace

JobQueue::JobQueue(QObject* parent)
    : QObject(parent), m_worker(std::make_shared<WorkerState>()), m_sink(new PreviewSink(this)) {
  m_pool.setMaxThreadCount(1);
  m_pool.setExpiryTimeout(-1);  // the one worker thread lives as long as the queue: it owns the engine
  connect(m_sink, &PreviewSink::previewReady, this, &JobQueue::previewReady);
  connect(&m_watcher, &QFutureWatcherBase::finished, this, &JobQueue::onJobDone);
}

JobQueue::~JobQueue() {
  m_watcher.disconnect(this);
  cancelAll();
  std::shared_ptr<WorkerState> worker = m_worker;
  // The engine was made on the worker thread; release it there too.
  m_pool.start([worker] { worker->engine.reset(); });
  m_pool.waitForDone();
}

quint64 JobQueue::enqueue(const stipple::GenerationRequest& request, const stipple::EngineModelSpec& model) {
  auto job = std::make_shared<QueuedJob>();
  job->id = m_nextId++;
  job->request = request;
  job->model = model;
  insertInteractive(job);
  Q_EMIT jobQueued(job->id);
  startNext();
  return job->id;
}

quint64 JobQueue::enqueueLoad(const stipple::EngineModelSpec& model) {
  auto job = std::make_shared<QueuedJob>();
  job->id = m_nextId++;
  job->kind = JobKind::Load;
  job->model = model;
  insertInteractive(job);
  Q_EMIT jobQueued(job->id);
  startNext();
  return job->id;
}

quint64 JobQueue::enqueueBatch(const BatchJob& batch) {
  if (!batch.plan) return 0;
  auto job = std::make_shared<QueuedJob>();
  job->id = m_nextId++;
  job->kind = JobKind::Batch;
  job->batch = batch;
  job->model = batch.model;
  m_queue.append(job);
  Q_EMIT jobQueued(job->id);
  startNext();
  return job->id;
}

// Interactive jobs go before the batches that let them, after everything else.
void JobQueue::insertInteractive(const std::shared_ptr<QueuedJob>& job) {
  qsizetype at = m_queue.size();
  for (qsizetype i = 0; i < m_queue.size(); ++i) {
    if (m_queue[i]->kind == JobKind::Batch && m_queue[i]->batch.yieldToInteractive) {
      at = i;
      break;
    }
  }
  m_queue.insert(at, job);
  updateWaiting();
}

// What a running batch yields to: generations at the head of the queue, which run next if
// it stops. Model loads alone do not stop it (a load followed by a generation does), nor do
// jobs behind a batch that does not yield.
void JobQueue::updateWaiting() {
  int waiting = 0;
  for (const auto& job : m_queue) {
    if (job->kind == JobKind::Batch) break;
    if (job->kind == JobKind::Generate) ++waiting;
  }
  m_worker->interactiveWaiting.store(waiting);
}

bool JobQueue::cancel(quint64 id) {
  if (m_running && m_running->id == id) {
    m_running->cancelled.store(true);
    m_sink->discard();
    return true;
  }
  for (QList<std::shared_ptr<QueuedJob>>* list : {&m_queue, &m_paused}) {
    for (qsizetype i = 0; i < list->size(); ++i) {
      if ((*list)[i]->id != id) continue;
      const std::shared_ptr<QueuedJob> job = list->takeAt(i);
      updateWaiting();
      if (job->kind == JobKind::Batch) {
        // A batch may have written images already: it ends with its totals like a running one.
        JobResult result;
        result.id = job->id;
        result.kind = JobKind::Batch;
        result.status = JobStatus::Cancelled;
        result.batch = outcomeOf(*job);
        Q_EMIT jobRemoved(id);
        Q_EMIT jobFinished(result);
      } else {
        Q_EMIT jobRemoved(id);
      }
      if (!isBusy()) Q_EMIT idle();
      return true;
    }
  }
  return false;
}

void JobQueue::cancelAll() {
  while (!m_paused.isEmpty()) cancel(m_paused.last()->id);
  while (!m_queue.isEmpty()) cancel(m_queue.last()->id);
  if (m_running) cancel(m_running->id);
}

void JobQueue::cancelInteractive() {
  QList<quint64> ids;
  for (const auto& job : m_queue)
    if (job->kind != JobKind::Batch) ids.append(job->id);
  for (quint64 id : ids) cancel(id);
  if (m_running && m_running->kind != JobKind::Batch) cancel(m_running->id);
}

bool JobQueue::pauseBatch(quint64 id) {
  if (m_running && m_running->id == id && m_running->kind == JobKind::Batch) {
    m_running->pauseRequested.store(true);  // onJobDone parks it after the current image
    return true;
  }
  for (qsizetype i = 0; i < m_queue.size(); ++i) {
    if (m_queue[i]->id != id || m_queue[i]->kind != JobKind::Batch) continue;
    std::shared_ptr<QueuedJob> job = m_queue.takeAt(i);
    job->pauseRequested.store(true);
    m_paused.append(job);
    Q_EMIT batchPaused(id);
    if (!isBusy()) Q_EMIT idle();
    return true;
  }
  return false;
}

bool JobQueue::resumeBatch(quint64 id) {
  if (m_running && m_running->id == id) {  // asked to pause, still finishing its image
    m_running->pauseRequested.store(false);
    Q_EMIT batchResumed(id);
    return true;
  }
  for (qsizetype i = 0; i < m_paused.size(); ++i) {
    if (m_paused[i]->id != id) continue;
    std::shared_ptr<QueuedJob> job = m_paused.takeAt(i);
    job->pauseRequested.store(false);
    m_queue.append(job);
    Q_EMIT batchResumed(id);
    startNext();
    return true;
  }
  return false;
}

bool JobQueue::isPaused(quint64 id) const {
  if (m_running && m_running->id == id) return m_running->pauseRequested.load();
  for (const auto& job : m_paused)
    if (job->id == id) return true;
  return false;
}

void JobQueue::countTokens(int tag, const QString& text) {
  std::shared_ptr<WorkerState> worker = m_worker;
  m_pool.start([this, worker, tag, text] {
    QList<int> counts;
    if (worker->engine) {
      try {
        for (int n : worker->engine->token_counts(text.toStdString())) counts.append(n);
      } catch (const std::exception&) {
        counts.clear();  // the panel keeps its estimate
      }
    }
    QMetaObject::invokeMethod(
        this, [this, tag, text, counts] { Q_EMIT tokenCounts(tag, text, counts); }, Qt::QueuedConnection);
  });
}

int JobQueue::queuedInteractive() const {
  int n = 0;
  for (const auto& job : m_queue)
    if (job->kind != JobKind::Batch) ++n;
  return n;
}

bool JobQueue::interactiveBusy() const {
  return (m_running && m_running->kind != JobKind::Batch) || queuedInteractive() > 0;
}

QList<quint64> JobQueue::batches() const {
  QList<quint64> ids;
  if (m_running && m_running->kind == JobKind::Batch) ids.append(m_running->id);
  for (const QList<std::shared_ptr<QueuedJob>>* list : {&m_queue, &m_paused})
    for (const auto& job : *list)
      if (job->kind == JobKind::Batch) ids.append(job->id);
  return ids;
}

quint64 JobQueue::runningJob() const { return m_running ? m_running->id : 0; }

void JobQueue::startNext() {
  if (m_running || m_queue.isEmpty()) return;
  m_running = m_queue.takeFirst();
  updateWaiting();
  if (m_running->parked) {  // a paused or yielded batch continues: fold its last run in
    m_running->writtenBefore += m_running->summary->written;
    m_running->secondsBefore += m_running->summary->seconds;
    m_running->summary.reset();
    m_running->parked = false;
  }
  Q_EMIT jobStarted(m_running->id);
  std::shared_ptr<QueuedJob> job = m_running;
  std::shared_ptr<WorkerState> worker = m_worker;
  PreviewSink* sink = m_sink;
  m_watcher.setFuture(QtConcurrent::run(&m_pool, [this, worker, job, sink] {
    return job->kind == JobKind::Batch ? runBatch(*worker, *job, this, sink) : runJob(*worker, *job, this, sink);
  }));
}

void JobQueue::onJobDone() {
  JobResult result = m_watcher.future().result();
  std::shared_ptr<QueuedJob> job = std::move(m_running);
  m_sink->discard();  // a frame of the finished job must not land after its result
  if (job->kind == JobKind::Batch && job->cancelled.load()) result.status = JobStatus::Cancelled;
  if (job->kind == JobKind::Batch && result.status == JobStatus::Finished && job->summary &&
      job->summary->paused) {
    // Stopped before an image: asked to pause, or interactive jobs are waiting. Either way it
    // continues later in the same folder, skipping what it has written and what failed.
    job->parked = true;
    for (const stipple::BatchFailure& f : job->summary->failures) {
      job->failures.emplace(f.index, f.reason);
    }
    if (job->pauseRequested.load()) {
      m_paused.append(job);
      Q_EMIT batchPaused(job->id);
    } else {
      qsizetype at = 0;  // behind the interactive jobs, ahead of other batches
      while (at < m_queue.size() && m_queue[at]->kind != JobKind::Batch) ++at;
      m_queue.insert(at, job);
    }
    startNext();
    if (!isBusy()) Q_EMIT idle();
    return;
  }
  if (job->kind == JobKind::Batch) result.batch = outcomeOf(*job);
  Q_EMIT jobFinished(result);
  startNext();
  if (!isBusy()) Q_EMIT idle();
}

}  // namespace stipple::jobs
