#include "nn/unet.h"

#include <stdexcept>

namespace stipple::nn {

namespace {

// GroupNorm32(32, C) followed by SiLU; index 0 and 1 of ldm's Sequential blocks.
torch::nn::Sequential norm_silu_conv(int in, int out) {
  return torch::nn::Sequential(GroupNorm32(32, in, 1e-5), torch::nn::SiLU(), conv2d(in, out, 3, 1, 1));
}

}  // namespace

ResBlockImpl::ResBlockImpl(int channels, int emb_channels, int out_channels) {
  in_layers = register_module("in_layers", norm_silu_conv(channels, out_channels));
  emb_layers = register_module("emb_layers", torch::nn::Sequential(torch::nn::SiLU(), linear(emb_channels, out_channels)));
  out_layers = register_module("out_layers",
                               torch::nn::Sequential(GroupNorm32(32, out_channels, 1e-5), torch::nn::SiLU(),
                                                     torch::nn::Dropout(0.0), conv2d(out_channels, out_channels, 3, 1, 1)));
  if (channels != out_channels) skip_connection = register_module("skip_connection", conv2d(channels, out_channels, 1));
}

torch::Tensor ResBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& emb) {
  RECORD_USER_SCOPE("stipple::ResBlock");
  auto h = in_layers->forward(x);
  auto e = emb_layers->forward(emb).to(h.scalar_type());
  h = h + e.unsqueeze(-1).unsqueeze(-1);
  h = out_layers->forward(h);
  return (skip_connection ? skip_connection(x) : x) + h;
}

BasicTransformerBlockImpl::BasicTransformerBlockImpl(int dim, int heads, int dim_head, int context_dim) {
  attn1 = register_module("attn1", CrossAttention(dim, dim, heads, dim_head));
  // ff = FeedForward(dim, glu=True): net.0 = GEGLU (proj: dim -> 2*4*dim), net.1 dropout, net.2 linear.
  auto geglu = std::make_shared<torch::nn::Module>();
  ff_proj = geglu->register_module("proj", linear(dim, dim * 4 * 2));
  auto net = torch::nn::ModuleList();
  net->push_back(geglu);
  net->push_back(torch::nn::Dropout(0.0));
  ff_out = linear(dim * 4, dim);
  net->push_back(ff_out);
  auto ff = std::make_shared<torch::nn::Module>();
  ff->register_module("net", net);
  register_module("ff", ff);
  attn2 = register_module("attn2", CrossAttention(dim, context_dim, heads, dim_head));
  norm1 = register_module("norm1", LayerNorm32(dim));
  norm2 = register_module("norm2", LayerNorm32(dim));
  norm3 = register_module("norm3", LayerNorm32(dim));
}

torch::Tensor BasicTransformerBlockImpl::forward(const torch::Tensor& x_in, const torch::Tensor& context) {
  RECORD_USER_SCOPE("stipple::TransformerBlock");
  auto x = attn1(norm1(x_in)) + x_in;
  x = attn2(norm2(x), context) + x;
  auto feed_forward = [&] {
    RECORD_USER_SCOPE("stipple::FeedForward");
    auto proj = ff_proj(norm3(x)).chunk(2, -1);
    // GELU on the gate half as a contiguous tensor: on the strided chunk LibTorch's CPU kernel
    // is not vectorised (a tenth of a second per block at 512x512).
    return ff_out(proj[0] * torch::gelu(proj[1].contiguous()));
  };
  return feed_forward() + x;
}

