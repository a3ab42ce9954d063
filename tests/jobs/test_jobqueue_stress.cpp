// The job queue under stress on the tiny golden models: a thousand submit/cancel cycles at
// random moments, a flood of queued jobs cancelled at once, jobs that alternate between two
// models, failing jobs among them, and a model that produces NaN. Every job ends exactly once (finished, failed, cancelled
// or removed from the queue), nothing deadlocks (each wait has a deadline), and the resident
// memory after the run stays within a few percent of where it settled after warm-up.
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <set>
#include <unistd.h>

#include "golden.h"
#include "overflow_model.h"
#include "jobs/jobqueue.h"
#include "tiny_request.h"

using namespace stipple::jobs;

namespace {

double rssMiB() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Counts how each job ended.
struct Ledger {
  std::set<quint64> submitted, finished, failed, cancelled, removed;
  int duplicates = 0;

  void connect(JobQueue& queue) {
    QObject::connect(&queue, &JobQueue::jobFinished, [this](const JobResult& r) {
      if (ended(r.id)) ++duplicates;
      if (r.status == JobStatus::Finished) finished.insert(r.id);
      else if (r.status == JobStatus::Cancelled) cancelled.insert(r.id);
      else failed.insert(r.id);
    });
    QObject::connect(&queue, &JobQueue::jobRemoved, [this](quint64 id) {
      if (ended(id)) ++duplicates;
      removed.insert(id);
    });
  }
  bool ended(quint64 id) const {
    return finished.count(id) || failed.count(id) || cancelled.count(id) || removed.count(id);
  }
  size_t endedCount() const { return finished.size() + failed.size() + cancelled.size() + removed.size(); }
};

}  // namespace

class TestJobQueueStress : public QObject {
  Q_OBJECT

  stipple::EngineModelSpec m_sd1, m_sd2;

 private Q_SLOTS:
  void initTestCase() {
    const auto golden = stipple::test::golden_dir();
    if (!golden) QSKIP(stipple::test::golden_missing_message().c_str());
    m_sd1.model = *golden / "tiny-sd1.safetensors";
    m_sd2.model = *golden / "tiny-sd2.safetensors";
  }

