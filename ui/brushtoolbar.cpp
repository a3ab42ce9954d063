#include "brushtoolbar.h"

#include <QActionGroup>
#include <QLabel>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <cmath>

#include "canvasview.h"
#include "icons.h"

namespace stipple::ui {

namespace {

QSlider* makeSlider(QWidget* parent, const char* name, int width) {
  auto* slider = new QSlider(Qt::Horizontal, parent);
  slider->setObjectName(QLatin1String(name));
  slider->setRange(0, 100);
  slider->setFixedWidth(width);
  return slider;
}

QLabel* makeLabel(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setContentsMargins(8, 0, 4, 0);
  return label;
}

}  // namespace

BrushToolBar::BrushToolBar(CanvasView* view, QWidget* parent) : QToolBar(tr("Tool Options"), parent), m_view(view) {
  setObjectName(QStringLiteral("brushToolBar"));
  setMovable(false);
  setIconSize(QSize(20, 20));
  setToolButtonStyle(Qt::ToolButtonIconOnly);

  auto* tools = new QActionGroup(this);
  m_brush = addAction(themedIcon(QStringLiteral("brush"), this), tr("Mask Brush"));
  m_brush->setObjectName(QStringLiteral("actionBrush"));
  m_brush->setToolTip(tr("Mask brush: paint where the image should change (B)"));
  m_eraser = addAction(themedIcon(QStringLiteral("eraser"), this), tr("Mask Eraser"));
  m_eraser->setObjectName(QStringLiteral("actionEraser"));
  m_eraser->setToolTip(tr("Mask eraser (E toggles)"));
  for (QAction* a : {m_brush, m_eraser}) {
    a->setCheckable(true);
    tools->addAction(a);
  }
  m_brush->setChecked(true);

  QLabel* sizeLabel = makeLabel(tr("Size:"), this);
  addWidget(sizeLabel);
  m_size = new QSpinBox(this);
  sizeLabel->setBuddy(m_size);  // the label names the box for screen readers
  m_size->setObjectName(QStringLiteral("brushSizeBox"));
  m_size->setRange(1, 1000);
  m_size->setSuffix(tr(" px"));
  m_size->setToolTip(tr("Brush diameter in image pixels ([ and ] change it)"));
  addWidget(m_size);
  QLabel* hardnessLabel = makeLabel(tr("Hardness:"), this);
  addWidget(hardnessLabel);
  m_hardness = makeSlider(this, "brushHardnessSlider", 90);
  hardnessLabel->setBuddy(m_hardness);
  m_hardness->setToolTip(tr("Soft (left) to hard (right) brush edge"));
  addWidget(m_hardness);
  addSeparator();
  QLabel* opacityLabel = makeLabel(tr("Mask opacity:"), this);
  addWidget(opacityLabel);
  m_opacity = makeSlider(this, "maskOpacitySlider", 90);
  opacityLabel->setBuddy(m_opacity);
  m_opacity->setToolTip(tr("How strongly the mask tints the canvas"));
  addWidget(m_opacity);

  connect(m_brush, &QAction::triggered, this, [this] { m_view->setTool(CanvasView::Tool::Brush); });
  connect(m_eraser, &QAction::triggered, this, [this] { m_view->setTool(CanvasView::Tool::Eraser); });
  connect(m_view, &CanvasView::toolChanged, this, [this](CanvasView::Tool tool) {
    (tool == CanvasView::Tool::Eraser ? m_eraser : m_brush)->setChecked(true);
  });
  connect(m_size, &QSpinBox::valueChanged, m_view, &CanvasView::setBrushSize);
  connect(m_view, &CanvasView::brushSizeChanged, m_size, &QSpinBox::setValue);
  connect(m_hardness, &QSlider::valueChanged, this, [this](int v) { m_view->setBrushHardness(v / 100.0); });
  connect(m_opacity, &QSlider::valueChanged, this, [this](int v) { m_view->setMaskOpacity(v / 100.0); });
  loadSettings();
}

void BrushToolBar::addMaskActions(const QList<QAction*>& actions) {
  addSeparator();
  addActions(actions);
}

void BrushToolBar::loadSettings() {
  QSettings s;
  s.beginGroup(QStringLiteral("brush"));
  m_size->setValue(s.value(QStringLiteral("size"), 48).toInt());
  m_hardness->setValue(s.value(QStringLiteral("hardness"), 50).toInt());
  m_opacity->setValue(s.value(QStringLiteral("maskOpacity"), 50).toInt());
  m_view->setBrushSize(m_size->value());
  m_view->setBrushHardness(m_hardness->value() / 100.0);
  m_view->setMaskOpacity(m_opacity->value() / 100.0);
}

void BrushToolBar::saveSettings() const {
  QSettings s;
  s.beginGroup(QStringLiteral("brush"));
  s.setValue(QStringLiteral("size"), m_size->value());
  s.setValue(QStringLiteral("hardness"), m_hardness->value());
  s.setValue(QStringLiteral("maskOpacity"), m_opacity->value());
}

}  // namespace stipple::ui
