#include "jobs/outpaint.h"

#include <QCoreApplication>
#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

#include "jobs/imageconvert.h"

namespace stipple::jobs {

QString checkExtension(const QSize& size, const QMargins& m, int feather, int max_side) {
  if (m.left() < 0 || m.right() < 0 || m.top() < 0 || m.bottom() < 0)
    return QCoreApplication::translate("Outpaint", "The canvas can only grow: a margin is negative.");
  if (m.isNull()) return QCoreApplication::translate("Outpaint", "Give at least one side a margin.");
  if (feather < 0) return QCoreApplication::translate("Outpaint", "The seam width cannot be negative.");
  const qint64 w = qint64(size.width()) + m.left() + m.right();
  const qint64 h = qint64(size.height()) + m.top() + m.bottom();
  if (w > max_side || h > max_side)
    return QCoreApplication::translate("Outpaint", "%1 × %2 is larger than %3 pixels on a side.").arg(w).arg(h).arg(max_side);
  return {};
}

QMargins roundExtension(const QSize& size, const QMargins& m) {
  QMargins out = m;
  auto round = [](int extent, int& a, int& b) {
    if (a <= 0 && b <= 0) return;
    const int extra = (8 - (extent + a + b) % 8) % 8;
    (a >= b ? a : b) += extra;
  };
  int l = out.left(), r = out.right(), t = out.top(), b = out.bottom();
  round(size.width(), l, r);
  round(size.height(), t, b);
  return QMargins(l, t, r, b);
}

ExtendedCanvas extendCanvas(const QImage& image, const QImage& mask, const QMargins& m, int feather) {
  if (image.isNull()) throw std::invalid_argument("there is no picture to extend");
  if (const QString problem = checkExtension(image.size(), m, feather); !problem.isEmpty())
    throw std::invalid_argument(problem.toStdString());
  const cv::Mat rgb = rgbMatFromImage(image);
  const int top = m.top(), bottom = m.bottom(), left = m.left(), right = m.right();
  const cv::Rect old(left, top, rgb.cols, rgb.rows);

  // The new area: edge pixels carried outwards, then blurred so the streaks become a soft
  // colour field (the inpainting's "fill" start draws from the same surroundings).
  cv::Mat grown;
  cv::copyMakeBorder(rgb, grown, top, bottom, left, right, cv::BORDER_REPLICATE);
  const int widest = std::max({top, bottom, left, right});
  const double sigma = std::max(2.0, widest / 3.0);
  // A wide blur on a copy scaled down so the kernel stays small (a 1000 px margin would
  // otherwise cost a 2000-tap kernel over every pixel, seconds on the GUI thread).
  const double shrink = std::max(1.0, sigma / 4.0);
  cv::Mat small, blurred;
  cv::resize(grown, small, cv::Size(std::max(1, cvRound(grown.cols / shrink)), std::max(1, cvRound(grown.rows / shrink))), 0, 0,
             cv::INTER_AREA);
  cv::GaussianBlur(small, small, cv::Size(), sigma / shrink, sigma / shrink, cv::BORDER_REFLECT);
  cv::resize(small, blurred, grown.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat inside = cv::Mat::zeros(grown.size(), CV_8UC1);
  inside(old).setTo(255);
  blurred.copyTo(grown, 255 - inside);
  rgb.copyTo(grown(old));  // the old picture exactly, whatever the blur did near it

  // The mask: the old mask in place, the new area full, and a linear fade into the old picture.
  cv::Mat out = cv::Mat(grown.size(), CV_8UC1, cv::Scalar(255));
  if (!mask.isNull()) {
    const cv::Mat old_mask = grayMatFromImage(mask);
    if (old_mask.size() != rgb.size()) throw std::invalid_argument("the mask and the picture differ in size");
    old_mask.copyTo(out(old));
  } else {
    out(old).setTo(0);
  }
  if (feather > 0) {
    cv::Mat distance;  // to the nearest new-area pixel: 1 for the picture's edge pixels
    cv::distanceTransform(inside, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    cv::Mat fade;  // 255 on the edge pixels, falling to 0 after `feather` px
    distance.convertTo(fade, CV_32F, -255.0 / feather, 255.0 + 255.0 / feather);
    cv::Mat fade8;
    fade.convertTo(fade8, CV_8U);  // saturates: negative -> 0
    cv::max(out, fade8, out);
  }
  return {imageFromMat(grown), imageFromMat(out)};
}

}  // namespace stipple::jobs
