#include "text/tokenizer_files.h"

#include <cstdlib>
#include <stdexcept>

#include "runtime.h"

namespace stipple {

namespace fs = std::filesystem;

namespace {

// A folder qualifies if it has vocab.json + merges.txt or the OpenAI merges file.
std::optional<fs::path> vocabulary_in(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_regular_file(dir / "vocab.json", ec) && fs::is_regular_file(dir / "merges.txt", ec)) return dir;
  if (fs::is_regular_file(dir / "bpe_simple_vocab_16e6.txt.gz", ec)) return dir / "bpe_simple_vocab_16e6.txt.gz";
  return std::nullopt;
}

}  // namespace

std::vector<fs::path> tokenizer_data_dirs() {
  std::vector<fs::path> dirs;
  for (const auto& d : data_dirs()) dirs.push_back(d / "tokenizers");
  return dirs;
}

ClipTokenizer load_tokenizer_at(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    if (auto found = vocabulary_in(path)) {
      if (fs::is_directory(*found, ec))
        return ClipTokenizer::from_hf_files((*found / "vocab.json").string(), (*found / "merges.txt").string());
      return ClipTokenizer::from_bpe_gz(found->string());
    }
    throw std::runtime_error(path.string() + ": no vocab.json + merges.txt or bpe_simple_vocab_16e6.txt.gz in this folder");
  }
  if (!fs::exists(path, ec)) throw std::runtime_error(path.string() + ": tokenizer file not found");
  if (path.extension() == ".json" && path.filename() == "vocab.json")
    return ClipTokenizer::from_hf_files(path.string(), (path.parent_path() / "merges.txt").string());
  return ClipTokenizer::from_bpe_gz(path.string());
}

ClipTokenizer load_tokenizer_for(const fs::path& model, const std::optional<fs::path>& explicit_path) {
  if (explicit_path) return load_tokenizer_at(*explicit_path);
  std::error_code ec;
  std::vector<fs::path> looked;
  auto try_dir = [&](const fs::path& dir) -> std::optional<ClipTokenizer> {
    looked.push_back(dir);
    if (auto found = vocabulary_in(dir)) return load_tokenizer_at(*found);
    return std::nullopt;
  };
  if (fs::is_directory(model, ec)) {
    if (auto t = try_dir(model / "tokenizer")) return *t;
  } else {
    const fs::path dir = model.has_parent_path() ? model.parent_path() : fs::path(".");
    if (auto t = try_dir(dir / (model.stem().string() + ".tokenizer"))) return *t;
    if (auto t = try_dir(dir)) return *t;
  }
  for (const auto& dir : tokenizer_data_dirs())
    if (auto t = try_dir(dir)) return *t;
  std::string msg = "no CLIP tokenizer vocabulary found for " + model.string() + ". Looked in:";
  for (const auto& d : looked) msg += "\n  " + d.string();
  msg += "\nProvide one with --tokenizer PATH: the bpe_simple_vocab_16e6.txt.gz file from OpenAI CLIP, or a folder "
         "with vocab.json and merges.txt (the tokenizer/ folder of the model's diffusers release), or copy it into "
         "one of the folders above.";
  throw std::runtime_error(msg);
}

}  // namespace stipple
