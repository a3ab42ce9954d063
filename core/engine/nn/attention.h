#pragma once
// Multi-head attention used by the UNet's transformers, the VAE's attention block and CLIP.
#include <torch/torch.h>

namespace stipple::nn {

// softmax(q k^T * scale + mask) v for q [B,H,Nq,D], k/v [B,H,Nk,D], mask broadcastable to
// [B,H,Nq,Nk] (additive) or undefined. Memory-bounded: the query rows are processed in
// chunks so the score matrix never exceeds `max_score_bytes`. In fp32, or with a mask, scores
// and softmax run in fp32; bf16/fp16 inputs without a mask keep the scores in their dtype
// (softmax still accumulates in fp32) and work in blocks of at most kAttentionBlockBytes.
inline constexpr int64_t kAttentionBlockBytes = 4ll << 20;
torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                        double scale, const torch::Tensor& mask = {}, int64_t max_score_bytes = 256ll << 20);

// ldm attention.CrossAttention: to_q/to_k/to_v (no bias), to_out.0 (with bias), to_out.1 dropout.
struct CrossAttentionImpl : torch::nn::Module {
  CrossAttentionImpl(int query_dim, int context_dim, int heads, int dim_head);
  // x [B,N,query_dim]; context [B,M,context_dim] or undefined for self-attention.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context = {});
  torch::nn::Linear to_q{nullptr}, to_k{nullptr}, to_v{nullptr};
  torch::nn::Sequential to_out{nullptr};
  int heads, dim_head;
};
TORCH_MODULE(CrossAttention);

// [B,N,H*D] -> [B,H,N,D] and back.
torch::Tensor split_heads(const torch::Tensor& x, int heads);
torch::Tensor merge_heads(const torch::Tensor& x);

}  // namespace stipple::nn
