#pragma once
// Builds a small CLIP tokenizer in the HF layout (vocab.json + merges.txt) for a closed
// vocabulary, so the bundled model's text encoder needs a few hundred embedding rows instead of
// CLIP's 49408. The layout is CLIP's own: 256 byte symbols (GPT-2's bytes_to_unicode order),
// the same 256 with "</w>", one token per merge, then <|startoftext|> and <|endoftext|> last
// (so EOS, which SD1 also pads with, is vocab_size - 1). Any text still tokenizes (byte
// fallback); every word of the vocabulary becomes exactly one token. Torch-free.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace stipple::train {

struct BuiltTokenizer {
  std::vector<std::string> vocab;                            // token string per id
  std::vector<std::pair<std::string, std::string>> merges;   // in rank order
};

// Learns merges over `words` (lower-case ASCII; each weighted once) the way BPE training does,
// most frequent pair first, ties broken by the pair's text, until every word is one symbol; then
// checks each word with the encoder's own algorithm and adds merges for any it would split.
BuiltTokenizer build_tokenizer(const std::vector<std::string>& words);

// Writes vocab.json, merges.txt ("#version: 0.2" header), tokenizer_config.json and
// special_tokens_map.json into `dir` (created), each atomically.
void write_tokenizer(const BuiltTokenizer& tokenizer, const std::filesystem::path& dir, int context_length = 77);

// GPT-2/CLIP bytes_to_unicode(): the printable symbol (UTF-8) standing for each byte.
std::vector<std::string> byte_symbols();

}  // namespace stipple::train
