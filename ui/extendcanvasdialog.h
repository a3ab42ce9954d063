#pragma once
// Edit ▸ Extend Canvas…: how far the picture grows on each side (or to which size, anchored),
// how wide the repainted seam is, and whether the new area is generated at once. Shows the
// resulting size (rounded up to multiples of 8 on the axes that grow) and refuses what cannot
// work, with the reason.
#include <QDialog>
#include <QMargins>
#include <QSize>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace stipple::ui {

class ExtendCanvasDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ExtendCanvasDialog(const QSize& canvas, QWidget* parent = nullptr);

  // The margins as entered, rounded so the grown axes are multiples of 8.
  QMargins margins() const;
  int feather() const;
  bool generateNow() const;
  QString problem() const;  // "" when the extension can be made

  QSpinBox* leftBox() const { return m_left; }
  QSpinBox* rightBox() const { return m_right; }
  QSpinBox* topBox() const { return m_top; }
  QSpinBox* bottomBox() const { return m_bottom; }
  QSpinBox* featherBox() const { return m_feather; }
  QCheckBox* generateBox() const { return m_generate; }

  void accept() override;

 private:
  void update();
  void applyPreset();

  QSize m_canvas;
  QSpinBox* m_left = nullptr;
  QSpinBox* m_right = nullptr;
  QSpinBox* m_top = nullptr;
  QSpinBox* m_bottom = nullptr;
  QComboBox* m_preset = nullptr;
  QSpinBox* m_feather = nullptr;
  QCheckBox* m_generate = nullptr;
  QLabel* m_result = nullptr;
  QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace stipple::ui
