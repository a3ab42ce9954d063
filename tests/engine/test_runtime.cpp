// Runtime detection: CPU features agree with the kernel's view, threads are applied.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "runtime.h"

namespace {

// The kernel's flag list for the first CPU, padded with spaces for whole-word search.
std::string proc_cpu_flags() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("flags", 0) == 0) return " " + line.substr(line.find(':') + 1) + " ";
  return {};
}

bool has_flag(const std::string& flags, const std::string& name) {
  return flags.find(" " + name + " ") != std::string::npos;
}

}  // namespace

TEST(Runtime, CpuFeaturesMatchKernelFlags) {
  const std::string flags = proc_cpu_flags();
  if (flags.empty()) GTEST_SKIP() << "/proc/cpuinfo has no flags line on this system";
  const auto f = stipple::detect_cpu_features();
  EXPECT_EQ(f.avx2, has_flag(flags, "avx2"));
  EXPECT_EQ(f.avx512f, has_flag(flags, "avx512f"));
  EXPECT_EQ(f.avx512_bf16, has_flag(flags, "avx512_bf16"));
  EXPECT_EQ(f.amx_bf16, has_flag(flags, "amx_bf16"));
}

TEST(Runtime, ConfigureUsesAllAvailableCpus) {
  stipple::configure_runtime(1);
  EXPECT_EQ(stipple::runtime_info().threads, 1);
  stipple::configure_runtime();
  EXPECT_EQ(stipple::runtime_info().threads, stipple::available_cpus());
  EXPECT_GE(stipple::available_cpus(), 1);
}

TEST(Runtime, InfoNamesVersionsAndDevice) {
  const auto info = stipple::runtime_info();
  EXPECT_FALSE(info.stipple_version.empty());
  EXPECT_EQ(info.torch_version.substr(0, 1).find_first_of("12"), 0u) << info.torch_version;
  EXPECT_EQ(info.opencv_version.substr(0, 1), "4");
  const std::string device = stipple::describe_device(info);
  EXPECT_NE(device.find(info.cuda_available ? "CUDA" : "CPU"), std::string::npos) << device;
}

// A packaged or moved install finds its data beside its own bin/: <prefix>/share/stipple.
TEST(Runtime, DataDirsIncludeShareBesideTheProgram) {
  namespace fs = std::filesystem;
  const fs::path exe = fs::read_symlink("/proc/self/exe");
  const fs::path expected = (exe.parent_path().parent_path() / "share" / "stipple").lexically_normal();
  const auto dirs = stipple::data_dirs();
  EXPECT_NE(std::find(dirs.begin(), dirs.end(), expected), dirs.end()) << expected;
  setenv("STIPPLE_DATA_DIR", "/tmp/stipple-data-dir-test", 1);
  EXPECT_EQ(stipple::data_dirs().front(), fs::path("/tmp/stipple-data-dir-test")) << "the environment comes first";
  unsetenv("STIPPLE_DATA_DIR");
}
