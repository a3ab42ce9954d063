#include "seedfield.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QToolButton>

#include "icons.h"

namespace stipple::ui {

SeedField::SeedField(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  m_edit = new QLineEdit(this);
  m_edit->setObjectName(QStringLiteral("seedEdit"));
  m_edit->setPlaceholderText(tr("Random"));
  m_edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral(R"(-1|\d{0,19})")), m_edit));
  m_edit->setToolTip(tr("The same seed, prompt and settings give the same image. Empty or -1: a new random seed each time."));
  m_dice = new QToolButton(this);
  m_dice->setObjectName(QStringLiteral("seedRandom"));
  m_dice->setIcon(themedIcon(QStringLiteral("dice"), this));
  m_dice->setToolTip(tr("Random seed"));
  m_dice->setAutoRaise(true);
  m_reuse = new QToolButton(this);
  m_reuse->setObjectName(QStringLiteral("seedReuse"));
  m_reuse->setIcon(themedIcon(QStringLiteral("reuse"), this));
  m_reuse->setToolTip(tr("Reuse the seed of the last result"));
  m_reuse->setAutoRaise(true);
  m_reuse->setEnabled(false);
  layout->addWidget(m_edit, 1);
  layout->addWidget(m_dice);
  layout->addWidget(m_reuse);
  connect(m_edit, &QLineEdit::textChanged, this, &SeedField::changed);
  connect(m_dice, &QToolButton::clicked, this, [this] { setSeed(std::nullopt); });
  connect(m_reuse, &QToolButton::clicked, this, [this] {
    if (m_last) setSeed(m_last);
  });
}

std::optional<quint64> SeedField::seed() const {
  const QString text = m_edit->text().trimmed();
  if (text.isEmpty() || text == QLatin1String("-1")) return std::nullopt;
  bool ok = false;
  const quint64 value = text.toULongLong(&ok);
  if (!ok) return std::nullopt;
  return value;
}

bool SeedField::isValid() const {
  const QString text = m_edit->text().trimmed();
  if (text.isEmpty() || text == QLatin1String("-1")) return true;
  bool ok = false;
  text.toULongLong(&ok);
  return ok;
}

void SeedField::setSeed(std::optional<quint64> seed) {
  if (seed)
    m_edit->setText(QString::number(*seed));
  else
    m_edit->clear();  // the placeholder says "Random"
}

quint64 SeedField::resolve() const {
  if (const auto fixed = seed()) return *fixed;
  return QRandomGenerator::global()->bounded(Q_UINT64_C(4294967295));  // A1111 draws 32-bit seeds
}

void SeedField::setLastSeed(quint64 seed) {
  m_last = seed;
  m_reuse->setEnabled(true);
  m_reuse->setToolTip(tr("Reuse the seed of the last result (%1)").arg(seed));
}

}  // namespace stipple::ui
