// The FLOP counter against the published figure for SD 1.5: one CFG step at 512x512 (UNet
// batch 2) is 1.61 TFLOP: convolutions 0.89 (the transformers' 1x1 proj_in/proj_out
// included), linear layers 0.47, self-attention 0.25. Stipple also counts the cross-attention
// matmuls (0.01) with attention.
#include <gtest/gtest.h>

#include "nn/flops.h"
#include "pipeline/model_tools.h"

TEST(Flops, Sd15CfgStepAt512) {
  const auto c = stipple::architecture_config("sd15");
  const auto f = stipple::count_unet_flops(c.unet, 2, 64, 64, 77);
  EXPECT_NEAR(f.conv / 1e12, 0.89, 0.01);
  EXPECT_NEAR(f.linear / 1e12, 0.47, 0.01);
  EXPECT_NEAR(f.attention / 1e12, 0.25 + 0.01, 0.01);
  EXPECT_NEAR(f.total() / 1e12, 1.62, 0.02);
}

TEST(Flops, ScalesWithResolution) {
  const auto c = stipple::architecture_config("sd15");
  const auto small = stipple::count_unet_flops(c.unet, 2, 32, 32, 77);
  const auto large = stipple::count_unet_flops(c.unet, 2, 64, 64, 77);
  EXPECT_NEAR(large.conv / small.conv, 4.0, 0.01);     // convolutions grow with the pixels
  EXPECT_GT(large.attention / small.attention, 10.0);  // self-attention with the pixels squared
}
