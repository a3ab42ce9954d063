#include "jobprogress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace stipple::ui {

JobProgress::JobProgress(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("jobProgress"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_detail = new QLabel(this);
  m_detail->setObjectName(QStringLiteral("progressLabel"));
  m_bar = new QProgressBar(this);
  m_bar->setObjectName(QStringLiteral("generationProgress"));
  m_bar->setFixedWidth(200);
  m_bar->setFormat(tr("Step %v/%m"));
  layout->addWidget(m_detail);
  layout->addWidget(m_bar);
  hide();
}

QString JobProgress::formatEta(double seconds) {
  const int s = static_cast<int>(seconds + 0.5);
  if (s >= 3600) return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
  return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString JobProgress::detailText() const { return m_detail->text(); }

void JobProgress::setBusy(bool busy) {
  setVisible(busy);
  if (!busy) return;
  m_bar->setRange(0, 0);  // an indeterminate bar until the first step reports
  m_detail->setText(tr("Starting…"));
}

void JobProgress::setProgress(int step, int totalSteps, double secondsPerStep, double etaSeconds) {
  m_bar->setRange(0, totalSteps);
  m_bar->setValue(step);
  // Slow steps read better as seconds per step, fast ones as steps per second.
  const QString speed = secondsPerStep >= 1.0 || secondsPerStep <= 0
                            ? tr("%1 s/it").arg(secondsPerStep, 0, 'f', 2)
                            : tr("%1 it/s").arg(1.0 / secondsPerStep, 0, 'f', 2);
  m_detail->setText(tr("%1 · ETA %2").arg(speed, formatEta(etaSeconds)));
}

}  // namespace stipple::ui
