// The bundled model, end to end: it generates the held-out prompts (attribute combinations it
// never saw in training) and inpaints objects into masks, judged with the OpenCV judge.
// The floors asserted here sit a few points below what the shipped weights measure (model card),
// so that a CPU without bf16 (fp32 numerics) does not flake while a broken sampler, loader or
// VAE fails; where the shipped weights are still short of the quality targets (quality_targets:
// colour+shape 90%, position 80%, two objects 60%, inpainting 85%), the test prints the gap.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <unistd.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "process.h"
#include "test_paths.h"
#include "train/evaluate.h"
#include "train/judge.h"
#include "train/shapes_dataset.h"

namespace fs = std::filesystem;

namespace {

fs::path model_dir(const char* name) { return stipple::test::source_dir() / "models" / name; }

bool present(const fs::path& dir) { return fs::exists(dir / "model_index.json"); }

stipple::train::EvalOptions options(const fs::path& model) {
  stipple::train::EvalOptions o;
  o.model = model;
  o.prompts = "heldout";
  o.seeds = 1;
  o.steps = 20;
  return o;
}

void report_targets(const stipple::train::EvalSummary& s, bool inpainting_model) {
  std::cout << stipple::train::format_summary(s) << stipple::train::format_targets(
                                                        stipple::train::quality_targets(s, inpainting_model));
}

}  // namespace

TEST(DefaultModel, GeneratesHeldOutPromptsWithTheAskedAttributes) {
  const fs::path dir = model_dir("stipple-shapes");
  ASSERT_TRUE(present(dir)) << dir << " is missing: the bundled model ships in models/ (its trainer: "
                                      "core/engine/train/README.md)";
  const auto s = stipple::train::evaluate_model(options(dir));
  report_targets(s, false);
  EXPECT_GE(s.colour_shape.value(), 0.72);
  EXPECT_GE(s.position.value(), 0.80);
  EXPECT_GE(s.two_objects.value(), 0.55);
  EXPECT_LT(s.seconds_per_image, 4.0) << "128 px, 20 steps should take under 2 s on two idle cores";
}

TEST(DefaultModel, BaseModelInpaintsByLatentBlending) {
  const fs::path dir = model_dir("stipple-shapes");
  ASSERT_TRUE(present(dir)) << dir << " is missing";
  auto o = options(dir);
  o.inpainting = true;
  const auto s = stipple::train::evaluate_model(o);
  report_targets(s, false);
  EXPECT_GE(s.object_in_mask.value(), 0.45);
  EXPECT_EQ(s.changed_outside, 0);
}

TEST(DefaultModel, InpaintingModelPaintsInsideTheMaskOnly) {
  const fs::path dir = model_dir("stipple-shapes-inpainting");
  ASSERT_TRUE(present(dir)) << dir << " is missing";
  auto o = options(dir);
  o.inpainting = true;
  const auto s = stipple::train::evaluate_model(o);
  report_targets(s, true);
  EXPECT_GE(s.object_in_mask.value(), 0.38);
  EXPECT_EQ(s.changed_outside, 0);
}

// What a user types on a fresh checkout: the bundled model through `--model default`, at its own
// size, and the picture holds what the prompt asks for.
TEST(DefaultModel, CliGeneratesTheAskedPictureWithModelDefault) {
  ASSERT_TRUE(present(model_dir("stipple-shapes")));
  const fs::path dir = fs::temp_directory_path() / ("stipple-e2e-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string prompt = "a red circle on a white background";
  int right = 0;
  for (const char* seed : {"1", "2", "3", "4"}) {
    const fs::path out = dir / (std::string("seed-") + seed + ".png");
    const auto r = stipple::test::run_process(
        {stipple::test::cli_path(), "generate", "--model", "default", "--prompt", prompt, "--seed", seed, "--out", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    cv::Mat bgr = cv::imread(out.string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(bgr.empty()) << out;
    EXPECT_EQ(bgr.size(), cv::Size(128, 128)) << "the bundled model's own size";
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    const auto verdict = stipple::train::judge(rgb, stipple::train::parse_caption(prompt));
    right += verdict.all() ? 1 : 0;
  }
  EXPECT_GE(right, 3) << "of 4 seeds, a red circle on white in fewer than 3 (pictures in " << dir << ")";
  if (right >= 3) fs::remove_all(dir);
}
