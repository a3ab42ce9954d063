#pragma once
// Locates the source tree, for tests that read files from it (models/) or beside it
// (../shared/golden), and the stipple-cli program that tests run as a user does. CTest passes
// them as STIPPLE_SOURCE_DIR and STIPPLE_CLI in the environment (tests/CMakeLists.txt); a test
// program started by hand finds them by walking up from its own path, since the presets put build
// folders inside the checkout. No path is compiled in: two checkouts of one commit then compile
// to the same objects, and the second one builds from the compiler cache.
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>

namespace stipple::test {

namespace detail {
// The nearest folder above the running program that `wanted` accepts.
template <typename Wanted>
std::optional<std::filesystem::path> above_this_program(Wanted wanted) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
    if (wanted(dir)) return dir;
  return std::nullopt;
}
}  // namespace detail

inline std::optional<std::filesystem::path> find_source_dir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto is_checkout = [&ec](const fs::path& dir) {
    return fs::is_regular_file(dir / "CMakePresets.json", ec) && fs::is_directory(dir / "core" / "engine", ec);
  };
  if (const char* env = std::getenv("STIPPLE_SOURCE_DIR"); env && *env) {
    const fs::path dir(env);
    if (is_checkout(dir)) return dir.lexically_normal();
    return std::nullopt;  // an explicit but wrong setting must not silently fall back
  }
  return detail::above_this_program(is_checkout);
}

inline std::string source_dir_missing_message() {
  if (const char* env = std::getenv("STIPPLE_SOURCE_DIR"); env && *env)
    return std::string("STIPPLE_SOURCE_DIR=") + env + " is not a Stipple checkout (no CMakePresets.json and core/engine)";
  return "Stipple's source tree not found above this test program; run it through ctest or set STIPPLE_SOURCE_DIR";
}

// The source tree, or an exception that says how to point the test at it.
inline std::filesystem::path source_dir() {
  if (auto dir = find_source_dir()) return *dir;
  throw std::runtime_error(source_dir_missing_message());
}

// The stipple-cli program of this build: STIPPLE_CLI, else app/cli/stipple-cli in the build
// folder above this test program. An exception says what was missing.
inline std::string cli_path() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("STIPPLE_CLI"); env && *env) {
    if (fs::is_regular_file(env, ec)) return env;
    throw std::runtime_error(std::string("STIPPLE_CLI=") + env + " is not a file");
  }
  const auto build = detail::above_this_program(
      [&ec](const fs::path& dir) { return fs::is_regular_file(dir / "CMakeCache.txt", ec); });
  if (build && fs::is_regular_file(*build / "app" / "cli" / "stipple-cli", ec))
    return (*build / "app" / "cli" / "stipple-cli").string();
  throw std::runtime_error("stipple-cli not found in the build folder above this test program; run it through ctest or set STIPPLE_CLI");
}

}  // namespace stipple::test
