#include "nn/flops.h"

#include <cmath>
#include <vector>

namespace stipple {

UNetFlops count_unet_flops(const UNetConfig& c, int batch, int h, int w, int context_len) {
  UNetFlops f;
  const double B = batch;
  auto conv = [&](double cin, double cout, double k, double hh, double ww) { f.conv += 2 * B * cin * cout * k * k * hh * ww; };
  auto linear = [&](double in, double out, double tokens) { f.linear += 2 * B * in * out * tokens; };
  const int ted = c.time_embed_dim();
  linear(c.model_channels, ted, 1);
  linear(ted, ted, 1);
  auto resblock = [&](double cin, double cout, double hh, double ww) {
    conv(cin, cout, 3, hh, ww);
    conv(cout, cout, 3, hh, ww);
    linear(ted, cout, 1);
    if (cin != cout) conv(cin, cout, 1, hh, ww);
  };
  auto transformer = [&](double ch, double hh, double ww) {
    const auto [heads, dim_head] = c.heads_for(static_cast<int>(ch));
    const double inner = static_cast<double>(heads) * dim_head, n = hh * ww, m = context_len;
    // proj_in/proj_out: 1x1 convolutions in SD1, linear layers in SD2 (same work).
    auto proj = [&](double in, double out) {
      if (c.use_linear_in_transformer)
        linear(in, out, n);
      else
        conv(in, out, 1, hh, ww);
    };
    proj(ch, inner);
    for (int d = 0; d < c.transformer_depth; ++d) {
      linear(inner, 3 * inner, n);                 // self-attention q, k, v
      f.attention += 2 * 2 * B * n * n * inner;    // QK^T and AV
      linear(inner, inner, n);                     // to_out
      linear(inner, inner, n);                     // cross-attention q
      linear(c.context_dim, 2 * inner, m);         // k, v from the context
      f.attention += 2 * 2 * B * n * m * inner;
      linear(inner, inner, n);
      linear(inner, 8 * inner, n);                 // GEGLU projection
      linear(4 * inner, inner, n);
    }
    proj(inner, ch);
  };
  auto has_attention = [&](int ds) {
    for (int r : c.attention_resolutions)
      if (r == ds) return true;
    return false;
  };
  double hh = h, ww = w;
  conv(c.in_channels, c.model_channels, 3, hh, ww);
  std::vector<int> chans{c.model_channels};
  std::vector<std::pair<double, double>> sizes{{hh, ww}};
  int ch = c.model_channels, ds = 1;
  const int levels = static_cast<int>(c.channel_mult.size());
  for (int level = 0; level < levels; ++level) {
    for (int i = 0; i < c.num_res_blocks; ++i) {
      const int out = c.channel_mult[level] * c.model_channels;
      resblock(ch, out, hh, ww);
      ch = out;
      if (has_attention(ds)) transformer(ch, hh, ww);
      chans.push_back(ch);
      sizes.emplace_back(hh, ww);
    }
    if (level != levels - 1) {
      hh = std::floor((hh + 1) / 2);  // stride-2 conv with padding 1: ceil(h / 2)
      ww = std::floor((ww + 1) / 2);
      conv(ch, ch, 3, hh, ww);  // stride-2 conv, counted at its output size
      chans.push_back(ch);
      sizes.emplace_back(hh, ww);
      ds *= 2;
    }
  }
  resblock(ch, ch, hh, ww);
  transformer(ch, hh, ww);
  resblock(ch, ch, hh, ww);
  for (int level = levels - 1; level >= 0; --level) {
    for (int i = 0; i <= c.num_res_blocks; ++i) {
      const int skip = chans.back();
      chans.pop_back();
      sizes.pop_back();
      const int out = c.model_channels * c.channel_mult[level];
      resblock(ch + skip, out, hh, ww);
      ch = out;
      if (has_attention(ds)) transformer(ch, hh, ww);
      if (level > 0 && i == c.num_res_blocks) {
        hh = sizes.back().first;
        ww = sizes.back().second;
        conv(ch, ch, 3, hh, ww);  // after nearest upsampling
        ds /= 2;
      }
    }
  }
  conv(c.model_channels, c.out_channels, 3, hh, ww);
  return f;
}

}  // namespace stipple
