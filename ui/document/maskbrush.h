#pragma once
// Soft round dabs on an 8-bit mask. Painting takes the maximum of the old value and the dab,
// erasing the minimum with its complement, so overlapping dabs of one stroke never build up
// darker rings and a soft edge stays soft however slowly the pointer moves.
#include <QImage>
#include <QPointF>
#include <QRect>

namespace stipple::ui {

struct MaskBrush {
  double radius = 24;     // image pixels
  double hardness = 0.5;  // 0: falloff from the centre; 1: hard edge (still 1 px antialiased)
  bool erase = false;
};

// Coverage 0..1 of a dab at distance `d` from its centre.
double dabCoverage(const MaskBrush& brush, double d);

// One dab at `center` (image coordinates, pixel centres at +0.5). Returns the touched rectangle.
QRect paintDab(QImage& mask, const QPointF& center, const MaskBrush& brush);

// Dabs spaced evenly from `from` (exclusive) to `to` (inclusive). `carry` is the distance
// travelled since the last dab, kept between segments of one stroke. Returns the touched rect.
QRect paintSegment(QImage& mask, const QPointF& from, const QPointF& to, const MaskBrush& brush, double* carry);

}  // namespace stipple::ui
