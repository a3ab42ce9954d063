#pragma once
// Helpers shared by test_safetensors.cpp and test_tensor_io.cpp: temp folders,
// hand-made (possibly hostile) files, and exception-message assertions.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "io/safetensors.h"

namespace stipple::test {

namespace fs = std::filesystem;

inline std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A raw file: u64 LE header length (or `claimed_len`), header text, data bytes.
inline void write_raw(const fs::path& p, const std::string& header, const std::string& data = {},
                      std::optional<uint64_t> claimed_len = std::nullopt) {
  const uint64_t len = claimed_len.value_or(header.size());
  std::string bytes(8, '\0');
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((len >> (8 * i)) & 0xFF);
  std::ofstream(p, std::ios::binary) << bytes << header << data;
}

// Passes if fn throws SafetensorsError whose message contains every needle.
template <class Fn>
::testing::AssertionResult throws_with(Fn&& fn, const std::vector<std::string>& needles) {
  try {
    fn();
  } catch (const SafetensorsError& e) {
    const std::string msg = e.what();
    for (const auto& n : needles)
      if (msg.find(n) == std::string::npos)
        return ::testing::AssertionFailure() << "message \"" << msg << "\" lacks \"" << n << "\"";
    return ::testing::AssertionSuccess();
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << "wrong exception type: " << e.what();
  }
  return ::testing::AssertionFailure() << "no exception thrown";
}

inline bool has_temp_files(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
  return false;
}

// Gives each test a fresh temp folder, removed afterwards.
class SafetensorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "stipple-st-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir_, ec))  // undo read-only test folders
      fs::permissions(e.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  fs::path at(const std::string& name) const { return dir_ / name; }
  // Writes `header` + `data` to a fresh file; passes if open() rejects it
  // with a message naming the file and containing `needle`.
  ::testing::AssertionResult rejects(const std::string& header, const std::string& data,
                                     const std::string& needle) {
    const fs::path p = at("bad.safetensors");
    write_raw(p, header, data);
    return throws_with([&] { SafetensorsFile::open(p); }, {p.string(), needle});
  }
  fs::path dir_;
};

}  // namespace stipple::test
