// Internal helpers shared by safetensors.cpp (reader) and
// safetensors_write.cpp (writer). Not part of the public API (do not include it
// outside core/engine/io); header-only so it needs no build entry.
#pragma once

#include "io/safetensors.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace stipple::detail {

// Every message starts with the file so a user with many checkpoints knows
// which one is broken.
[[noreturn]] inline void fail(const std::filesystem::path& path, const std::string& problem) {
  throw SafetensorsError(path.string() + ": " + problem);
}

// Offset of the first byte that is not part of well-formed UTF-8 (no
// overlongs, no surrogates, nothing above U+10FFFF), or nullopt.
inline std::optional<size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::nullopt;
}

// Names come from untrusted files: escape what a terminal or log should not
// see raw, and cap the length so a 1 MB key cannot flood the message.
inline std::string printable(std::string_view s, size_t max_bytes = 160) {
  std::string out;
  size_t i = 0;
  while (i < s.size() && out.size() < max_bytes) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    if (c >= 0x80) {
      len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
      if (i + len > s.size() || find_invalid_utf8(s.substr(i, len))) len = 0;
    }
    if (len == 0 || c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
      ++i;
    } else {
      out.append(s.data() + i, len);
      i += len;
    }
  }
  if (i < s.size()) out += "...";
  return out;
}

inline std::string shape_string(const std::vector<int64_t>& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) out += (i ? "," : "") + std::to_string(shape[i]);
  return out + "]";
}

// numel x element size, or nullopt if any step overflows int64 (the dims
// themselves must already be non-negative).
inline std::optional<uint64_t> checked_nbytes(const std::vector<int64_t>& shape, DType dtype) {
  uint64_t n = 1;
  for (int64_t d : shape)
    if (__builtin_mul_overflow(n, static_cast<uint64_t>(d), &n)) return std::nullopt;
  if (n > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  if (__builtin_mul_overflow(n, static_cast<uint64_t>(dtype_size(dtype)), &n)) return std::nullopt;
  if (n > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  return n;
}

// Parses untrusted JSON. nlohmann silently keeps the last of duplicate keys
// and happily builds arbitrarily deep trees, so the callback parser is used
// to reject both while parsing, before any tree is built for them.
// `what` names the text in messages ("header", "index").
inline nlohmann::json parse_json_guarded(std::string_view text, const std::filesystem::path& path,
                                         const std::string& what) {
  using nlohmann::json;
  if (const auto bad = find_invalid_utf8(text)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
    fail(path,
         what + " is not valid UTF-8 (byte " + byte + " at offset " + std::to_string(*bad) + ")");
  }
  std::vector<std::set<std::string, std::less<>>> keys_per_object;
  const json::parser_callback_t guard = [&](int depth, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        // `depth` counts the containers around the one being opened.
        if (depth + 1 > kMaxJsonDepth)
          fail(path, what + " JSON is nested more than " + std::to_string(kMaxJsonDepth) +
                         " levels deep");
        if (event == json::parse_event_t::object_start) keys_per_object.emplace_back();
        break;
      case json::parse_event_t::object_end: keys_per_object.pop_back(); break;
      case json::parse_event_t::key: {
        const auto& key = parsed.get_ref<const std::string&>();
        if (!keys_per_object.back().insert(key).second)
          fail(path, what + " has duplicate key '" + printable(key) + "'");
        break;
      }
      default: break;
    }
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), guard);
  } catch (const json::exception& e) {
    fail(path, what + " is not valid JSON: " + printable(e.what(), 240));
  }
}

}  // namespace stipple::detail
