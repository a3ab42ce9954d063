#include "nn/clip_text.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "nn/attention.h"

namespace stipple::nn {

namespace {

void check_ids(const torch::Tensor& ids, const TextConfig& c) {
  if (ids.dim() != 2 || ids.size(1) > c.context_length)
    throw std::invalid_argument("text encoder: expected token ids [B,<=" + std::to_string(c.context_length) +
                                "], got " + c10::str(ids.sizes()));
  if (ids.numel() > 0) {
    const auto lo = ids.min().item<int64_t>(), hi = ids.max().item<int64_t>();
    if (lo < 0 || hi >= c.vocab_size)
      throw std::invalid_argument("text encoder: token id " + std::to_string(lo < 0 ? lo : hi) +
                                  " is outside the vocabulary of " + std::to_string(c.vocab_size));
  }
}

int layer_for_skip(int skip, int layers) {
  if (skip < 1 || skip > layers)
    throw std::invalid_argument("clip skip " + std::to_string(skip) + " is outside 1.." + std::to_string(layers));
  return layers - (skip - 1);
}

torch::Tensor mha(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, int heads,
                  const torch::Tensor& mask) {
  const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1) / heads));
  return merge_heads(attention(split_heads(q, heads), split_heads(k, heads), split_heads(v, heads), scale, mask));
}

}  // namespace

torch::Tensor causal_mask(int64_t length, torch::Device device) {
  return torch::full({length, length}, -std::numeric_limits<float>::infinity(),
                     torch::TensorOptions().dtype(torch::kFloat).device(device))
      .triu(1)
      .view({1, 1, length, length});
}

HfClipLayerImpl::HfClipLayerImpl(int width, int heads_, bool quick_gelu_) : heads(heads_), quick_gelu(quick_gelu_) {
  auto self_attn = std::make_shared<torch::nn::Module>();
  k_proj = self_attn->register_module("k_proj", linear(width, width));
  v_proj = self_attn->register_module("v_proj", linear(width, width));
  q_proj = self_attn->register_module("q_proj", linear(width, width));
  out_proj = self_attn->register_module("out_proj", linear(width, width));
  register_module("self_attn", self_attn);
  layer_norm1 = register_module("layer_norm1", LayerNorm32(width));
  auto mlp = std::make_shared<torch::nn::Module>();
  fc1 = mlp->register_module("fc1", linear(width, width * 4));
  fc2 = mlp->register_module("fc2", linear(width * 4, width));
  register_module("mlp", mlp);
  layer_norm2 = register_module("layer_norm2", LayerNorm32(width));
}

torch::Tensor HfClipLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& mask) {
  auto h = layer_norm1(x);
  auto x1 = x + out_proj(mha(q_proj(h), k_proj(h), v_proj(h), heads, mask));
  auto m = fc1(layer_norm2(x1));
  // quick_gelu is OpenAI CLIP ViT-L/14's activation; OpenCLIP ViT-H (SD2) uses exact gelu.
  m = quick_gelu ? m * torch::sigmoid(1.702 * m) : torch::gelu(m);
  return x1 + fc2(m);
}

HfClipTextImpl::HfClipTextImpl(const TextConfig& c) : config(c) {
  auto embeddings = std::make_shared<torch::nn::Module>();
  token_embedding = embeddings->register_module("token_embedding", torch::nn::Embedding(c.vocab_size, c.width));
  position_embedding = embeddings->register_module("position_embedding", torch::nn::Embedding(c.context_length, c.width));
  // Checkpoints carry embeddings.position_ids (sometimes as floats with rounding damage). It is
  // not a weight: Stipple always uses arange, the value it is meant to hold.
  register_module("embeddings", embeddings);
  auto encoder = std::make_shared<torch::nn::Module>();
  layers = encoder->register_module("layers", torch::nn::ModuleList());
  for (int i = 0; i < c.layers; ++i) layers->push_back(HfClipLayer(c.width, c.heads, c.quick_gelu));
  register_module("encoder", encoder);
  final_layer_norm = register_module("final_layer_norm", LayerNorm32(c.width));
}

std::vector<torch::Tensor> HfClipTextImpl::hidden_states(const torch::Tensor& ids, int up_to_layer) {
  check_ids(ids, config);
  const auto device = token_embedding->weight.device();
  auto ids_d = ids.to(device);
  const auto n = ids.size(1);
  auto pos = torch::arange(n, torch::TensorOptions().dtype(torch::kLong).device(device)).unsqueeze(0);
  auto x = token_embedding(ids_d) + position_embedding(pos);
  auto mask = causal_mask(n, device);
  std::vector<torch::Tensor> states{x};
  for (int i = 0; i < up_to_layer; ++i) {
    x = (*layers)[i]->as<HfClipLayer>()->forward(x, mask);
    states.push_back(x);
  }
  return states;
}