SpatialTransformerImpl::SpatialTransformerImpl(int channels, int heads, int dim_head, int depth, int context_dim,
                                               bool use_linear_)
    : use_linear(use_linear_) {
  const int inner = heads * dim_head;
  norm = register_module("norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(32, channels).eps(1e-6)));
  if (use_linear) {
    proj_in = torch::nn::AnyModule(register_module("proj_in", linear(channels, inner)));
    proj_out = torch::nn::AnyModule(register_module("proj_out", linear(inner, channels)));
  } else {
    proj_in = torch::nn::AnyModule(register_module("proj_in", conv2d(channels, inner, 1)));
    proj_out = torch::nn::AnyModule(register_module("proj_out", conv2d(inner, channels, 1)));
  }
  transformer_blocks = register_module("transformer_blocks", torch::nn::ModuleList());
  for (int d = 0; d < depth; ++d) transformer_blocks->push_back(BasicTransformerBlock(inner, heads, dim_head, context_dim));
}

torch::Tensor SpatialTransformerImpl::forward(const torch::Tensor& x_in, const torch::Tensor& context) {
  RECORD_USER_SCOPE("stipple::SpatialTransformer");
  const auto b = x_in.size(0), h = x_in.size(2), w = x_in.size(3);
  // GroupNorm statistics in fp32 (norms lose too much precision in bf16).
  auto x = torch::group_norm(x_in.to(torch::kFloat), 32, norm->weight.to(torch::kFloat), norm->bias.to(torch::kFloat),
                             norm->options.eps())
               .to(x_in.scalar_type());
  if (!use_linear) x = proj_in.forward(x);
  const auto c = x.size(1);
  x = x.permute({0, 2, 3, 1}).reshape({b, h * w, c});  // b c h w -> b (h w) c
  if (use_linear) x = proj_in.forward(x);
  for (const auto& block : *transformer_blocks) x = block->as<BasicTransformerBlock>()->forward(x, context);
  if (use_linear) x = proj_out.forward(x);
  x = x.reshape({b, h, w, x.size(2)}).permute({0, 3, 1, 2}).contiguous();
  if (!use_linear) x = proj_out.forward(x);
  return x + x_in;
}

DownsampleImpl::DownsampleImpl(int channels) { op = register_module("op", conv2d(channels, channels, 3, 2, 1)); }

torch::Tensor DownsampleImpl::forward(const torch::Tensor& x) { return op(x); }

UpsampleImpl::UpsampleImpl(int channels) { conv = register_module("conv", conv2d(channels, channels, 3, 1, 1)); }

torch::Tensor UpsampleImpl::forward(const torch::Tensor& x, std::optional<std::vector<int64_t>> size) {
  auto opts = torch::nn::functional::InterpolateFuncOptions().mode(torch::kNearest);
  if (size)
    opts.size(*size);
  else
    opts.scale_factor(std::vector<double>{2.0, 2.0});
  return conv(torch::nn::functional::interpolate(x, opts));
}

void EmbedSequentialImpl::add(std::shared_ptr<torch::nn::Module> layer) {
  register_module(std::to_string(layers.size()), layer);
  layers.push_back(std::move(layer));
}

torch::Tensor EmbedSequentialImpl::forward(torch::Tensor x, const torch::Tensor& emb, const torch::Tensor& context,
                                           std::optional<std::vector<int64_t>> upsample_size) {
  for (const auto& layer : layers) {
    if (auto* r = dynamic_cast<ResBlockImpl*>(layer.get()))
      x = r->forward(x, emb);
    else if (auto* st = dynamic_cast<SpatialTransformerImpl*>(layer.get()))
      x = st->forward(x, context);
    else if (auto* d = dynamic_cast<DownsampleImpl*>(layer.get()))
      x = d->forward(x);
    else if (auto* u = dynamic_cast<UpsampleImpl*>(layer.get()))
      x = u->forward(x, upsample_size);
    else if (auto* c = dynamic_cast<torch::nn::Conv2dImpl*>(layer.get()))
      x = c->forward(x);
    else
      throw std::logic_error("EmbedSequential: unsupported layer " + layer->name());
  }
  return x;
}

UNetImpl::UNetImpl(const UNetConfig& cfg) : config(cfg) {
  const int mc = cfg.model_channels, ted = cfg.time_embed_dim();
  time_embed = register_module("time_embed", torch::nn::Sequential(linear(mc, ted), torch::nn::SiLU(), linear(ted, ted)));

  auto transformer = [&](int ch) {
    auto [heads, dim_head] = cfg.heads_for(ch);
    return SpatialTransformer(ch, heads, dim_head, cfg.transformer_depth, cfg.context_dim, cfg.use_linear_in_transformer);
  };
  auto has_attention = [&](int ds) {
    for (int r : cfg.attention_resolutions)
      if (r == ds) return true;
    return false;
  };

  input_blocks = register_module("input_blocks", torch::nn::ModuleList());
  {
    EmbedSequential first;
    first->add(conv2d(cfg.in_channels, mc, 3, 1, 1).ptr());
    input_blocks->push_back(first);
  }
  std::vector<int> chans{mc};
  int ch = mc, ds = 1;
  const int levels = static_cast<int>(cfg.channel_mult.size());
  for (int level = 0; level < levels; ++level) {
    for (int i = 0; i < cfg.num_res_blocks; ++i) {
      EmbedSequential block;
      block->add(ResBlock(ch, ted, cfg.channel_mult[level] * mc).ptr());
      ch = cfg.channel_mult[level] * mc;
      if (has_attention(ds)) block->add(transformer(ch).ptr());
      input_blocks->push_back(block);
      chans.push_back(ch);
    }
    if (level != levels - 1) {
      EmbedSequential down;
      down->add(Downsample(ch).ptr());
      input_blocks->push_back(down);
      chans.push_back(ch);
      ds *= 2;
    }
  }

  middle_block = register_module("middle_block", EmbedSequential());
  middle_block->add(ResBlock(ch, ted, ch).ptr());
  middle_block->add(transformer(ch).ptr());
  middle_block->add(ResBlock(ch, ted, ch).ptr());

  output_blocks = register_module("output_blocks", torch::nn::ModuleList());
  for (int level = levels - 1; level >= 0; --level) {
    for (int i = 0; i <= cfg.num_res_blocks; ++i) {
      const int skip = chans.back();
      chans.pop_back();
      EmbedSequential block;
      block->add(ResBlock(ch + skip, ted, mc * cfg.channel_mult[level]).ptr());
      ch = mc * cfg.channel_mult[level];
      if (has_attention(ds)) block->add(transformer(ch).ptr());
      if (level > 0 && i == cfg.num_res_blocks) {
        block->add(Upsample(ch).ptr());
        ds /= 2;
      }
      output_blocks->push_back(block);
    }
  }
  out = register_module("out", torch::nn::Sequential(GroupNorm32(32, ch, 1e-5), torch::nn::SiLU(),
                                                     conv2d(mc, cfg.out_channels, 3, 1, 1)));
}

torch::Tensor UNetImpl::forward(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& context) {
  if (x.dim() != 4 || x.size(1) != config.in_channels)
    throw std::invalid_argument("UNet: expected x [N," + std::to_string(config.in_channels) + ",h,w], got " +
                                c10::str(x.sizes()));
  if (context.dim() != 3 || context.size(2) != config.context_dim || context.size(0) != x.size(0))
    throw std::invalid_argument("UNet: expected context [" + std::to_string(x.size(0)) + ",L," +
                                std::to_string(config.context_dim) + "], got " + c10::str(context.sizes()));
  auto tt = t.dim() == 0 ? t.reshape({1}).expand({x.size(0)}) : t;
  if (tt.size(0) != x.size(0))
    throw std::invalid_argument("UNet: expected one timestep per batch element, got t " + c10::str(t.sizes()));
  const auto dtype = time_embed->parameters().front().scalar_type();
  auto emb = time_embed->forward(timestep_embedding(tt.to(x.device()), config.model_channels).to(dtype));
  auto h = x.to(dtype);
  auto ctx = context.to(dtype);
  std::vector<torch::Tensor> hs;
  for (const auto& m : *input_blocks) {
    h = m->as<EmbedSequential>()->forward(h, emb, ctx);
    hs.push_back(h);
  }
  h = middle_block->forward(h, emb, ctx);
  for (size_t i = 0; i < output_blocks->size(); ++i) {
    auto skip = hs.back();
    hs.pop_back();
    h = torch::cat({h, skip}, 1);
    // The upsample target is the size of the next skip connection, so odd latent sizes work too.
    std::optional<std::vector<int64_t>> up_size;
    if (!hs.empty()) up_size = std::vector<int64_t>{hs.back().size(2), hs.back().size(3)};
    h = (*output_blocks)[i]->as<EmbedSequential>()->forward(h, emb, ctx, up_size);
  }
  return out->forward(h).to(x.scalar_type());
}

}  // namespace stipple::nn
