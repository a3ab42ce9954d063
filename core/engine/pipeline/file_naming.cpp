#include "pipeline/file_naming.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <sstream>

#include "text/text_clean.h"

namespace stipple {

namespace {

// Latin letters that do not decompose into base letter + accent under NFD.
const char* special_latin(char32_t c) {
  switch (c) {
    case U'ß': return "ss";
    case U'ẞ': return "ss";
    case U'æ': case U'Æ': return "ae";
    case U'œ': case U'Œ': return "oe";
    case U'ø': case U'Ø': return "o";
    case U'ł': case U'Ł': return "l";
    case U'đ': case U'Đ': return "d";
    case U'ð': case U'Ð': return "d";
    case U'þ': case U'Þ': return "th";
    case U'ı': return "i";
    case U'ĸ': return "k";
    case U'ŋ': case U'Ŋ': return "n";
    case U'ħ': case U'Ħ': return "h";
    case U'ŧ': case U'Ŧ': return "t";
    default: return nullptr;
  }
}

// NFD splits "é" into "e" + U+0301; the combining marks are then dropped.
std::u32string decompose(const std::u32string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err)) return s;
  icu::UnicodeString u = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()),
                                                       static_cast<int32_t>(s.size()));
  icu::UnicodeString d = nfd->normalize(u, err);
  if (U_FAILURE(err)) return s;
  std::u32string out(static_cast<size_t>(d.countChar32()), U'\0');
  UErrorCode err2 = U_ZERO_ERROR;
  d.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), err2);
  return U_FAILURE(err2) ? s : out;
}

std::string number(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::ostringstream os;
  os.precision(6);
  os << v;
  return os.str();
}

const std::vector<std::string> kPlaceholders = {"index", "seed",  "prompt", "model", "date",
                                                "sampler", "steps", "cfg",  "width", "height"};

}  // namespace

bool is_windows_reserved_name(const std::string& stem_in) {
  std::string stem = stem_in.substr(0, stem_in.find('.'));
  while (!stem.empty() && stem.back() == ' ') stem.pop_back();
  for (auto& c : stem) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (stem == "con" || stem == "prn" || stem == "aux" || stem == "nul") return true;
  if (stem.size() == 4 && (stem.compare(0, 3, "com") == 0 || stem.compare(0, 3, "lpt") == 0) && stem[3] >= '1' &&
      stem[3] <= '9')
    return true;
  return false;
}

std::string slug(const std::string& utf8, size_t max_length) {
  std::string out;
  bool dash = false;  // a separator is pending
  auto put = [&](const std::string& letters) {
    if (dash && !out.empty()) out += '-';
    dash = false;
    out += letters;
  };
  for (char32_t c : decompose(text_detail::utf8_to_utf32(utf8))) {
    if (c < 0x80 && std::isalnum(static_cast<int>(c))) {
      put(std::string(1, static_cast<char>(std::tolower(static_cast<int>(c)))));
    } else if (const char* s = special_latin(c)) {
      put(s);
    } else if (u_getCombiningClass(static_cast<UChar32>(c)) != 0 || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) {
      // accent of the previous letter: drop, without splitting the word
    } else if (c == U'\'' || c == U'\u2019') {
      // apostrophes join: "don't" -> "dont"
    } else {
      dash = true;
    }
  }
  if (out.size() > max_length) {
    // Cut at the last word boundary that keeps at least half the room; else hard.
    size_t cut = out.rfind('-', max_length);
    if (cut == std::string::npos || cut < max_length / 2) cut = max_length;
    out.resize(cut);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  if (out.empty()) out = "untitled";
  if (is_windows_reserved_name(out)) out += "-x";
  return out;
}

std::vector<std::string> name_template_placeholders() { return kPlaceholders; }

std::string check_name_template(const std::string& t) {
  if (t.empty()) return "the file name template is empty";
  size_t i = 0;
  bool has_text = false;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '{') {
      const auto close = t.find('}', i);
      if (close == std::string::npos) return "'{' without '}' in the file name template '" + t + "'";
      const std::string name = t.substr(i + 1, close - i - 1);
      if (std::find(kPlaceholders.begin(), kPlaceholders.end(), name) == kPlaceholders.end()) {
        std::string known;
        for (const auto& p : kPlaceholders) known += (known.empty() ? "{" : ", {") + p + "}";
        return "unknown placeholder {" + name + "} in the file name template (known: " + known + ")";
      }
      has_text = true;
      i = close + 1;
      continue;
    }
    if (c == '}') return "'}' without '{' in the file name template '" + t + "'";
    if (c == '/' || c == '\\') return "the file name template may not contain '/' or '\\' (no subfolders)";
    if (std::string("<>:\"|?*").find(c) != std::string::npos || static_cast<unsigned char>(c) < 0x20)
      return std::string("the file name template may not contain '") + c + "' (not allowed in Windows file names)";
    has_text = has_text || (c != '.' && c != ' ');
    ++i;
  }
  if (!has_text) return "the file name template gives no name";
  return {};
}

std::string expand_name_template(const std::string& t, const FileNameFields& f) {
  std::string out;
  size_t i = 0;
  while (i < t.size()) {
    if (t[i] != '{') {
      out += t[i++];
      continue;
    }
    const auto close = t.find('}', i);
    const std::string name = t.substr(i + 1, close - i - 1);
    i = close + 1;
    if (name == "index") {
      std::string n = std::to_string(f.index);
      if (n.size() < static_cast<size_t>(f.index_width)) n.insert(0, static_cast<size_t>(f.index_width) - n.size(), '0');
      out += n;
    } else if (name == "seed") out += std::to_string(f.seed);
    else if (name == "prompt") out += slug(f.prompt);
    else if (name == "model") out += slug(f.model);
    else if (name == "date") out += f.date;
    else if (name == "sampler") out += f.sampler;  // table names: lower-case letters, digits, '_'

    else if (name == "steps") out += std::to_string(f.steps);
    else if (name == "cfg") out += number(f.cfg);
    else if (name == "width") out += std::to_string(f.width);
    else if (name == "height") out += std::to_string(f.height);
  }
  // Windows drops trailing dots and spaces, which would make two names collide.
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  if (out.empty()) out = "untitled";
  // "nul.7" is as reserved as "nul": the device name is the part before the first dot.
  if (is_windows_reserved_name(out)) out.insert(std::min(out.find('.'), out.size()), "-x");
  return out;
}

std::string date_stamp(int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d", &tm);
  return buf;
}

}  // namespace stipple
