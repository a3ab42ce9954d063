// See text_clean.h. Each step names the Python function it reproduces; the
// order and the fixed-point loop follow ftfy 6.1.1 fix_text/fix_and_explain.
#include "text/text_clean.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace stipple {
namespace text_detail {

std::u32string utf8_to_utf32(std::string_view s) {
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};  // shortest form per length
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const size_t len = b0 < 0x80   ? 1
                       : b0 < 0xC2 ? 0
                       : b0 < 0xE0 ? 2
                       : b0 < 0xF0 ? 3
                       : b0 < 0xF5 ? 4
                                   : 0;
    char32_t cp = len <= 1 ? b0 : (b0 & (0x7F >> len));
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      ok = (b & 0xC0) == 0x80;
      cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and > U+10FFFF are not text.
    ok = ok && cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    out.push_back(ok ? cp : 0xFFFD);
    i += ok ? len : 1;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string utf32_to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

bool is_python_space(char32_t c) {
  // Listed rather than taken from ICU: u_isspace/u_isWhitespace disagree with
  // Python on U+001C..U+001F, U+0085 and the no-break spaces.
  if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  if (c < 0x85) return false;
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

}  // namespace text_detail

namespace {

using text_detail::is_python_space;

icu::UnicodeString to_icu(std::u32string_view s) {
  return icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()),
                                       static_cast<int32_t>(s.size()));
}

std::u32string from_icu(const icu::UnicodeString& u, const char* what) {
  std::u32string out(static_cast<size_t>(u.countChar32()), U'\0');
  UErrorCode err = U_ZERO_ERROR;
  u.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), err);
  if (U_FAILURE(err))
    throw std::runtime_error(std::string("ICU ") + what + " failed: " + u_errorName(err));
  return out;
}

std::u32string normalize(std::u32string_view s, bool compat) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nf =
      compat ? icu::Normalizer2::getNFKCInstance(err) : icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString result;
  if (U_SUCCESS(err)) result = nf->normalize(to_icu(s), err);
  if (U_FAILURE(err))
    throw std::runtime_error(std::string("ICU normalization failed: ") + u_errorName(err));
  return from_icu(result, "normalization");
}

// Python str.lower()/str.upper() use the full (SpecialCasing) mappings and the
// Final_Sigma rule; ICU's root locale does the same, with no Turkish rules.
std::u32string change_case(std::u32string_view s, bool upper) {
  icu::UnicodeString u = to_icu(s);
  if (upper)
    u.toUpper(icu::Locale::getRoot());
  else
    u.toLower(icu::Locale::getRoot());
  return from_icu(u, "case mapping");
}

// Windows-1252 for bytes 0x80..0x9F, the five unassigned bytes mapping to
// themselves. It is both Python html's _invalid_charrefs and ftfy's
// "sloppy-windows-1252" as used by fix_c1_controls.
// clang-format off
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
// clang-format on

struct NamedEntity {
  std::string name;  // without '&' and ';'
  char32_t cp;
  bool legacy;  // also valid without ';' (the HTML 4 Latin-1 set), per html5
};

// Entities as "name hex" pairs, so the table stays readable at this size.
// kLatin1 is U+00A0..U+00FF in order; with kLegacyOther it forms the legacy
// set Python's html5 table also accepts without ';'. Greek is U+0391.. in
// order ("-" = unassigned U+03A2), lower case at U+03B1.. (its U+03C2 slot is
// sigmaf). The rest: the remainder of HTML 4, then common HTML 5 names.
// clang-format off
constexpr const char* kLatin1 =
    "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg "
    "plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest "
    "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute "
    "Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc "
    "Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute "
    "ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide "
    "oslash ugrave uacute ucirc uuml yacute thorn yuml";
constexpr const char* kLegacyOther =
    "quot 22 QUOT 22 amp 26 AMP 26 lt 3C LT 3C gt 3E GT 3E COPY A9 REG AE";
constexpr const char* kGreek =
    "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho - "
    "Sigma Tau Upsilon Phi Chi Psi Omega";
