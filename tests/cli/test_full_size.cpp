// A full-size SD 1.5 architecture written by `stipple-cli init-random` (fp16 on disk) loads
// strictly, with the original key naming. Reports load time and peak memory.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "golden.h"
#include "io/safetensors.h"
#include "pipeline/sd_model.h"
#include "process.h"

namespace fs = std::filesystem;

namespace {

// Key shape with every number replaced by '#': "input_blocks.#.#.in_layers.#.weight".
std::set<std::string> key_patterns(const std::vector<std::string>& keys) {
  static const std::regex digits("[0-9]+");
  std::set<std::string> out;
  for (const auto& k : keys)
    if (k.rfind("model.diffusion_model.", 0) == 0 || k.rfind("first_stage_model.", 0) == 0 ||
        k.rfind("cond_stage_model.", 0) == 0)
      out.insert(std::regex_replace(k, digits, "#"));
  return out;
}

double peak_rss_gb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss * 1024.0 / 1e9;  // ru_maxrss is in KiB
}

}  // namespace

TEST(FullSize, Sd15Fp16LoadsStrictlyWithOriginalNames) {
  const fs::path file = fs::temp_directory_path() / ("stipple-sd15-" + std::to_string(::getpid()) + ".safetensors");
  const auto r = stipple::test::run_process(
      {stipple::test::cli_path(), "init-random", "--arch", "sd15", "--dtype", "f16", "--out", file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  struct Cleanup {
    fs::path p;
    ~Cleanup() { fs::remove(p); }
  } cleanup{file};

  const auto t0 = std::chrono::steady_clock::now();
  auto model = stipple::load_stable_diffusion(file);  // throws on any missing/unexpected/wrong-shape key
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("[ full-size ] sd15 fp16 file %.2f GB: load %.2f s, peak RSS %.2f GB (fp32 weights 4.26 GB)\n",
              fs::file_size(file) / 1e9, seconds, peak_rss_gb());
  EXPECT_EQ(model->config.unet.model_channels, 320);
  EXPECT_EQ(model->config.unet.context_dim, 768);
  EXPECT_EQ(model->config.text.layers, 12);

  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  std::vector<std::string> golden_keys;
  std::ifstream in(*dir / "tiny-sd1.keys.txt");
  for (std::string line; std::getline(in, line);) golden_keys.push_back(line.substr(0, line.find('\t')));
  std::vector<std::string> ours;
  const auto written = stipple::SafetensorsFile::open(file);
  for (const auto& t : written->tensors()) ours.push_back(t.name);
  EXPECT_EQ(key_patterns(ours), key_patterns(golden_keys));
}
