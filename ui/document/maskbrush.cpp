#include "document/maskbrush.h"

#include <QLineF>
#include <algorithm>
#include <cmath>

namespace stipple::ui {

double dabCoverage(const MaskBrush& brush, double d) {
  const double r = std::max(0.5, brush.radius);
  // The inner, fully covered radius; at least one pixel of falloff keeps hard edges antialiased.
  const double inner = std::clamp(r * brush.hardness, 0.0, std::max(0.0, r - 1.0));
  if (d <= inner) return 1.0;
  if (d >= r) return 0.0;
  const double t = (d - inner) / (r - inner);
  return 1.0 - t * t * (3.0 - 2.0 * t);  // smoothstep falloff
}

QRect paintDab(QImage& mask, const QPointF& center, const MaskBrush& brush) {
  const double r = std::max(0.5, brush.radius);
  const QRect bounds = QRect(static_cast<int>(std::floor(center.x() - r)), static_cast<int>(std::floor(center.y() - r)),
                             static_cast<int>(std::ceil(2 * r)) + 2, static_cast<int>(std::ceil(2 * r)) + 2)
                           .intersected(mask.rect());
  if (bounds.isEmpty()) return {};
  QRect touched;
  for (int y = bounds.top(); y <= bounds.bottom(); ++y) {
    uchar* row = mask.scanLine(y);
    const double dy = y + 0.5 - center.y();
    for (int x = bounds.left(); x <= bounds.right(); ++x) {
      const double dx = x + 0.5 - center.x();
      const double a = dabCoverage(brush, std::sqrt(dx * dx + dy * dy));
      if (a <= 0.0) continue;
      const int value = static_cast<int>(std::lround(a * 255.0));
      uchar& px = row[x];
      const uchar next = brush.erase ? static_cast<uchar>(std::min<int>(px, 255 - value))
                                     : static_cast<uchar>(std::max<int>(px, value));
      if (next != px) {
        px = next;
        touched |= QRect(x, y, 1, 1);
      }
    }
  }
  return touched;
}

QRect paintSegment(QImage& mask, const QPointF& from, const QPointF& to, const MaskBrush& brush, double* carry) {
  const double spacing = std::max(1.0, brush.radius * 0.15);
  const double length = QLineF(from, to).length();
  QRect touched;
  double travelled = *carry;
  double pos = spacing - travelled;  // distance along the segment of the next dab
  while (pos <= length) {
    const double t = length > 0 ? pos / length : 1.0;
    touched |= paintDab(mask, from + (to - from) * t, brush);
    pos += spacing;
  }
  *carry = length - (pos - spacing);
  return touched;
}

}  // namespace stipple::ui
