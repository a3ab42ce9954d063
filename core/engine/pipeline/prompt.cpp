#include "pipeline/prompt.h"

#include <cctype>
#include <regex>

namespace stipple {

std::vector<std::pair<std::string, double>> parse_prompt_attention(const std::string& prompt) {
  // Token regex of A1111's prompt_parser.parse_prompt_attention.
  static const std::regex token(R"(\\\(|\\\)|\\\[|\\\]|\\\\|\\|\(|\[|:\s*([+-]?[.\d]+)\s*\)|\)|\]|[^\\()\[\]:]+|:)");
  static const std::regex brk(R"(\s*\bBREAK\b\s*)");
  std::vector<std::pair<std::string, double>> res;
  std::vector<size_t> round, square;
  auto multiply = [&](size_t start, double m) {
    for (size_t p = start; p < res.size(); ++p) res[p].second *= m;
  };
  for (auto it = std::sregex_iterator(prompt.begin(), prompt.end(), token); it != std::sregex_iterator(); ++it) {
    const std::string text = (*it)[0];
    const bool has_weight = (*it)[1].matched;
    if (text[0] == '\\') {
      res.emplace_back(text.substr(1), 1.0);
    } else if (text == "(") {
      round.push_back(res.size());
    } else if (text == "[") {
      square.push_back(res.size());
    } else if (has_weight && !round.empty()) {
      double w = 1.0;
      try {
        w = std::stod((*it)[1]);
      } catch (const std::exception&) {
        w = 1.0;  // "(x:.)": A1111 would fail on float("."); treat as neutral
      }
      multiply(round.back(), w);
      round.pop_back();
    } else if (text == ")" && !round.empty()) {
      multiply(round.back(), 1.1);
      round.pop_back();
    } else if (text == "]" && !square.empty()) {
      multiply(square.back(), 1 / 1.1);
      square.pop_back();
    } else {
      std::sregex_token_iterator parts(text.begin(), text.end(), brk, -1), end;
      bool first = true;
      for (; parts != end; ++parts) {
        if (!first) res.emplace_back("BREAK", -1.0);
        res.emplace_back(*parts, 1.0);
        first = false;
      }
      if (first) res.emplace_back("", 1.0);  // text was exactly "BREAK"-separated nothing
    }
  }
  for (size_t p : round) multiply(p, 1.1);
  for (size_t p : square) multiply(p, 1 / 1.1);
  if (res.empty()) res.emplace_back("", 1.0);
  for (size_t i = 0; i + 1 < res.size();) {
    if (res[i].second == res[i + 1].second) {
      res[i].first += res[i + 1].first;
      res.erase(res.begin() + static_cast<long>(i) + 1);
    } else {
      ++i;
    }
  }
  return res;
}

std::vector<PromptChunk> tokenize_prompt(const ClipTokenizer& tok, const std::string& prompt, int64_t pad_id) {
  constexpr size_t kChunk = 75;
  constexpr size_t kCommaBacktrack = 20;
  const int comma = tok.encode(",").empty() ? -1 : tok.encode(",").front();
  std::vector<PromptChunk> chunks;
  std::vector<int> ids;
  std::vector<float> mults;
  int last_comma = -1;
  auto next_chunk = [&]() {
    PromptChunk c;
    c.token_count = static_cast<int>(ids.size());
    c.ids.push_back(tok.bos_id());
    c.multipliers.push_back(1.0f);
    for (size_t i = 0; i < ids.size(); ++i) {
      c.ids.push_back(ids[i]);
      c.multipliers.push_back(mults[i]);
    }
    c.ids.push_back(tok.eos_id());
    c.multipliers.push_back(1.0f);
    while (c.ids.size() < kChunk + 2) {
      c.ids.push_back(pad_id);
      c.multipliers.push_back(1.0f);
    }
    chunks.push_back(std::move(c));
    ids.clear();
    mults.clear();
    last_comma = -1;
  };
  for (const auto& [text, weight] : parse_prompt_attention(prompt)) {
    if (text == "BREAK" && weight == -1) {
      next_chunk();
      continue;
    }
    for (int t : tok.encode(text)) {
      if (t == comma) {
        last_comma = static_cast<int>(ids.size());
      } else if (ids.size() == kChunk && last_comma != -1 && ids.size() - static_cast<size_t>(last_comma) <= kCommaBacktrack) {
        // Move the words after the last comma into the next chunk instead of cutting them.
        const size_t at = static_cast<size_t>(last_comma) + 1;
        std::vector<int> moved(ids.begin() + static_cast<long>(at), ids.end());
        std::vector<float> moved_m(mults.begin() + static_cast<long>(at), mults.end());
        ids.resize(at);
        mults.resize(at);
        next_chunk();
        ids = std::move(moved);
        mults = std::move(moved_m);
      }
      if (ids.size() == kChunk) next_chunk();
      ids.push_back(t);
      mults.push_back(static_cast<float>(weight));
    }
  }
  if (!ids.empty() || chunks.empty()) next_chunk();
  return chunks;
}

torch::Tensor encode_prompt(const std::vector<PromptChunk>& chunks, const PromptChunk& empty_chunk, int min_chunks,
                            const std::function<torch::Tensor(const torch::Tensor& ids)>& encode) {
  auto encode_chunk = [&](const PromptChunk& c) {
    auto ids = torch::tensor(c.ids, torch::kLong).unsqueeze(0);
    auto z = encode(ids).to(torch::kFloat);
    bool weighted = false;
    for (float m : c.multipliers) weighted |= (m != 1.0f);
    if (!weighted) return z;
    // Scale each token's hidden state by its weight, then restore the original mean (A1111).
    auto w = torch::tensor(c.multipliers, torch::kFloat).to(z.device()).view({1, -1, 1});
    const auto original_mean = z.mean();
    z = z * w;
    return z * (original_mean / z.mean());
  };
  std::vector<torch::Tensor> parts;
  for (const auto& c : chunks) parts.push_back(encode_chunk(c));
  if (static_cast<int>(parts.size()) < min_chunks) {
    const auto empty = encode_chunk(empty_chunk);
    while (static_cast<int>(parts.size()) < min_chunks) parts.push_back(empty);
  }
  return torch::cat(parts, 1);
}

}  // namespace stipple
