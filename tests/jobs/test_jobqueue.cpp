// JobQueue on the tiny golden model: previews stream, cancel takes effect within a step, a
// failing job reports its message and the next job still runs, queued jobs can be removed,
// and the loaded engine is reused.
#include <QSignalSpy>
#include <QtTest>

#include "golden.h"
#include "jobs/jobqueue.h"
#include "tiny_request.h"

using namespace stipple::jobs;

namespace {

JobResult resultFor(const QSignalSpy& spy, quint64 id) {
  for (const QList<QVariant>& args : spy) {
    const auto r = args.at(0).value<JobResult>();
    if (r.id == id) return r;
  }
  return {};
}

}  // namespace

class TestJobQueue : public QObject {
  Q_OBJECT

  stipple::EngineModelSpec m_tiny;

 private Q_SLOTS:
  void initTestCase() {
    const auto golden = stipple::test::golden_dir();
    if (!golden) QSKIP(stipple::test::golden_missing_message().c_str());
    m_tiny.model = *golden / "tiny-sd1.safetensors";
  }

  void generatesWithPreviews() {
    JobQueue queue;
    QSignalSpy previews(&queue, &JobQueue::previewReady);
    QSignalSpy progress(&queue, &JobQueue::progress);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    QSignalSpy loaded(&queue, &JobQueue::modelLoaded);
    const quint64 id = queue.enqueue(tinyRequest(), m_tiny);
    QVERIFY(id > 0);
    QVERIFY(queue.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    const JobResult r = finished.at(0).at(0).value<JobResult>();
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.id, id);
    QCOMPARE(r.images.size(), 1);
    QCOMPARE(r.images[0].size(), QSize(64, 64));
    QCOMPARE(r.images[0].format(), QImage::Format_RGB888);
    QVERIFY(r.infotexts[0].contains(QStringLiteral("Steps: 4, Sampler: Euler")));
    QCOMPARE(r.seeds[0], quint64(1));
    QCOMPARE(r.modelName, QStringLiteral("tiny-sd1"));
    QVERIFY(previews.count() >= 1);
    QCOMPARE(previews.last().at(0).value<Preview>().jobId, id);
    QVERIFY(progress.count() >= 1);
    QCOMPARE(progress.last().at(2).toInt(), 4);
    QCOMPARE(loaded.count(), 1);
    QVERIFY(!queue.isBusy());
  }

  void cancelStopsTheRunningJobAndTheNextRuns() {
    JobQueue queue;
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    QSignalSpy loaded(&queue, &JobQueue::modelLoaded);
    const quint64 slow = queue.enqueue(tinyRequest(1000), m_tiny);
    // Cancel as soon as the first step has run.
    QMetaObject::Connection c = connect(&queue, &JobQueue::progress, this, [&queue, slow](quint64 id, int step) {
      if (id == slow && step >= 1) queue.cancel(slow);
    });
    QElapsedTimer timer;
    timer.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    disconnect(c);
    const JobResult cancelled = finished.at(0).at(0).value<JobResult>();
    QCOMPARE(cancelled.status, JobStatus::Cancelled);
    QVERIFY(cancelled.images.isEmpty());
    const quint64 next = queue.enqueue(tinyRequest(), m_tiny);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QVERIFY(resultFor(finished, next).ok());
    QCOMPARE(loaded.count(), 1);  // the engine stayed loaded across the cancel
  }

  void failingJobReportsAndTheNextRuns() {
    JobQueue queue;
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    stipple::EngineModelSpec missing;
    missing.model = "/nonexistent/models/nothing-here.safetensors";
    const quint64 bad = queue.enqueue(tinyRequest(), missing);
    const quint64 good = queue.enqueue(tinyRequest(), m_tiny);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    const JobResult failed = resultFor(finished, bad);
    QCOMPARE(failed.status, JobStatus::Failed);
    QVERIFY2(failed.error.contains(QStringLiteral("nothing-here")), qPrintable(failed.error));
    QVERIFY(resultFor(finished, good).ok());
  }

  void invalidRequestIsAnErrorNotACrash() {
    JobQueue queue;
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    stipple::GenerationRequest r = tinyRequest();
    r.width = 65;
    queue.enqueue(r, m_tiny);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    const JobResult failed = finished.at(0).at(0).value<JobResult>();
    QCOMPARE(failed.status, JobStatus::Failed);
    QVERIFY2(failed.error.contains(QStringLiteral("width")), qPrintable(failed.error));
  }

  void queuedJobCanBeRemoved() {
    JobQueue queue;
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    QSignalSpy removed(&queue, &JobQueue::jobRemoved);
    QSignalSpy idle(&queue, &JobQueue::idle);
    const quint64 first = queue.enqueue(tinyRequest(), m_tiny);
    const quint64 second = queue.enqueue(tinyRequest(), m_tiny);
    QCOMPARE(queue.runningJob(), first);
    QCOMPARE(queue.queuedCount(), 1);
    QVERIFY(queue.cancel(second));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(queue.queuedCount(), 0);
    QVERIFY(!queue.cancel(9999));
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 60000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<JobResult>().id, first);
  }

  void modelIsLoadedOnceAndSwappedOnDemand() {
    const auto golden = stipple::test::golden_dir();
    JobQueue queue;
    QSignalSpy loaded(&queue, &JobQueue::modelLoaded);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    queue.enqueueLoad(m_tiny);
    queue.enqueueLoad(m_tiny);
    stipple::EngineModelSpec other;
    other.model = *golden / "tiny-sd2.safetensors";
    queue.enqueueLoad(other);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 60000);
    for (const auto& args : finished) QVERIFY(args.at(0).value<JobResult>().loadOnly);
    QCOMPARE(loaded.count(), 2);
    QCOMPARE(loaded.at(1).at(0).toString(), QStringLiteral("tiny-sd2"));
  }

  void tokenCountsComeFromTheLoadedModel() {
    JobQueue queue;
    QSignalSpy counts(&queue, &JobQueue::tokenCounts);
    queue.countTokens(1, QStringLiteral("a cat"));
    QTRY_COMPARE(counts.count(), 1);
    QVERIFY(counts.at(0).at(2).value<QList<int>>().isEmpty());  // no model yet
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    queue.enqueueLoad(m_tiny);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    queue.countTokens(2, QStringLiteral("a cat"));
    QTRY_COMPARE(counts.count(), 2);
    QCOMPARE(counts.at(1).at(0).toInt(), 2);
    QCOMPARE(counts.at(1).at(2).value<QList<int>>(), QList<int>{2});
  }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "test_jobqueue.moc"