torch::Tensor HfClipTextImpl::encode(const torch::Tensor& ids, int skip) {
  const int layer = layer_for_skip(skip, config.layers);
  return final_layer_norm(hidden_states(ids, layer).back()).to(torch::kFloat);
}

TextEncoderOutput HfClipTextImpl::encode_all(const torch::Tensor& ids) {
  auto states = hidden_states(ids, config.layers);
  auto pen = states[states.size() - 2];
  return {final_layer_norm(states.back()).to(torch::kFloat), final_layer_norm(pen).to(torch::kFloat),
          pen.to(torch::kFloat)};
}

OpenClipBlockImpl::OpenClipBlockImpl(int width, int heads_) : heads(heads_) {
  ln_1 = register_module("ln_1", LayerNorm32(width));
  auto attn = std::make_shared<torch::nn::Module>();
  in_proj_weight = attn->register_parameter("in_proj_weight", torch::empty({3 * width, width}));
  in_proj_bias = attn->register_parameter("in_proj_bias", torch::zeros({3 * width}));
  out_proj = attn->register_module("out_proj", linear(width, width));
  register_module("attn", attn);
  torch::nn::init::xavier_uniform_(in_proj_weight);
  ln_2 = register_module("ln_2", LayerNorm32(width));
  auto mlp = std::make_shared<torch::nn::Module>();
  c_fc = mlp->register_module("c_fc", linear(width, width * 4));
  c_proj = mlp->register_module("c_proj", linear(width * 4, width));
  register_module("mlp", mlp);
}

torch::Tensor OpenClipBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& mask) {
  auto h = ln_1(x);
  auto qkv = torch::nn::functional::linear(h, in_proj_weight, in_proj_bias).chunk(3, -1);
  auto x1 = x + out_proj(mha(qkv[0], qkv[1], qkv[2], heads, mask));
  return x1 + c_proj(torch::gelu(c_fc(ln_2(x1))));
}

OpenClipTextImpl::OpenClipTextImpl(const TextConfig& c) : config(c) {
  token_embedding = register_module("token_embedding", torch::nn::Embedding(c.vocab_size, c.width));
  positional_embedding = register_parameter("positional_embedding", torch::zeros({c.context_length, c.width}));
  auto transformer = std::make_shared<torch::nn::Module>();
  resblocks = transformer->register_module("resblocks", torch::nn::ModuleList());
  for (int i = 0; i < c.layers; ++i) resblocks->push_back(OpenClipBlock(c.width, c.heads));
  register_module("transformer", transformer);
  ln_final = register_module("ln_final", LayerNorm32(c.width));
  // Not used for conditioning, but part of the checkpoint: kept so strict loading sees every key.
  const int proj = c.projection_dim > 0 ? c.projection_dim : c.width;
  text_projection = register_parameter("text_projection", torch::zeros({c.width, proj}));
  logit_scale = register_parameter("logit_scale", torch::zeros({}));
}

std::vector<torch::Tensor> OpenClipTextImpl::hidden_states(const torch::Tensor& ids, int up_to_layer) {
  check_ids(ids, config);
  const auto device = token_embedding->weight.device();
  const auto n = ids.size(1);
  auto x = token_embedding(ids.to(device)) + positional_embedding.narrow(0, 0, n).unsqueeze(0);
  auto mask = causal_mask(n, device);
  std::vector<torch::Tensor> states{x};
  for (int i = 0; i < up_to_layer; ++i) {
    x = (*resblocks)[i]->as<OpenClipBlock>()->forward(x, mask);
    states.push_back(x);
  }
  return states;
}

torch::Tensor OpenClipTextImpl::encode(const torch::Tensor& ids, int skip) {
  const int layer = layer_for_skip(skip, config.layers);
  return ln_final(hidden_states(ids, layer).back()).to(torch::kFloat);
}

TextEncoderOutput OpenClipTextImpl::encode_all(const torch::Tensor& ids) {
  auto states = hidden_states(ids, config.layers);
  auto pen = states[states.size() - 2];
  return {ln_final(states.back()).to(torch::kFloat), ln_final(pen).to(torch::kFloat), pen.to(torch::kFloat)};
}

}  // namespace stipple::nn
