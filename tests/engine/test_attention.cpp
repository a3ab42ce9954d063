// The UNet/VAE/CLIP attention against a plain softmax(q k^T * scale + mask) v, on every path:
// fp32 query chunks (of any size), the fp32-score path with a mask,
// and the bf16 blocked path (scores in bf16, a band of query rows or a few heads at a time).
// The op profiler is checked on the same calls: it must see each block's softmax.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

#include "nn/attention.h"
#include "pipeline/op_profile.h"
#include "runtime.h"

namespace {

torch::Tensor reference(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, double scale,
                        const torch::Tensor& mask = {}) {
  auto s = torch::matmul(q.to(torch::kDouble), k.to(torch::kDouble).transpose(-1, -2)) * scale;
  if (mask.defined()) s = s + mask.to(torch::kDouble);
  return torch::matmul(torch::softmax(s, -1), v.to(torch::kDouble));
}

double max_rel_error(const torch::Tensor& out, const torch::Tensor& ref) {
  return ((out.to(torch::kDouble) - ref).abs().max() / ref.abs().max()).item<double>();
}

struct Qkv {
  torch::Tensor q, k, v;
};

Qkv random_qkv(int64_t b, int64_t h, int64_t nq, int64_t nk, int64_t d, torch::ScalarType dtype) {
  torch::manual_seed(7);
  return {torch::randn({b, h, nq, d}).mul(2).to(dtype), torch::randn({b, h, nk, d}).to(dtype),
          torch::randn({b, h, nk, d}).to(dtype)};
}

}  // namespace

TEST(Attention, Fp32ChunksOfAnySizeMatchThePlainFormula) {
  torch::NoGradGuard no_grad;
  const auto t = random_qkv(2, 3, 37, 29, 8, torch::kFloat);
  const double scale = 1 / std::sqrt(8.0);
  const auto ref = reference(t.q, t.k, t.v, scale);
  const auto whole = stipple::nn::attention(t.q, t.k, t.v, scale);
  EXPECT_LT(max_rel_error(whole, ref), 1e-5);
  // One query row per chunk (the budget holds less than one row of scores for all heads).
  const auto rows = stipple::nn::attention(t.q, t.k, t.v, scale, {}, 1);
  EXPECT_LT(max_rel_error(rows, ref), 1e-5);
  EXPECT_EQ(whole.sizes(), t.q.sizes());
}

TEST(Attention, AdditiveMaskIsApplied) {
  torch::NoGradGuard no_grad;
  for (const auto dtype : {torch::kFloat, torch::kBFloat16}) {
    const auto t = random_qkv(1, 2, 12, 12, 16, dtype);
    // A causal mask as CLIP's: -inf above the diagonal.
    const auto mask = torch::full({12, 12}, -std::numeric_limits<float>::infinity()).triu(1);
    const auto ref = reference(t.q, t.k, t.v, 0.25, mask);
    const auto out = stipple::nn::attention(t.q, t.k, t.v, 0.25, mask, 64);
    EXPECT_EQ(out.scalar_type(), dtype);
    EXPECT_LT(max_rel_error(out, ref), dtype == torch::kFloat ? 1e-5 : 1e-2);
    // The first query sees only the first key: its output is that key's value.
    EXPECT_LT((out[0][1][0].to(torch::kDouble) - t.v[0][1][0].to(torch::kDouble)).abs().max().item<double>(), 1e-6);
  }
}

