// Prompt list parsing: plain text, CSV (RFC 4180 quoting) and JSON Lines, with every problem
// collected and reported together with its line number.
#include "pipeline/batch_spec.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sampling/samplers.h"
#include "sampling/schedule.h"

namespace stipple {

namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool valid_utf8(const std::string& s) {
  static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 4;
    if (n == 4 || n >= s.size() - i) return false;  // a bad lead byte, or a sequence cut short
    uint32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (size_t k = 1; k <= n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) return false;
    i += n + 1;
  }
  return true;
}

// Rows must be UTF-8: prompts go into JSON (the manifest) and the tokenizer.
void check_utf8(const PromptRow& row, std::vector<BatchSpecProblem>& problems) {
  bool ok = valid_utf8(row.prompt);
  for (const auto& f : row.fields) ok = ok && valid_utf8(f.second);
  if (!ok) problems.push_back({row.line, "not valid UTF-8 text (save the file as UTF-8)"});
}

std::string shown(const std::string& v) { return "'" + (v.size() > 60 ? v.substr(0, 57) + "..." : v) + "'"; }

template <typename T>
bool parse_integer(const std::string& text, T* out) {
  const std::string t = trim(text);
  if (t.empty()) return false;
  const char* first = t.data();
  if (*first == '+') ++first;
  const auto [end, ec] = std::from_chars(first, t.data() + t.size(), *out);
  return ec == std::errc() && end == t.data() + t.size();
}

bool parse_number(const std::string& text, double* out) {
  const std::string t = trim(text);
  if (t.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(t.c_str(), &end);
  return end == t.c_str() + t.size() && std::isfinite(*out);
}

bool parse_bool(const std::string& text, bool* out) {
  const std::string t = lower(trim(text));
  if (t == "1" || t == "true" || t == "yes" || t == "on") return *out = true, true;
  if (t == "0" || t == "false" || t == "no" || t == "off") return *out = false, true;
  return false;
}

struct Alias {
  const char* alias;
  const char* key;
};
constexpr Alias kAliases[] = {{"negative_prompt", "negative"},   {"cfg_scale", "cfg"},
                              {"scheduler", "schedule"},         {"denoising_strength", "strength"},
                              {"init_image", "init"},            {"masked_content", "fill"},
                              {"seed_value", "seed"}};
constexpr const char* kKeys[] = {"prompt",      "negative",  "seed",      "steps",       "cfg",
                                 "sampler",     "schedule",  "width",     "height",      "strength",
                                 "model",       "clip_skip", "guidance_rescale", "init", "mask",
                                 "mask_blur",   "mask_grow", "invert_mask", "inpaint_area", "padding",
                                 "fill"};

std::string known_keys() {
  std::string s;
  for (const char* k : kKeys) s += (s.empty() ? "" : ", ") + std::string(k);
  return s;
}

bool is_path_key(const std::string& key) { return key == "model" || key == "init" || key == "mask"; }

// Checks one override and stores it in the row (paths resolved). Returns the problem or "".
std::string add_field(PromptRow& row, const std::string& raw_key, const std::string& value, const fs::path& base_dir) {
  const std::string key = canonical_field_key(raw_key);
  if (key.empty()) return "unknown key " + shown(raw_key) + " (known: " + known_keys() + ")";
  if (key == "prompt") {
    row.prompt = value;
    return {};
  }
  if (is_path_key(key)) {
    const std::string v = trim(value);
    if (v.empty()) return {};
    if (key == "model" && v == "default") {
      row.fields.emplace_back(key, v);
      return {};
    }
    fs::path p(v);
    if (p.is_relative() && !base_dir.empty()) p = base_dir / p;
    std::error_code ec;
    if (!fs::exists(p, ec)) return key + ": " + shown(v) + " does not exist" + (p.string() != v ? " (" + p.string() + ")" : "");
    row.fields.emplace_back(key, p.lexically_normal().string());
    return {};
  }
  if (trim(value).empty() && key != "negative") return {};  // empty cell: the default
  GenerationRequest scratch;
  if (std::string problem = apply_request_field(scratch, key, value); !problem.empty()) return problem;
  for (auto& f : row.fields)
    if (f.first == key) return "key " + shown(key) + " given twice";
  row.fields.emplace_back(key, key == "negative" ? value : trim(value));
  return {};
}

PromptFileFormat detect_format(const std::string& text, const fs::path& name) {
  const std::string ext = lower(name.extension().string());
  if (ext == ".csv") return PromptFileFormat::Csv;
  if (ext == ".jsonl" || ext == ".ndjson") return PromptFileFormat::JsonLines;
  if (ext == ".txt") return PromptFileFormat::Text;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '{') return PromptFileFormat::JsonLines;
    // A CSV header: comma-separated known keys including "prompt".
    bool all_known = line.find(',') != std::string::npos, has_prompt = false;
    std::istringstream cells(line);
    std::string cell;
    while (all_known && std::getline(cells, cell, ',')) {
      const std::string k = canonical_field_key(lower(trim(cell)));
      all_known = !k.empty();
      has_prompt = has_prompt || k == "prompt";
    }
    return all_known && has_prompt ? PromptFileFormat::Csv : PromptFileFormat::Text;
  }
  return PromptFileFormat::Text;
}

