#include "pipeline/out_of_memory.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace stipple {

namespace {

std::string human_bytes(double bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
  int u = 0;
  while (bytes >= 1024 && u < 5) {
    bytes /= 1024;
    ++u;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return buf;
}

// The number after `key` in `text` ("you tried to allocate 123 bytes", "Tried to allocate 2.00 GiB").
std::optional<std::string> allocation_size(const std::string& text, const std::string& key) {
  const size_t at = text.find(key);
  if (at == std::string::npos) return std::nullopt;
  const char* start = text.c_str() + at + key.size();
  char* end = nullptr;
  const double value = std::strtod(start, &end);
  if (end == start) return std::nullopt;
  std::string unit;
  for (const char* p = end; *p == ' '; ++p) end = const_cast<char*>(p + 1);
  for (const char* p = end; *p && std::isalpha(static_cast<unsigned char>(*p)); ++p) unit += *p;
  if (unit == "bytes" || unit.empty()) return human_bytes(value);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2f %s", value, unit.c_str());
  return std::string(buf);
}

}  // namespace

std::optional<std::string> out_of_memory_message(const std::string& what) {
  const std::string advice =
      ". Try a smaller image size, fewer images per batch, or bf16/fp16 precision; the model stays loaded.";
  if (what.find("CUDA out of memory") != std::string::npos || what.find("CUDA error: out of memory") != std::string::npos) {
    const auto size = allocation_size(what, "Tried to allocate ");
    return "Out of GPU memory: " + (size ? "an allocation of " + *size + " failed" : std::string("an allocation failed")) + advice;
  }
  if (what.find("can't allocate memory") != std::string::npos || what.find("std::bad_alloc") != std::string::npos ||
      what == "std::bad_alloc") {
    const auto size = allocation_size(what, "you tried to allocate ");
    return "Out of memory: " + (size ? "an allocation of " + *size + " failed" : std::string("an allocation failed")) + advice;
  }
  return std::nullopt;
}

}  // namespace stipple
