#include "pipeline/prompt.h"

namespace stipple {

torch::Tensor encode_prompt(const std::vector<PromptChunk>& chunks, const PromptChunk& empty_chunk, int min_chunks,
                            const std::function<torch::Tensor(const torch::Tensor& ids)>& encode) {
  auto encode_chunk = [&](const PromptChunk& c) {
    auto ids = torch::tensor(c.ids, torch::kLong).unsqueeze(0);
    auto z = encode(ids).to(torch::kFloat);
    bool weighted = false;
    for (float m : c.multipliers) weighted |= (m != 1.0f);
    if (!weighted) return z;
    // Scale each token's hidden state by its weight, then restore the original mean (A1111).
    auto w = torch::tensor(c.multipliers, torch::kFloat).to(z.device()).view({1, -1, 1});
    const auto original_mean = z.mean();
    z = z * w;
    return z * (original_mean / z.mean());
  };
  std::vector<torch::Tensor> parts;
  for (const auto& c : chunks) parts.push_back(encode_chunk(c));
  if (static_cast<int>(parts.size()) < min_chunks) {
    const auto empty = encode_chunk(empty_chunk);
    while (static_cast<int>(parts.size()) < min_chunks) parts.push_back(empty);
  }
  return torch::cat(parts, 1);
}

}  // namespace stipple
