#include "nn/layers.h"

#include <cmath>

namespace stipple::nn {

GroupNorm32Impl::GroupNorm32Impl(int groups_, int channels, double eps_) : groups(groups_), eps(eps_) {
  weight = register_parameter("weight", torch::ones({channels}));
  bias = register_parameter("bias", torch::zeros({channels}));
}

torch::Tensor GroupNorm32Impl::forward(const torch::Tensor& x) {
  RECORD_USER_SCOPE("stipple::GroupNorm32");
  if (x.scalar_type() == torch::kFloat)
    return torch::group_norm(x, groups, weight, bias, eps);
  return torch::group_norm(x.to(torch::kFloat), groups, weight.to(torch::kFloat), bias.to(torch::kFloat), eps)
      .to(x.scalar_type());
}

LayerNorm32Impl::LayerNorm32Impl(int dim_, double eps_) : dim(dim_), eps(eps_) {
  weight = register_parameter("weight", torch::ones({dim}));
  bias = register_parameter("bias", torch::zeros({dim}));
}

torch::Tensor LayerNorm32Impl::forward(const torch::Tensor& x) {
  RECORD_USER_SCOPE("stipple::LayerNorm32");
  if (x.scalar_type() == torch::kFloat) return torch::layer_norm(x, {dim}, weight, bias, eps);
  return torch::layer_norm(x.to(torch::kFloat), {dim}, weight.to(torch::kFloat), bias.to(torch::kFloat), eps)
      .to(x.scalar_type());
}

torch::Tensor timestep_embedding(const torch::Tensor& timesteps, int dim, double max_period) {
  const int half = dim / 2;
  auto freqs = torch::exp(-std::log(max_period) *
                          torch::arange(0, half, torch::TensorOptions().dtype(torch::kFloat)) / half)
                   .to(timesteps.device());
  auto args = timesteps.to(torch::kFloat).unsqueeze(1) * freqs.unsqueeze(0);
  auto emb = torch::cat({torch::cos(args), torch::sin(args)}, -1);
  if (dim % 2) emb = torch::cat({emb, torch::zeros_like(emb.narrow(1, 0, 1))}, -1);
  return emb;
}

}  // namespace stipple::nn
