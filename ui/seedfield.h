#pragma once
// Seed entry: a number, or -1 (empty) for a new random seed per generation; a dice button
// makes it random, a reuse button brings back the seed of the last result.
#include <QWidget>
#include <optional>

class QLineEdit;
class QToolButton;

namespace stipple::ui {

class SeedField : public QWidget {
  Q_OBJECT

 public:
  explicit SeedField(QWidget* parent = nullptr);

  // nullopt: random. The text must be valid (isValid()).
  std::optional<quint64> seed() const;
  void setSeed(std::optional<quint64> seed);
  bool isValid() const;
  // The seed a new job uses: the fixed one, or a fresh random one.
  quint64 resolve() const;

  void setLastSeed(quint64 seed);
  std::optional<quint64> lastSeed() const { return m_last; }
  QLineEdit* lineEdit() const { return m_edit; }

 Q_SIGNALS:
  void changed();

 private:
  QLineEdit* m_edit = nullptr;
  QToolButton* m_dice = nullptr;
  QToolButton* m_reuse = nullptr;
  std::optional<quint64> m_last;
};

}  // namespace stipple::ui
