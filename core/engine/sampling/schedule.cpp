#include "sampling/schedule.h"

#include <cmath>
#include <stdexcept>

namespace stipple {

BetaSchedule beta_schedule_from_string(const std::string& name) {
  if (name == "scaled_linear") return BetaSchedule::ScaledLinear;
  if (name == "linear") return BetaSchedule::Linear;
  if (name == "squaredcos_cap_v2" || name == "cosine") return BetaSchedule::Cosine;
  throw std::invalid_argument("unknown beta schedule '" + name + "' (expected scaled_linear, linear, squaredcos_cap_v2)");
}

torch::Tensor make_betas(BetaSchedule schedule, int64_t T, double b0, double b1) {
  const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
  switch (schedule) {
    case BetaSchedule::ScaledLinear:
      return torch::linspace(std::sqrt(b0), std::sqrt(b1), T, f64).pow(2);
    case BetaSchedule::Linear:
      return torch::linspace(b0, b1, T, f64);
    case BetaSchedule::Cosine: {
      // alpha_bar(t) = cos((t/T + s) / (1 + s) * pi/2)^2, s = 0.008; beta_i = 1 - abar(i+1)/abar(i) <= 0.999.
      auto abar = [](double t) { return std::pow(std::cos((t + 0.008) / 1.008 * M_PI / 2), 2); };
      auto betas = torch::empty({T}, f64);
      auto acc = betas.accessor<double, 1>();
      for (int64_t i = 0; i < T; ++i)
        acc[i] = std::min(1.0 - abar(double(i + 1) / T) / abar(double(i) / T), 0.999);
      return betas;
    }
  }
  throw std::logic_error("unhandled beta schedule");
}

torch::Tensor alphas_cumprod_from_betas(const torch::Tensor& betas) {
  return torch::cumprod(1.0 - betas.to(torch::kDouble), 0);
}

torch::Tensor rescale_zero_terminal_snr(const torch::Tensor& alphas_cumprod) {
  auto s = alphas_cumprod.to(torch::kDouble).sqrt();
  const double s0 = s[0].item<double>(), sT = s[-1].item<double>();
  s = (s - sT) * (s0 / (s0 - sT));
  auto acp = s.pow(2);
  // sigma = sqrt((1-acp)/acp) is infinite at acp = 0; keep the last step finite but enormous.
  acp[-1] = 4.8973451890853435e-08;  // sigma ~ 4519, the value A1111 and ComfyUI use
  return acp;
}

SigmaSchedule sigma_schedule_from_string(const std::string& name) {
  if (name == "default" || name == "automatic" || name == "normal") return SigmaSchedule::Default;
  if (name == "karras") return SigmaSchedule::Karras;
  if (name == "exponential") return SigmaSchedule::Exponential;
  if (name == "uniform" || name == "ddim" || name == "ddim_uniform") return SigmaSchedule::Uniform;
  throw std::invalid_argument("unknown schedule '" + name + "' (expected default, karras, exponential, uniform)");
}

std::string to_string(SigmaSchedule s) {
  switch (s) {
    case SigmaSchedule::Default: return "default";
    case SigmaSchedule::Karras: return "karras";
    case SigmaSchedule::Exponential: return "exponential";
    case SigmaSchedule::Uniform: return "uniform";
  }
  return "default";
}

DiscreteSchedule::DiscreteSchedule(const torch::Tensor& alphas_cumprod) {
  if (alphas_cumprod.dim() != 1 || alphas_cumprod.size(0) < 2)
    throw std::invalid_argument("alphas_cumprod must be a 1-D schedule, got " + c10::str(alphas_cumprod.sizes()));
  // Computed in float32 from the float32 buffer, as k-diffusion does from the model's buffer.
  auto acp32 = alphas_cumprod.to(torch::kFloat).contiguous();
  auto sig32 = ((1 - acp32) / acp32).pow(0.5);
  auto log32 = sig32.log();
  const auto n = acp32.size(0);
  acp_.resize(n);
  sigmas_.resize(n);
  log_sigmas_.resize(n);
  for (int64_t i = 0; i < n; ++i) {
    acp_[i] = acp32[i].item<float>();
    sigmas_[i] = sig32[i].item<float>();
    log_sigmas_[i] = log32[i].item<float>();
  }
}

double DiscreteSchedule::t_to_sigma(double t) const {
  const double max_t = static_cast<double>(size() - 1);
  t = std::clamp(t, 0.0, max_t);
  const auto lo = static_cast<int64_t>(std::floor(t));
  const auto hi = static_cast<int64_t>(std::ceil(t));
  const double w = t - std::floor(t);
  return std::exp((1 - w) * log_sigmas_[lo] + w * log_sigmas_[hi]);
}

double DiscreteSchedule::sigma_to_t(double sigma) const {
  const double ls = std::log(sigma);
  // low index: the last log sigma <= ls (k-diffusion's dists.ge(0).cumsum().argmax()), clamped.
  int64_t lo = 0;
  for (int64_t i = 0; i < size(); ++i)
    if (ls - log_sigmas_[i] >= 0) lo = i;
  lo = std::min<int64_t>(lo, size() - 2);
  const int64_t hi = lo + 1;
  const double low = log_sigmas_[lo], high = log_sigmas_[hi];
  double w = std::clamp((low - ls) / (low - high), 0.0, 1.0);
  double t = (1 - w) * lo + w * hi;
  if (std::abs(t - std::round(t)) < 1e-4) t = std::round(t);
  return t;
}

std::vector<int64_t> DiscreteSchedule::ddim_timesteps(int steps) const {
  if (steps < 1 || steps > size()) throw std::invalid_argument("DDIM needs 1.." + std::to_string(size()) + " steps");
  const int64_t c = size() / steps;
  std::vector<int64_t> ts;
  for (int64_t t = 0; t < size(); t += c) ts.push_back(t + 1);
  // range(0, T, c) can give one more step than asked when T % steps != 0; ldm keeps them all.
  return ts;
}

std::vector<double> DiscreteSchedule::ddim_sigmas(int steps) const {
  const auto ts = ddim_timesteps(steps);
  std::vector<double> s;
  for (auto it = ts.rbegin(); it != ts.rend(); ++it) s.push_back(sigmas_[std::min<int64_t>(*it, size() - 1)]);
  s.push_back(sigmas_[0]);
  return s;
}

std::vector<double> karras_sigmas(int n, double sigma_min, double sigma_max, double rho) {
  std::vector<double> s;
  const double min_inv = std::pow(sigma_min, 1 / rho), max_inv = std::pow(sigma_max, 1 / rho);
  for (int i = 0; i < n; ++i) {
    const double ramp = n == 1 ? 0.0 : static_cast<double>(static_cast<float>(i) / static_cast<float>(n - 1));
    s.push_back(std::pow(max_inv + ramp * (min_inv - max_inv), rho));
  }
  s.push_back(0.0);
  return s;
}

std::vector<double> exponential_sigmas(int n, double sigma_min, double sigma_max) {
  std::vector<double> s;
  const double a = std::log(sigma_max), b = std::log(sigma_min);
  for (int i = 0; i < n; ++i) s.push_back(std::exp(n == 1 ? a : a + (b - a) * i / (n - 1)));
  s.push_back(0.0);
  return s;
}

std::vector<double> DiscreteSchedule::step_sigmas(SigmaSchedule schedule, int steps) const {
  if (steps < 1) throw std::invalid_argument("steps must be at least 1, got " + std::to_string(steps));
  switch (schedule) {
    case SigmaSchedule::Default: {
      std::vector<double> s;
      const double max_t = static_cast<double>(size() - 1);
      // torch.linspace(T-1, 0, n) in float32, as k-diffusion's get_sigmas.
      for (int i = 0; i < steps; ++i) {
        const float t = steps == 1 ? static_cast<float>(max_t)
                                   : static_cast<float>(max_t + (0.0 - max_t) * i / (steps - 1));
        s.push_back(t_to_sigma(t));
      }
      s.push_back(0.0);
      return s;
    }
    case SigmaSchedule::Karras: return karras_sigmas(steps, sigma_min(), sigma_max());
    case SigmaSchedule::Exponential: return exponential_sigmas(steps, sigma_min(), sigma_max());
    case SigmaSchedule::Uniform: {
      auto s = ddim_sigmas(steps);
      s.back() = 0.0;  // k-diffusion samplers finish at sigma 0
      return s;
    }
  }
  throw std::logic_error("unhandled sigma schedule");
}

}  // namespace stipple
