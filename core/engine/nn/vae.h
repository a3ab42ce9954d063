#pragma once
// The KL autoencoder of latent diffusion (ldm/modules/diffusionmodules/model.py Encoder/Decoder
// and ldm AutoencoderKL). Module names are the checkpoint's key segments below "first_stage_model.".
#include <torch/torch.h>

#include "nn/config.h"
#include "nn/layers.h"

namespace stipple::nn {

// model.ResnetBlock without time embedding: norm1, conv1, norm2, conv2, nin_shortcut.
struct VaeResBlockImpl : torch::nn::Module {
  VaeResBlockImpl(int in, int out);
  torch::Tensor forward(const torch::Tensor& x);
  GroupNorm32 norm1{nullptr}, norm2{nullptr};
  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, nin_shortcut{nullptr};
};
TORCH_MODULE(VaeResBlock);

// model.AttnBlock: single-head spatial self-attention with 1x1 conv projections.
struct VaeAttnBlockImpl : torch::nn::Module {
  explicit VaeAttnBlockImpl(int channels);
  torch::Tensor forward(const torch::Tensor& x);
  GroupNorm32 norm{nullptr};
  torch::nn::Conv2d q{nullptr}, k{nullptr}, v{nullptr}, proj_out{nullptr};
};
TORCH_MODULE(VaeAttnBlock);

// One resolution level: "block" list, optional "downsample.conv" / "upsample.conv".
struct VaeLevelImpl : torch::nn::Module {
  torch::nn::ModuleList block{nullptr};
  torch::nn::Conv2d resample{nullptr};
};
TORCH_MODULE(VaeLevel);

struct VaeMidImpl : torch::nn::Module {
  explicit VaeMidImpl(int channels);
  torch::Tensor forward(const torch::Tensor& x);
  VaeResBlock block_1{nullptr}, block_2{nullptr};
  VaeAttnBlock attn_1{nullptr};
};
TORCH_MODULE(VaeMid);

struct VaeEncoderImpl : torch::nn::Module {
  explicit VaeEncoderImpl(const VaeConfig& c);
  torch::Tensor forward(const torch::Tensor& x);  // [N,3,H,W] in [-1,1] -> [N,2*z,H/f,W/f]
  torch::nn::Conv2d conv_in{nullptr}, conv_out{nullptr};
  torch::nn::ModuleList down{nullptr};
  VaeMid mid{nullptr};
  GroupNorm32 norm_out{nullptr};
};
TORCH_MODULE(VaeEncoder);

struct VaeDecoderImpl : torch::nn::Module {
  explicit VaeDecoderImpl(const VaeConfig& c);
  torch::Tensor forward(const torch::Tensor& z);  // [N,z,h,w] -> [N,3,h*f,w*f]
  torch::nn::Conv2d conv_in{nullptr}, conv_out{nullptr};
  torch::nn::ModuleList up{nullptr};
  VaeMid mid{nullptr};
  GroupNorm32 norm_out{nullptr};
};
TORCH_MODULE(VaeDecoder);

// Large images go through the VAE in overlapping square tiles whose outputs are blended with linear
// ramps across the overlaps. The decoder's activations grow with the pixel count (about 1 GB per
// 512x512 image in fp32), so tiles bound the memory of a 2048x2048 decode to that of one tile.
// Each tile normalises with its own statistics, so a tiled result is close to, not equal to, the
// whole-image one; the overlaps hide the boundaries (tests/engine/test_vae_tiling.cpp measures both).
struct VaeTiling {
  int64_t max_pixels = 1024 * 1024;  // images with more pixels than this use tiles; 0: always, -1: never
  int64_t tile = 512;                // tile side in pixels (rounded down to the VAE's factor)
  int64_t overlap = 128;             // pixels neighbouring tiles share, blended
  bool applies(int64_t height, int64_t width) const {
    return max_pixels >= 0 && height * width > max_pixels && (height > tile || width > tile);
  }
};

// Starts of tiles of `tile` covering [0, length), neighbours sharing at least `overlap`, spread
// evenly so that the last tile ends at `length`.
std::vector<int64_t> tile_starts(int64_t length, int64_t tile, int64_t overlap);

struct VaeMoments {
  torch::Tensor mean, logvar;  // [N,embed_dim,h,w]; logvar clamped to [-30, 20] as DiagonalGaussianDistribution
};

struct AutoencoderKLImpl : torch::nn::Module {
  explicit AutoencoderKLImpl(const VaeConfig& c);
  VaeMoments encode(const torch::Tensor& x);  // image in [-1,1]; tiled as `tiling` says
  torch::Tensor decode(const torch::Tensor& z);  // raw latent (no scale factor); tiled as `tiling` says
  VaeMoments encode_whole(const torch::Tensor& x);
  torch::Tensor decode_whole(const torch::Tensor& z);
  // Moves the module to `device` in `dtype`. bf16 on the CPU also stores the convolution
  // weights channels-last and runs the networks on channels-last activations: oneDNN's bf16
  // convolutions are 20% faster on them at 256-512 px (fp32 is slower, so it stays NCHW).
  void place(const torch::Device& device, torch::ScalarType dtype);
  VaeConfig config;
  bool channels_last = false;
  VaeTiling tiling;
  VaeEncoder encoder{nullptr};
  VaeDecoder decoder{nullptr};
  torch::nn::Conv2d quant_conv{nullptr}, post_quant_conv{nullptr};
};
TORCH_MODULE(AutoencoderKL);

}  // namespace stipple::nn
