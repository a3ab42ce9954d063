// The CLIP tokenizer on arbitrary bytes: text cleaning (ftfy-like fixes, HTML unescape, NFC,
// whitespace), the regex pre-split and BPE, then the 75-token chunking with A1111's prompt
// syntax. Invalid UTF-8 included: never throws, every id is in the vocabulary, and padded
// sequences have the promised length. The vocabulary is OpenAI's (../shared/golden) or, where
// that is missing, the hand-written one in this folder.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "pipeline/prompt_syntax.h"
#include "text/clip_tokenizer.h"

namespace {

const stipple::ClipTokenizer& tokenizer() {
  static const std::unique_ptr<stipple::ClipTokenizer> tok = [] {
    namespace fs = std::filesystem;
    // The source tree: STIPPLE_SOURCE_DIR in the environment (CTest sets it for the replay), else
    // the path the libFuzzer build compiles in.
    const char* src = std::getenv("STIPPLE_SOURCE_DIR");
#ifdef STIPPLE_SOURCE_DIR
    if (!src || !*src) src = STIPPLE_SOURCE_DIR;
#endif
    if (!src || !*src) {
      std::fprintf(stderr, "fuzz_clip_tokenizer: set STIPPLE_SOURCE_DIR to the Stipple checkout\n");
      std::exit(2);
    }
    const char* env = std::getenv("STIPPLE_GOLDEN_DIR");
    const fs::path golden = env ? fs::path(env) : fs::path(src) / ".." / "shared" / "golden";
    if (fs::exists(golden / "bpe_simple_vocab_16e6.txt.gz"))
      return std::make_unique<stipple::ClipTokenizer>(
          stipple::ClipTokenizer::from_bpe_gz((golden / "bpe_simple_vocab_16e6.txt.gz").string()));
    const fs::path here = fs::path(src) / "tests" / "fuzz" / "vocab";
    return std::make_unique<stipple::ClipTokenizer>(stipple::ClipTokenizer::from_hf_files(
        (here / "vocab.json").string(), (here / "merges.txt").string()));
  }();
  return *tok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& tok = tokenizer();
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto ids = tok.encode(text);
  for (int id : ids)
    if (id < 0 || static_cast<size_t>(id) >= tok.vocab_size()) __builtin_trap();
  const auto padded = tok.encode_padded(text, tok.eos_id());
  if (padded.size() != stipple::ClipTokenizer::kContextLength || padded.front() != tok.bos_id()) __builtin_trap();
  const auto chunks = stipple::tokenize_prompt(tok, text, tok.eos_id());
  if (chunks.empty()) __builtin_trap();
  for (const auto& c : chunks)
    if (c.ids.size() != 77 || c.multipliers.size() != 77 || c.token_count > 75) __builtin_trap();
  stipple::fuzz::keep(ids.size() + chunks.size());
  return 0;
}
