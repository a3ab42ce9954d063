#pragma once
// The window of one running batch export: the current image's preview, image n of N with the
// step, elapsed time and ETA, the counts (written, already there, skipped, failed) and every
// failure, with Pause/Resume, Cancel and Open Folder. Not modal: the main window stays usable,
// and closing the window leaves the batch running (the status bar's batch button shows it
// again). A finished batch's window deletes itself when closed.
#include <QDialog>
#include <QStringList>

#include "jobs/jobqueue.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace stipple::ui {

class BatchProgressWindow : public QDialog {
  Q_OBJECT

 public:
  BatchProgressWindow(jobs::JobQueue* queue, quint64 id, int total, const QString& folder, QWidget* parent = nullptr);

  quint64 jobId() const { return m_id; }
  bool isFinished() const { return m_finished; }
  QString folder() const { return m_folder; }
  QString stateText() const;
  void reject() override;  // Escape: like closing the window  // the big line: "Image 5 of 12", "Paused", "Done: …"
  QPushButton* pauseButton() const { return m_pause; }
  QPushButton* cancelButton() const { return m_cancel; }

 Q_SIGNALS:
  void batchFinished(const stipple::jobs::JobResult& result);

 protected:
  void closeEvent(QCloseEvent* event) override;  // hides a running batch's window; deletes a finished one

 private:
  void onProgress(quint64 id, const jobs::BatchStatus& status);
  void onPreview(const jobs::Preview& preview);
  void onFailed(quint64 id, int index, const QString& reason);
  void onFinished(const jobs::JobResult& result);
  void togglePause();
  void cancelOrClose();
  void setPausedLook(bool paused);

  jobs::JobQueue* m_queue;
  quint64 m_id;
  int m_total;
  QString m_folder;
  bool m_finished = false;
  jobs::BatchStatus m_last;

  QLabel* m_preview = nullptr;
  QLabel* m_state = nullptr;
  QLabel* m_file = nullptr;
  QProgressBar* m_overall = nullptr;
  QProgressBar* m_steps = nullptr;
  QLabel* m_time = nullptr;
  QLabel* m_counts = nullptr;
  QPlainTextEdit* m_failures = nullptr;
  QPushButton* m_pause = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_open = nullptr;
};

}  // namespace stipple::ui