constexpr const char* kOther =
    "apos 27 OElig 152 oelig 153 Scaron 160 scaron 161 Yuml 178 fnof 192 circ 2C6 tilde 2DC "
    "thetasym 3D1 upsih 3D2 piv 3D6 ensp 2002 emsp 2003 thinsp 2009 zwnj 200C zwj 200D lrm 200E "
    "rlm 200F ndash 2013 mdash 2014 lsquo 2018 rsquo 2019 sbquo 201A ldquo 201C rdquo 201D "
    "bdquo 201E dagger 2020 Dagger 2021 bull 2022 hellip 2026 permil 2030 prime 2032 Prime 2033 "
    "lsaquo 2039 rsaquo 203A oline 203E frasl 2044 euro 20AC image 2111 weierp 2118 real 211C "
    "trade 2122 alefsym 2135 larr 2190 uarr 2191 rarr 2192 darr 2193 harr 2194 crarr 21B5 "
    "lArr 21D0 uArr 21D1 rArr 21D2 dArr 21D3 hArr 21D4 forall 2200 part 2202 exist 2203 "
    "empty 2205 nabla 2207 isin 2208 notin 2209 ni 220B prod 220F sum 2211 minus 2212 "
    "lowast 2217 radic 221A prop 221D infin 221E ang 2220 and 2227 or 2228 cap 2229 cup 222A "
    "int 222B there4 2234 sim 223C cong 2245 asymp 2248 ne 2260 equiv 2261 le 2264 ge 2265 "
    "sub 2282 sup 2283 nsub 2284 sube 2286 supe 2287 oplus 2295 otimes 2297 perp 22A5 sdot 22C5 "
    "lceil 2308 rceil 2309 lfloor 230A rfloor 230B lang 27E8 rang 27E9 loz 25CA spades 2660 "
    "clubs 2663 hearts 2665 diams 2666 Tab 09 NewLine 0A excl 21 num 23 dollar 24 percnt 25 "
    "lpar 28 rpar 29 ast 2A plus 2B comma 2C period 2E sol 2F colon 3A semi 3B equals 3D "
    "quest 3F commat 40 lsqb 5B lbrack 5B bsol 5C rsqb 5D rbrack 5D Hat 5E lowbar 5F grave 60 "
    "lcub 7B lbrace 7B verbar 7C vert 7C rcub 7D rbrace 7D NonBreakingSpace A0 half BD pm B1 "
    "div F7 angst C5 ohm 3A9 hyphen 2010 dash 2010 horbar 2015 lsquor 201A rsquor 2019 "
    "ldquor 201E rdquor 201D nldr 2025 mldr 2026 bullet 2022 emsp13 2004 emsp14 2005 numsp 2007 "
    "puncsp 2008 hairsp 200A ZeroWidthSpace 200B MediumSpace 205F NoBreak 2060 numero 2116 "
    "copysr 2117 TRADE 2122 leftarrow 2190 uparrow 2191 rightarrow 2192 downarrow 2193 "
    "leftrightarrow 2194 Leftarrow 21D0 Rightarrow 21D2 approx 2248 leq 2264 geq 2265 "
    "square 25A1 squ 25A1 starf 2605 bigstar 2605 star 2606 phone 260E female 2640 male 2642 "
    "spadesuit 2660 clubsuit 2663 heartsuit 2665 diamondsuit 2666 sung 266A flat 266D "
    "natural 266E sharp 266F check 2713 checkmark 2713 cross 2717 sext 2736";
// clang-format on

