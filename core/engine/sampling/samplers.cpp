#include "sampling/samplers.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <stdexcept>

namespace stipple {

namespace {

torch::Tensor to_d(const torch::Tensor& x, double sigma, const torch::Tensor& denoised) { return (x - denoised) / sigma; }

void report(const StepCallback& cb, int i, size_t n, double sigma, const torch::Tensor& x, const torch::Tensor& d) {
  if (cb) cb(StepInfo{i, static_cast<int>(n), sigma, x, d});
}

// k-diffusion get_ancestral_step: split the step into a deterministic part to sigma_down and
// fresh noise of std sigma_up.
std::pair<double, double> ancestral_step(double from, double to, double eta) {
  if (eta == 0) return {to, 0.0};
  const double up = std::min(to, eta * std::sqrt(to * to * (from * from - to * to) / (from * from)));
  const double down = std::sqrt(to * to - up * up);
  return {down, up};
}

// Coefficient of the LMS step: integral over [t_i, t_{i+1}] of the Lagrange basis polynomial
// for node j (k-diffusion linear_multistep_coeff). The integrand has degree < 4, so 4-point
// Gauss-Legendre quadrature is exact.
double lms_coeff(int order, const std::vector<double>& t, int i, int j) {
  auto basis = [&](double tau) {
    double prod = 1.0;
    for (int k = 0; k < order; ++k) {
      if (k == j) continue;
      prod *= (tau - t[i - k]) / (t[i - j] - t[i - k]);
    }
    return prod;
  };
  static const double nodes[4] = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
  static const double weights[4] = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
  const double a = t[i], b = t[i + 1];
  double sum = 0;
  for (int q = 0; q < 4; ++q) sum += weights[q] * basis((b - a) / 2 * nodes[q] + (a + b) / 2);
  return sum * (b - a) / 2;
}

}  // namespace

torch::Tensor sample_euler(const Denoise& model, torch::Tensor x, const std::vector<double>& s, const StepCallback& cb) {
  const size_t n = s.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    auto denoised = model(x, s[i]);
    report(cb, static_cast<int>(i), n, s[i], x, denoised);
    x = x + to_d(x, s[i], denoised) * (s[i + 1] - s[i]);
  }
  return x;
}

torch::Tensor sample_euler_ancestral(const Denoise& model, torch::Tensor x, const std::vector<double>& s,
                                     const NoiseFn& noise, const StepCallback& cb, double eta) {
  const size_t n = s.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    auto denoised = model(x, s[i]);
    report(cb, static_cast<int>(i), n, s[i], x, denoised);
    const auto [down, up] = ancestral_step(s[i], s[i + 1], eta);
    x = x + to_d(x, s[i], denoised) * (down - s[i]);
    if (s[i + 1] > 0) x = x + noise(x, s[i], s[i + 1]) * up;
  }
  return x;
}

torch::Tensor sample_heun(const Denoise& model, torch::Tensor x, const std::vector<double>& s, const StepCallback& cb) {
  const size_t n = s.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    auto denoised = model(x, s[i]);
    report(cb, static_cast<int>(i), n, s[i], x, denoised);
    auto d = to_d(x, s[i], denoised);
    const double dt = s[i + 1] - s[i];
    if (s[i + 1] == 0) {
      x = x + d * dt;  // Euler on the last step: the second evaluation would be at sigma 0
    } else {
      auto x2 = x + d * dt;
      auto d2 = to_d(x2, s[i + 1], model(x2, s[i + 1]));
      x = x + (d + d2) / 2 * dt;
    }
  }
  return x;
}

torch::Tensor sample_dpm_2(const Denoise& model, torch::Tensor x, const std::vector<double>& s, const StepCallback& cb) {
  const size_t n = s.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    auto denoised = model(x, s[i]);
    report(cb, static_cast<int>(i), n, s[i], x, denoised);
    auto d = to_d(x, s[i], denoised);
    if (s[i + 1] == 0) {
      x = x + d * (s[i + 1] - s[i]);
    } else {
      const double mid = std::exp((std::log(s[i]) + std::log(s[i + 1])) / 2);  // midpoint in log sigma
      auto x2 = x + d * (mid - s[i]);
      auto d2 = to_d(x2, mid, model(x2, mid));
      x = x + d2 * (s[i + 1] - s[i]);
    }
  }
  return x;
}

torch::Tensor sample_dpm_2_ancestral(const Denoise& model, torch::Tensor x, const std::vector<double>& s,
                                     const NoiseFn& noise, const StepCallback& cb, double eta) {
  const size_t n = s.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    auto denoised = model(x, s[i]);
    report(cb, static_cast<int>(i), n, s[i], x, denoised);
    const auto [down, up] = ancestral_step(s[i], s[i + 1], eta);
    auto d = to_d(x, s[i], denoised);
    if (down == 0) {
      x = x + d * (down - s[i]);
    } else {
      const double mid = std::exp((std::log(s[i]) + std::log(down)) / 2);
      auto x2 = x + d * (mid - s[i]);
      auto d2 = to_d(x2, mid, model(x2, mid));
      x = x + d2 * (down - s[i]);
    }
    if (s[i + 1] > 0) x = x + noise(x, s[i], s[i + 1]) * up;
  }
  return x;
}

