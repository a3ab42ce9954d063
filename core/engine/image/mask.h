#pragma once
// Mask geometry for inpainting (white = repaint): grow/shrink, blur, the "only masked" crop
// region, and the final composite that keeps every pixel outside the mask.
#include <opencv2/core.hpp>

namespace stipple {

// Inverts if asked, then grows (dilates, grow > 0) or shrinks (erodes, grow < 0) by |grow| px.
cv::Mat adjust_mask(const cv::Mat& mask, int grow, bool invert);

// Gaussian blur of the mask edge as A1111 does it: sigma = px, kernel 2*int(2.5*px + 0.5) + 1.
cv::Mat blur_mask(const cv::Mat& mask, int px);

// Bounding box of the non-zero mask, padded by `padding`, widened to the aspect ratio of
// target_w:target_h and clamped to the image. Empty rect when the mask is empty.
cv::Rect masked_region(const cv::Mat& mask, int padding, int target_w, int target_h);

// out = original where soft_mask is 0 (bit for bit), generated where it is 255, blended between.
cv::Mat composite(const cv::Mat& original, const cv::Mat& generated, const cv::Mat& soft_mask);

}  // namespace stipple