const std::vector<NamedEntity>& entity_table() {
  static const std::vector<NamedEntity> table = [] {
    std::vector<NamedEntity> t;
    auto words = [](const char* list) {
      std::vector<std::string> w;
      std::istringstream in(list);
      for (std::string x; in >> x;) w.push_back(x);
      return w;
    };
    auto add_pairs = [&](const char* list, bool legacy) {
      const auto w = words(list);
      for (size_t i = 0; i + 1 < w.size(); i += 2)
        t.push_back({w[i], static_cast<char32_t>(std::stoul(w[i + 1], nullptr, 16)), legacy});
    };
    const auto latin1 = words(kLatin1);
    for (size_t i = 0; i < latin1.size(); ++i)
      t.push_back({latin1[i], static_cast<char32_t>(0xA0 + i), true});
    add_pairs(kLegacyOther, true);
    const auto greek = words(kGreek);
    for (size_t i = 0; i < greek.size(); ++i) {
      if (greek[i] == "-") continue;
      std::string lower = greek[i];
      lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
      t.push_back({greek[i], static_cast<char32_t>(0x391 + i), false});
      t.push_back({lower, static_cast<char32_t>(0x3B1 + i), false});
    }
    t.push_back({"sigmaf", 0x3C2, false});
    add_pairs(kOther, false);
    return t;
  }();
  return table;
}

// Entity lookup: with_semicolon = the reference ended in ';' (any entity);
// otherwise only the legacy names match, as in Python's html5 dict.
const NamedEntity* find_entity(std::string_view name, bool with_semicolon) {
  static const std::unordered_map<std::string, const NamedEntity*> index = [] {
    std::unordered_map<std::string, const NamedEntity*> m;
    for (const auto& e : entity_table()) m.emplace(e.name, &e);
    return m;
  }();
  const auto it = index.find(std::string(name));
  if (it == index.end()) return nullptr;
  return (with_semicolon || it->second->legacy) ? it->second : nullptr;
}

bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_hex(char32_t c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

// Python html._replace_charref for a numeric reference.
std::u32string numeric_charref(uint64_t num) {
  if (num < 0x80 + 32 && num >= 0x80) return std::u32string(1, kCp1252High[num - 0x80]);
  if (num == 0) return U"\uFFFD";
  if (num == 0x0D) return U"\r";
  if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF) return U"\uFFFD";
  if ((num >= 0x1 && num <= 0x8) || num == 0xB || (num >= 0xE && num <= 0x1F) || num == 0x7F ||
      (num >= 0xFDD0 && num <= 0xFDEF) || (num & 0xFFFE) == 0xFFFE)
    return U"";  // _invalid_codepoints
  return std::u32string(1, static_cast<char32_t>(num));
}

// Python's html.unescape: `&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)`,
// named references by exact name, else by the longest legacy prefix.
std::u32string html_unescape(std::u32string_view s) {
  if (s.find(U'&') == std::u32string_view::npos) return std::u32string(s);
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != U'&' || i + 1 >= s.size()) {
      out.push_back(s[i++]);
      continue;
    }
    size_t j = i + 1;
    if (s[j] == U'#') {
      const bool hex = j + 1 < s.size() && (s[j + 1] == U'x' || s[j + 1] == U'X');
      size_t k = j + (hex ? 2 : 1);
      const size_t digits_begin = k;
      uint64_t num = 0;
      while (k < s.size() && (hex ? is_hex(s[k]) : (s[k] >= U'0' && s[k] <= U'9'))) {
        const uint64_t d = s[k] <= U'9' ? s[k] - U'0' : (s[k] | 0x20) - U'a' + 10;
        num = std::min<uint64_t>(num * (hex ? 16 : 10) + d,
                                 0x7FFFFFFF);  // saturate: all > U+10FFFF act alike
        ++k;
      }
      if (k == digits_begin) {
        out.push_back(s[i++]);
        continue;
      }
      if (k < s.size() && s[k] == U';') ++k;
      out += numeric_charref(num);
      i = k;
      continue;
    }
    size_t k = j;
    auto excluded = [](char32_t c) {
      return c == U'\t' || c == U'\n' || c == U'\f' || c == U' ' || c == U'<' || c == U'&' ||
             c == U'#' || c == U';';
    };
    while (k < s.size() && k - j < 32 && !excluded(s[k])) ++k;
    if (k == j) {
      out.push_back(s[i++]);
      continue;
    }
    const bool semi = k < s.size() && s[k] == U';';
    const std::string name = text_detail::utf32_to_utf8(s.substr(j, k - j));
    const size_t end = k + (semi ? 1 : 0);
    if (const NamedEntity* e = find_entity(name, semi)) {
      out.push_back(e->cp);
    } else {
      // for x in range(len(s)-1, 1, -1): prefix s[:x] (s includes any ';').
      const size_t full = name.size() + (semi ? 1 : 0);
      bool found = false;
      for (size_t x = full - 1; x >= 2 && !found; --x) {
        if (x > name.size()) continue;
        if (const NamedEntity* p = find_entity(std::string_view(name).substr(0, x), false)) {
          out.push_back(p->cp);
          out += s.substr(j + x, end - (j + x));
          found = true;
        }
      }
      if (!found) out += s.substr(i, end - i);
    }
    i = end;
  }
  return out;
}

