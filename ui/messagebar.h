#pragma once
// A non-blocking message strip above the canvas (errors, warnings): it never takes focus or
// stops work, and stays until closed or replaced.
#include <QFrame>

class QLabel;
class QToolButton;

namespace stipple::ui {

class MessageBar : public QFrame {
  Q_OBJECT

 public:
  enum class Kind { Information, Warning, Error };

  explicit MessageBar(QWidget* parent = nullptr);

  void showMessage(const QString& text, Kind kind = Kind::Error);
  QString text() const;

 private:
  QLabel* m_icon = nullptr;
  QLabel* m_text = nullptr;
  QToolButton* m_close = nullptr;
};

}  // namespace stipple::ui