void parse_text(const std::string& text, PromptList& list, std::vector<BatchSpecProblem>&) {
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    PromptRow row;
    row.line = n;
    row.prompt = t;
    list.rows.push_back(std::move(row));
  }
}

// RFC 4180 records: fields, and the line each record starts on.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
  bool blank() const { return fields.size() == 1 && trim(fields[0]).empty(); }
};

std::vector<CsvRecord> split_csv(const std::string& text, std::vector<BatchSpecProblem>& problems) {
  std::vector<CsvRecord> records;
  CsvRecord rec;
  std::string field;
  int line = 1;
  rec.line = 1;
  bool field_quoted = false, after_quote = false;
  size_t i = 0;
  auto end_field = [&] {
    rec.fields.push_back(field_quoted ? field : trim(field));
    field.clear();
    field_quoted = after_quote = false;
  };
  auto end_record = [&](int next_line) {
    end_field();
    records.push_back(std::move(rec));
    rec = CsvRecord{};
    rec.line = next_line;
  };
  bool bad_line = false;  // one problem per line is enough
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && !field_quoted && trim(field).empty()) {
      // A quoted field: read to the closing quote; "" is a quote, line breaks are kept.
      const int start = line;
      field.clear();
      field_quoted = true;
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
      if (!closed) {
        problems.push_back({start, "a quoted field is not closed (missing '\"')"});
        return records;  // the rest of the file is inside the quote: nothing more to read
      }
      after_quote = true;
      continue;
    }
    if (c == ',') {
      end_field();
      ++i;
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      continue;
    }
    if (c == '\n') {
      end_record(++line);
      bad_line = false;
      ++i;
      continue;
    }
    if (after_quote && !std::isspace(static_cast<unsigned char>(c))) {
      if (!bad_line) problems.push_back({line, "text after a closing quote (write \"\" for a quote inside quotes)"});
      bad_line = true;
    }
    if (!after_quote) field += c;
    ++i;
  }
  if (!field.empty() || field_quoted || !rec.fields.empty()) end_record(line);
  return records;
}

