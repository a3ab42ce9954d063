#pragma once
// Where a model's CLIP vocabulary comes from. Single-file checkpoints carry no tokenizer, so
// Stipple looks, in order: the path the user gave (--tokenizer: a bpe_simple_vocab_16e6.txt.gz
// or a folder with HF vocab.json + merges.txt); the model's own tokenizer/ folder (diffusers);
// tokenizer files next to a single-file checkpoint; Stipple's data directory.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "text/clip_tokenizer.h"

namespace stipple {

// Loads the tokenizer for `model` (a checkpoint file or a diffusers folder). Throws an error
// that lists every place looked at and what to provide when none has a vocabulary.
ClipTokenizer load_tokenizer_for(const std::filesystem::path& model,
                                 const std::optional<std::filesystem::path>& explicit_path = std::nullopt);

// Loads a vocabulary from a .txt.gz merges file, or a folder holding vocab.json + merges.txt.
ClipTokenizer load_tokenizer_at(const std::filesystem::path& path);

// Stipple's data directories searched last (installed share/stipple/tokenizers, the user's
// ~/.local/share/stipple/tokenizers, and STIPPLE_DATA_DIR/tokenizers when set).
std::vector<std::filesystem::path> tokenizer_data_dirs();

}  // namespace stipple
