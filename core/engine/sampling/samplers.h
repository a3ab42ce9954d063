#pragma once
// Samplers as pure functions over a denoiser and a sigma list, after k-diffusion's sampling.py
// (Karras et al. 2022 and the DPM-Solver papers). No scheduler objects, no hidden state: each
// takes x at sigmas[0] and returns x at sigmas.back().
#include <functional>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "sampling/denoiser.h"

namespace stipple {

struct StepInfo {
  int step = 0;         // 0-based
  int total = 0;
  double sigma = 0;     // noise level of this step's input
  torch::Tensor x;      // the step's input
  torch::Tensor denoised;  // predicted clean latent: the preview
};
using StepCallback = std::function<void(const StepInfo&)>;

// Noise for ancestral/SDE steps going from sigma to sigma_next: unit-variance, shaped like x.
using NoiseFn = std::function<torch::Tensor(const torch::Tensor& like, double sigma, double sigma_next)>;

torch::Tensor sample_euler(const Denoise& model, torch::Tensor x, const std::vector<double>& sigmas, const StepCallback& cb);
torch::Tensor sample_euler_ancestral(const Denoise& model, torch::Tensor x, const std::vector<double>& sigmas,
                                     const NoiseFn& noise, const StepCallback& cb, double eta = 1.0);
torch::Tensor sample_heun(const Denoise& model, torch::Tensor x, const std::vector<double>& sigmas, const StepCallback& cb);
torch::Tensor sample_dpm_2(const Denoise& model, torch::Tensor x, const std::vector<double>& sigmas, const StepCallback& cb);
torch::Tensor sample_dpm_2_ancestral(const Denoise& model, torch::Tensor x, const std::vector<double>& sigmas,
                                     const NoiseFn& noise, const StepCallback& cb, double eta = 1.0);
torch::Tensor sample_lms(const Denoise& model, torch::Tensor x, const std::vector<double>& sigmas, const StepCallback& cb,
                         int order = 4);
torch::Tensor sample_dpmpp_2m(const Denoise& model, torch::Tensor x, const std::vector<double>& sigmas,
                              const StepCallback& cb);
torch::Tensor sample_dpmpp_2m_sde(const Denoise& model, torch::Tensor x, const std::vector<double>& sigmas,
                                  const NoiseFn& noise, const StepCallback& cb, double eta = 1.0);
torch::Tensor sample_dpmpp_sde(const Denoise& model, torch::Tensor x, const std::vector<double>& sigmas,
                               const NoiseFn& noise, const StepCallback& cb, double eta = 1.0, double r = 0.5);
// DDIM (Song et al. 2021) in sigma form: with eta 0 exactly ldm's DDIMSampler stepping between
// the given sigmas (which may end above 0, as DDIM ends at t = 0); eta 1 is the DDPM posterior
// (Ho et al. 2020's ancestral Markov chain on the chosen timesteps).
torch::Tensor sample_ddim(const Denoise& model, torch::Tensor x, const std::vector<double>& sigmas, const NoiseFn& noise,
                          const StepCallback& cb, double eta = 0.0);

// The sampler table: names as the CLI takes them, A1111's display names, and how to run them.
struct SamplerSpec {
  std::string name;         // euler, euler_a, heun, dpm2, dpm2_a, dpmpp_2m, dpmpp_2m_sde, dpmpp_sde, lms, ddim, ddpm
  std::string a1111_name;   // "Euler a", "DPM++ 2M", ...
  bool stochastic = false;  // uses the noise source
  bool ddim_walk = false;   // walks ldm's DDIM timesteps, starts from unscaled noise
  int evals_per_step = 1;   // model evaluations per step (Heun, DPM2, DPM++ SDE: 2)
};
const std::vector<SamplerSpec>& sampler_specs();
const SamplerSpec& sampler_spec(const std::string& name);  // throws listing the valid names

// Runs a sampler by name over `sigmas` from x (already scaled to sigmas[0], or for ddim_walk
// samplers x * sqrt(1 + sigmas[0]^2)). Returns the final latent (for ddim_walk samplers in
// ldm's variance-preserving scale, as DDIM returns it).
// `eta` scales the fresh noise of DDIM and the ancestral/SDE samplers; negative means the
// sampler's default (0 for DDIM, 1 for the others).
torch::Tensor run_sampler(const std::string& name, const Denoise& model, torch::Tensor x,
                          const std::vector<double>& sigmas, const NoiseFn& noise, const StepCallback& cb,
                          double eta = -1.0);

}  // namespace stipple
