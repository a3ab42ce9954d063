#pragma once
// Locates the shared golden reference data (see ../shared/golden/README.md).
// Tests that need it GTEST_SKIP() << golden_missing_message() when golden_dir()
// is nullopt, so the suite still passes on machines without the data.
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "test_paths.h"

namespace stipple::test {

// STIPPLE_GOLDEN_DIR (environment) wins; otherwise <source>/../shared/golden,
// with the source tree found by test_paths.h. A folder only counts if it has
// the README.md that documents the data.
inline std::optional<std::filesystem::path> golden_dir() {
  std::error_code ec;
  auto usable = [&ec](const std::filesystem::path& dir) {
    return std::filesystem::is_regular_file(dir / "README.md", ec);
  };
  if (const char* env = std::getenv("STIPPLE_GOLDEN_DIR"); env && *env) {
    const std::filesystem::path dir(env);
    if (usable(dir)) return dir;
    return std::nullopt;  // an explicit but wrong setting must not silently fall back
  }
  if (const auto source = find_source_dir()) {
    const std::filesystem::path dir = *source / ".." / "shared" / "golden";
    if (usable(dir)) return dir.lexically_normal();
  }
  return std::nullopt;
}

// Why a golden test was skipped, with how to fix it.
inline std::string golden_missing_message() {
  std::string msg = "golden data not found (need a folder with README.md): ";
  if (const char* env = std::getenv("STIPPLE_GOLDEN_DIR"); env && *env)
    return msg + "STIPPLE_GOLDEN_DIR=" + env + " is not usable";
  if (const auto source = find_source_dir())
    msg += "looked in " + (*source / ".." / "shared" / "golden").lexically_normal().string() + "; ";
  else
    msg += source_dir_missing_message() + "; ";
  return msg + "set STIPPLE_GOLDEN_DIR to override";
}

}  // namespace stipple::test
