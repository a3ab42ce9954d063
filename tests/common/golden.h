#pragma once
// Locates the shared golden reference data (see ../shared/golden/README.md).
// Tests that need it GTEST_SKIP() << golden_missing_message() when golden_dir()
// is nullopt, so the suite still passes on machines without the data.
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace stipple::test {

// STIPPLE_GOLDEN_DIR (environment) wins; otherwise <source>/../shared/golden,
// where STIPPLE_SOURCE_DIR is a compile definition set by the build. A folder
// only counts if it has the README.md that documents the data.
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
#ifdef STIPPLE_SOURCE_DIR
  const std::filesystem::path dir =
      std::filesystem::path(STIPPLE_SOURCE_DIR) / ".." / "shared" / "golden";
  if (usable(dir)) return dir.lexically_normal();
#endif
  return std::nullopt;
}

// Why a golden test was skipped, with how to fix it.
inline std::string golden_missing_message() {
  std::string msg = "golden data not found (need a folder with README.md): ";
  if (const char* env = std::getenv("STIPPLE_GOLDEN_DIR"); env && *env)
    return msg + "STIPPLE_GOLDEN_DIR=" + env + " is not usable";
#ifdef STIPPLE_SOURCE_DIR
  msg += std::string("looked in ") + STIPPLE_SOURCE_DIR + "/../shared/golden; ";
#endif
  return msg + "set STIPPLE_GOLDEN_DIR to override";
}

}  // namespace stipple::test
