// See clip_tokenizer.h. Function comments name the part of
// openai/CLIP clip/simple_tokenizer.py (or HF CLIPTokenizer) they follow.
#include "text/clip_tokenizer.h"

#include "text/text_clean.h"

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace stipple {

namespace {

constexpr std::string_view kStartOfText = "<|startoftext|>";
constexpr std::string_view kEndOfText = "<|endoftext|>";

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw std::runtime_error("CLIP tokenizer: '" + path + "': " + what);
}

// simple_tokenizer.bytes_to_unicode(): printable Latin-1 bytes map to
// themselves, the other 68 to U+0100.. in byte order, so BPE never sees
// whitespace or control characters. Returned in the original's dict order,
// which is also the order of the first 256 vocabulary entries.
std::vector<std::pair<int, char32_t>> bytes_to_unicode() {
  std::vector<std::pair<int, char32_t>> out;
  auto printable = [](int b) {
    return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
  };
  for (int b = 0; b < 256; ++b)
    if (printable(b)) out.emplace_back(b, static_cast<char32_t>(b));
  int n = 0;
  for (int b = 0; b < 256; ++b)
    if (!printable(b)) out.emplace_back(b, static_cast<char32_t>(256 + n++));
  return out;
}

// Splits a merges line on whitespace as Python's str.split() does for the
// ASCII whitespace these files can contain.
std::vector<std::string> split_ws(std::string_view line) {
  std::vector<std::string> parts;
  size_t i = 0;
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; };
  while (i < line.size()) {
    while (i < line.size() && ws(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !ws(line[i])) ++i;
    if (i > start) parts.emplace_back(line.substr(start, i - start));
  }
  return parts;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (true) {
    const size_t nl = text.find('\n', pos);
    lines.push_back(
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

void require_regular_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) fail(path, "file not found");
  if (!std::filesystem::is_regular_file(path, ec)) fail(path, "not a regular file");
}

std::string read_gzip(const std::string& path) {
  require_regular_file(path);
  {
    // gzread would pass non-gzip data through unchanged ("transparent"
    // mode); demand the gzip magic so a wrong file is reported as such.
    std::ifstream probe(path, std::ios::binary);
    char magic[2] = {0, 0};
    if (!probe.read(magic, 2) || static_cast<unsigned char>(magic[0]) != 0x1F ||
        static_cast<unsigned char>(magic[1]) != 0x8B)
      fail(path, "not a gzip file (bad magic bytes)");
  }
  gzFile gz = gzopen(path.c_str(), "rb");
  if (!gz) fail(path, std::string("cannot open: ") + std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(gz, buf, sizeof buf)) > 0) data.append(buf, static_cast<size_t>(n));
  int err = Z_OK;
  const char* msg = gzerror(gz, &err);
  const std::string detail = msg ? msg : "";
  gzclose(gz);
  if (n < 0 || (err != Z_OK && err != Z_STREAM_END)) fail(path, "corrupt gzip data: " + detail);
  return data;
}

std::string read_file(const std::string& path) {
  require_regular_file(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) fail(path, "read error");
  return ss.str();
}

// Parses one "first second" merge; `line_no` is 1-based within the file.
std::pair<std::string, std::string> parse_merge(const std::string& path, std::string_view line,
                                                size_t line_no) {
  std::vector<std::string> parts = split_ws(line);
  if (parts.size() != 2)
    fail(path, "malformed merges line " + std::to_string(line_no) + ": expected 2 symbols, got " +
                   std::to_string(parts.size()) + " in \"" + std::string(line.substr(0, 80)) +
                   "\"");
  return {std::move(parts[0]), std::move(parts[1])};
}

// --- pre-tokenization ------------------------------------------------------
// simple_tokenizer's pattern, compiled with the `regex` module and IGNORECASE:
//   <\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+
// findall() tries the alternatives in order at each position and skips
// characters that match none (spaces).

uint32_t gc_mask(char32_t c) { return U_GET_GC_MASK(static_cast<UChar32>(c)); }
bool is_letter(char32_t c) { return (gc_mask(c) & U_GC_L_MASK) != 0; }
bool is_number(char32_t c) { return (gc_mask(c) & U_GC_N_MASK) != 0; }
// The `regex` module's \s: Unicode White_Space (no U+001C..U+001F, unlike re).
bool is_regex_space(char32_t c) {
  return text_detail::is_python_space(c) && !(c >= 0x1C && c <= 0x1F);
}
// A negated class under IGNORECASE rejects a character when any of its case
// variants is in the class: U+0345 (folds to iota) matches no alternative.
bool is_other(char32_t c) {
  if (is_regex_space(c) || is_letter(c) || is_number(c)) return false;
  const UChar32 u = static_cast<UChar32>(c);
  for (UChar32 v : {u_foldCase(u, U_FOLD_CASE_DEFAULT), u_tolower(u), u_toupper(u), u_totitle(u)})
    if (v != u && ((U_GET_GC_MASK(v) & (U_GC_L_MASK | U_GC_N_MASK)) != 0)) return false;
  return true;
}

// Case-insensitive literal match as `regex` does it (simple case folding):
// besides ASCII case, 'ſ' matches s, KELVIN SIGN k, and 'İ' i.
bool literal_eq(char32_t c, char lit) {
  if (c == static_cast<char32_t>(lit)) return true;
  if (lit >= 'a' && lit <= 'z' && c == static_cast<char32_t>(lit - 'a' + 'A')) return true;
  return (lit == 's' && c == 0x17F) || (lit == 'k' && c == 0x212A) || (lit == 'i' && c == 0x130);
}

size_t match_literal(const std::u32string& s, size_t pos, std::string_view lit) {
  if (s.size() - pos < lit.size()) return 0;
  for (size_t k = 0; k < lit.size(); ++k)
    if (!literal_eq(s[pos + k], lit[k])) return 0;
  return lit.size();
}

std::vector<std::string> pretokenize(std::string_view text) {
  const std::u32string s = text_detail::utf8_to_utf32(clean_prompt_text(text));
  static constexpr std::string_view kLiterals[] = {kStartOfText, kEndOfText, "'s",  "'t", "'re",
                                                   "'ve",        "'m",       "'ll", "'d"};
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t len = 0;
    for (std::string_view lit : kLiterals)
      if ((len = match_literal(s, pos, lit)) != 0) break;
    if (len == 0) {
      size_t end = pos;
      if (is_letter(s[pos])) {
        while (end < s.size() && is_letter(s[end])) ++end;
      } else if (is_number(s[pos])) {
        end = pos + 1;
      } else {
        while (end < s.size() && is_other(s[end])) ++end;
      }
      len = end - pos;
    }
    if (len == 0) {
      ++pos;
      continue;
    }
    out.push_back(text_detail::utf32_to_utf8(std::u32string_view(s).substr(pos, len)));
    pos += len;
  }
  return out;
}

}  // namespace

