// Hostile files: every model and image of the generated corpus (hostile_corpus.cpp) either loads
// correctly (unusual but valid images, in the right colours) or fails with its specific message,
// both through the engine (what the GUI shows in its dialog) and through stipple-cli (exit code
// 1 or 2 with the message on stderr, no image written). Never a crash, a hang or a silent image.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

#include <opencv2/core.hpp>

#include "golden.h"
#include "hostile_corpus.h"
#include "image/image_io.h"
#include "pipeline/engine.h"
#include "pipeline/save_diffusers.h"
#include "pipeline/sd_model.h"
#include "process.h"

namespace fs = std::filesystem;
using stipple::hostile::Case;
using stipple::hostile::Kind;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class HostileFile : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    const auto golden = stipple::test::golden_dir();
    if (!golden) GTEST_SKIP() << stipple::test::golden_missing_message();
    golden_ = *golden;
    stipple::hostile::set_diffusers_writer([](const fs::path& g, const fs::path& folder) {
      stipple::save_diffusers(*stipple::load_stable_diffusion(g / "tiny-sd1.safetensors"), folder);
    });
    dir_ = fs::temp_directory_path() / ("stipple-hostile-" + std::to_string(::getpid()) + "-" +
                                        (GetParam().kind == Kind::Model ? "model-" : "image-") + GetParam().name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = GetParam().make(dir_, golden_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  fs::path golden_, dir_, path_;
};

void expect_colour(const cv::Mat& rgb, const Case& c) {
  ASSERT_FALSE(rgb.empty());
  ASSERT_EQ(rgb.type(), CV_8UC3);
  const cv::Scalar mean = cv::mean(rgb);
  for (int ch = 0; ch < 3; ++ch) EXPECT_NEAR(mean[ch], c.rgb[static_cast<size_t>(ch)], 6) << "channel " << ch;
}

}  // namespace

// What the GUI's dialog shows: the engine's message.
TEST_P(HostileFile, EngineNamesTheProblem) {
  const Case& c = GetParam();
  if (c.kind == Kind::Image) {
    if (c.expect.empty()) {
      expect_colour(stipple::load_image_rgb(path_), c);
      return;
    }
    try {
      stipple::load_image_rgb(path_);
      FAIL() << "loaded; expected an error with '" << c.expect << "'";
    } catch (const std::exception& e) {
      EXPECT_NE(std::string(e.what()).find(c.expect), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(path_.filename().string()), std::string::npos) << "names no file: " << e.what();
    }
    try {
      stipple::load_mask(path_);
      FAIL() << "loaded as a mask";
    } catch (const std::exception& e) {
      EXPECT_NE(std::string(e.what()).find(c.expect), std::string::npos) << e.what();
    }
    return;
  }
  stipple::EngineModelSpec spec;
  spec.model = path_;
  if (c.tokenizer_override) spec.tokenizer = golden_ / "bpe_simple_vocab_16e6.txt.gz";
  try {
    stipple::Engine::load(spec);
    FAIL() << "loaded; expected an error with '" << c.expect << "'";
  } catch (const std::exception& e) {
    EXPECT_NE(lower(e.what()).find(lower(c.expect)), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(dir_.filename().string()), std::string::npos) << "names no file: " << e.what();
  }
}

TEST_P(HostileFile, CliNamesTheProblem) {
  const Case& c = GetParam();
  const fs::path out = dir_ / "generated.png";
  std::vector<std::string> argv = {"timeout", "120", stipple::test::cli_path(), "generate", "--prompt", "a red circle",
                                   "--steps", "1", "--width", "64", "--height", "64", "--out", out.string()};
  if (c.kind == Kind::Image) {
    argv.insert(argv.end(), {"--model", (golden_ / "tiny-sd1.safetensors").string(), "--init", path_.string(),
                             "--strength", "0.5"});
  } else {
    argv.insert(argv.end(), {"--model", path_.string()});
    if (c.tokenizer_override) argv.insert(argv.end(), {"--tokenizer", (golden_ / "bpe_simple_vocab_16e6.txt.gz").string()});
  }
  const auto r = stipple::test::run_process(argv);
  ASSERT_NE(r.exit_code, 124) << "stipple-cli hung";
  if (c.expect.empty()) {
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(out));
    return;
  }
  EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 2) << "exit code " << r.exit_code << "\n" << r.err;
  EXPECT_NE(lower(r.err).find(lower(c.expect)), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out)) << "an image was written";
}

INSTANTIATE_TEST_SUITE_P(Corpus, HostileFile, ::testing::ValuesIn(stipple::hostile::all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string n = (info.param.kind == Kind::Model ? "model_" : "image_") + info.param.name;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

// At least 100 files, as the reliability issue asks.
TEST(HostileCorpus, HasAtLeast100Files) { EXPECT_GE(stipple::hostile::all_cases().size(), 100u); }
