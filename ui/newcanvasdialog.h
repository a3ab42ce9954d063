#pragma once
// File ▸ New: the size of a blank canvas, with the common generation sizes as presets.
#include <QDialog>

class QComboBox;
class QSpinBox;

namespace stipple::ui {

class NewCanvasDialog : public QDialog {
  Q_OBJECT

 public:
  explicit NewCanvasDialog(const QSize& initial, QWidget* parent = nullptr);

  QSize canvasSize() const;

 private:
  QSpinBox* m_width = nullptr;
  QSpinBox* m_height = nullptr;
  QComboBox* m_presets = nullptr;
};

}  // namespace stipple::ui