struct ClipTokenizer::BpeCache {
  static constexpr size_t kMaxEntries = 1 << 16;  // prompts are unbounded; memory is not
  std::mutex mutex;
  std::unordered_map<std::string, std::vector<int>> map;
};

ClipTokenizer::ClipTokenizer() : cache_(std::make_shared<BpeCache>()) {
  for (const auto& [byte, cp] : bytes_to_unicode()) {
    std::string s;
    text_detail::append_utf8(s, cp);
    byte_encoder_[static_cast<size_t>(byte)] = s;
  }
}

void ClipTokenizer::build_from(std::vector<std::pair<std::string, std::string>> merges) {
  // dict(zip(merges, range(len(merges)))): a repeated pair keeps its last rank.
  bpe_ranks_.reserve(merges.size() * 2);
  for (size_t i = 0; i < merges.size(); ++i)
    if (!merges[i].first.empty())
      bpe_ranks_[merges[i].first + ' ' + merges[i].second] = static_cast<int>(i);
}

ClipTokenizer ClipTokenizer::from_bpe_gz(const std::string& path) {
  const std::string data = read_gzip(path);
  std::vector<std::string_view> lines = split_lines(data);
  if (lines.size() > 1 && lines.back().empty()) lines.pop_back();  // the final '\n'
  // merges = lines[1 : 49152-256-2+1]; the first line is a header.
  std::vector<std::pair<std::string, std::string>> merges;
  merges.reserve(kMergeCount);
  for (size_t i = 1; i < lines.size() && merges.size() < static_cast<size_t>(kMergeCount); ++i)
    merges.push_back(parse_merge(path, lines[i], i + 1));
  if (merges.size() < static_cast<size_t>(kMergeCount))
    fail(path, "too few merges: " + std::to_string(merges.size()) +
                   " after the header line, need " + std::to_string(kMergeCount));

  ClipTokenizer tok;
  std::vector<std::string> vocab;
  vocab.reserve(512 + merges.size() + 2);
  for (const auto& [byte, cp] : bytes_to_unicode())
    vocab.push_back(tok.byte_encoder_[static_cast<size_t>(byte)]);
  for (size_t i = 0; i < 256; ++i) vocab.push_back(vocab[i] + "</w>");
  for (const auto& [a, b] : merges) vocab.push_back(a + b);
  vocab.emplace_back(kStartOfText);
  vocab.emplace_back(kEndOfText);
  // dict(zip(vocab, range(len(vocab)))): a repeated string keeps its last id.
  for (size_t i = 0; i < vocab.size(); ++i) tok.encoder_[vocab[i]] = static_cast<int>(i);
  tok.decoder_ = std::move(vocab);
  tok.build_from(std::move(merges));
  tok.bos_id_ = tok.encoder_.at(std::string(kStartOfText));
  tok.eos_id_ = tok.encoder_.at(std::string(kEndOfText));
  return tok;
}