// bf16 blocked path. The bound: inputs rounded to bf16 are exact here (the reference uses the
// same bf16 values); scores, probabilities and output are each rounded to bf16 (2^-9 relative),
// which measured at most 1.2% of max|ref| on these shapes with bf16 instructions (AVX512-BF16):
// bound 2%. Without them LibTorch's fallback kernels round more (2.1% measured on an AVX2-only
// CPU): bound 3% there.
TEST(Attention, Bf16BlocksMatchThePlainFormula) {
  torch::NoGradGuard no_grad;
  const double scale = 1 / std::sqrt(40.0);
  // Several whole heads per block (small scores), and bands of query rows of one head with a
  // remainder (2500 x 2100 bf16 scores are 10 MB per head, beyond one block).
  for (const auto& shape : std::vector<std::array<int64_t, 4>>{{2, 4, 64, 77}, {1, 2, 2500, 2100}}) {
    const auto t = random_qkv(shape[0], shape[1], shape[2], shape[3], 40, torch::kBFloat16);
    const auto ref = reference(t.q, t.k, t.v, scale);
    stipple::OpProfiler profiler;
    profiler.start();
    const auto out = stipple::nn::attention(t.q, t.k, t.v, scale);
    profiler.stop();
    EXPECT_EQ(out.scalar_type(), torch::kBFloat16);
    EXPECT_EQ(out.sizes(), t.q.sizes());
    const double err = max_rel_error(out, ref);
    std::printf("bf16 attention %lldx%lld: max error %.3f%% of max|ref|\n", static_cast<long long>(shape[2]),
                static_cast<long long>(shape[3]), 100 * err);
    EXPECT_LT(err, stipple::runtime_info().cpu_bf16_fast ? 2e-2 : 3e-2);
    // The blocks the profiler saw: one softmax for all heads of a small problem; for the large
    // one, ceil(2500 / rows) per head, rows = 4 MiB of bf16 scores.
    const int64_t rows = stipple::nn::kAttentionBlockBytes / (shape[3] * 2);
    const long expected = shape[2] * shape[3] * 2 * shape[0] * shape[1] <= stipple::nn::kAttentionBlockBytes
                              ? 1
                              : static_cast<long>(shape[0] * shape[1] * ((shape[2] + rows - 1) / rows));
    long softmax_calls = -1, scope_calls = -1;
    for (const auto& op : profiler.ops())
      if (op.name == "aten::_softmax") softmax_calls = op.calls;
    for (const auto& s : profiler.scopes())
      if (s.name == "stipple::attention") scope_calls = s.calls;
    EXPECT_EQ(softmax_calls, expected);
    EXPECT_EQ(scope_calls, 1);
  }
}

// Training runs the same attention under bf16 autocast with gradients on: every path must be
// differentiable (a block written with an out= product is not), and its gradients must match the
// float64 formula's. Bound: as the forward's, 3% of max|ref grad| (bf16 rounding in both passes).
TEST(Attention, Bf16BlocksCarryGradients) {
  const double scale = 1 / std::sqrt(16.0);
  for (const auto& shape : std::vector<std::array<int64_t, 4>>{{2, 2, 48, 48}, {1, 1, 300, 300}}) {
    const auto t = random_qkv(shape[0], shape[1], shape[2], shape[3], 16, torch::kBFloat16);
    const auto upstream = torch::randn(t.q.sizes(), torch::kDouble);
    auto q = t.q.clone().requires_grad_(), k = t.k.clone().requires_grad_(), v = t.v.clone().requires_grad_();
    // 300 x 300 scores in a 64 KiB budget: bands of query rows, the copy path; 48 x 48: whole heads.
    const auto out = stipple::nn::attention(q, k, v, scale, {}, shape[2] == 300 ? 64 * 1024 : 1 << 22);
    (out.to(torch::kDouble) * upstream).sum().backward();
    auto qd = t.q.to(torch::kDouble).requires_grad_(), kd = t.k.to(torch::kDouble).requires_grad_(),
         vd = t.v.to(torch::kDouble).requires_grad_();
    (reference(qd, kd, vd, scale) * upstream).sum().backward();
    for (const auto& [got, want] : {std::pair{q.grad(), qd.grad()}, {k.grad(), kd.grad()}, {v.grad(), vd.grad()}}) {
      ASSERT_TRUE(got.defined());
      EXPECT_LT(max_rel_error(got, want), 3e-2);
    }
  }
}

TEST(OpProfiler, SelfTimesAddUpAndStopEndsObservation) {
  torch::NoGradGuard no_grad;
  const auto a = torch::randn({256, 256});
  stipple::OpProfiler profiler;
  profiler.start();
  for (int i = 0; i < 3; ++i) (void)torch::mm(a, a);
  profiler.stop();
  (void)torch::mm(a, a);  // not observed
  long mm_calls = 0;
  double self = 0;
  for (const auto& op : profiler.ops()) {
    if (op.name == "aten::mm") mm_calls = op.calls;
    EXPECT_GE(op.total_seconds + 1e-9, op.self_seconds) << op.name;
    self += op.self_seconds;
  }
  EXPECT_EQ(mm_calls, 3);
  EXPECT_GT(profiler.observed_seconds(), 0);
  EXPECT_LE(self, profiler.observed_seconds() + 1e-6);
  const auto text = stipple::op_profile_text(profiler);
  EXPECT_NE(text.find("aten::mm"), std::string::npos) << text;
}
