#include "nn/attention.h"

#include <algorithm>
#include <cmath>

#include <torch/version.h>

#include "nn/layers.h"

namespace stipple::nn {

torch::Tensor split_heads(const torch::Tensor& x, int heads) {
  const auto b = x.size(0), n = x.size(1), c = x.size(2);
  return x.reshape({b, n, heads, c / heads}).permute({0, 2, 1, 3});
}

torch::Tensor merge_heads(const torch::Tensor& x) {
  const auto b = x.size(0), h = x.size(1), n = x.size(2), d = x.size(3);
  return x.permute({0, 2, 1, 3}).reshape({b, n, h * d});
}

torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, double scale,
                        const torch::Tensor& mask, int64_t max_score_bytes) {
  RECORD_USER_SCOPE("stipple::attention");
  const auto b = q.size(0), h = q.size(1), nq = q.size(2), d = q.size(3), nk = k.size(2);
  const auto out_dtype = q.scalar_type();
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
  // On a GPU, LibTorch 2.1+ has fused attention kernels (flash / memory-efficient): they never
  // hold the [N, N] scores and keep the softmax in fp32. The CPU keeps the chunked path below, whose
  // numerics the parity tests pin.
  if (!q.is_cpu()) {
    if (mask.defined())
      return at::scaled_dot_product_attention(q, k, v, mask.to(q.scalar_type()), 0.0, false, scale);
    return at::scaled_dot_product_attention(q, k, v, {}, 0.0, false, scale);
  }
#endif
  // Flatten batch and heads for bmm: [B*H, N, D].
  auto q3 = q.reshape({b * h, nq, d});
  auto kt = k.reshape({b * h, nk, d}).transpose(1, 2);
  auto v3 = v.reshape({b * h, nk, d});
  auto out = torch::empty({b * h, nq, d}, q.options());
  if (!mask.defined() && out_dtype != torch::kFloat && out_dtype != torch::kDouble) {
    // bf16/fp16: the scores stay in the compute dtype and softmax reads them directly (LibTorch
    // accumulates reduced-precision softmax in fp32, so the probabilities equal an fp32 softmax
    // of the same scores, rounded once). The scale is applied inside the score GEMM. Work goes
    // in cache-sized blocks (a few heads, or a band of query rows of one head), which avoids the
    // fp32 copies of the whole score matrix: 4x faster at 512x512 than the fp32-score path.
    const int64_t elem = static_cast<int64_t>(q.element_size());
    const int64_t budget = std::min<int64_t>(max_score_bytes, kAttentionBlockBytes);
    const int64_t head_bytes = nq * nk * elem;
    const int64_t heads_per = std::max<int64_t>(1, budget / std::max<int64_t>(head_bytes, 1));
    const int64_t rows = heads_per > 1 ? nq : std::max<int64_t>(1, std::min<int64_t>(nq, budget / std::max<int64_t>(nk * elem, 1)));
    const auto zero = torch::zeros({}, q.options());
    // bmm_out has no autograd formula: when training, each block's product is copied in instead.
    const bool grad = torch::GradMode::is_enabled() && (q.requires_grad() || k.requires_grad() || v.requires_grad());
    for (int64_t h0 = 0; h0 < b * h; h0 += heads_per) {
      const int64_t hn = std::min(heads_per, b * h - h0);
      auto qh = q3.narrow(0, h0, hn), kh = kt.narrow(0, h0, hn), vh = v3.narrow(0, h0, hn);
      auto oh = out.narrow(0, h0, hn);
      for (int64_t start = 0; start < nq; start += rows) {
        const int64_t len = std::min(rows, nq - start);
        auto probs = torch::_softmax(torch::baddbmm(zero, qh.narrow(1, start, len), kh, 0.0, scale), -1, false);
        if (len == nq && !grad)
          torch::bmm_out(oh, probs, vh);
        else
          oh.narrow(1, start, len).copy_(torch::bmm(probs, vh));
      }
    }
    return out.reshape({b, h, nq, d});
  }
  // fp32, or a mask: scores and softmax in fp32, in query chunks of at most max_score_bytes.
  torch::Tensor mask3;
  if (mask.defined()) mask3 = mask.expand({b, h, nq, nk}).reshape({b * h, nq, nk});
  const int64_t row_bytes = b * h * nk * static_cast<int64_t>(sizeof(float));
  const int64_t chunk = std::max<int64_t>(1, std::min<int64_t>(nq, max_score_bytes / std::max<int64_t>(row_bytes, 1)));
  for (int64_t start = 0; start < nq; start += chunk) {
    const int64_t len = std::min(chunk, nq - start);
    auto scores = torch::bmm(q3.narrow(1, start, len), kt).to(torch::kFloat).mul_(scale);
    if (mask3.defined()) scores.add_(mask3.narrow(1, start, len));
    auto probs = torch::softmax(scores, -1).to(out_dtype);
    out.narrow(1, start, len).copy_(torch::bmm(probs, v3));
  }
  return out.reshape({b, h, nq, d});
}

CrossAttentionImpl::CrossAttentionImpl(int query_dim, int context_dim, int heads_, int dim_head_)
    : heads(heads_), dim_head(dim_head_) {
  const int inner = heads * dim_head;
  to_q = register_module("to_q", linear(query_dim, inner, false));
  to_k = register_module("to_k", linear(context_dim, inner, false));
  to_v = register_module("to_v", linear(context_dim, inner, false));
  to_out = register_module("to_out", torch::nn::Sequential(linear(inner, query_dim), torch::nn::Dropout(0.0)));
}

torch::Tensor CrossAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& context) {
  const auto& ctx = context.defined() ? context : x;
  auto q = split_heads(to_q(x), heads);
  auto k = split_heads(to_k(ctx), heads);
  auto v = split_heads(to_v(ctx), heads);
  auto o = attention(q, k, v, 1.0 / std::sqrt(static_cast<double>(dim_head)));
  return to_out->forward(merge_heads(o));
}

}  // namespace stipple::nn