ClipTokenizer ClipTokenizer::from_hf_files(const std::string& vocab_json,
                                           const std::string& merges_txt) {
  ClipTokenizer tok;
  const std::string vocab_text = read_file(vocab_json);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(vocab_text);
  } catch (const nlohmann::json::exception& e) {
    fail(vocab_json, std::string("bad json: ") + e.what());
  }
  if (!j.is_object()) fail(vocab_json, "bad json: expected an object {token: id}");
  constexpr int64_t kMaxId = 1 << 24;  // bounds decoder_; CLIP has 49408
  for (const auto& [token, value] : j.items()) {
    if (!value.is_number_integer())
      fail(vocab_json, "bad json: id of \"" + token + "\" is not an integer");
    const int64_t id = value.get<int64_t>();
    if (id < 0 || id >= kMaxId)
      fail(vocab_json, "bad json: id " + std::to_string(id) + " out of range");
    tok.encoder_[token] = static_cast<int>(id);
    if (static_cast<size_t>(id) >= tok.decoder_.size())
      tok.decoder_.resize(static_cast<size_t>(id) + 1);
    tok.decoder_[static_cast<size_t>(id)] = token;
  }
  for (std::string_view special : {kStartOfText, kEndOfText})
    if (!tok.encoder_.count(std::string(special)))
      fail(vocab_json, "vocabulary lacks the special token " + std::string(special));
  tok.bos_id_ = tok.encoder_.at(std::string(kStartOfText));
  tok.eos_id_ = tok.encoder_.at(std::string(kEndOfText));

  // CLIPTokenizer: read().strip().split("\n")[1 : 49152-256-2+1]. The first
  // line must be the "#version" header HF skips unconditionally; demanding it
  // keeps a header-less file from silently losing its first merge.
  const std::string text = read_file(merges_txt);
  const size_t first = text.find_first_not_of(" \t\r\n\v\f");
  const size_t last = text.find_last_not_of(" \t\r\n\v\f");
  const std::string_view body = first == std::string::npos
                                    ? std::string_view()
                                    : std::string_view(text).substr(first, last - first + 1);
  const std::vector<std::string_view> lines = split_lines(body);
  if (body.empty() || body[0] != '#') fail(merges_txt, "line 1 is not a \"#version\" header");
  std::vector<std::pair<std::string, std::string>> merges;
  for (size_t i = 1; i < lines.size() && merges.size() < static_cast<size_t>(kMergeCount); ++i) {
    if (split_ws(lines[i]).empty()) {
      merges.emplace_back();
      continue;
    }  // keeps later ranks aligned
    merges.push_back(parse_merge(merges_txt, lines[i], i + 1));
  }
  tok.build_from(std::move(merges));
  return tok;
}

