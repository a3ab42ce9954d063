// stipple-cli as a user runs it: exit codes, text and JSON output, errors on bad files.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "golden.h"
#include "pipeline/save_diffusers.h"
#include "pipeline/sd_model.h"
#include "process.h"

namespace fs = std::filesystem;
using stipple::test::run_process;

namespace {

const std::string kCli = stipple::test::cli_path();

// Number of lines in a keys.txt listing (one tensor per line).
size_t count_lines(const fs::path& p) {
  std::ifstream in(p);
  std::string line;
  size_t n = 0;
  while (std::getline(in, line))
    if (!line.empty()) ++n;
  return n;
}

}  // namespace

TEST(Cli, VersionNamesAllLibrariesAndDevice) {
  const auto r = run_process({kCli, "--version"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* word : {"Stipple ", "Qt 6.", "LibTorch ", "OpenCV 4.", "Device: "})
    EXPECT_NE(r.out.find(word), std::string::npos) << "missing '" << word << "' in:\n" << r.out;
}

TEST(Cli, VersionJsonIsMachineReadable) {
  const auto r = run_process({kCli, "version", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j.at("libtorch").is_string());
  EXPECT_GE(j.at("device").at("threads").get<int>(), 1);
  EXPECT_TRUE(j.at("device").at("bf16").is_boolean());
  // The BLAS kernels chosen for this CPU compute fp32 matmuls correctly.
  EXPECT_LT(j.at("device").at("blas").at("fp32_matmul_relative_error").get<double>(), 1e-5);
}

TEST(Cli, BlasKernelsMatchTheCpu) {
  const auto r = run_process({kCli, "version", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto& cpu = j.at("device").at("cpu");
  const std::string core = j.at("device").at("blas").at("coretype");
  if (std::getenv("OPENBLAS_CORETYPE")) GTEST_SKIP() << "OPENBLAS_CORETYPE set by the environment: " << core;
  if (cpu.at("avx512f").get<bool>()) {
    EXPECT_EQ(core, "SkylakeX");
  } else if (cpu.at("avx2").get<bool>()) {
    EXPECT_EQ(core, "Haswell");
  }
  EXPECT_GE(j.at("device").at("blas").at("threads").get<int>(), core.empty() ? 0 : 1);
  // The same re-execution makes OpenMP's idle threads sleep instead of spinning against
  // OpenBLAS's (unless the user chose a policy).
  if (!core.empty() && !std::getenv("OMP_WAIT_POLICY")) {
    EXPECT_EQ(j.at("device").at("openmp_wait_policy").get<std::string>(), "passive");
  }
}

TEST(Cli, UnknownVerbAndMissingOptionAreUsageErrors) {
  EXPECT_EQ(run_process({kCli, "frobnicate"}).exit_code, 2);
  const auto r = run_process({kCli, "info"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--model"), std::string::npos) << r.err;
}

TEST(Cli, TrainRefusesAShareOfObjectMasksOutsideZeroToOne) {
  const fs::path out = fs::temp_directory_path() / ("stipple-cli-train-" + std::to_string(getpid()));
  for (const char* bad : {"1.5", "-0.2", "most"}) {
    const auto r = run_process({kCli, "train", "--stage", "inpaint", "--out", out.string(), "--object-masks", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("--object-masks"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out)) << bad;  // refused before anything was made
  }
  const auto help = run_process({kCli, "train", "--help"});
  EXPECT_NE(help.out.find("--object-masks"), std::string::npos) << help.out;
}

TEST(Cli, VerbHelpListsOptions) {
  const auto r = run_process({kCli, "info", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--model"), std::string::npos) << r.out;
}

TEST(Cli, InfoListsEveryTensorOfTheGoldenCheckpoint) {
  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  const auto r = run_process({kCli, "info", "--model", (*dir / "tiny-sd1.safetensors").string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const size_t expected = count_lines(*dir / "tiny-sd1.keys.txt");
  EXPECT_EQ(j.at("tensors").size(), expected);
  EXPECT_EQ(j.at("tensor_count").get<size_t>(), expected);
  bool found = false;
  for (const auto& t : j.at("tensors")) {
    if (t.at("name") == "model.diffusion_model.input_blocks.0.0.weight") {
      found = true;
      EXPECT_EQ(t.at("dtype"), "F32");
      EXPECT_EQ(t.at("shape"), nlohmann::json({32, 4, 3, 3}));
    }
  }
  EXPECT_TRUE(found);

  const auto text = run_process({kCli, "info", "--model", (*dir / "tiny-sd1.safetensors").string()});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("model.diffusion_model.input_blocks.0.0.weight  F32  [32,4,3,3]"), std::string::npos);
}

// A diffusers folder (the bundled models' layout): described as a model, every tensor listed under
// its component's folder.
TEST(Cli, InfoDescribesADiffusersFolder) {
  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  const fs::path folder = fs::temp_directory_path() / "stipple-cli-info-diffusers";
  fs::remove_all(folder);
  stipple::save_diffusers(*stipple::load_stable_diffusion(*dir / "tiny-sd1.safetensors"), folder);
  const auto r = run_process({kCli, "info", "--model", folder.string(), "--json"});
  const auto text = run_process({kCli, "info", "--model", folder.string()});
  fs::remove_all(folder);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j.at("model").is_object()) << j.at("model_error");
  bool unet = false, vae = false, text_encoder = false;
  for (const auto& t : j.at("tensors")) {
    const std::string name = t.at("name");
    unet |= name == "unet/conv_in.weight";
    vae |= name.rfind("vae/", 0) == 0;
    text_encoder |= name.rfind("text_encoder/", 0) == 0;
  }
  EXPECT_TRUE(unet && vae && text_encoder) << r.out.substr(0, 2000);
  EXPECT_EQ(j.at("tensor_count").get<size_t>(), j.at("tensors").size());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("unet/conv_in.weight  F32  [32,4,3,3]"), std::string::npos) << text.out.substr(0, 2000);
}

TEST(Cli, InfoOnCorruptFileNamesTheFile) {
  const fs::path bad = fs::temp_directory_path() / "stipple-cli-test-corrupt.safetensors";
  {
    std::ofstream out(bad, std::ios::binary);
    const unsigned char header_len[8] = {0xff, 0xff, 0xff, 0x00, 0, 0, 0, 0};  // ~16 MB header in a tiny file
    out.write(reinterpret_cast<const char*>(header_len), 8);
    out << "{}";
  }
  const auto r = run_process({kCli, "info", "--model", bad.string()});
  fs::remove(bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("stipple-cli-test-corrupt.safetensors"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(Cli, InfoOnMissingFileSaysSo) {
  const auto r = run_process({kCli, "info", "--model", "/nonexistent/model.safetensors"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/nonexistent/model.safetensors"), std::string::npos) << r.err;
}

// --out into a folder that does not exist yet makes it; one that cannot exist is refused before
// the model is even loaded, so no sampling time is lost.
TEST(Cli, GenerateMakesTheOutputFolderOrRefusesFirst) {
  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  const auto model = (*dir / "tiny-sd1.safetensors").string();
  const auto base = std::filesystem::temp_directory_path() / ("stipple-cli-out-" + std::to_string(::getpid()));
  const auto out = base / "renders" / "today" / "cat.png";
  auto r = run_process({kCli, "generate", "--model", model, "--prompt", "a cat", "--width", "64", "--height", "64",
                        "--steps", "1", "--out", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(out));
  std::filesystem::remove_all(base);

  r = run_process({kCli, "generate", "--model", model, "--prompt", "a cat", "--width", "64", "--height", "64",
                   "--steps", "1", "--out", "/dev/null/renders/cat.png"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--out: cannot create the folder /dev/null/renders"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("loaded"), std::string::npos) << r.err;
}

// `--model default` means the bundled model for bench as for every other verb.
TEST(Cli, BenchTimesTheBundledModel) {
  const auto r = run_process({kCli, "bench", "--model", "default", "--width", "128", "--height", "128", "--steps", "2",
                              "--repeat", "1", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NE(j.at("model").get<std::string>().find("stipple-shapes"), std::string::npos) << r.out;
  const auto missing = run_process({kCli, "bench", "--model", "/nonexistent/model.safetensors"});
  EXPECT_NE(missing.exit_code, 0);
}
