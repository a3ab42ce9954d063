#pragma once
// Prompt syntax as A1111 defines it, and the split into 75-token chunks (torch-free):
//   (text) x1.1, ((text)) x1.21, (text:1.3), [text] /1.1, \( \) \[ \] escapes, BREAK.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

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

}  // namespace stipple