const std::string& ClipTokenizer::token_string(int id) const {
  static const std::string kEmpty;
  return id >= 0 && static_cast<size_t>(id) < decoder_.size() ? decoder_[static_cast<size_t>(id)]
                                                              : kEmpty;
}

// SimpleTokenizer.bpe: repeatedly merge every occurrence of the adjacent pair
// with the lowest rank, left to right, until no ranked pair remains.
std::vector<std::string> ClipTokenizer::bpe(const std::string& pretoken) const {
  std::vector<std::string> word;
  word.reserve(pretoken.size());
  for (unsigned char b : pretoken) word.push_back(byte_encoder_[b]);
  word.back() += "</w>";
  std::string key;
  while (word.size() > 1) {
    int best_rank = INT_MAX;
    size_t best = 0;
    for (size_t i = 0; i + 1 < word.size(); ++i) {
      key.assign(word[i]).append(1, ' ').append(word[i + 1]);
      const auto it = bpe_ranks_.find(key);
      if (it != bpe_ranks_.end() && it->second < best_rank) {
        best_rank = it->second;
        best = i;
      }
    }
    if (best_rank == INT_MAX) break;
    const std::string first = word[best];
    const std::string second = word[best + 1];
    std::vector<std::string> merged;
    merged.reserve(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
      if (i + 1 < word.size() && word[i] == first && word[i + 1] == second) {
        merged.push_back(first + second);
        ++i;
      } else {
        merged.push_back(std::move(word[i]));
      }
    }
    word = std::move(merged);
  }
  return word;
}

std::vector<int> ClipTokenizer::bpe_ids(const std::string& pretoken) const {
  // The original seeds its cache with the two special tokens, so typing one
  // in a prompt yields its id rather than its spelling.
  if (pretoken == kStartOfText) return {bos_id_};
  if (pretoken == kEndOfText) return {eos_id_};
  {
    std::lock_guard<std::mutex> lock(cache_->mutex);
    const auto it = cache_->map.find(pretoken);
    if (it != cache_->map.end()) return it->second;
  }
  std::vector<int> ids;
  for (const std::string& piece : bpe(pretoken)) {
    const auto it = encoder_.find(piece);
    if (it == encoder_.end())
      throw std::runtime_error("CLIP tokenizer: BPE piece \"" + piece +
                               "\" is not in the vocabulary");
    ids.push_back(it->second);
  }
  std::lock_guard<std::mutex> lock(cache_->mutex);
  if (cache_->map.size() >= BpeCache::kMaxEntries) cache_->map.clear();
  cache_->map.emplace(pretoken, ids);
  return ids;
}

std::vector<int> ClipTokenizer::encode(std::string_view text) const {
  std::vector<int> ids;
  for (const std::string& pretoken : pretokenize(text)) {
    const std::vector<int> piece = bpe_ids(pretoken);
    ids.insert(ids.end(), piece.begin(), piece.end());
  }
  return ids;
}

std::vector<int64_t> ClipTokenizer::encode_padded(std::string_view text, int64_t pad_id,
                                                  int context_length) const {
  if (context_length < 2)
    throw std::invalid_argument("CLIP tokenizer: context_length must be >= 2, got " +
                                std::to_string(context_length));
  const std::vector<int> ids = encode(text);
  const size_t keep = std::min(ids.size(), static_cast<size_t>(context_length) - 2);
  std::vector<int64_t> out;
  out.reserve(static_cast<size_t>(context_length));
  out.push_back(bos_id_);
  out.insert(out.end(), ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(keep));
  out.push_back(eos_id_);
  out.resize(static_cast<size_t>(context_length), pad_id);
  return out;
}

std::vector<std::string> ClipTokenizer::tokens(std::string_view text) const {
  std::vector<std::string> out;
  for (const std::string& pretoken : pretokenize(text)) {
    if (pretoken == kStartOfText || pretoken == kEndOfText) {
      out.push_back(pretoken);
      continue;
    }
    for (std::string& piece : bpe(pretoken)) out.push_back(std::move(piece));
  }
  return out;
}

}  // namespace stipple
