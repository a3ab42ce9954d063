#pragma once
// The status bar's job indicator: "Step 7/20" in a progress bar and the speed with the time
// left next to it ("1.2 s/it · ETA 0:16"); hidden while nothing runs.
#include <QWidget>

class QLabel;
class QProgressBar;

namespace stipple::ui {

class JobProgress : public QWidget {
  Q_OBJECT

 public:
  explicit JobProgress(QWidget* parent = nullptr);

  QProgressBar* bar() const { return m_bar; }
  QString detailText() const;
  static QString formatEta(double seconds);

 public Q_SLOTS:
  void setBusy(bool busy);
  void setProgress(int step, int totalSteps, double secondsPerStep, double etaSeconds);

 private:
  QProgressBar* m_bar = nullptr;
  QLabel* m_detail = nullptr;
};

}  // namespace stipple::ui
