// The CLIP byte-level BPE tokenizer used by Stable Diffusion's text encoders,
// reproducing openai/CLIP clip/simple_tokenizer.py (d05afc4) SimpleTokenizer
// and HF transformers CLIPTokenizer (with ftfy) id for id: SD1 (HF CLIP) and
// SD2 (open_clip, which vendors the same SimpleTokenizer) condition on these
// ids, so a single differing id changes the image. Pure C++ (zlib, ICU,
// nlohmann/json); no Qt, no torch.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace stipple {

class ClipTokenizer {
 public:
  // Merges kept from the vocabulary files: 49152 - 256 - 2, as both originals
  // slice them (bpe_simple_vocab_16e6.txt.gz holds 262145).
  static constexpr int kMergeCount = 49152 - 256 - 2;
  static constexpr int kContextLength = 77;

  // OpenAI's bpe_simple_vocab_16e6.txt.gz (SimpleTokenizer.__init__): the
  // vocabulary is the 256 byte symbols, the same with "</w>", one token per
  // merge, then <|startoftext|> and <|endoftext|> (49408 entries).
  // Throws std::runtime_error naming the file: missing/unreadable, not gzip or
  // corrupt, fewer merges than needed, malformed merges line N (1-based, in
  // the file, counting the header line).
  static ClipTokenizer from_bpe_gz(const std::string& path);

  // HF layout (CLIPTokenizer.__init__): vocab.json {token: id} and merges.txt
  // (a "#version" header line, then "a b" lines). Special ids are looked up by
  // their token strings. Throws std::runtime_error naming the file on missing
  // files, bad JSON, a vocabulary without the special tokens, or bad merges.
  static ClipTokenizer from_hf_files(const std::string& vocab_json, const std::string& merges_txt);

  // BPE ids of the cleaned text, without BOS/EOS (SimpleTokenizer.encode).
  // Throws std::runtime_error if a BPE piece is missing from the vocabulary,
  // which only an inconsistent vocab.json/merges.txt pair can cause.
  std::vector<int> encode(std::string_view text) const;

  // [BOS] + first context_length-2 ids + [EOS], padded to context_length with
  // pad_id: open_clip.tokenize (SD2 pads with 0) and HF CLIPTokenizer with
  // padding="max_length", truncation=True (SD1 pads with EOS, 49407).
  std::vector<int64_t> encode_padded(std::string_view text, int64_t pad_id,
                                     int context_length = kContextLength) const;

  // BPE token strings in the byte-to-unicode alphabet ("a</w>", "ðŁĲ±"), for
  // debugging and for comparing with the reference's token lists.
  std::vector<std::string> tokens(std::string_view text) const;

  int bos_id() const { return bos_id_; }
  int eos_id() const { return eos_id_; }
  size_t vocab_size() const { return encoder_.size(); }
  // Token string of an id; empty for ids the vocabulary does not define.
  const std::string& token_string(int id) const;

 private:
  struct BpeCache;
  ClipTokenizer();

  void build_from(std::vector<std::pair<std::string, std::string>> merges);
  std::vector<int> bpe_ids(const std::string& pretoken) const;
  std::vector<std::string> bpe(const std::string& byte_encoded) const;

  std::array<std::string, 256> byte_encoder_;       // bytes_to_unicode(), as UTF-8
  std::unordered_map<std::string, int> encoder_;    // token string -> id
  std::vector<std::string> decoder_;                // id -> token string
  std::unordered_map<std::string, int> bpe_ranks_;  // "first second" -> rank
  int bos_id_ = -1;
  int eos_id_ = -1;
  std::shared_ptr<BpeCache> cache_;  // shared by copies; guarded by its mutex
};

}  // namespace stipple
