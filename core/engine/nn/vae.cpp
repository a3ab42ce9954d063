#include "nn/vae.h"

#include <algorithm>
#include <cmath>
#include <vector>
#include <stdexcept>

#include "nn/attention.h"

namespace stipple::nn {

namespace {
torch::Tensor swish(const torch::Tensor& x) { return torch::silu(x); }
}  // namespace

VaeResBlockImpl::VaeResBlockImpl(int in, int out) {
  norm1 = register_module("norm1", GroupNorm32(32, in, 1e-6));
  conv1 = register_module("conv1", conv2d(in, out, 3, 1, 1));
  norm2 = register_module("norm2", GroupNorm32(32, out, 1e-6));
  conv2 = register_module("conv2", conv2d(out, out, 3, 1, 1));
  if (in != out) nin_shortcut = register_module("nin_shortcut", conv2d(in, out, 1));
}

torch::Tensor VaeResBlockImpl::forward(const torch::Tensor& x) {
  auto h = conv1(swish(norm1(x)));
  h = conv2(swish(norm2(h)));
  return (nin_shortcut ? nin_shortcut(x) : x) + h;
}

VaeAttnBlockImpl::VaeAttnBlockImpl(int c) {
  norm = register_module("norm", GroupNorm32(32, c, 1e-6));
  q = register_module("q", conv2d(c, c, 1));
  k = register_module("k", conv2d(c, c, 1));
  v = register_module("v", conv2d(c, c, 1));
  proj_out = register_module("proj_out", conv2d(c, c, 1));
}

torch::Tensor VaeAttnBlockImpl::forward(const torch::Tensor& x) {
  auto h = norm(x);
  const auto b = x.size(0), c = x.size(1), hh = x.size(2), ww = x.size(3);
  // [B,C,H,W] -> [B,1,HW,C]: one head over all channels.
  auto to_seq = [&](const torch::Tensor& t) { return t.reshape({b, 1, c, hh * ww}).transpose(2, 3); };
  auto o = attention(to_seq(q(h)), to_seq(k(h)), to_seq(v(h)), 1.0 / std::sqrt(static_cast<double>(c)));
  o = o.transpose(2, 3).reshape({b, c, hh, ww});
  return x + proj_out(o);
}

VaeMidImpl::VaeMidImpl(int c) {
  block_1 = register_module("block_1", VaeResBlock(c, c));
  attn_1 = register_module("attn_1", VaeAttnBlock(c));
  block_2 = register_module("block_2", VaeResBlock(c, c));
}

torch::Tensor VaeMidImpl::forward(const torch::Tensor& x) { return block_2(attn_1(block_1(x))); }

VaeEncoderImpl::VaeEncoderImpl(const VaeConfig& c) {
  conv_in = register_module("conv_in", conv2d(c.in_channels, c.ch, 3, 1, 1));
  down = register_module("down", torch::nn::ModuleList());
  const int levels = static_cast<int>(c.ch_mult.size());
  int block_in = c.ch;
  for (int i = 0; i < levels; ++i) {
    VaeLevel level;
    level->block = level->register_module("block", torch::nn::ModuleList());
    const int block_out = c.ch * c.ch_mult[i];
    for (int j = 0; j < c.num_res_blocks; ++j) {
      level->block->push_back(VaeResBlock(block_in, block_out));
      block_in = block_out;
    }
    if (i != levels - 1) {
      auto holder = std::make_shared<torch::nn::Module>();
      level->resample = holder->register_module("conv", conv2d(block_in, block_in, 3, 2, 0));
      level->register_module("downsample", holder);
    }
    down->push_back(level);
  }
  mid = register_module("mid", VaeMid(block_in));
  norm_out = register_module("norm_out", GroupNorm32(32, block_in, 1e-6));
  conv_out = register_module("conv_out", conv2d(block_in, 2 * c.z_channels, 3, 1, 1));
}

torch::Tensor VaeEncoderImpl::forward(const torch::Tensor& x) {
  auto h = conv_in(x);
  for (const auto& m : *down) {
    auto level = m->as<VaeLevel>();
    for (const auto& b : *level->block) h = b->as<VaeResBlock>()->forward(h);
    if (level->resample) {
      // model.Downsample pads (0,1,0,1) before its stride-2 conv (no symmetric padding).
      h = level->resample(torch::constant_pad_nd(h, {0, 1, 0, 1}, 0));
    }
  }
  h = mid(h);
  return conv_out(swish(norm_out(h)));
}

VaeDecoderImpl::VaeDecoderImpl(const VaeConfig& c) {
  const int levels = static_cast<int>(c.ch_mult.size());
  int block_in = c.ch * c.ch_mult.back();
  conv_in = register_module("conv_in", conv2d(c.z_channels, block_in, 3, 1, 1));
  mid = register_module("mid", VaeMid(block_in));
  // up[i] serves level i; built from the deepest level upwards as model.Decoder does.
  std::vector<VaeLevel> built(levels, nullptr);
  for (int i = levels - 1; i >= 0; --i) {
    VaeLevel level;
    level->block = level->register_module("block", torch::nn::ModuleList());
    const int block_out = c.ch * c.ch_mult[i];
    for (int j = 0; j <= c.num_res_blocks; ++j) {
      level->block->push_back(VaeResBlock(block_in, block_out));
      block_in = block_out;
    }
    if (i != 0) {
      auto holder = std::make_shared<torch::nn::Module>();
      level->resample = holder->register_module("conv", conv2d(block_in, block_in, 3, 1, 1));
      level->register_module("upsample", holder);
    }
    built[i] = level;
  }
  up = register_module("up", torch::nn::ModuleList());
  for (auto& level : built) up->push_back(level);
  norm_out = register_module("norm_out", GroupNorm32(32, block_in, 1e-6));
  conv_out = register_module("conv_out", conv2d(block_in, c.out_ch, 3, 1, 1));
}

torch::Tensor VaeDecoderImpl::forward(const torch::Tensor& z) {
  auto h = mid(conv_in(z));
  for (int i = static_cast<int>(up->size()) - 1; i >= 0; --i) {
    auto level = (*up)[i]->as<VaeLevel>();
    for (const auto& b : *level->block) h = b->as<VaeResBlock>()->forward(h);
    if (level->resample) {
      h = torch::nn::functional::interpolate(
          h, torch::nn::functional::InterpolateFuncOptions().scale_factor(std::vector<double>{2.0, 2.0}).mode(torch::kNearest));
      h = level->resample(h);
    }
  }
  return conv_out(swish(norm_out(h)));
}

AutoencoderKLImpl::AutoencoderKLImpl(const VaeConfig& c) : config(c) {
  encoder = register_module("encoder", VaeEncoder(c));
  decoder = register_module("decoder", VaeDecoder(c));
  quant_conv = register_module("quant_conv", conv2d(2 * c.z_channels, 2 * c.embed_dim, 1));
  post_quant_conv = register_module("post_quant_conv", conv2d(c.embed_dim, c.z_channels, 1));
}

std::vector<int64_t> tile_starts(int64_t length, int64_t tile, int64_t overlap) {
  if (length <= 0 || tile <= 0) throw std::invalid_argument("tile_starts: length and tile must be positive");
  if (length <= tile) return {0};
  overlap = std::clamp<int64_t>(overlap, 0, tile - 1);
  const int64_t stride = tile - overlap;
  const int64_t n = 1 + (length - tile + stride - 1) / stride;
  std::vector<int64_t> starts;
  for (int64_t i = 0; i < n; ++i) starts.push_back((i * (length - tile) + (n - 1) / 2) / (n - 1));
  return starts;
}

namespace {

// Weights of one tile along one axis: 1 inside, rising linearly over `ramp` samples from each edge
// that has a neighbour (an edge on the image border keeps full weight).
torch::Tensor ramp_weights(int64_t start, int64_t size, int64_t length, int64_t ramp, const torch::TensorOptions& o) {
  auto pos = torch::arange(size, o).add_(0.5);
  auto w = torch::ones({size}, o);
  if (ramp > 0 && start > 0) w = torch::minimum(w, pos / ramp);
  if (ramp > 0 && start + size < length) w = torch::minimum(w, (static_cast<double>(size) - pos) / ramp);
  return w;
}

// Runs `fn` on overlapping tiles of `in` ([N,C,H,W]) and blends the outputs, which are `scale` times
// larger (decode: 8) or smaller (encode: 1/8) than their inputs. Tile geometry is in input units.
template <typename Fn>
torch::Tensor run_tiled(const torch::Tensor& in, int64_t tile, int64_t overlap, double scale, Fn fn) {
  const int64_t h = in.size(2), w = in.size(3);
  const auto ys = tile_starts(h, tile, overlap), xs = tile_starts(w, tile, overlap);
  const int64_t th = std::min(tile, h), tw = std::min(tile, w);
  const auto out_len = [&](int64_t n) { return static_cast<int64_t>(std::llround(n * scale)); };
  const auto fopts = torch::TensorOptions().dtype(torch::kFloat).device(in.device());
  torch::Tensor out, weight;
  for (int64_t y : ys) {
    for (int64_t x : xs) {
      auto piece = fn(in.narrow(2, y, th).narrow(3, x, tw)).to(torch::kFloat);
      if (!out.defined()) {
        out = torch::zeros({in.size(0), piece.size(1), out_len(h), out_len(w)}, fopts);
        weight = torch::zeros({1, 1, out_len(h), out_len(w)}, fopts);
      }
      const int64_t oy = out_len(y), ox = out_len(x), oh = piece.size(2), ow = piece.size(3);
      const int64_t ramp = out_len(overlap);
      auto wy = ramp_weights(oy, oh, out.size(2), ramp, fopts).view({1, 1, oh, 1});
      auto wx = ramp_weights(ox, ow, out.size(3), ramp, fopts).view({1, 1, 1, ow});
      auto wt = wy * wx;
      out.narrow(2, oy, oh).narrow(3, ox, ow).add_(piece * wt);
      weight.narrow(2, oy, oh).narrow(3, ox, ow).add_(wt);
    }
  }
  return out / weight;
}

}  // namespace

VaeMoments AutoencoderKLImpl::encode(const torch::Tensor& x) {
  if (x.dim() != 4 || x.size(1) != config.in_channels)
    throw std::invalid_argument("VAE encode: expected an image [N," + std::to_string(config.in_channels) +
                                ",H,W], got " + c10::str(x.sizes()));
  if (!tiling.applies(x.size(2), x.size(3))) return encode_whole(x);
  const int64_t f = config.downsample_factor();
  const int64_t tile = std::max<int64_t>(f, tiling.tile / f * f);
  const int64_t overlap = std::min(tiling.overlap / f * f, tile - f);
  // Blend the posterior's mean and log-variance as one tensor, then split them again.
  auto both = run_tiled(x, tile, overlap, 1.0 / static_cast<double>(f), [&](const torch::Tensor& t) {
    auto m = encode_whole(t);
    return torch::cat({m.mean, m.logvar}, 1);
  });
  auto parts = both.chunk(2, 1);
  return {parts[0].contiguous(), parts[1].contiguous()};
}

void AutoencoderKLImpl::place(const torch::Device& device, torch::ScalarType dtype) {
  to(device, dtype);
  channels_last = device.is_cpu() && dtype == torch::kBFloat16;
  const auto format = channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
  for (auto& p : parameters())
    if (p.dim() == 4) p.set_data(p.contiguous(format));
}

namespace {

torch::Tensor in_format(const torch::Tensor& x, torch::ScalarType dtype, bool channels_last) {
  auto y = x.to(dtype);
  return channels_last ? y.contiguous(at::MemoryFormat::ChannelsLast) : y;
}

}  // namespace

VaeMoments AutoencoderKLImpl::encode_whole(const torch::Tensor& x) {
  const auto dtype = quant_conv->weight.scalar_type();
  auto moments = quant_conv(encoder(in_format(x, dtype, channels_last))).to(torch::kFloat).contiguous();
  auto parts = moments.chunk(2, 1);
  return {parts[0], torch::clamp(parts[1], -30.0, 20.0)};
}

torch::Tensor AutoencoderKLImpl::decode(const torch::Tensor& z) {
  if (z.dim() != 4 || z.size(1) != config.embed_dim)
    throw std::invalid_argument("VAE decode: expected a latent [N," + std::to_string(config.embed_dim) +
                                ",h,w], got " + c10::str(z.sizes()));
  const int64_t f = config.downsample_factor();
  if (!tiling.applies(z.size(2) * f, z.size(3) * f)) return decode_whole(z);
  const int64_t tile = std::max<int64_t>(1, tiling.tile / f);
  const int64_t overlap = std::min(tiling.overlap / f, tile - 1);
  return run_tiled(z, tile, overlap, static_cast<double>(f), [&](const torch::Tensor& t) { return decode_whole(t); });
}

torch::Tensor AutoencoderKLImpl::decode_whole(const torch::Tensor& z) {
  const auto dtype = post_quant_conv->weight.scalar_type();
  return decoder(post_quant_conv(in_format(z, dtype, channels_last))).to(torch::kFloat).contiguous();
}

}  // namespace stipple::nn