void parse_csv(const std::string& text, PromptList& list, const fs::path& base_dir,
               std::vector<BatchSpecProblem>& problems) {
  auto records = split_csv(text, problems);
  records.erase(std::remove_if(records.begin(), records.end(), [](const CsvRecord& r) { return r.blank(); }),
                records.end());
  if (records.empty()) return;
  const CsvRecord& header = records.front();
  std::vector<std::string> keys;
  bool has_prompt = false;
  for (const auto& cell : header.fields) {
    std::string k = canonical_field_key(lower(trim(cell)));
    if (k.empty())
      problems.push_back({header.line, "unknown column " + shown(trim(cell)) + " (known: " + known_keys() + ")"});
    else if (std::find(keys.begin(), keys.end(), k) != keys.end())
      problems.push_back({header.line, "column " + shown(k) + " appears twice"});
    has_prompt = has_prompt || k == "prompt";
    keys.push_back(k);
  }
  if (!has_prompt) problems.push_back({header.line, "the header has no 'prompt' column"});
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.fields.size() != keys.size()) {
      problems.push_back({rec.line, std::to_string(rec.fields.size()) + " fields, but the header has " +
                                        std::to_string(keys.size()) + " columns (quote fields that contain commas)"});
      continue;
    }
    PromptRow row;
    row.line = rec.line;
    for (size_t c = 0; c < keys.size(); ++c) {
      if (keys[c].empty()) continue;  // unknown column, already reported
      if (std::string p = add_field(row, keys[c], rec.fields[c], base_dir); !p.empty())
        problems.push_back({rec.line, p});
    }
    if (has_prompt && trim(row.prompt).empty()) problems.push_back({rec.line, "the prompt is empty"});
    list.rows.push_back(std::move(row));
  }
}

void parse_jsonl(const std::string& text, PromptList& list, const fs::path& base_dir,
                 std::vector<BatchSpecProblem>& problems) {
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (trim(line).empty()) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      // e.byte is 1-based within the line.
      problems.push_back({n, "not valid JSON (at column " + std::to_string(e.byte) + ")"});
      continue;
    } catch (const nlohmann::json::exception& e) {  // a number out of range, say
      std::string what = e.what();  // "[json.exception.out_of_range.406] number overflow parsing '1e999'"
      if (const auto end = what.find("] "); !what.empty() && what[0] == '[' && end != std::string::npos) what.erase(0, end + 2);
      problems.push_back({n, "not usable JSON: " + what});
      continue;
    }
    if (!j.is_object()) {
      problems.push_back({n, "expected a JSON object like {\"prompt\": \"...\"}"});
      continue;
    }
    PromptRow row;
    row.line = n;
    bool has_prompt = false;
    for (const auto& [key, value] : j.items()) {
      if (value.is_null()) continue;
      std::string text_value;
      if (value.is_string())
        text_value = value.get<std::string>();
      else if (value.is_number() || value.is_boolean())
        text_value = value.dump();
      else {
        problems.push_back({n, key + ": expected a string or a number, not " + std::string(value.type_name())});
        continue;
      }
      if (canonical_field_key(key) == "prompt") {
        if (!value.is_string()) {
          problems.push_back({n, "prompt: expected a string"});
          continue;
        }
        has_prompt = true;
      }
      if (std::string p = add_field(row, key, text_value, base_dir); !p.empty()) problems.push_back({n, p});
    }
    if (!has_prompt)
      problems.push_back({n, "no \"prompt\" key"});
    else if (trim(row.prompt).empty())
      problems.push_back({n, "the prompt is empty"});
    list.rows.push_back(std::move(row));
  }
}

std::string problems_text(const std::string& source, const std::vector<BatchSpecProblem>& problems) {
  std::string s = source + ": " +
                  (problems.size() == 1 ? std::string("1 problem") : std::to_string(problems.size()) + " problems") +
                  ":";
  for (const auto& p : problems) s += "\n  " + (p.line > 0 ? "line " + std::to_string(p.line) + ": " : "") + p.message;
  return s;
}

}  // namespace

BatchSpecError::BatchSpecError(const std::string& source, std::vector<BatchSpecProblem> list)
    : std::runtime_error(problems_text(source, list)), problems(std::move(list)) {}

const std::string* PromptRow::field(const std::string& key) const {
  for (const auto& f : fields)
    if (f.first == key) return &f.second;
  return nullptr;
}

std::string to_string(PromptFileFormat format) {
  switch (format) {
    case PromptFileFormat::Csv: return "csv";
    case PromptFileFormat::JsonLines: return "jsonl";
    case PromptFileFormat::Text: return "text";
    case PromptFileFormat::Auto: break;
  }
  return "auto";
}

std::string canonical_field_key(const std::string& key) {
  const std::string k = lower(trim(key));
  for (const auto& a : kAliases)
    if (k == a.alias) return a.key;
  for (const char* known : kKeys)
    if (k == known) return k;
  return {};
}

