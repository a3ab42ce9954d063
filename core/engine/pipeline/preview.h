#pragma once
// Step previews from the predicted clean latent: a fast linear latent -> RGB projection, or the
// full VAE decode.
#include <opencv2/core/mat.hpp>
#include <torch/torch.h>

namespace stipple {

// Approximate RGB of one latent [4,h,w] (already multiplied by the VAE scale factor, as the
// samplers' latents are) with the published SD 1.x per-channel factors, upscaled to out_w x out_h.
cv::Mat approximate_preview(const torch::Tensor& latent, int out_w, int out_h);

}  // namespace stipple