torch::Tensor sample_lms(const Denoise& model, torch::Tensor x, const std::vector<double>& s, const StepCallback& cb,
                         int order) {
  const size_t n = s.size() - 1;
  // k-diffusion integrates over the float32 sigmas it holds on the CPU.
  std::vector<double> t(s.size());
  for (size_t k = 0; k < s.size(); ++k) t[k] = static_cast<float>(s[k]);
  std::deque<torch::Tensor> ds;
  for (size_t i = 0; i < n; ++i) {
    auto denoised = model(x, s[i]);
    report(cb, static_cast<int>(i), n, s[i], x, denoised);
    ds.push_back(to_d(x, s[i], denoised));
    if (static_cast<int>(ds.size()) > order) ds.pop_front();
    const int cur = std::min(static_cast<int>(i) + 1, order);
    auto step = torch::zeros_like(x);
    for (int j = 0; j < cur; ++j) step = step + ds[ds.size() - 1 - j] * lms_coeff(cur, t, static_cast<int>(i), j);
    x = x + step;
  }
  return x;
}

torch::Tensor sample_dpmpp_2m(const Denoise& model, torch::Tensor x, const std::vector<double>& s,
                              const StepCallback& cb) {
  const size_t n = s.size() - 1;
  torch::Tensor old_denoised;
  for (size_t i = 0; i < n; ++i) {
    auto denoised = model(x, s[i]);
    report(cb, static_cast<int>(i), n, s[i], x, denoised);
    if (s[i + 1] == 0) {
      x = denoised;  // t_next = inf: the update reduces to the prediction
    } else {
      const double t = -std::log(s[i]), t_next = -std::log(s[i + 1]);
      const double h = t_next - t;
      auto d = denoised;
      if (old_denoised.defined()) {
        const double r = (t + std::log(s[i - 1])) / h;  // h_last / h
        d = denoised * (1 + 1 / (2 * r)) - old_denoised * (1 / (2 * r));
      }
      x = x * (s[i + 1] / s[i]) - d * std::expm1(-h);
    }
    old_denoised = denoised;
  }
  return x;
}

torch::Tensor sample_dpmpp_2m_sde(const Denoise& model, torch::Tensor x, const std::vector<double>& s,
                                  const NoiseFn& noise, const StepCallback& cb, double eta) {
  const size_t n = s.size() - 1;
  torch::Tensor old_denoised;
  double h_last = 0;
  for (size_t i = 0; i < n; ++i) {
    auto denoised = model(x, s[i]);
    report(cb, static_cast<int>(i), n, s[i], x, denoised);
    if (s[i + 1] == 0) {
      x = denoised;
    } else {
      const double t = -std::log(s[i]), sn = -std::log(s[i + 1]);
      const double h = sn - t, eta_h = eta * h;
      x = x * (s[i + 1] / s[i] * std::exp(-eta_h)) + denoised * (-std::expm1(-h - eta_h));
      if (old_denoised.defined()) {
        const double r = h_last / h;  // midpoint solver
        x = x + (denoised - old_denoised) * (0.5 * -std::expm1(-h - eta_h) / r);
      }
      if (eta > 0) x = x + noise(x, s[i], s[i + 1]) * (s[i + 1] * std::sqrt(-std::expm1(-2 * eta_h)));
      h_last = h;
    }
    old_denoised = denoised;
  }
  return x;
}

torch::Tensor sample_dpmpp_sde(const Denoise& model, torch::Tensor x, const std::vector<double>& s,
                               const NoiseFn& noise, const StepCallback& cb, double eta, double r) {
  const size_t n = s.size() - 1;
  auto sigma_fn = [](double t) { return std::exp(-t); };
  auto t_fn = [](double sigma) { return -std::log(sigma); };
  for (size_t i = 0; i < n; ++i) {
    auto denoised = model(x, s[i]);
    report(cb, static_cast<int>(i), n, s[i], x, denoised);
    if (s[i + 1] == 0) {
      x = x + to_d(x, s[i], denoised) * (s[i + 1] - s[i]);
      continue;
    }
    const double t = t_fn(s[i]), t_next = t_fn(s[i + 1]);
    const double h = t_next - t, sm = t + h * r, fac = 1 / (2 * r);
    // Step 1: to the intermediate time with its own ancestral noise.
    auto [sd, su] = ancestral_step(sigma_fn(t), sigma_fn(sm), eta);
    const double s_ = t_fn(sd);
    auto x2 = x * (sigma_fn(s_) / sigma_fn(t)) - denoised * std::expm1(t - s_);
    if (su > 0) x2 = x2 + noise(x, sigma_fn(t), sigma_fn(sm)) * su;
    auto denoised2 = model(x2, sigma_fn(sm));
    // Step 2: the full step with the blended prediction.
    std::tie(sd, su) = ancestral_step(sigma_fn(t), sigma_fn(t_next), eta);
    const double tn_ = t_fn(sd);
    auto dd = denoised * (1 - fac) + denoised2 * fac;
    x = x * (sigma_fn(tn_) / sigma_fn(t)) - dd * std::expm1(t - tn_);
    if (su > 0) x = x + noise(x, sigma_fn(t), sigma_fn(t_next)) * su;
  }
  return x;
}

