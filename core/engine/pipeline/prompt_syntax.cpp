#include "pipeline/prompt_syntax.h"

#include <cctype>
#include <stdexcept>

namespace stipple {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_special(char c) { return c == '\\' || c == '(' || c == ')' || c == '[' || c == ']' || c == ':'; }

// One token of A1111's regex
//   \\\( | \\\) | \\\[ | \\\] | \\\\ | \\ | \( | \[ | :\s*([+-]?[.\d]+)\s*\) | \) | \] | [^\\()\[\]:]+ | :
// at `at` (alternatives in that order, as Python's re tries them). Written out by hand: a
// backtracking regex engine recurses per character of a long run and overflows the stack.
struct Token {
  size_t end = 0;
  bool weighted = false;
  std::string weight;  // the number of ":1.2)"
};

Token next_token(const std::string& s, size_t at) {
  Token t;
  const char c = s[at];
  if (c == '\\') {
    const bool pair = at + 1 < s.size() && (s[at + 1] == '(' || s[at + 1] == ')' || s[at + 1] == '[' ||
                                             s[at + 1] == ']' || s[at + 1] == '\\');
    t.end = at + (pair ? 2 : 1);
  } else if (c == ':') {
    size_t i = at + 1;
    while (i < s.size() && is_space(s[i])) ++i;
    const size_t number = i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const size_t digits = i;
    while (i < s.size() && (s[i] == '.' || std::isdigit(static_cast<unsigned char>(s[i])))) ++i;
    const size_t number_end = i;
    while (i < s.size() && is_space(s[i])) ++i;
    if (number_end > digits && i < s.size() && s[i] == ')') {
      t.end = i + 1;
      t.weighted = true;
      t.weight = s.substr(number, number_end - number);
    } else {
      t.end = at + 1;
    }
  } else if (is_special(c)) {
    t.end = at + 1;
  } else {
    size_t i = at;
    while (i < s.size() && !is_special(s[i])) ++i;
    t.end = i;
  }
  return t;
}

// re.split(r"\s*\bBREAK\b\s*", text), empty pieces kept as Python keeps them.
std::vector<std::string> split_break(const std::string& text) {
  std::vector<std::string> parts;
  size_t piece = 0, from = 0;
  for (size_t p; (p = text.find("BREAK", from)) != std::string::npos;) {
    const bool left = p == 0 || !is_word(text[p - 1]);
    const bool right = p + 5 == text.size() || !is_word(text[p + 5]);
    if (!left || !right) {
      from = p + 1;
      continue;
    }
    size_t start = p;
    while (start > piece && is_space(text[start - 1])) --start;
    size_t end = p + 5;
    while (end < text.size() && is_space(text[end])) ++end;
    parts.push_back(text.substr(piece, start - piece));
    piece = from = end;
  }
  parts.push_back(text.substr(piece));
  return parts;
}

}  // namespace

std::vector<std::pair<std::string, double>> parse_prompt_attention(const std::string& prompt) {
  std::vector<std::pair<std::string, double>> res;
  std::vector<size_t> round, square;
  auto multiply = [&](size_t start, double m) {
    for (size_t p = start; p < res.size(); ++p) res[p].second *= m;
  };
  for (size_t at = 0; at < prompt.size();) {
    const Token tok = next_token(prompt, at);
    const std::string text = prompt.substr(at, tok.end - at);
    at = tok.end;
    if (text[0] == '\\') {
      res.emplace_back(text.substr(1), 1.0);
    } else if (text == "(") {
      round.push_back(res.size());
    } else if (text == "[") {
      square.push_back(res.size());
    } else if (tok.weighted && !round.empty()) {
      double w = 1.0;
      try {
        w = std::stod(tok.weight);
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
      const auto parts = split_break(text);
      for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) res.emplace_back("BREAK", -1.0);
        res.emplace_back(parts[i], 1.0);
      }
    }
  }
  for (size_t p : round) multiply(p, 1.1);
  for (size_t p : square) multiply(p, 1 / 1.1);
  if (res.empty()) res.emplace_back("", 1.0);
  // Runs of equal weight merged, in one pass.
  size_t kept = 0;
  for (size_t i = 1; i < res.size(); ++i) {
    if (res[i].second == res[kept].second) {
      res[kept].first += res[i].first;
    } else if (++kept != i) {
      res[kept] = std::move(res[i]);
    }
  }
  res.resize(kept + 1);
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

}  // namespace stipple
