#pragma once
// CLIP text transformers in the two layouts Stable Diffusion checkpoints use:
//  - SD1: HF transformers CLIPTextModel under "cond_stage_model.transformer.text_model."
//    (quick-GELU, separate q/k/v projections);
//  - SD2: OpenCLIP under "cond_stage_model.model." (GELU, packed in_proj, text_projection).
#include <torch/torch.h>

#include "nn/config.h"
#include "nn/layers.h"

namespace stipple::nn {

struct TextEncoderOutput {
  torch::Tensor last;         // final LayerNorm(last layer)                     [B,77,C]
  torch::Tensor penultimate;  // final LayerNorm(layer L-1): "clip skip 2"       [B,77,C]
  torch::Tensor penultimate_raw;  // layer L-1 without the final LayerNorm       [B,77,C]
};

// Common interface so the pipeline does not care which layout a model uses.
struct TextEncoder {
  virtual ~TextEncoder() = default;
  // ids [B,77] int64. `skip` counts layers from the end (1 = last, 2 = penultimate, ...);
  // the final LayerNorm is applied to the chosen layer, as A1111 and SD2 do.
  virtual torch::Tensor encode(const torch::Tensor& ids, int skip) = 0;
  virtual TextEncoderOutput encode_all(const torch::Tensor& ids) = 0;
};

struct HfClipLayerImpl : torch::nn::Module {
  HfClipLayerImpl(int width, int heads, bool quick_gelu = true);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& causal_mask);
  torch::nn::Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr}, fc1{nullptr}, fc2{nullptr};
  LayerNorm32 layer_norm1{nullptr}, layer_norm2{nullptr};
  int heads;
  bool quick_gelu;  // false: exact gelu (SD2's OpenCLIP tower in HF layout)
};
TORCH_MODULE(HfClipLayer);

// Registered as the "text_model" level: embeddings.{token_embedding,position_embedding},
// encoder.layers.N, final_layer_norm.
struct HfClipTextImpl : torch::nn::Module, TextEncoder {
  explicit HfClipTextImpl(const TextConfig& c);
  torch::Tensor encode(const torch::Tensor& ids, int skip) override;
  TextEncoderOutput encode_all(const torch::Tensor& ids) override;
  // Hidden states after the embeddings (index 0) and after each layer (1..L).
  std::vector<torch::Tensor> hidden_states(const torch::Tensor& ids, int up_to_layer);
  TextConfig config;
  torch::nn::Embedding token_embedding{nullptr}, position_embedding{nullptr};
  torch::nn::ModuleList layers{nullptr};
  LayerNorm32 final_layer_norm{nullptr};
};
TORCH_MODULE(HfClipText);

struct OpenClipBlockImpl : torch::nn::Module {
  OpenClipBlockImpl(int width, int heads);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& causal_mask);
  LayerNorm32 ln_1{nullptr}, ln_2{nullptr};
  torch::Tensor in_proj_weight, in_proj_bias;  // attn.in_proj_*: packed q,k,v [3C,C]
  torch::nn::Linear out_proj{nullptr}, c_fc{nullptr}, c_proj{nullptr};
  int heads;
};
TORCH_MODULE(OpenClipBlock);

struct OpenClipTextImpl : torch::nn::Module, TextEncoder {
  explicit OpenClipTextImpl(const TextConfig& c);
  torch::Tensor encode(const torch::Tensor& ids, int skip) override;
  TextEncoderOutput encode_all(const torch::Tensor& ids) override;
  std::vector<torch::Tensor> hidden_states(const torch::Tensor& ids, int up_to_layer);
  TextConfig config;
  torch::nn::Embedding token_embedding{nullptr};
  torch::Tensor positional_embedding, text_projection, logit_scale;
  torch::nn::ModuleList resblocks{nullptr};
  LayerNorm32 ln_final{nullptr};
};
TORCH_MODULE(OpenClipText);

// Additive causal mask [1,1,L,L]: -inf above the diagonal.
torch::Tensor causal_mask(int64_t length, torch::Device device);

}  // namespace stipple::nn
