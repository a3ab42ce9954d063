#pragma once
// The Stable Diffusion UNet, following ldm's openaimodel.UNetModel (SD1 and SD2 variants).
// Module names are the checkpoint's key segments below "model.diffusion_model.".
#include <torch/torch.h>
#include <optional>
#include <vector>

#include "nn/attention.h"
#include "nn/config.h"
#include "nn/layers.h"

namespace stipple::nn {

// openaimodel.ResBlock without scale-shift norm: in_layers.{0,2}, emb_layers.1, out_layers.{0,3},
// skip_connection (1x1 conv) when the channel count changes.
struct ResBlockImpl : torch::nn::Module {
  ResBlockImpl(int channels, int emb_channels, int out_channels);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& emb);  // x [N,C,H,W], emb [N,E]
  torch::nn::Sequential in_layers{nullptr}, emb_layers{nullptr}, out_layers{nullptr};
  torch::nn::Conv2d skip_connection{nullptr};
};
TORCH_MODULE(ResBlock);

// attention.BasicTransformerBlock: self-attention, cross-attention, GEGLU feed-forward.
struct BasicTransformerBlockImpl : torch::nn::Module {
  BasicTransformerBlockImpl(int dim, int heads, int dim_head, int context_dim);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context);  // x [B,N,dim]
  CrossAttention attn1{nullptr}, attn2{nullptr};
  LayerNorm32 norm1{nullptr}, norm2{nullptr}, norm3{nullptr};  // fp32 statistics under bf16
  torch::nn::Linear ff_proj{nullptr}, ff_out{nullptr};  // registered as ff.net.0.proj and ff.net.2
};
TORCH_MODULE(BasicTransformerBlock);

// attention.SpatialTransformer: GroupNorm, proj_in (1x1 conv or linear), blocks, proj_out, residual.
struct SpatialTransformerImpl : torch::nn::Module {
  SpatialTransformerImpl(int channels, int heads, int dim_head, int depth, int context_dim, bool use_linear);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context);
  torch::nn::GroupNorm norm{nullptr};
  torch::nn::AnyModule proj_in, proj_out;
  torch::nn::ModuleList transformer_blocks{nullptr};
  bool use_linear;
};
TORCH_MODULE(SpatialTransformer);

struct DownsampleImpl : torch::nn::Module {  // stride-2 3x3 conv named "op"
  explicit DownsampleImpl(int channels);
  torch::Tensor forward(const torch::Tensor& x);
  torch::nn::Conv2d op{nullptr};
};
TORCH_MODULE(Downsample);

struct UpsampleImpl : torch::nn::Module {  // nearest x2 then 3x3 conv named "conv"
  explicit UpsampleImpl(int channels);
  torch::Tensor forward(const torch::Tensor& x, std::optional<std::vector<int64_t>> size = std::nullopt);
  torch::nn::Conv2d conv{nullptr};
};
TORCH_MODULE(Upsample);

// openaimodel.TimestepEmbedSequential: children "0", "1", "2" of the kinds above.
struct EmbedSequentialImpl : torch::nn::Module {
  void add(std::shared_ptr<torch::nn::Module> layer);
  torch::Tensor forward(torch::Tensor x, const torch::Tensor& emb, const torch::Tensor& context,
                        std::optional<std::vector<int64_t>> upsample_size = std::nullopt);
  std::vector<std::shared_ptr<torch::nn::Module>> layers;
};
TORCH_MODULE(EmbedSequential);

struct UNetImpl : torch::nn::Module {
  explicit UNetImpl(const UNetConfig& config);
  // x [N,in_channels,h,w] (h, w any multiple of the total downsampling, non-square allowed),
  // t [N] int64 or float (fractional timesteps allowed), context [N,77*k,context_dim].
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& context);

  UNetConfig config;
  torch::nn::Sequential time_embed{nullptr};
  torch::nn::ModuleList input_blocks{nullptr}, output_blocks{nullptr};
  EmbedSequential middle_block{nullptr};
  torch::nn::Sequential out{nullptr};
};
TORCH_MODULE(UNet);

}  // namespace stipple::nn
