#pragma once
// Prompt encoding beyond 77 tokens (the syntax and the chunking are in prompt_syntax.h).
// Prompts are split into 75-token chunks (backtracking to a comma within 20 tokens), each
// chunk encoded as [BOS] + 75 + [EOS], the hidden states scaled by the weights with the
// mean restored, and the chunks concatenated along the sequence.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "pipeline/prompt_syntax.h"

namespace stipple {

// Encodes with `encode` (ids [1,77] -> hidden states [1,77,C]) chunk by chunk; the result has
// `min_chunks` chunks at least, the extra ones being `empty_chunk` (the empty prompt's), as
// A1111 pads the shorter of prompt and negative prompt. Returns [1, 77*k, C].
torch::Tensor encode_prompt(const std::vector<PromptChunk>& chunks, const PromptChunk& empty_chunk, int min_chunks,
                            const std::function<torch::Tensor(const torch::Tensor& ids)>& encode);

}  // namespace stipple
