#pragma once
// Noise schedules: betas, alphas_cumprod, the k-diffusion sigma view of a discrete DDPM
// schedule, and the step sigma lists samplers walk (default, Karras, exponential, uniform).
#include <string>
#include <vector>

#include <torch/torch.h>

namespace stipple {

enum class BetaSchedule { ScaledLinear, Linear, Cosine };
BetaSchedule beta_schedule_from_string(const std::string& name);  // scaled_linear, linear, squaredcos_cap_v2

// [T] float64 betas. scaled_linear: linspace(sqrt(b0), sqrt(b1), T)^2 (SD's "linear" in ldm);
// linear: linspace(b0, b1, T); cosine: Nichol & Dhariwal's squaredcos_cap_v2 (max beta 0.999).
torch::Tensor make_betas(BetaSchedule schedule, int64_t timesteps = 1000, double beta_start = 0.00085,
                         double beta_end = 0.012);
torch::Tensor alphas_cumprod_from_betas(const torch::Tensor& betas);  // float64

// Lin et al. 2023, "Common Diffusion Noise Schedules and Sample Steps are Flawed", Alg. 1:
// shifts and scales sqrt(alphas_cumprod) so the last timestep has zero SNR. The last value
// becomes 0 (infinite sigma), so it is clamped to a tiny positive alpha for the sigma view.
torch::Tensor rescale_zero_terminal_snr(const torch::Tensor& alphas_cumprod);

enum class SigmaSchedule { Default, Karras, Exponential, Uniform };
SigmaSchedule sigma_schedule_from_string(const std::string& name);  // default, karras, exponential, uniform
std::string to_string(SigmaSchedule s);

// k-diffusion's DiscreteSchedule over a model's alphas_cumprod (as the model stores it: float32):
// sigma_t = sqrt((1 - acp_t) / acp_t), fractional t by interpolation in log sigma.
class DiscreteSchedule {
 public:
  explicit DiscreteSchedule(const torch::Tensor& alphas_cumprod);

  double sigma_min() const { return sigmas_.front(); }
  double sigma_max() const { return sigmas_.back(); }
  int64_t size() const { return static_cast<int64_t>(sigmas_.size()); }
  const std::vector<double>& sigmas() const { return sigmas_; }
  const std::vector<double>& alphas_cumprod() const { return acp_; }

  double t_to_sigma(double t) const;
  // Fractional t for sigma (k-diffusion sigma_to_t, quantize=False). Values within 1e-4 of an
  // integer snap to it, so a sampler that steps on the discrete timesteps (DDIM) feeds the
  // network exactly the timestep the original does.
  double sigma_to_t(double sigma) const;

  // Step sigmas with a trailing 0: default = t_to_sigma(linspace(T-1, 0, n)); karras (rho 7);
  // exponential; uniform = the sigmas of ldm's DDIM timesteps (range(0, T, T/n) + 1), descending.
  std::vector<double> step_sigmas(SigmaSchedule schedule, int steps) const;
  // ldm make_ddim_timesteps("uniform"): range(0, T, T/steps) + 1, ascending.
  std::vector<int64_t> ddim_timesteps(int steps) const;
  // DDIM's walk as sigmas: the timesteps descending, then sigma(0) = sigma_min (ldm's first
  // alphas_prev is alphas_cumprod[0], so DDIM ends at t = 0, not at sigma 0).
  std::vector<double> ddim_sigmas(int steps) const;

 private:
  std::vector<double> acp_;         // float32 values of the model's buffer, as doubles
  std::vector<double> sigmas_;      // ascending
  std::vector<double> log_sigmas_;  // float32 logs, as k-diffusion keeps them
};

// get_sigmas_karras / get_sigmas_exponential (k-diffusion), trailing 0 included.
std::vector<double> karras_sigmas(int n, double sigma_min, double sigma_max, double rho = 7.0);
std::vector<double> exponential_sigmas(int n, double sigma_min, double sigma_max);

}  // namespace stipple
