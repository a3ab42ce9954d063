#include "image/mask.h"

#include <algorithm>
#include <stdexcept>

#include <opencv2/imgproc.hpp>

namespace stipple {

cv::Mat adjust_mask(const cv::Mat& mask, int grow, bool invert) {
  if (mask.type() != CV_8UC1) throw std::invalid_argument("mask must be 8-bit grayscale");
  cv::Mat m = invert ? 255 - mask : mask.clone();
  if (grow != 0) {
    const int r = std::abs(grow);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * r + 1, 2 * r + 1});
    if (grow > 0)
      cv::dilate(m, m, kernel);
    else
      cv::erode(m, m, kernel);
  }
  return m;
}

cv::Mat blur_mask(const cv::Mat& mask, int px) {
  if (px <= 0) return mask.clone();
  const int k = 2 * static_cast<int>(2.5 * px + 0.5) + 1;
  cv::Mat out;
  cv::GaussianBlur(mask, out, {k, k}, px, px, cv::BORDER_CONSTANT);
  return out;
}

cv::Rect masked_region(const cv::Mat& mask, int padding, int target_w, int target_h) {
  const cv::Rect box = cv::boundingRect(mask > 0);
  if (box.area() == 0) return {};
  int x1 = box.x - padding, y1 = box.y - padding, x2 = box.x + box.width + padding, y2 = box.y + box.height + padding;
  x1 = std::max(x1, 0);
  y1 = std::max(y1, 0);
  x2 = std::min(x2, mask.cols);
  y2 = std::min(y2, mask.rows);
  // Widen the short side so the crop has the generation's aspect ratio (as A1111's
  // expand_crop_region), shifting back inside the image where it hits an edge.
  const double ratio = static_cast<double>(target_w) / target_h;
  int w = x2 - x1, h = y2 - y1;
  if (static_cast<double>(w) / h < ratio) {
    const int want = std::min(mask.cols, static_cast<int>(std::lround(h * ratio)));
    x1 -= (want - w) / 2;
    x1 = std::clamp(x1, 0, mask.cols - want);
    x2 = x1 + want;
  } else {
    const int want = std::min(mask.rows, static_cast<int>(std::lround(w / ratio)));
    y1 -= (want - h) / 2;
    y1 = std::clamp(y1, 0, mask.rows - want);
    y2 = y1 + want;
  }
  return {x1, y1, x2 - x1, y2 - y1};
}

cv::Mat composite(const cv::Mat& original, const cv::Mat& generated, const cv::Mat& soft_mask) {
  if (original.size() != generated.size() || original.size() != soft_mask.size() || original.type() != CV_8UC3 ||
      generated.type() != CV_8UC3 || soft_mask.type() != CV_8UC1)
    throw std::invalid_argument("composite: image, result and mask must have the same size");
  cv::Mat out = original.clone();
  for (int y = 0; y < out.rows; ++y) {
    const uint8_t* m = soft_mask.ptr<uint8_t>(y);
    const cv::Vec3b* g = generated.ptr<cv::Vec3b>(y);
    cv::Vec3b* o = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < out.cols; ++x) {
      if (m[x] == 0) continue;  // untouched: the original bytes stay
      const int a = m[x];
      for (int c = 0; c < 3; ++c) o[x][c] = static_cast<uint8_t>((o[x][c] * (255 - a) + g[x][c] * a + 127) / 255);
    }
  }
  return out;
}

}  // namespace stipple
