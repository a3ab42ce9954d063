#include "canvasview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <algorithm>
#include <array>
#include <cmath>

#include "document/canvasdocument.h"

namespace stipple::ui {

namespace {

// Zoom levels for Ctrl +/- (device pixels per image pixel), as painting programs step.
constexpr std::array<double, 21> kZoomLevels = {1.0 / 32, 1.0 / 16, 1.0 / 12, 1.0 / 8, 1.0 / 6, 0.25, 1.0 / 3,
                                                0.5,      2.0 / 3,  1.0,      1.5,      2.0,      3.0,  4.0,
                                                6.0,      8.0,      12.0,     16.0,     24.0,     32.0, 64.0};
constexpr double kFitMargin = 24.0;  // logical pixels around a fitted image
const QColor kBackground(0x2b, 0x2b, 0x2f);

}  // namespace

CanvasView::CanvasView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("canvasView"));
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(200, 200);
  updateCursorShape();
}

void CanvasView::setDocument(CanvasDocument* document) {
  if (m_document) m_document->disconnect(this);
  m_document = document;
  if (m_document) {
    connect(m_document, &CanvasDocument::maskChanged, this, &CanvasView::onMaskChanged);
    connect(m_document, &CanvasDocument::imageChanged, this, [this] { update(); });
    connect(m_document, &CanvasDocument::sizeChanged, this, &CanvasView::onSizeChanged);
  }
  onSizeChanged();
}

CanvasDocument* CanvasView::document() const { return m_document; }

double CanvasView::scale() const { return m_zoom / std::max(1.0, devicePixelRatioF()); }

QPointF CanvasView::mapToImage(const QPointF& widgetPos) const { return (widgetPos - m_origin) / scale(); }

QPointF CanvasView::mapFromImage(const QPointF& imagePos) const { return m_origin + imagePos * scale(); }

QRectF CanvasView::imageRectInWidget() const {
  if (!m_document) return {};
  return QRectF(m_origin, QSizeF(m_document->size()) * scale());
}

void CanvasView::setZoom(double zoom, const QPointF& anchor) {
  zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
  const QPointF anchored = mapToImage(anchor);
  m_zoom = zoom;
  m_origin = anchor - anchored * scale();
  m_fitMode = false;
  update();
  Q_EMIT zoomChanged(m_zoom);
}

void CanvasView::panBy(const QPointF& delta) {
  m_origin += delta;
  m_fitMode = false;
  update();
}

void CanvasView::zoomIn() {
  for (double level : kZoomLevels)
    if (level > m_zoom * 1.001) return setZoom(level);
}

void CanvasView::zoomOut() {
  for (auto it = kZoomLevels.rbegin(); it != kZoomLevels.rend(); ++it)
    if (*it < m_zoom / 1.001) return setZoom(*it);
}

void CanvasView::fitToWindow() {
  if (!m_document || m_document->size().isEmpty()) return;
  const QSizeF image(m_document->size());
  const double available_w = std::max(1.0, width() - 2 * kFitMargin);
  const double available_h = std::max(1.0, height() - 2 * kFitMargin);
  const double s = std::min(available_w / image.width(), available_h / image.height());
  m_zoom = std::clamp(s * std::max(1.0, devicePixelRatioF()), kMinZoom, kMaxZoom);
  m_origin = QPointF((width() - image.width() * scale()) / 2.0, (height() - image.height() * scale()) / 2.0);
  m_fitMode = true;
  update();
  Q_EMIT zoomChanged(m_zoom);
}

void CanvasView::actualSize() {
  if (!m_document) return;
  // Centre the image at 100% rather than zooming about the middle of the view.
  m_zoom = 1.0;
  const QSizeF shown = QSizeF(m_document->size()) * scale();
  m_origin = QPointF((width() - shown.width()) / 2.0, (height() - shown.height()) / 2.0);
  m_fitMode = false;
  update();
  Q_EMIT zoomChanged(m_zoom);
}

MaskBrush CanvasView::currentBrush() const {
  MaskBrush brush;
  brush.radius = m_brushSize / 2.0;
  brush.hardness = m_hardness;
  brush.erase = m_tool == Tool::Eraser;
  return brush;
}

void CanvasView::setBrushSize(int diameter) {
  diameter = std::clamp(diameter, 1, 1000);
  if (diameter == m_brushSize) return;
  m_brushSize = diameter;
  update();
  Q_EMIT brushSizeChanged(m_brushSize);
}

void CanvasView::setBrushHardness(double hardness) {
  hardness = std::clamp(hardness, 0.0, 1.0);
  if (qFuzzyCompare(hardness + 1.0, m_hardness + 1.0)) return;
  m_hardness = hardness;
  Q_EMIT brushHardnessChanged(m_hardness);
}

