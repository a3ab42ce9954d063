#pragma once
// The canvas widget: shows the document's image with the mask as a tinted overlay, paints the
// mask with a soft round brush or eraser, zooms (wheel, Ctrl +/-, fit, 100%) and pans (middle
// drag or Space + drag), and draws the live preview where the result will land.
//
// Coordinates: widget positions are logical pixels; the image is drawn at m_origin with
// scale() logical pixels per image pixel. zoom() counts device pixels per image pixel, so
// 100% shows one image pixel on one screen pixel on high-DPI screens too.
#include <QImage>
#include <QPointF>
#include <QPointer>
#include <QWidget>

#include "document/maskbrush.h"

namespace stipple::ui {

class CanvasDocument;

class CanvasView : public QWidget {
  Q_OBJECT

 public:
  enum class Tool { Brush, Eraser };
  Q_ENUM(Tool)

  explicit CanvasView(QWidget* parent = nullptr);

  void setDocument(CanvasDocument* document);
  CanvasDocument* document() const;

  double zoom() const { return m_zoom; }
  QPointF mapToImage(const QPointF& widgetPos) const;
  QPointF mapFromImage(const QPointF& imagePos) const;
  // Zooms keeping the image point under `anchor` (widget position) where it is.
  void setZoom(double zoom, const QPointF& anchor);
  void setZoom(double zoom) { setZoom(zoom, QPointF(width() / 2.0, height() / 2.0)); }
  void panBy(const QPointF& delta);

  int brushSize() const { return m_brushSize; }  // diameter in image pixels
  double brushHardness() const { return m_hardness; }
  Tool tool() const { return m_tool; }
  double maskOpacity() const { return m_maskOpacity; }
  bool isMaskVisible() const { return m_maskVisible; }
  MaskBrush currentBrush() const;

  // Live preview drawn into `target` (image coordinates); an empty target means at (0,0) in
  // the preview's own size.
  void setPreview(const QImage& image, const QRect& target = QRect());
  void clearPreview();
  const QImage& preview() const { return m_preview; }
  void setHint(const QString& hint);  // a line shown on a blank canvas

  static constexpr double kMinZoom = 1.0 / 32.0;
  static constexpr double kMaxZoom = 64.0;

 public Q_SLOTS:
  void zoomIn();
  void zoomOut();
  void fitToWindow();
  void actualSize();
  void setBrushSize(int diameter);
  void setBrushHardness(double hardness);
  void setTool(stipple::ui::CanvasView::Tool tool);
  void setMaskOpacity(double opacity);
  void setMaskVisible(bool visible);

 Q_SIGNALS:
  void zoomChanged(double zoom);
  void brushSizeChanged(int diameter);
  void brushHardnessChanged(double hardness);
  void toolChanged(stipple::ui::CanvasView::Tool tool);
  void cursorMoved(const QPoint& imagePos, bool insideImage);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void focusOutEvent(QFocusEvent* event) override;

 private:
  double scale() const;  // logical pixels per image pixel
  QRectF imageRectInWidget() const;
  QRectF cursorRect(const QPointF& pos) const;
  void rebuildOverlay(const QRect& rect);
  void onMaskChanged(const QRect& rect);
  void onSizeChanged();
  void updateCursorShape();
  void drawBrushCursor(QPainter& painter) const;

  QPointer<CanvasDocument> m_document;
  QImage m_overlay;  // the mask tinted, premultiplied ARGB, image-sized
  QColor m_maskColor{255, 40, 90};
  double m_maskOpacity = 0.5;
  bool m_maskVisible = true;

  double m_zoom = 1.0;
  QPointF m_origin;        // widget position of the image's top-left corner
  bool m_fitMode = true;   // refit on resize until the user zooms or pans

  Tool m_tool = Tool::Brush;
  int m_brushSize = 48;
  double m_hardness = 0.5;

  QImage m_preview;
  QRect m_previewTarget;
  QString m_hint;

  QPointF m_cursorPos;
  bool m_cursorInside = false;
  bool m_spaceHeld = false;
  bool m_panning = false;
  QPointF m_panLast;
};

}  // namespace stipple::ui