  void thousandSubmitCancelCycles() {
    JobQueue queue;
    Ledger ledger;
    ledger.connect(queue);
    QRandomGenerator rng(20261127);
    double rssWarm = 0;
    QElapsedTimer clock;
    clock.start();
    const int cycles = 1000;
    for (int i = 0; i < cycles; ++i) {
      // One job in ten fails (an impossible size); the rest run 1 to 6 steps.
      auto request = tinyRequest(1 + static_cast<int>(rng.bounded(6)), static_cast<uint64_t>(i));
      if (rng.bounded(10) == 0) request.width = 65;
      const quint64 id = queue.enqueue(request, m_sd1);
      ledger.submitted.insert(id);
      // A random moment: now, after some events, or after a few milliseconds.
      const quint32 wait = rng.bounded(4);
      if (wait == 1) QCoreApplication::processEvents();
      if (wait >= 2) QTest::qWait(static_cast<int>(rng.bounded(5)));
      // Half the jobs are left to run; the others are cancelled, running or still queued.
      const quint32 action = rng.bounded(10);
      if (action < 3) queue.cancel(id);
      else if (action == 3) queue.cancelAll();
      else if (action == 4) queue.cancelInteractive();
      // Let the queue drain now and then so it does not just grow.
      if (i % 20 == 19) QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), 120000);
      if (i == 99) rssWarm = rssMiB();
    }
    QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), 120000);
    QTRY_COMPARE_WITH_TIMEOUT(ledger.endedCount(), ledger.submitted.size(), 30000);
    const double rssEnd = rssMiB();
    QCOMPARE(ledger.duplicates, 0);
    for (quint64 id : ledger.submitted) QVERIFY2(ledger.ended(id), qPrintable(QString::number(id)));
    QVERIFY(!ledger.finished.empty());
    QVERIFY(!ledger.cancelled.empty() || !ledger.removed.empty());
    QVERIFY(!ledger.failed.empty());
    qInfo("%d cycles in %.1f s: %zu finished, %zu failed, %zu cancelled while running, %zu removed from the queue; "
          "RSS after 100 cycles %.1f MiB, after %d %.1f MiB (%+.2f%%)",
          cycles, clock.elapsed() / 1000.0, ledger.finished.size(), ledger.failed.size(), ledger.cancelled.size(),
          ledger.removed.size(), rssWarm, cycles, rssEnd, 100.0 * (rssEnd - rssWarm) / rssWarm);
    // Loosely: allocator noise aside, a leak per job would show as tens of percent here.
    QVERIFY2(rssEnd < rssWarm * 1.10, qPrintable(QStringLiteral("RSS %1 -> %2 MiB").arg(rssWarm).arg(rssEnd)));
    // Still usable.
    QSignalSpy after(&queue, &JobQueue::jobFinished);
    const quint64 last = queue.enqueue(tinyRequest(2, 7), m_sd1);
    QTRY_VERIFY_WITH_TIMEOUT(!after.isEmpty(), 60000);
    const auto r = after.last().at(0).value<JobResult>();
    QCOMPARE(r.id, last);
    QVERIFY2(r.ok(), qPrintable(r.error));
  }

  void floodThenCancelAll() {
    JobQueue queue;
    Ledger ledger;
    ledger.connect(queue);
    for (int i = 0; i < 500; ++i) ledger.submitted.insert(queue.enqueue(tinyRequest(3, static_cast<uint64_t>(i)), m_sd1));
    QVERIFY(queue.queuedCount() >= 498);
    queue.cancelAll();
    QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(ledger.endedCount(), ledger.submitted.size(), 30000);
    QCOMPARE(ledger.duplicates, 0);
    QVERIFY(ledger.removed.size() >= 498);
  }

  void modelsSwapBetweenQueuedJobs() {
    JobQueue queue;
    Ledger ledger;
    ledger.connect(queue);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    QMap<quint64, QString> wanted;
    for (int i = 0; i < 12; ++i) {
      const bool sd2 = i % 3 == 1;
      const quint64 id = queue.enqueue(tinyRequest(2, static_cast<uint64_t>(i)), sd2 ? m_sd2 : m_sd1);
      wanted[id] = sd2 ? QStringLiteral("tiny-sd2") : QStringLiteral("tiny-sd1");
      ledger.submitted.insert(id);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), 120000);
    QCOMPARE(finished.count(), 12);
    for (const QList<QVariant>& args : finished) {
      const auto r = args.at(0).value<JobResult>();
      QVERIFY2(r.ok(), qPrintable(r.error));
      QCOMPARE(r.modelName, wanted.value(r.id));
    }
  }

  // Jobs on a model that overflows fail with the step where it happened; the jobs queued
  // between them, on a healthy model, finish as if nothing had happened.
  void jobsThatProduceNaNFailAndTheOthersRun() {
    QTemporaryDir dir;
    stipple::EngineModelSpec overflowing;
    overflowing.model = QFile::encodeName(dir.filePath(QStringLiteral("overflow.safetensors"))).toStdString();
    overflowing.tokenizer = m_sd1.model.parent_path() / "bpe_simple_vocab_16e6.txt.gz";
    stipple::test::write_overflowing_model(m_sd1.model, overflowing.model);
    JobQueue queue;
    Ledger ledger;
    ledger.connect(queue);
    QSignalSpy finished(&queue, &JobQueue::jobFinished);
    QSet<quint64> poisoned;
    for (int i = 0; i < 8; ++i) {
      const bool bad = i % 2 == 1;
      const quint64 id = queue.enqueue(tinyRequest(3, static_cast<uint64_t>(i)), bad ? overflowing : m_sd1);
      if (bad) poisoned.insert(id);
      ledger.submitted.insert(id);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!queue.isBusy(), 120000);
    QCOMPARE(finished.count(), 8);
    QCOMPARE(ledger.duplicates, 0);
    for (const QList<QVariant>& args : finished) {
      const auto r = args.at(0).value<JobResult>();
      if (poisoned.contains(r.id)) {
        QCOMPARE(r.status, JobStatus::Failed);
        QVERIFY2(r.error.contains(QStringLiteral("the model produced NaN at step 1 of 3; try fp32 precision")),
                 qPrintable(r.error));
        QVERIFY(r.images.isEmpty());  // no black picture
      } else {
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.images.size(), 1);
      }
    }
  }
};

QTEST_MAIN(TestJobQueueStress)
#include "test_jobqueue_stress.moc"
