#include "jobs/previewsink.h"

#include <QMetaObject>
#include <QMutexLocker>

namespace stipple::jobs {

PreviewSink::PreviewSink(QObject* parent) : QObject(parent) {}

void PreviewSink::post(const Preview& preview) {
  bool schedule = false;
  {
    QMutexLocker lock(&m_mutex);
    m_latest = preview;
    m_hasFrame = true;
    if (!m_deliveryScheduled) {
      m_deliveryScheduled = true;
      schedule = true;
    }
  }
  if (schedule) QMetaObject::invokeMethod(this, &PreviewSink::deliver, Qt::QueuedConnection);
}

void PreviewSink::discard() {
  QMutexLocker lock(&m_mutex);
  m_latest = Preview{};
  m_hasFrame = false;
}

void PreviewSink::deliver() {
  Preview frame;
  {
    QMutexLocker lock(&m_mutex);
    m_deliveryScheduled = false;
    if (!m_hasFrame) return;
    frame = std::move(m_latest);
    m_latest = Preview{};
    m_hasFrame = false;
  }
  Q_EMIT previewReady(frame);
}

}  // namespace stipple::jobs
