#pragma once
// Prompt syntax as A1111 defines it, and prompt encoding beyond 77 tokens:
//   (text) x1.1, ((text)) x1.21, (text:1.3), [text] /1.1, \( \) \[ \] escapes, BREAK.
// Prompts are split into 75-token chunks (backtracking to a comma within 20 tokens), each
// chunk encoded as [BOS] + 75 + [EOS], the hidden states scaled by the weights with the
// mean restored, and the chunks concatenated along the sequence.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "text/clip_tokenizer.h"

namespace stipple {

// [(text, weight)] with runs of equal weight merged; BREAK appears as ("BREAK", -1).
std::vector<std::pair<std::string, double>> parse_prompt_attention(const std::string& prompt);

struct PromptChunk {
  std::vector<int64_t> ids;        // 77 ids: BOS + 75 + EOS, padding after the first EOS
  std::vector<float> multipliers;  // 77 weights (1 for BOS/EOS/padding)
  int token_count = 0;             // real tokens in this chunk (for the "34/75" counter)
};

// Splits a parsed prompt into chunks (at least one).
std::vector<PromptChunk> tokenize_prompt(const ClipTokenizer& tokenizer, const std::string& prompt, int64_t pad_id);

// Encodes with `encode` (ids [1,77] -> hidden states [1,77,C]) chunk by chunk; the result has
// `min_chunks` chunks at least, the extra ones being `empty_chunk` (the empty prompt's), as
// A1111 pads the shorter of prompt and negative prompt. Returns [1, 77*k, C].
torch::Tensor encode_prompt(const std::vector<PromptChunk>& chunks, const PromptChunk& empty_chunk, int min_chunks,
                            const std::function<torch::Tensor(const torch::Tensor& ids)>& encode);

}  // namespace stipple
