#pragma once
// Hands previews from the worker thread to the GUI thread without ever queueing more than one.
// post() may be called from any thread: it replaces the waiting frame, and only the first post
// after a delivery schedules a queued call. However slow the GUI is, at most one frame waits,
// and it is always the newest.
#include <QImage>
#include <QMutex>
#include <QObject>

namespace stipple::jobs {

struct Preview {
  QImage image;
  quint64 jobId = 0;
  int index = 0;  // image within the request
  int step = 0;
};

class PreviewSink : public QObject {
  Q_OBJECT

 public:
  explicit PreviewSink(QObject* parent = nullptr);

  // Thread-safe. Replaces any frame not yet delivered.
  void post(const Preview& preview);
  // Drops a frame not yet delivered (e.g. when its job has just finished).
  void discard();

 Q_SIGNALS:
  // Emitted on the sink's thread with the newest frame.
  void previewReady(const stipple::jobs::Preview& preview);

 private:
  void deliver();

  QMutex m_mutex;
  Preview m_latest;
  bool m_hasFrame = false;
  bool m_deliveryScheduled = false;
};

}  // namespace stipple::jobs

Q_DECLARE_METATYPE(stipple::jobs::Preview)
