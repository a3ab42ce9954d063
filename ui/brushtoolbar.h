#pragma once
// Tool options above the canvas, as painting programs have them: brush or eraser, size,
// hardness, mask overlay opacity, and the mask actions (show, clear, invert, fill).
#include <QToolBar>

class QAction;
class QSlider;
class QSpinBox;

namespace stipple::ui {

class CanvasView;

class BrushToolBar : public QToolBar {
  Q_OBJECT

 public:
  BrushToolBar(CanvasView* view, QWidget* parent = nullptr);

  // Mask actions owned by the main window's menus, shown here too.
  void addMaskActions(const QList<QAction*>& actions);

  QAction* brushAction() const { return m_brush; }
  QAction* eraserAction() const { return m_eraser; }
  QSpinBox* sizeBox() const { return m_size; }
  QSlider* hardnessSlider() const { return m_hardness; }
  QSlider* opacitySlider() const { return m_opacity; }

  void loadSettings();
  void saveSettings() const;

 private:
  CanvasView* m_view;
  QAction* m_brush = nullptr;
  QAction* m_eraser = nullptr;
  QSpinBox* m_size = nullptr;
  QSlider* m_hardness = nullptr;
  QSlider* m_opacity = nullptr;
};

}  // namespace stipple::ui