void CanvasView::setTool(Tool tool) {
  if (tool == m_tool) return;
  m_tool = tool;
  update();
  Q_EMIT toolChanged(m_tool);
}

void CanvasView::setMaskOpacity(double opacity) {
  m_maskOpacity = std::clamp(opacity, 0.0, 1.0);
  update();
}

void CanvasView::setMaskVisible(bool visible) {
  m_maskVisible = visible;
  update();
}

void CanvasView::setPreview(const QImage& image, const QRect& target) {
  m_preview = image;
  m_previewTarget = target.isEmpty() ? QRect(QPoint(0, 0), image.size()) : target;
  update();
}

void CanvasView::clearPreview() {
  if (m_preview.isNull()) return;
  m_preview = QImage();
  m_previewTarget = QRect();
  update();
}

void CanvasView::setHint(const QString& hint) {
  m_hint = hint;
  update();
}

void CanvasView::onSizeChanged() {
  m_overlay = QImage();
  if (m_document) {
    m_overlay = QImage(m_document->size(), QImage::Format_ARGB32_Premultiplied);
    rebuildOverlay(m_overlay.rect());
  }
  fitToWindow();
}

void CanvasView::onMaskChanged(const QRect& rect) {
  if (!m_document) return;
  if (m_overlay.size() != m_document->size()) return onSizeChanged();
  rebuildOverlay(rect);
  // Repaint only what the changed rectangle covers on screen (plus the antialiased border).
  const QRectF shown(mapFromImage(rect.topLeft()), QSizeF(rect.size()) * scale());
  update(shown.toAlignedRect().adjusted(-2, -2, 2, 2));
}

void CanvasView::rebuildOverlay(const QRect& rect) {
  const QRect r = rect.intersected(m_overlay.rect());
  const QImage& mask = m_document->mask();
  for (int y = r.top(); y <= r.bottom(); ++y) {
    const uchar* in = mask.constScanLine(y);
    auto* out = reinterpret_cast<QRgb*>(m_overlay.scanLine(y));
    for (int x = r.left(); x <= r.right(); ++x) {
      const int a = in[x];
      out[x] = qRgba(m_maskColor.red() * a / 255, m_maskColor.green() * a / 255, m_maskColor.blue() * a / 255, a);
    }
  }
}

void CanvasView::paintEvent(QPaintEvent* event) {
  QPainter painter(this);
  painter.fillRect(event->rect(), kBackground);
  if (!m_document) return;
  const QRectF target = imageRectInWidget();
  // A soft drop shadow lifts the canvas off the background, as painting programs do.
  for (int i = 1; i <= 4; ++i)
    painter.fillRect(target.adjusted(-i, -i + 2, i, i + 2), QColor(0, 0, 0, 28 - i * 5));
  // Smooth when shrinking; hard pixels when enlarging, so single pixels stay visible.
  painter.setRenderHint(QPainter::SmoothPixmapTransform, scale() < 1.0);
  painter.drawImage(target, m_document->image());
  if (m_maskVisible && !m_overlay.isNull()) {
    painter.setOpacity(m_maskOpacity);
    painter.drawImage(target, m_overlay);
    painter.setOpacity(1.0);
  }
  if (!m_preview.isNull()) {
    const QRectF previewRect(mapFromImage(m_previewTarget.topLeft()), QSizeF(m_previewTarget.size()) * scale());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(previewRect, m_preview);
    QPen frame(QColor(255, 255, 255, 150), 1, Qt::DashLine);
    frame.setCosmetic(true);
    painter.setPen(frame);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(previewRect.adjusted(-0.5, -0.5, 0.5, 0.5));
  }
  if (!m_hint.isEmpty() && m_preview.isNull() && m_document->origin() == CanvasDocument::Origin::Blank) {
    painter.setPen(QColor(0x80, 0x80, 0x88));
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    painter.setFont(font);
    painter.drawText(target.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_hint);
  }
  if (m_cursorInside && !m_panning && !m_spaceHeld) drawBrushCursor(painter);
}

QRectF CanvasView::cursorRect(const QPointF& pos) const {
  const double r = m_brushSize / 2.0 * scale() + 3;
  return QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r);
}

