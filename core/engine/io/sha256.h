#pragma once
// SHA-256 (FIPS 180-4) of files, for A1111's "Model hash" (first 10 hex digits of the file's digest).
#include <cstdint>
#include <filesystem>
#include <string>

namespace stipple {

std::string sha256_hex(const void* data, size_t size);
// Streams the file; throws naming the file if it cannot be read.
std::string sha256_file_hex(const std::filesystem::path& path);
// First 10 hex digits (A1111's "Model hash"), cached by (path, size, mtime) in memory and in
// $XDG_CACHE_HOME/stipple/model-hashes.json (~/.cache when unset), so a model is hashed once,
// not at every start.
std::string model_hash(const std::filesystem::path& path);

}  // namespace stipple