std::string apply_request_field(GenerationRequest& r, const std::string& raw_key, const std::string& value) {
  const std::string key = canonical_field_key(raw_key);
  const std::string v = trim(value);
  auto integer = [&](int* out) -> std::string {
    return parse_integer(v, out) ? "" : key + ": " + shown(v) + " is not an integer";
  };
  auto number = [&](double* out) -> std::string {
    return parse_number(v, out) ? "" : key + ": " + shown(v) + " is not a number";
  };
  if (key == "prompt") return r.prompt = value, "";
  if (key == "negative") return r.negative_prompt = value, "";
  if (key == "seed")
    return parse_integer(v, &r.seed) ? "" : "seed: " + shown(v) + " is not a non-negative integer";
  if (key == "steps") return integer(&r.steps);
  if (key == "cfg") return number(&r.cfg);
  if (key == "guidance_rescale") return number(&r.guidance_rescale);
  if (key == "strength") return number(&r.strength);
  if (key == "width") return integer(&r.width);
  if (key == "height") return integer(&r.height);
  if (key == "clip_skip") return integer(&r.clip_skip);
  if (key == "mask_blur") return integer(&r.mask_blur);
  if (key == "mask_grow") return integer(&r.mask_grow);
  if (key == "padding") return integer(&r.padding);
  if (key == "invert_mask")
    return parse_bool(v, &r.invert_mask) ? "" : "invert_mask: " + shown(v) + " is not true or false";
  if (key == "sampler") {
    try {
      r.sampler = sampler_spec(lower(v)).name;
    } catch (const std::exception& e) {
      return "sampler: " + std::string(e.what());
    }
    return {};
  }
  if (key == "schedule") {
    try {
      sigma_schedule_from_string(lower(v));
    } catch (const std::exception& e) {
      return "schedule: " + std::string(e.what());
    }
    r.schedule = lower(v);
    return {};
  }
  if (key == "inpaint_area") {
    const std::string a = lower(v);
    if (a == "whole") return r.inpaint_area = InpaintArea::Whole, "";
    if (a == "masked") return r.inpaint_area = InpaintArea::Masked, "";
    return "inpaint_area: " + shown(v) + " is not whole or masked";
  }
  if (key == "fill") {
    const std::string f = lower(v);
    if (f == "original") return r.masked_content = MaskedContent::Original, "";
    if (f == "fill") return r.masked_content = MaskedContent::Fill, "";
    if (f == "noise") return r.masked_content = MaskedContent::LatentNoise, "";
    if (f == "nothing") return r.masked_content = MaskedContent::LatentNothing, "";
    return "fill: " + shown(v) + " is not original, fill, noise or nothing";
  }
  if (key.empty()) return "unknown key " + shown(raw_key) + " (known: " + known_keys() + ")";
  return key + ": not a request field";
}

PromptList parse_prompt_list(const std::string& input, PromptFileFormat format, const std::string& source,
                             const fs::path& base_dir) {
  std::string text = input;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // UTF-8 byte order mark
  PromptList list;
  list.source = source;
  list.format = format == PromptFileFormat::Auto ? detect_format(text, source) : format;
  std::vector<BatchSpecProblem> problems;
  switch (list.format) {
    case PromptFileFormat::Csv: parse_csv(text, list, base_dir, problems); break;
    case PromptFileFormat::JsonLines: parse_jsonl(text, list, base_dir, problems); break;
    default: parse_text(text, list, problems); break;
  }
  for (const auto& row : list.rows) check_utf8(row, problems);
  if (problems.empty() && list.rows.empty()) problems.push_back({0, "no prompts (the list is empty)"});
  if (!problems.empty()) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const BatchSpecProblem& a, const BatchSpecProblem& b) { return a.line < b.line; });
    throw BatchSpecError(source, std::move(problems));
  }
  return list;
}

PromptList load_prompt_list(const fs::path& file, PromptFileFormat format) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw std::runtime_error(file.string() + ": no such file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_prompt_list(ss.str(), format, file.string(), file.parent_path());
}

}  // namespace stipple
