#include "pipeline/out_of_memory.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace stipple {

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

namespace {

// A number from a one-line file such as /sys/fs/cgroup/memory.max ("max" means no limit).
std::optional<uint64_t> read_number_file(const std::string& path) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text) || text == "max") return std::nullopt;
  return parse_memory_size(text);
}

// This process's control group path ("0::/user.slice/..." for v2, "N:memory:/..." for v1).
std::optional<std::string> cgroup_of(const std::string& controller) {
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  while (std::getline(in, line)) {
    const size_t a = line.find(':');
    const size_t b = a == std::string::npos ? a : line.find(':', a + 1);
    if (b == std::string::npos) continue;
    const std::string controllers = line.substr(a + 1, b - a - 1);
    if (controllers == controller || (controller.empty() && controllers.empty())) return line.substr(b + 1);
  }
  return std::nullopt;
}

std::optional<uint64_t> cgroup_room() {
  std::optional<uint64_t> room;
  auto limit_by = [&room](const std::optional<uint64_t>& limit, const std::optional<uint64_t>& used) {
    if (!limit) return;
    const uint64_t free = used && *used < *limit ? *limit - *used : (used ? 0 : *limit);
    room = room ? std::min(*room, free) : free;
  };
  if (const auto v2 = cgroup_of("")) {
    const std::string dir = "/sys/fs/cgroup" + *v2;
    limit_by(read_number_file(dir + "/memory.max"), read_number_file(dir + "/memory.current"));
  }
  if (const auto v1 = cgroup_of("memory")) {
    // Inside a container the group's own folder is usually mounted as the root.
    std::string dir = "/sys/fs/cgroup/memory" + *v1;
    if (!std::ifstream(dir + "/memory.limit_in_bytes")) dir = "/sys/fs/cgroup/memory";
    const auto limit = read_number_file(dir + "/memory.limit_in_bytes");
    if (limit && *limit < (uint64_t(1) << 60))  // v1 says "no limit" with a huge number
      limit_by(limit, read_number_file(dir + "/memory.usage_in_bytes"));
  }
  return room;
}

}  // namespace

std::optional<uint64_t> parse_memory_size(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !std::isfinite(value) || value < 0) return std::nullopt;
  std::string unit(end);
  if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
  if (unit.size() > 2 || (unit.size() == 2 && unit[1] != 'i')) return std::nullopt;
  double scale = 1;
  if (!unit.empty()) {
    switch (std::toupper(static_cast<unsigned char>(unit[0]))) {
      case 'K': scale = 1024.0; break;
      case 'M': scale = 1024.0 * 1024; break;
      case 'G': scale = 1024.0 * 1024 * 1024; break;
      case 'T': scale = 1024.0 * 1024 * 1024 * 1024; break;
      default: return std::nullopt;
    }
  }
  const double bytes = value * scale;
  if (bytes >= 1.8e19) return std::nullopt;
  return static_cast<uint64_t>(bytes);
}

std::optional<uint64_t> available_memory_bytes() {
  std::optional<uint64_t> available;
  {
    std::ifstream in("/proc/meminfo");
    std::string key;
    uint64_t value = 0;
    std::string unit;
    uint64_t mem = 0, swap = 0;
    bool have_mem = false;
    while (in >> key >> value) {
      std::getline(in, unit);
      if (key == "MemAvailable:") {
        mem = value * 1024;
        have_mem = true;
      } else if (key == "SwapFree:") {
        swap = value * 1024;
      }
    }
    if (have_mem) available = mem + swap;
  }
  auto cap = [&available](const std::optional<uint64_t>& limit) {
    if (limit) available = available ? std::min(*available, *limit) : *limit;
  };
  cap(cgroup_room());
  if (const char* env = std::getenv("STIPPLE_MEMORY_LIMIT"); env && *env) cap(parse_memory_size(env));
  return available;
}

std::string memory_shortfall_message(const std::string& what, uint64_t needed, uint64_t available) {
  return what + ": loading the model needs about " + human_bytes(static_cast<double>(needed)) +
         " of memory, but only " + human_bytes(static_cast<double>(available)) +
         " is available. Close other programs, or use a smaller model.";
}

namespace {

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

std::optional<AllocationFailure> allocation_failure(const std::string& what) {
  auto failed = [](const std::optional<std::string>& size) {
    return size ? "an allocation of " + *size + " failed" : std::string("an allocation failed");
  };
  if (what.find("CUDA out of memory") != std::string::npos || what.find("CUDA error: out of memory") != std::string::npos)
    return AllocationFailure{true, failed(allocation_size(what, "Tried to allocate "))};
  if (what.find("can't allocate memory") != std::string::npos || what.find("std::bad_alloc") != std::string::npos)
    return AllocationFailure{false, failed(allocation_size(what, "you tried to allocate "))};
  return std::nullopt;
}

std::optional<std::string> out_of_memory_message(const std::string& what) {
  const auto failure = allocation_failure(what);
  if (!failure) return std::nullopt;
  return (failure->gpu ? "Out of GPU memory: " : "Out of memory: ") + failure->what +
         ". Try a smaller image size, fewer images per batch, or bf16/fp16 precision; the model stays loaded.";
}

}  // namespace stipple