// ftfy.chardata.HTML_ENTITIES: every entity written with ';', plus the
// upper-cased spelling of all-lower-case names that html.unescape leaves
// alone (e.g. "&EACUTE;" -> "É"), decoding to the upper-cased character.
const std::unordered_map<std::string, std::u32string>& ftfy_entities() {
  static const std::unordered_map<std::string, std::u32string> map = [] {
    std::unordered_map<std::string, std::u32string> m;
    for (const auto& e : entity_table()) m["&" + e.name + ";"] = std::u32string(1, e.cp);
    for (const auto& e : entity_table()) {
      std::string upper = e.name;
      bool has_upper = false;
      for (char& c : upper) {
        if (c >= 'A' && c <= 'Z') has_upper = true;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      if (has_upper) continue;
      const std::string ref = "&" + upper + ";";
      const std::u32string ref32(ref.begin(), ref.end());
      if (html_unescape(ref32) == ref32)
        m.emplace(ref, change_case(std::u32string(1, e.cp), /*upper=*/true));
    }
    return m;
  }();
  return map;
}

// ftfy.fixes.unescape_html: only `&#?[0-9A-Za-z]{1,24};`, only known names,
// and numeric references only when html.unescape consumes the ';'.
std::u32string ftfy_unescape_html(std::u32string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == U'&') {
      size_t k = i + 1;
      const bool numeric = k < s.size() && s[k] == U'#';
      if (numeric) ++k;
      const size_t begin = k;
      while (k < s.size() && is_ascii_alnum(s[k])) ++k;
      const size_t run = k - begin;
      if (run >= 1 && run <= 24 && k < s.size() && s[k] == U';') {
        const std::u32string_view ref = s.substr(i, k + 1 - i);
        const std::string key = text_detail::utf32_to_utf8(ref);
        const auto& table = ftfy_entities();
        if (const auto it = table.find(key); it != table.end()) {
          out += it->second;
        } else if (numeric) {
          const std::u32string decoded = html_unescape(ref);
          out += decoded.find(U';') == std::u32string::npos ? decoded : std::u32string(ref);
        } else {
          out += ref;
        }
        i = k + 1;
        continue;
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

// ftfy.chardata.LIGATURES (fix_latin_ligatures): Latin ligatures and digraphs.
const char32_t* ligature(char32_t c) {
  // clang-format off
  static const std::unordered_map<char32_t, const char32_t*> kMap = {
      {0x132, U"IJ"}, {0x133, U"ij"}, {0x149, U"\u02BCn"}, {0x1C4, U"D\u017D"},
      {0x1C5, U"D\u017E"}, {0x1C6, U"d\u017E"}, {0x1C7, U"LJ"}, {0x1C8, U"Lj"},
      {0x1C9, U"lj"}, {0x1CA, U"NJ"}, {0x1CB, U"Nj"}, {0x1CC, U"nj"}, {0x1F1, U"DZ"},
      {0x1F2, U"Dz"}, {0x1F3, U"dz"}, {0xFB00, U"ff"}, {0xFB01, U"fi"}, {0xFB02, U"fl"},
      {0xFB03, U"ffi"}, {0xFB04, U"ffl"}, {0xFB05, U"\u017Ft"}, {0xFB06, U"st"}};
  // clang-format on
  if (c < 0x132) return nullptr;  // fast path for ASCII and Latin-1
  const auto it = kMap.find(c);
  return it == kMap.end() ? nullptr : it->second;
}

bool is_ftfy_control(char32_t c) {  // ftfy.chardata.CONTROL_CHARS
  return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F ||
         (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
}

// One pass of the per-character fixes of ftfy.fix_and_explain, in its order.
// The first loop fuses fix_c1_controls, fix_latin_ligatures,
// fix_character_width, uncurl_quotes and fix_line_breaks: no fix produces a
// character an earlier one acts on, and '\r' is not produced at all.
std::u32string ftfy_fix_pass(std::u32string_view in) {
  std::u32string a;
  a.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (c >= 0x80 && c <= 0x9F) c = kCp1252High[c - 0x80];  // so U+0085 becomes U+2026, not \n
    if (const char32_t* lig = ligature(c)) {
      a += lig;
    } else if (c >= 0xFF01 && c <= 0xFFEF) {
      a += normalize(std::u32string(1, c), /*compat=*/true);  // WIDTH_MAP = NFKC of the char
    } else if (c == 0x3000) {
      a.push_back(U' ');
    } else if (c >= 0x2018 && c <= 0x201B) {
      a.push_back(U'\'');
    } else if (c >= 0x201C && c <= 0x201F) {
      a.push_back(U'"');
    } else if (c == U'\r' || c == 0x2028 || c == 0x2029) {
      a.push_back(U'\n');
      if (c == U'\r' && i + 1 < in.size() && in[i + 1] == U'\n') ++i;
    } else {
      a.push_back(c);
    }
  }
  // remove_terminal_escapes (\033\[((?:\d|;)*)([a-zA-Z]), \d being Unicode Nd),
  // then remove_control_chars.
  std::u32string out;
  out.reserve(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == 0x1B && i + 1 < a.size() && a[i + 1] == U'[') {
      size_t k = i + 2;
      while (k < a.size() &&
             (a[k] == U';' || u_charType(static_cast<UChar32>(a[k])) == U_DECIMAL_DIGIT_NUMBER))
        ++k;
      if (k < a.size() && a[k] < 0x80 && (a[k] | 0x20) >= U'a' && (a[k] | 0x20) <= U'z') {
        i = k;
        continue;
      }
    }
    if (!is_ftfy_control(a[i])) out.push_back(a[i]);
  }
  return normalize(out, /*compat=*/false);
}

// ftfy.fix_text: line by line; once a line contains '<' the text is taken to
// be HTML and entities are left alone from then on ("auto" unescape_html).
std::u32string ftfy_fix_text(std::u32string_view text) {
  std::u32string out;
  bool unescape = true;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find(U'\n', pos);
    const size_t end = nl == std::u32string_view::npos ? text.size() : nl + 1;
    std::u32string seg(text.substr(pos, end - pos));
    if (seg.find(U'<') != std::u32string::npos) unescape = false;
    for (int iter = 0; iter < 64; ++iter) {  // fix_and_explain loops to a fixed point
      std::u32string next = unescape ? ftfy_unescape_html(seg) : seg;
      next = ftfy_fix_pass(next);
      if (next == seg) break;
      seg = std::move(next);
    }
    out += seg;
    pos = end;
  }
  return out;
}

}  // namespace

std::string clean_prompt_text(std::string_view utf8) {
  std::u32string t = ftfy_fix_text(text_detail::utf8_to_utf32(utf8));
  t = html_unescape(html_unescape(t));  // basic_clean
  // whitespace_clean (basic_clean's strip() is subsumed): collapse \s+, strip.
  std::u32string ws;
  ws.reserve(t.size());
  bool pending_space = false;
  for (char32_t c : t) {
    if (is_python_space(c)) {
      pending_space = !ws.empty();
    } else {
      if (pending_space) ws.push_back(U' ');
      pending_space = false;
      ws.push_back(c);
    }
  }
  return text_detail::utf32_to_utf8(change_case(ws, /*upper=*/false));
}

}  // namespace stipple
