// Tiled VAE decode and encode (nn::VaeTiling): the tile grid covers the image with the promised
// overlaps, images under the threshold take the whole-image path unchanged, and a tiled result
// stays close to the whole-image one without seams at the tile boundaries.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

#include "golden.h"
#include "golden_model.h"
#include "nn/vae.h"

namespace {

using stipple::nn::tile_starts;

TEST(TileStarts, CoverTheAxisWithTheRequestedOverlap) {
  for (int64_t length : {1, 7, 64, 65, 100, 511, 512, 513, 1000, 2048, 2049}) {
    for (auto [tile, overlap] : std::vector<std::pair<int64_t, int64_t>>{{64, 16}, {64, 0}, {128, 32}, {512, 128}}) {
      const auto s = tile_starts(length, tile, overlap);
      ASSERT_FALSE(s.empty());
      EXPECT_EQ(s.front(), 0);
      if (length <= tile) {
        EXPECT_EQ(s.size(), 1u) << length;
        continue;
      }
      EXPECT_EQ(s.back() + tile, length) << "the last tile ends at the edge, length " << length;
      for (size_t i = 1; i < s.size(); ++i) {
        EXPECT_GT(s[i], s[i - 1]);
        EXPECT_GE(s[i - 1] + tile - s[i], overlap) << "length " << length << " tile " << tile;
      }
      // No more tiles than needed: one fewer would leave a gap or a thinner overlap.
      const int64_t stride = tile - overlap;
      EXPECT_EQ(static_cast<int64_t>(s.size()), 1 + (length - tile + stride - 1) / stride);
    }
  }
  EXPECT_THROW(tile_starts(0, 64, 8), std::invalid_argument);
}

TEST(VaeTiling, AppliesOnlyAboveTheThreshold) {
  stipple::nn::VaeTiling t;  // defaults: over 1024x1024 pixels, 512 px tiles
  EXPECT_FALSE(t.applies(512, 512));
  EXPECT_FALSE(t.applies(1024, 1024));
  EXPECT_TRUE(t.applies(1024, 1032));
  EXPECT_TRUE(t.applies(2048, 2048));
  t.max_pixels = -1;
  EXPECT_FALSE(t.applies(4096, 4096));
  t.max_pixels = 0;
  EXPECT_TRUE(t.applies(520, 64));
  EXPECT_FALSE(t.applies(512, 512)) << "one tile is the whole image";
}

// A smooth latent (what a sampler produces is smooth at the scale of a tile, unlike white noise).
torch::Tensor smooth_latent(int64_t h, int64_t w) {
  torch::manual_seed(11);
  auto coarse = torch::randn({1, 4, h / 4, w / 4});
  return torch::nn::functional::interpolate(
             coarse, torch::nn::functional::InterpolateFuncOptions().size(std::vector<int64_t>{h, w}).mode(torch::kBilinear).align_corners(false)) *
         4.0;
}

// Mean |step| across column c -> c+1 of `x` [N,C,H,W], per column.
torch::Tensor column_steps(const torch::Tensor& x) {
  return (x.narrow(3, 1, x.size(3) - 1) - x.narrow(3, 0, x.size(3) - 1)).abs().mean({0, 1, 2});
}

struct TiledVae : ::testing::Test {
  void SetUp() override {
    if (!stipple::test::golden_dir()) GTEST_SKIP() << stipple::test::golden_missing_message();
    vae = stipple::test::golden("tiny-sd1").model->vae;
    saved = vae->tiling;
  }
  void TearDown() override {
    if (vae) vae->tiling = saved;
  }
  stipple::nn::AutoencoderKL vae{nullptr};
  stipple::nn::VaeTiling saved;
};

TEST_F(TiledVae, SmallImagesTakeTheWholeImagePath) {
  torch::InferenceMode guard;
  const auto z = smooth_latent(16, 24);
  EXPECT_TRUE(torch::equal(vae->decode(z), vae->decode_whole(z)));
  const auto x = torch::rand({1, 3, 128, 96}) * 2 - 1;
  const auto a = vae->encode(x), b = vae->encode_whole(x);
  EXPECT_TRUE(torch::equal(a.mean, b.mean));
  EXPECT_TRUE(torch::equal(a.logvar, b.logvar));
}

TEST_F(TiledVae, DecodeIsCloseToWholeAndSeamless) {
  torch::InferenceMode guard;
  const auto z = smooth_latent(40, 56);  // 320x448 pixels
  const auto whole = vae->decode_whole(z);
  vae->tiling.max_pixels = 0;
  vae->tiling.tile = 128;
  vae->tiling.overlap = 32;
  const auto tiled = vae->decode(z);
  ASSERT_EQ(tiled.sizes(), whole.sizes());
  ASSERT_TRUE(torch::isfinite(tiled).all().item<bool>());

  const double range = (whole.max() - whole.min()).item<double>();
  const double rms = (tiled - whole).pow(2).mean().sqrt().item<double>() / range;
  // Where a seam would be: the tile edges, in pixels.
  std::set<int64_t> edges;
  for (int64_t s : tile_starts(56, 16, 4)) {
    if (s > 0) edges.insert(s * 8);
    if (s + 16 < 56) edges.insert((s + 16) * 8 - 1);
  }
  // The tiled image's step across an edge column compared with the whole image's at the same column:
  // a seam shows up as a step the whole image does not have.
  const auto st = column_steps(tiled), sw = column_steps(whole);
  double worst = 0;
  for (int64_t c : edges) worst = std::max(worst, st[c].item<double>() / std::max(sw[c].item<double>(), 1e-6));
  const double typical = (st / sw.clamp_min(1e-6)).median().item<double>();
  std::printf("[ tiling ] decode: rms difference %.4f of the range; worst edge step ratio %.3f (typical %.3f)\n", rms,
              worst, typical);
  // Measured: rms 0.034, worst edge step 1.58 against a typical 1.17 (random-weight VAE, 128 px tiles).
  EXPECT_LT(rms, 0.05);
  EXPECT_LT(worst, 1.5 * typical);
}

TEST_F(TiledVae, EncodeIsCloseToWhole) {
  torch::InferenceMode guard;
  // A smooth test picture: gradients and a disc.
  auto yy = torch::linspace(-1, 1, 320).view({1, 1, 320, 1}).expand({1, 1, 320, 384});
  auto xx = torch::linspace(-1, 1, 384).view({1, 1, 1, 384}).expand({1, 1, 320, 384});
  auto disc = ((yy * yy + xx * xx) < 0.3).to(torch::kFloat);
  auto x = torch::cat({yy, xx, disc * 2 - 1}, 1).contiguous();
  const auto whole = vae->encode_whole(x);
  vae->tiling.max_pixels = 0;
  vae->tiling.tile = 128;
  vae->tiling.overlap = 32;
  const auto tiled = vae->encode(x);
  ASSERT_EQ(tiled.mean.sizes(), whole.mean.sizes());
  ASSERT_EQ(tiled.logvar.sizes(), whole.logvar.sizes());
  const double range = (whole.mean.max() - whole.mean.min()).item<double>();
  const double rms = (tiled.mean - whole.mean).pow(2).mean().sqrt().item<double>() / range;
  std::printf("[ tiling ] encode: rms difference of the mean %.4f of its range\n", rms);
  // Measured 0.078 here: the random-weight encoder normalises each 128 px tile with its own
  // statistics, the worst case for tiling (trained encoders and 512 px tiles differ far less).
  EXPECT_LT(rms, 0.1);
}

}  // namespace
