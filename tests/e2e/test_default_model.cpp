// The bundled model, end to end: it generates the held-out prompts (attribute combinations it
// never saw in training) and inpaints objects into masks, judged with the OpenCV judge.
// Thresholds sit a little below the model card's targets (colour+shape 90%, position 80%, two
// objects 60%, inpainting 85%) so that platform differences in floating point do not flake.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "train/evaluate.h"

namespace fs = std::filesystem;

namespace {

fs::path model_dir(const char* name) { return fs::path(STIPPLE_SOURCE_DIR) / "models" / name; }

bool present(const fs::path& dir) { return fs::exists(dir / "model_index.json"); }

stipple::train::EvalOptions options(const fs::path& model) {
  stipple::train::EvalOptions o;
  o.model = model;
  o.prompts = "heldout";
  o.seeds = 1;
  o.steps = 20;
  return o;
}

}  // namespace

TEST(DefaultModel, GeneratesHeldOutPromptsWithTheAskedAttributes) {
  const fs::path dir = model_dir("stipple-shapes");
  if (!present(dir))
    GTEST_SKIP() << dir << " is not there yet: train it with `stipple-cli train --stage all --out runs/shapes "
                           "--models models` (see models/README.md)";
  const auto s = stipple::train::evaluate_model(options(dir));
  std::cout << stipple::train::format_summary(s);
  EXPECT_GE(s.colour_shape.value(), 0.85);
  EXPECT_GE(s.position.value(), 0.70);
  EXPECT_GE(s.two_objects.value(), 0.50);
  EXPECT_LT(s.seconds_per_image, 4.0) << "128 px, 20 steps should take under 2 s on two idle cores";
}

TEST(DefaultModel, BaseModelInpaintsByLatentBlending) {
  const fs::path dir = model_dir("stipple-shapes");
  if (!present(dir)) GTEST_SKIP() << dir << " is not there yet";
  auto o = options(dir);
  o.inpainting = true;
  const auto s = stipple::train::evaluate_model(o);
  std::cout << stipple::train::format_summary(s);
  EXPECT_GE(s.object_in_mask.value(), 0.50);
  EXPECT_EQ(s.changed_outside, 0);
}

TEST(DefaultModel, InpaintingModelPaintsInsideTheMaskOnly) {
  const fs::path dir = model_dir("stipple-shapes-inpainting");
  if (!present(dir)) GTEST_SKIP() << dir << " is not there yet";
  auto o = options(dir);
  o.inpainting = true;
  const auto s = stipple::train::evaluate_model(o);
  std::cout << stipple::train::format_summary(s);
  EXPECT_GE(s.object_in_mask.value(), 0.80);
  EXPECT_EQ(s.changed_outside, 0);
}
