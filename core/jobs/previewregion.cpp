#include "jobs/previewregion.h"

#include "image/mask.h"
#include "jobs/imageconvert.h"
#include "pipeline/request.h"

namespace stipple::jobs {

namespace {

cv::Mat blendMask(const stipple::GenerationRequest& r) {
  // The same steps the engine takes before it crops and composites (pipeline.cpp prepare_source).
  return stipple::blur_mask(stipple::adjust_mask(r.mask, r.mask_grow, r.invert_mask), r.mask_blur);
}

}  // namespace

QImage previewMask(const stipple::GenerationRequest& r) {
  if (!r.is_inpaint()) return {};
  return imageFromMat(blendMask(r));
}

QRect previewRegion(const stipple::GenerationRequest& r) {
  if (!r.is_img2img()) return QRect(0, 0, r.width, r.height);
  const QRect whole(0, 0, r.init_image.cols, r.init_image.rows);
  if (!r.is_inpaint() || r.inpaint_area != stipple::InpaintArea::Masked) return whole;
  const cv::Rect region = stipple::masked_region(blendMask(r), r.padding, r.width, r.height);
  if (region.area() <= 0) return whole;
  return QRect(region.x, region.y, region.width, region.height);
}

}  // namespace stipple::jobs