torch::Tensor sample_ddim(const Denoise& model, torch::Tensor x, const std::vector<double>& s, const NoiseFn& noise,
                          const StepCallback& cb, double eta) {
  // In sigma form, x = x_ddim / sqrt(alpha_bar) and sigma = sqrt((1 - alpha_bar) / alpha_bar); DDIM's
  // update x_prev = sqrt(a_prev) x0 + sqrt(1 - a_prev - sigma_t^2) eps + sigma_t z becomes the
  // step below (for eta 0 the Euler step from s[i] to s[i+1]).
  const size_t n = s.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    auto denoised = model(x, s[i]);
    report(cb, static_cast<int>(i), n, s[i], x, denoised);
    const double a = 1 / (1 + s[i] * s[i]);
    const double a_prev = 1 / (1 + s[i + 1] * s[i + 1]);
    const double sigma_t = eta * std::sqrt((1 - a_prev) / (1 - a) * (1 - a / a_prev));
    auto eps = (x - denoised) / s[i];
    // In the variance-preserving scale, then back to sigma form by dividing by sqrt(a_prev).
    auto x_prev = denoised * std::sqrt(a_prev) + eps * std::sqrt(std::max(0.0, 1 - a_prev - sigma_t * sigma_t));
    if (sigma_t > 0 && s[i + 1] > 0) x_prev = x_prev + noise(x, s[i], s[i + 1]) * sigma_t;
    x = x_prev / std::sqrt(a_prev);
  }
  return x;
}

const std::vector<SamplerSpec>& sampler_specs() {
  static const std::vector<SamplerSpec> specs = {
      {"euler", "Euler", false, false, 1},
      {"euler_a", "Euler a", true, false, 1},
      {"heun", "Heun", false, false, 2},
      {"dpm2", "DPM2", false, false, 2},
      {"dpm2_a", "DPM2 a", true, false, 2},
      {"dpmpp_2m", "DPM++ 2M", false, false, 1},
      {"dpmpp_2m_sde", "DPM++ 2M SDE", true, false, 1},
      {"dpmpp_sde", "DPM++ SDE", true, false, 2},
      {"lms", "LMS", false, false, 1},
      {"ddim", "DDIM", false, true, 1},
      {"ddpm", "DDPM", true, true, 1},
  };
  return specs;
}

const SamplerSpec& sampler_spec(const std::string& name) {
  for (const auto& s : sampler_specs())
    if (s.name == name || (name == "euler_ancestral" && s.name == "euler_a")) return s;
  std::string valid;
  for (const auto& s : sampler_specs()) valid += (valid.empty() ? "" : ", ") + s.name;
  throw std::invalid_argument("unknown sampler '" + name + "' (expected one of: " + valid + ")");
}

torch::Tensor run_sampler(const std::string& name, const Denoise& model, torch::Tensor x,
                          const std::vector<double>& sigmas, const NoiseFn& noise, const StepCallback& cb,
                          double eta) {
  const SamplerSpec& spec = sampler_spec(name);
  if (sigmas.size() < 2) throw std::invalid_argument("a sampler needs at least one step");
  // eta matters to DDIM and the stochastic samplers only; DDIM defaults to 0, the others to 1.
  const bool uses_eta = spec.stochastic || spec.name == "ddim";
  const double e = eta >= 0 ? eta : (spec.name == "ddim" ? 0.0 : 1.0);
  if (uses_eta && e > 0 && !noise) throw std::invalid_argument("sampler '" + name + "' needs a noise source");
  const std::string& n = spec.name;
  if (n == "euler") return sample_euler(model, x, sigmas, cb);
  if (n == "euler_a") return sample_euler_ancestral(model, x, sigmas, noise, cb, e);
  if (n == "heun") return sample_heun(model, x, sigmas, cb);
  if (n == "dpm2") return sample_dpm_2(model, x, sigmas, cb);
  if (n == "dpm2_a") return sample_dpm_2_ancestral(model, x, sigmas, noise, cb, e);
  if (n == "dpmpp_2m") return sample_dpmpp_2m(model, x, sigmas, cb);
  if (n == "dpmpp_2m_sde") return sample_dpmpp_2m_sde(model, x, sigmas, noise, cb, e);
  if (n == "dpmpp_sde") return sample_dpmpp_sde(model, x, sigmas, noise, cb, e);
  if (n == "lms") return sample_lms(model, x, sigmas, cb);
  // DDPM is DDIM with eta 1: the posterior of Ho et al. 2020 on the chosen timesteps.
  auto out = sample_ddim(model, x, sigmas, noise, cb, e);
  // Back to ldm's variance-preserving scale at the final noise level.
  return out / std::sqrt(1 + sigmas.back() * sigmas.back());
}

}  // namespace stipple
