#include "train/tokenizer_builder.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"

namespace stipple::train {

namespace {

using Word = std::vector<std::string>;

std::string utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else {  // bytes_to_unicode only produces code points below 0x800
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// Merges every occurrence of (a, b) left to right, as the encoder does.
void apply_merge(Word& w, const std::string& a, const std::string& b) {
  Word out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    if (i + 1 < w.size() && w[i] == a && w[i + 1] == b) {
      out.push_back(a + b);
      ++i;
    } else {
      out.push_back(w[i]);
    }
  }
  w = std::move(out);
}

// The encoder's algorithm (SimpleTokenizer.bpe): lowest-ranked present pair first.
Word encode_word(Word w, const std::map<std::pair<std::string, std::string>, int>& ranks) {
  while (w.size() > 1) {
    int best = INT_MAX;
    size_t at = 0;
    for (size_t i = 0; i + 1 < w.size(); ++i) {
      const auto it = ranks.find({w[i], w[i + 1]});
      if (it != ranks.end() && it->second < best) best = it->second, at = i;
    }
    if (best == INT_MAX) break;
    const std::string a = w[at], b = w[at + 1];
    apply_merge(w, a, b);
  }
  return w;
}

}  // namespace

std::vector<std::string> byte_symbols() {
  std::vector<std::string> out(256);
  auto printable = [](int b) { return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF); };
  int n = 0;
  for (int b = 0; b < 256; ++b) out[static_cast<size_t>(b)] = utf8(printable(b) ? static_cast<char32_t>(b) : static_cast<char32_t>(256 + n++));
  return out;
}

BuiltTokenizer build_tokenizer(const std::vector<std::string>& words_in) {
  const auto bytes = byte_symbols();
  std::set<std::string> unique;
  for (const auto& w : words_in)
    if (!w.empty()) unique.insert(w);
  std::vector<Word> words;
  for (const auto& w : unique) {
    Word s;
    for (unsigned char c : w) s.push_back(bytes[c]);
    s.back() += "</w>";
    words.push_back(std::move(s));
  }

  BuiltTokenizer t;
  // Learn: the most frequent adjacent pair over the word types, ties by text (deterministic).
  for (;;) {
    std::map<std::pair<std::string, std::string>, int> counts;
    for (const auto& w : words)
      for (size_t i = 0; i + 1 < w.size(); ++i) ++counts[{w[i], w[i + 1]}];
    if (counts.empty()) break;
    auto best = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it)
      if (it->second > best->second) best = it;
    t.merges.push_back(best->first);
    for (auto& w : words) apply_merge(w, best->first.first, best->first.second);
  }
  // Check with the encoder's order of application; a word it would still split (possible when
  // two merges build the same string) gets a chain of merges after all others.
  for (int round = 0; round < 64; ++round) {
    std::map<std::pair<std::string, std::string>, int> ranks;
    for (size_t i = 0; i < t.merges.size(); ++i) ranks.emplace(t.merges[i], static_cast<int>(i));
    bool all_single = true;
    for (const auto& w : unique) {
      Word s;
      for (unsigned char c : w) s.push_back(bytes[c]);
      s.back() += "</w>";
      Word e = encode_word(s, ranks);
      if (e.size() == 1) continue;
      all_single = false;
      while (e.size() > 1) {
        t.merges.emplace_back(e[0], e[1]);
        apply_merge(e, e[0], e[1]);
      }
    }
    if (all_single) break;
    if (round == 63) throw std::logic_error("build_tokenizer: merges do not converge");
  }

  std::set<std::string> seen;
  auto add = [&](const std::string& tok) {
    if (seen.insert(tok).second) t.vocab.push_back(tok);
  };
  // CLIP's order: bytes_to_unicode's dict order (printable bytes first, then the rest).
  std::vector<std::string> ordered;
  auto printable = [](int b) { return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF); };
  for (int b = 0; b < 256; ++b)
    if (printable(b)) ordered.push_back(bytes[static_cast<size_t>(b)]);
  for (int b = 0; b < 256; ++b)
    if (!printable(b)) ordered.push_back(bytes[static_cast<size_t>(b)]);
  for (const auto& s : ordered) add(s);
  for (const auto& s : ordered) add(s + "</w>");
  for (const auto& [a, b] : t.merges) add(a + b);
  add("<|startoftext|>");
  add("<|endoftext|>");
  return t;
}

void write_tokenizer(const BuiltTokenizer& t, const std::filesystem::path& dir, int context_length) {
  std::filesystem::create_directories(dir);
  nlohmann::json vocab = nlohmann::json::object();
  for (size_t i = 0; i < t.vocab.size(); ++i) vocab[t.vocab[i]] = static_cast<int>(i);
  write_file_atomic(dir / "vocab.json", vocab.dump() + "\n");
  std::string merges = "#version: 0.2\n";
  for (const auto& [a, b] : t.merges) merges += a + " " + b + "\n";
  write_file_atomic(dir / "merges.txt", merges);
  const nlohmann::json config = {{"tokenizer_class", "CLIPTokenizer"}, {"model_max_length", context_length},
                                 {"bos_token", "<|startoftext|>"},     {"eos_token", "<|endoftext|>"},
                                 {"unk_token", "<|endoftext|>"},       {"pad_token", "<|endoftext|>"},
                                 {"do_lower_case", true},              {"errors", "replace"},
                                 {"add_prefix_space", false}};
  write_file_atomic(dir / "tokenizer_config.json", config.dump(2) + "\n");
  const nlohmann::json special = {{"bos_token", "<|startoftext|>"}, {"eos_token", "<|endoftext|>"},
                                  {"unk_token", "<|endoftext|>"}, {"pad_token", "<|endoftext|>"}};
  write_file_atomic(dir / "special_tokens_map.json", special.dump(2) + "\n");
}

}  // namespace stipple::train
