#include "batchprogresswindow.h"

#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include "batchexportdialog.h"
#include "icons.h"

namespace stipple::ui {

namespace {
constexpr int kPreviewSide = 256;
}

BatchProgressWindow::BatchProgressWindow(jobs::JobQueue* queue, quint64 id, int total, const QString& folder,
                                         QWidget* parent)
    : QDialog(parent), m_queue(queue), m_id(id), m_total(total), m_folder(folder) {
  setObjectName(QStringLiteral("BatchProgressWindow"));
  setWindowTitle(tr("Batch Export – %1").arg(QFileInfo(folder).fileName()));
  setModal(false);

  m_preview = new QLabel(this);
  m_preview->setObjectName(QStringLiteral("batchPreview"));
  m_preview->setFixedSize(kPreviewSide, kPreviewSide);
  m_preview->setAlignment(Qt::AlignCenter);
  m_preview->setFrameShape(QFrame::StyledPanel);
  m_preview->setText(tr("Waiting…"));

  m_state = new QLabel(tr("Queued"), this);
  m_state->setObjectName(QStringLiteral("batchState"));
  QFont big = m_state->font();
  big.setPointSizeF(big.pointSizeF() * 1.4);
  big.setBold(true);
  m_state->setFont(big);
  m_file = new QLabel(this);
  m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_file->setWordWrap(true);
  m_overall = new QProgressBar(this);
  m_overall->setObjectName(QStringLiteral("batchOverall"));
  m_overall->setRange(0, std::max(1, total));
  m_overall->setValue(0);
  m_overall->setFormat(tr("%v of %m images"));
  m_steps = new QProgressBar(this);
  m_steps->setObjectName(QStringLiteral("batchSteps"));
  m_steps->setRange(0, 1);
  m_steps->setValue(0);
  m_steps->setFormat(tr("step %v of %m"));
  m_time = new QLabel(this);
  m_time->setObjectName(QStringLiteral("batchTime"));
  m_counts = new QLabel(this);
  m_counts->setObjectName(QStringLiteral("batchCounts"));
  m_counts->setWordWrap(true);
  m_failures = new QPlainTextEdit(this);
  m_failures->setObjectName(QStringLiteral("batchFailures"));
  m_failures->setReadOnly(true);
  m_failures->setVisible(false);
  m_failures->setMaximumHeight(110);

  auto* folderLabel = new QLabel(tr("Into %1").arg(QDir::toNativeSeparators(folder)), this);
  folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  folderLabel->setWordWrap(true);

  m_pause = new QPushButton(tr("&Pause"), this);
  m_pause->setObjectName(QStringLiteral("batchPause"));
  m_pause->setToolTip(tr("Stop after the image being made; resume any time"));
  m_cancel = new QPushButton(themedIcon(QStringLiteral("cancel"), this), tr("&Cancel Batch"), this);
  m_cancel->setObjectName(QStringLiteral("batchCancel"));
  m_open = new QPushButton(tr("&Open Folder"), this);
  m_open->setObjectName(QStringLiteral("batchOpenFolder"));

  auto* info = new QVBoxLayout;
  info->addWidget(m_state);
  info->addWidget(m_file);
  info->addWidget(m_overall);
  info->addWidget(m_steps);
  info->addWidget(m_time);
  info->addWidget(m_counts);
  info->addWidget(folderLabel);
  info->addStretch(1);
  auto* top = new QHBoxLayout;
  top->addWidget(m_preview);
  top->addLayout(info, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_open);
  buttons->addStretch(1);
  buttons->addWidget(m_pause);
  buttons->addWidget(m_cancel);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(m_failures);
  layout->addLayout(buttons);
  setMinimumWidth(620);

  connect(m_queue, &jobs::JobQueue::batchProgress, this, &BatchProgressWindow::onProgress);
  connect(m_queue, &jobs::JobQueue::previewReady, this, &BatchProgressWindow::onPreview);
  connect(m_queue, &jobs::JobQueue::batchItemFailed, this, &BatchProgressWindow::onFailed);
  connect(m_queue, &jobs::JobQueue::batchImageWritten, this, [this](quint64 jobId, const QString& file) {
    // The finished image replaces its last preview (which is an approximation).
    if (jobId != m_id) return;
    const QImage image(file);
    if (!image.isNull())
      m_preview->setPixmap(QPixmap::fromImage(image.scaled(kPreviewSide, kPreviewSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
  });
  connect(m_queue, &jobs::JobQueue::jobFinished, this, &BatchProgressWindow::onFinished);
  connect(m_queue, &jobs::JobQueue::batchPaused, this, [this](quint64 jobId) {
    if (jobId == m_id) setPausedLook(true);
  });
  connect(m_queue, &jobs::JobQueue::batchResumed, this, [this](quint64 jobId) {
    if (jobId == m_id) setPausedLook(false);
  });
  connect(m_queue, &jobs::JobQueue::jobStarted, this, [this](quint64 jobId) {
    if (jobId == m_id && !m_queue->isPaused(m_id)) m_state->setText(tr("Starting…"));
  });
  connect(m_pause, &QPushButton::clicked, this, &BatchProgressWindow::togglePause);
  connect(m_cancel, &QPushButton::clicked, this, &BatchProgressWindow::cancelOrClose);
  connect(m_open, &QPushButton::clicked, this, [this] {
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_folder));
  });
}

QString BatchProgressWindow::stateText() const { return m_state->text(); }

void BatchProgressWindow::onProgress(quint64 id, const jobs::BatchStatus& s) {
  if (id != m_id || m_finished) return;
  m_last = s;
  m_overall->setMaximum(std::max(1, s.total));
  m_overall->setValue(s.done);
  if (!m_queue->isPaused(m_id)) {
    if (s.current >= 0) m_state->setText(tr("Image %1 of %2").arg(s.current + 1).arg(s.total));
    else if (s.done < s.total) m_state->setText(tr("%1 of %2 done").arg(s.done).arg(s.total));
  }
  m_file->setText(s.status);
  m_steps->setMaximum(std::max(1, s.steps));
  m_steps->setValue(s.current >= 0 ? s.step : 0);
  m_steps->setFormat(s.current >= 0 && s.steps > 0 ? tr("step %v of %m") : tr("preparing…"));
  QString time = tr("Elapsed %1").arg(formatDuration(s.elapsed));
  if (s.eta >= 0 && s.done < s.total) time += tr(" · about %1 left").arg(formatDuration(s.eta));
  m_time->setText(time);
  QStringList counts{tr("%n written", nullptr, s.written)};
  if (s.alreadyDone > 0) counts << tr("%n already there", nullptr, s.alreadyDone);
  if (s.skipped > 0) counts << tr("%n skipped (file exists)", nullptr, s.skipped);
  if (s.failed > 0) counts << tr("%n failed", nullptr, s.failed);
  m_counts->setText(counts.join(QStringLiteral(" · ")));
}

void BatchProgressWindow::onPreview(const jobs::Preview& preview) {
  if (preview.jobId != m_id || m_finished) return;
  m_preview->setPixmap(QPixmap::fromImage(
      preview.image.scaled(kPreviewSide, kPreviewSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void BatchProgressWindow::onFailed(quint64 id, int index, const QString& reason) {
  if (id != m_id) return;
  m_failures->setVisible(true);
  m_failures->appendPlainText(tr("Image %1: %2").arg(index + 1).arg(reason));
}

void BatchProgressWindow::onFinished(const jobs::JobResult& result) {
  if (result.id != m_id) return;
  m_finished = true;
  const jobs::BatchOutcome& o = result.batch;
  QString state;
  if (result.status == jobs::JobStatus::Failed) {
    state = tr("Batch failed");
    m_file->setText(result.error);
  } else if (result.status == jobs::JobStatus::Cancelled) {
    state = tr("Cancelled");
    m_file->setText(tr("Every finished image is kept; export the same batch into this folder again to continue."));
  } else if (!o.stopped.isEmpty()) {
    state = tr("Stopped");
    m_file->setText(tr("%1. Every finished image is kept.").arg(o.stopped));
  } else {
    state = o.failed == 1 ? tr("Done, 1 image failed") : o.failed > 1 ? tr("Done, %n images failed", nullptr, o.failed) : tr("Done");
    m_file->setText(o.contactSheet.isEmpty() ? QString() : tr("Contact sheet: %1").arg(QFileInfo(o.contactSheet).fileName()));
  }
  m_state->setText(state);
  m_overall->setValue(std::min(m_overall->maximum(), o.written + o.alreadyDone + o.skipped + o.failed));
  m_steps->setVisible(false);
  QString time = (o.written == 1 ? tr("1 image written in %1") : tr("%n images written in %1", nullptr, o.written))
                     .arg(formatDuration(o.seconds));
  if (o.written > 0) time += tr(" (%1 images/min)").arg(o.imagesPerMinute(), 0, 'f', 1);
  m_time->setText(time);
  QStringList counts;
  if (o.alreadyDone > 0) counts << tr("%n were already there", nullptr, o.alreadyDone);
  if (o.skipped > 0) counts << tr("%n skipped (file exists)", nullptr, o.skipped);
  if (o.failed > 0) counts << tr("%n failed", nullptr, o.failed);
  m_counts->setText(counts.join(QStringLiteral(" · ")));
  if (!o.failures.isEmpty()) {
    m_failures->setPlainText(tr("Failed images:") + QLatin1Char('\n') + o.failures.join(QLatin1Char('\n')));
    m_failures->setVisible(true);
  }
  m_pause->setEnabled(false);
  m_cancel->setText(tr("&Close"));
  m_cancel->setIcon(QIcon());
  // Failures and early stops need to be seen, even when the window was closed meanwhile.
  if (!isVisible() && (result.status == jobs::JobStatus::Failed || o.failed > 0 || !o.stopped.isEmpty())) show();
  Q_EMIT batchFinished(result);
}

void BatchProgressWindow::setPausedLook(bool paused) {
  m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
  const int total = m_last.total > 0 ? m_last.total : m_total;
  if (paused) {
    m_state->setText(tr("Paused"));
    m_file->setText(tr("%1 of %2 done. Resume to continue where it stopped.").arg(m_last.done).arg(total));
    m_steps->setValue(0);
  } else {
    m_state->setText(tr("%1 of %2 done").arg(m_last.done).arg(total));
  }
}

void BatchProgressWindow::closeEvent(QCloseEvent* event) {
  // A running batch goes on without its window (the status bar brings it back).
  if (m_finished) deleteLater();
  QDialog::closeEvent(event);
}

void BatchProgressWindow::togglePause() {
  if (m_finished) return;
  if (m_queue->isPaused(m_id)) {
    m_queue->resumeBatch(m_id);
  } else if (m_queue->pauseBatch(m_id)) {
    // A running batch parks after its current image (batchPaused then says "Paused").
    m_pause->setText(tr("&Resume"));
    m_state->setText(m_last.current >= 0 ? tr("Pausing after this image…") : tr("Paused"));
  }
}

void BatchProgressWindow::cancelOrClose() {
  if (m_finished) {
    close();
    return;
  }
  m_state->setText(tr("Cancelling…"));
  m_pause->setEnabled(false);
  m_queue->cancel(m_id);  // a batch that is not running finishes at once (onFinished)
}

void BatchProgressWindow::reject() {
  // Escape: like closing the window (a finished batch's window goes away for good).
  if (m_finished) deleteLater();
  QDialog::reject();
}

}  // namespace stipple::ui
