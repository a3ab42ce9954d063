#include "jobs/jobqueue.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <exception>

#include "jobs/imageconvert.h"

namespace stipple::jobs {

// Lives on the worker thread only: the loaded engine and the spec it was loaded from.
struct WorkerState {
  std::unique_ptr<stipple::Engine> engine;
  stipple::EngineModelSpec spec;
};

struct QueuedJob {
  quint64 id = 0;
  bool loadOnly = false;
  stipple::GenerationRequest request;
  stipple::EngineModelSpec model;
  std::atomic<bool> cancelled{false};
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

JobResult runJob(WorkerState& state, QueuedJob& job, JobQueue* queue, PreviewSink* sink) {
  JobResult result;
  result.id = job.id;
  result.loadOnly = job.loadOnly;
  result.request = job.request;
  try {
    if (ensureEngine(state, job.model)) {
      const QString name = QString::fromStdString(state.engine->identity().name);
      const QString path = QString::fromStdString(state.engine->model_path().string());
      QMetaObject::invokeMethod(
          queue, [queue, name, path] { Q_EMIT queue->modelLoaded(name, path); }, Qt::QueuedConnection);
    }
    result.modelName = QString::fromStdString(state.engine->identity().name);
    if (job.loadOnly) return result;
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
  } catch (const std::exception& e) {
    // A cancelled job may end in an exception from deep inside the sampler: still a cancel.
    result.status = job.cancelled.load() ? JobStatus::Cancelled : JobStatus::Failed;
    result.error = QString::fromLocal8Bit(e.what());
  } catch (...) {
    result.status = job.cancelled.load() ? JobStatus::Cancelled : JobStatus::Failed;
    result.error = QStringLiteral("unknown error");
  }
  return result;
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
  m_queue.append(job);
  Q_EMIT jobQueued(job->id);
  startNext();
  return job->id;
}

quint64 JobQueue::enqueueLoad(const stipple::EngineModelSpec& model) {
  auto job = std::make_shared<QueuedJob>();
  job->id = m_nextId++;
  job->loadOnly = true;
  job->model = model;
  m_queue.append(job);
  Q_EMIT jobQueued(job->id);
  startNext();
  return job->id;
}

bool JobQueue::cancel(quint64 id) {
  if (m_running && m_running->id == id) {
    m_running->cancelled.store(true);
    m_sink->discard();
    return true;
  }
  for (qsizetype i = 0; i < m_queue.size(); ++i) {
    if (m_queue[i]->id == id) {
      m_queue.removeAt(i);
      Q_EMIT jobRemoved(id);
      return true;
    }
  }
  return false;
}

void JobQueue::cancelAll() {
  while (!m_queue.isEmpty()) cancel(m_queue.last()->id);
  if (m_running) cancel(m_running->id);
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

quint64 JobQueue::runningJob() const { return m_running ? m_running->id : 0; }

void JobQueue::startNext() {
  if (m_running || m_queue.isEmpty()) return;
  m_running = m_queue.takeFirst();
  Q_EMIT jobStarted(m_running->id);
  std::shared_ptr<QueuedJob> job = m_running;
  std::shared_ptr<WorkerState> worker = m_worker;
  PreviewSink* sink = m_sink;
  m_watcher.setFuture(QtConcurrent::run(&m_pool, [this, worker, job, sink] {
    return runJob(*worker, *job, this, sink);
  }));
}

void JobQueue::onJobDone() {
  JobResult result = m_watcher.future().result();
  m_running.reset();
  m_sink->discard();  // a frame of the finished job must not land after its result
  Q_EMIT jobFinished(result);
  startNext();
  if (!isBusy()) Q_EMIT idle();
}

}  // namespace stipple::jobs
