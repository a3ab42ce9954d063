#pragma once
// Denoisers: wrappers that turn a noise-prediction network into D(x, sigma) -> predicted clean
// latent, the one callable every sampler uses. Each concern is written once, as a wrapper:
// conditioning + classifier-free guidance (network space), eps/v preconditioning
// (k-diffusion's DiscreteEpsDDPMDenoiser / DiscreteVDDPMDenoiser), cancellation.
#include <functional>
#include <stdexcept>

#include <torch/torch.h>

#include "nn/config.h"
#include "sampling/schedule.h"

namespace stipple {

// D(x, sigma): x [B,4,h,w] at noise level sigma -> predicted clean latent [B,4,h,w].
using Denoise = std::function<torch::Tensor(const torch::Tensor& x, double sigma)>;

// The network as the samplers see it: scaled input x [B,C,h,w] and timesteps t [B] (float,
// fractional allowed) -> eps or v [B,4,h,w]. Conditioning is bound inside.
using Network = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& t)>;

// The UNet call with its cross-attention contexts: x, t, context -> output.
using UNetCall = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& context)>;

struct Guidance {
  torch::Tensor cond;    // [B,L,C]
  torch::Tensor uncond;  // [B,L,C] (same L as cond); undefined when scale == 1
  double scale = 7.0;
  double rescale = 0.0;  // guidance rescale phi (Lin et al. 2023, sec. 3.4); 0 = off
  // 9-channel inpainting models: [B,5,h,w] mask + masked-image latent, concatenated to x on
  // every call and held fixed across steps.
  torch::Tensor c_concat;
};

// Classifier-free guidance with ONE batched network call on cat([uncond, cond]):
// out = uncond + scale * (cond - uncond), optionally rescaled towards cond's std.
Network guided_network(const UNetCall& unet, const Guidance& guidance);

// k-diffusion preconditioning: c_in = 1/sqrt(sigma^2+1), t = sigma_to_t(sigma);
// eps: D = x - sigma*eps; v: D = x/(sigma^2+1) - v*sigma/sqrt(sigma^2+1).
Denoise make_denoiser(const Network& network, const DiscreteSchedule& schedule, Prediction prediction);

// Thrown by a cancelled Denoise; the pipeline turns it into a "cancelled" result.
struct Cancelled : std::runtime_error {
  Cancelled() : std::runtime_error("cancelled") {}
};

// Checks `is_cancelled` before every model evaluation, so cancel takes effect within one.
Denoise with_cancellation(Denoise inner, std::function<bool()> is_cancelled);

// Counts model evaluations (each call of `inner` is one batched UNet pass).
Denoise with_counter(Denoise inner, int* counter);

}  // namespace stipple
