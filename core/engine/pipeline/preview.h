#pragma once
// Step previews from the predicted clean latent: a fast linear latent -> RGB projection, or the
// full VAE decode.
#include <opencv2/core/mat.hpp>
#include <torch/torch.h>

#include "nn/config.h"

namespace stipple {

// Approximate RGB of one latent [4,h,w] (already multiplied by the VAE scale factor, as the
// samplers' latents are) with the published SD 1.x per-channel factors, upscaled to out_w x out_h.
cv::Mat approximate_preview(const torch::Tensor& latent, int out_w, int out_h);

// Whether those factors describe this VAE's latents: SD's own autoencoder (width 128, levels
// 1,2,4,4, scale 0.18215, shared by SD 1.x and 2.x). Other VAEs (Stipple's small bundled one)
// encode colour differently; their previews are decoded by the VAE itself, which is cheap
// for a VAE that small.
bool approximate_preview_fits(const VaeConfig& vae);

}  // namespace stipple
