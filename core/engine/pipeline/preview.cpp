#include "pipeline/preview.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "image/convert.h"

namespace stipple {

cv::Mat approximate_preview(const torch::Tensor& latent, int out_w, int out_h) {
  // Rows: latent channels; columns: R, G, B contributions (SD 1.x VAE, as ComfyUI publishes them).
  static const float factors[4][3] = {
      {0.3512f, 0.2297f, 0.3227f}, {0.3250f, 0.4974f, 0.2350f}, {-0.2829f, 0.1762f, 0.2721f}, {-0.2120f, -0.2616f, -0.7177f}};
  auto z = latent.to(torch::kFloat).cpu();
  if (z.dim() == 4) z = z[0];
  const int64_t c = std::min<int64_t>(z.size(0), 4);
  auto f = torch::from_blob(const_cast<float*>(&factors[0][0]), {4, 3}, torch::kFloat).narrow(0, 0, c);
  auto rgb = torch::einsum("chw,cr->rhw", {z.narrow(0, 0, c), f});  // [3,h,w] roughly in [-1,1]
  cv::Mat small = tensor_to_image(rgb);
  cv::Mat out;
  cv::resize(small, out, {out_w, out_h}, 0, 0, cv::INTER_LINEAR);
  return out;
}

bool approximate_preview_fits(const VaeConfig& vae) {
  return vae.ch == 128 && vae.ch_mult == std::vector<int>{1, 2, 4, 4} && vae.z_channels == 4 &&
         std::abs(vae.scale_factor - 0.18215) < 1e-4;
}

}  // namespace stipple
