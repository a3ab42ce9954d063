#pragma once
// Extend Canvas (outpainting): the grown picture and its mask. The new area starts as a soft
// continuation of the nearest edge pixels and is masked fully; the mask also fades `feather`
// px into the old picture, so the seam is repainted with the new area instead of leaving a
// hard edge. Pure pixel work (OpenCV), no undo or widgets.
#include <QImage>
#include <QMargins>
#include <QString>

namespace stipple::jobs {

struct ExtendedCanvas {
  QImage image;  // Format_RGB888, the old picture at (left, top)
  QImage mask;   // Format_Grayscale8: 255 in the new area, the old mask elsewhere, the feather
};

// Problems with the request ("" when usable): negative or all-zero margins, a result larger
// than max_side on a side.
QString checkExtension(const QSize& size, const QMargins& margins, int feather, int max_side = 4096);

// Margins grown so each extended axis of the result is a multiple of 8 (the size the networks
// work at; otherwise the result would be rescaled onto the canvas). The extra pixels go to the
// larger margin of the axis. An axis without margins is left as it is.
QMargins roundExtension(const QSize& size, const QMargins& margins);

// Throws std::invalid_argument for what checkExtension reports. `mask` may be null (no mask).
ExtendedCanvas extendCanvas(const QImage& image, const QImage& mask, const QMargins& margins, int feather);

}  // namespace stipple::jobs