void CanvasView::drawBrushCursor(QPainter& painter) const {
  const double r = std::max(1.5, m_brushSize / 2.0 * scale());
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setBrush(Qt::NoBrush);
  // Dark and light outlines together stay visible on any image.
  painter.setPen(QPen(QColor(0, 0, 0, 170), 3.0));
  painter.drawEllipse(m_cursorPos, r, r);
  QPen light(m_tool == Tool::Eraser ? QColor(255, 255, 255, 230) : QColor(255, 255, 255, 230), 1.2);
  if (m_tool == Tool::Eraser) light.setDashPattern({3.0, 2.0});
  painter.setPen(light);
  painter.drawEllipse(m_cursorPos, r, r);
  // A small cross marks the hot spot (the system cursor is hidden over the canvas).
  painter.setPen(QPen(QColor(255, 255, 255, 220), 1.0));
  painter.drawLine(m_cursorPos + QPointF(-3, 0), m_cursorPos + QPointF(3, 0));
  painter.drawLine(m_cursorPos + QPointF(0, -3), m_cursorPos + QPointF(0, 3));
}

void CanvasView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (m_fitMode) fitToWindow();
}

void CanvasView::wheelEvent(QWheelEvent* event) {
  const QPoint pixels = event->pixelDelta();
  const QPoint angle = event->angleDelta();
  if (!(event->modifiers() & Qt::ShiftModifier) || (event->modifiers() & Qt::ControlModifier)) {
    // Zoom about the pointer: 120 units (one notch) is a factor of 1.25.
    const double notches = angle.y() / 120.0;
    if (notches != 0) setZoom(m_zoom * std::pow(1.25, notches), event->position());
  } else {
    // Shift + wheel scrolls (trackpads send pixel deltas).
    panBy(pixels.isNull() ? QPointF(angle.y() / 2.0, angle.x() / 2.0) : QPointF(pixels));
  }
  event->accept();
}

void CanvasView::mousePressEvent(QMouseEvent* event) {
  setFocus(Qt::MouseFocusReason);
  m_cursorPos = event->position();
  if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
    m_panning = true;
    m_panLast = event->position();
    updateCursorShape();
    update();
    return;
  }
  if (event->button() == Qt::LeftButton && m_document) {
    m_document->beginStroke(mapToImage(event->position()), currentBrush());
    return;
  }
  QWidget::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent* event) {
  const QPointF old = m_cursorPos;
  m_cursorPos = event->position();
  m_cursorInside = true;
  if (m_panning) {
    panBy(event->position() - m_panLast);
    m_panLast = event->position();
    return;
  }
  if (m_document && m_document->isStroking()) m_document->continueStroke(mapToImage(event->position()));
  update(cursorRect(old).toAlignedRect().adjusted(-2, -2, 2, 2));
  update(cursorRect(m_cursorPos).toAlignedRect().adjusted(-2, -2, 2, 2));
  const QPointF image = mapToImage(m_cursorPos);
  const QPoint pixel(static_cast<int>(std::floor(image.x())), static_cast<int>(std::floor(image.y())));
  Q_EMIT cursorMoved(pixel, m_document && QRect(QPoint(0, 0), m_document->size()).contains(pixel));
}

void CanvasView::mouseReleaseEvent(QMouseEvent* event) {
  if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
    m_panning = false;
    updateCursorShape();
    update();
    return;
  }
  if (event->button() == Qt::LeftButton && m_document && m_document->isStroking()) {
    m_document->continueStroke(mapToImage(event->position()));
    m_document->endStroke();
    return;
  }
  QWidget::mouseReleaseEvent(event);
}

void CanvasView::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_BracketLeft:
      setBrushSize(std::min(m_brushSize - 1, static_cast<int>(std::lround(m_brushSize / 1.15))));
      return;
    case Qt::Key_BracketRight:
      setBrushSize(std::max(m_brushSize + 1, static_cast<int>(std::lround(m_brushSize * 1.15))));
      return;
    case Qt::Key_E:
      setTool(m_tool == Tool::Eraser ? Tool::Brush : Tool::Eraser);
      return;
    case Qt::Key_B:
      setTool(Tool::Brush);
      return;
    case Qt::Key_Space:
      if (!event->isAutoRepeat()) {
        m_spaceHeld = true;
        updateCursorShape();
        update();
      }
      return;
    default:
      QWidget::keyPressEvent(event);
  }
}

void CanvasView::keyReleaseEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
    m_spaceHeld = false;
    updateCursorShape();
    update();
    return;
  }
  QWidget::keyReleaseEvent(event);
}

void CanvasView::leaveEvent(QEvent* event) {
  m_cursorInside = false;
  update();
  QWidget::leaveEvent(event);
}

void CanvasView::focusOutEvent(QFocusEvent* event) {
  // A Space released while another widget had focus would leave the view stuck in pan mode.
  m_spaceHeld = false;
  updateCursorShape();
  QWidget::focusOutEvent(event);
}

void CanvasView::updateCursorShape() {
  if (m_panning)
    setCursor(Qt::ClosedHandCursor);
  else if (m_spaceHeld)
    setCursor(Qt::OpenHandCursor);
  else
    setCursor(Qt::BlankCursor);  // the brush outline is the cursor
}

}  // namespace stipple::ui
