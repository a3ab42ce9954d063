#include "sampling/denoiser.h"

#include <cmath>

namespace stipple {

Network guided_network(const UNetCall& unet, const Guidance& g) {
  return [unet, g](const torch::Tensor& x, const torch::Tensor& t) {
    auto in = g.c_concat.defined() ? torch::cat({x, g.c_concat.to(x.scalar_type())}, 1) : x;
    if (!g.uncond.defined() || g.scale == 1.0) return unet(in, t, g.cond);
    auto out = unet(torch::cat({in, in}), torch::cat({t, t}), torch::cat({g.uncond, g.cond}));
    auto parts = out.chunk(2);
    const auto& u = parts[0];
    const auto& c = parts[1];
    auto guided = u + (c - u) * g.scale;
    if (g.rescale > 0) {
      // Match the guided prediction's per-sample std to the conditional one, then blend.
      std::vector<int64_t> dims;
      for (int64_t d = 1; d < guided.dim(); ++d) dims.push_back(d);
      auto std_c = c.std(dims, /*unbiased=*/true, /*keepdim=*/true);
      auto std_g = guided.std(dims, true, true);
      guided = g.rescale * (guided * (std_c / std_g)) + (1 - g.rescale) * guided;
    }
    return guided;
  };
}

Denoise make_denoiser(const Network& network, const DiscreteSchedule& schedule, Prediction prediction) {
  return [network, schedule, prediction](const torch::Tensor& x, double sigma) {
    const double c_in = 1.0 / std::sqrt(sigma * sigma + 1.0);
    const double t = schedule.sigma_to_t(sigma);
    auto tt = torch::full({x.size(0)}, t, torch::TensorOptions().dtype(torch::kFloat).device(x.device()));
    auto out = network(x * c_in, tt).to(x.scalar_type());
    if (prediction == Prediction::Epsilon) return x - out * sigma;
    const double c_skip = 1.0 / (sigma * sigma + 1.0);
    const double c_out = -sigma / std::sqrt(sigma * sigma + 1.0);
    return out * c_out + x * c_skip;
  };
}

Denoise with_cancellation(Denoise inner, std::function<bool()> is_cancelled) {
  return [inner = std::move(inner), is_cancelled = std::move(is_cancelled)](const torch::Tensor& x, double sigma) {
    if (is_cancelled && is_cancelled()) throw Cancelled();
    return inner(x, sigma);
  };
}

Denoise with_counter(Denoise inner, int* counter) {
  return [inner = std::move(inner), counter](const torch::Tensor& x, double sigma) {
    ++*counter;
    return inner(x, sigma);
  };
}

}  // namespace stipple
