#pragma once
// Small building blocks shared by the networks.
#include <torch/torch.h>

namespace stipple::nn {

inline torch::nn::Conv2d conv2d(int in, int out, int kernel, int stride = 1, int padding = 0) {
  return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding));
}

inline torch::nn::Linear linear(int in, int out, bool bias = true) {
  return torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(bias));
}

// GroupNorm whose statistics are always computed in fp32 and whose output keeps the input
// dtype: ldm's GroupNorm32 does this for the UNet, and bf16 norms lose too much precision.
struct GroupNorm32Impl : torch::nn::Module {
  GroupNorm32Impl(int groups, int channels, double eps);
  torch::Tensor forward(const torch::Tensor& x);  // x: [N,C,...]
  torch::Tensor weight, bias;
  int groups;
  double eps;
};
TORCH_MODULE(GroupNorm32);

// LayerNorm computed in fp32 (same reason as GroupNorm32). Parameters "weight", "bias".
struct LayerNorm32Impl : torch::nn::Module {
  LayerNorm32Impl(int dim, double eps = 1e-5);
  torch::Tensor forward(const torch::Tensor& x);
  torch::Tensor weight, bias;
  int dim;
  double eps;
};
TORCH_MODULE(LayerNorm32);

// Sinusoidal timestep embedding [N] -> [N, dim]: cat([cos, sin]) with max period 10000,
// as ldm's timestep_embedding (fractional timesteps allowed).
torch::Tensor timestep_embedding(const torch::Tensor& timesteps, int dim, double max_period = 10000.0);

}  // namespace stipple::nn
