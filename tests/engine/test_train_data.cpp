// The trainer's data: dataset determinism and held-out split, captions, the OpenCV judge on
// ground-truth renders, the tokenizer builder, and the training and evaluation masks.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "text/clip_tokenizer.h"
#include "train/evaluate.h"
#include "train/inpaint_masks.h"
#include "train/judge.h"
#include "train/shapes_dataset.h"
#include "train/tokenizer_builder.h"

#include "train_test_util.h"

namespace fs = std::filesystem;
using namespace stipple::train;
using stipple::test::same_pixels;
using stipple::test::temp_dir;

TEST(ShapesDataset, SameSeedSameSampleAndPixels) {
  const ShapesDataset a(42), b(42), c(43);
  for (uint64_t i : {0ull, 1ull, 17ull, 123456ull}) {
    const Sample x = a.sample(i), y = b.sample(i);
    EXPECT_EQ(x.caption, y.caption);
    EXPECT_TRUE(same_pixels(render(x.scene, 128), render(y.scene, 128))) << i;
  }
  int differ = 0;
  for (uint64_t i = 0; i < 20; ++i) differ += a.sample(i).caption != c.sample(i).caption;
  EXPECT_GT(differ, 10);
  // Order independence: drawing sample 5 first gives the same as drawing it after others.
  EXPECT_EQ(ShapesDataset(42).sample(5).caption, a.sample(5).caption);
}

TEST(ShapesDataset, HeldOutCombinationsNeverInTraining) {
  const ShapesDataset train(7, Split::Train), held(7, Split::HeldOut);
  std::set<std::pair<int, int>> colour_shape;
  for (uint64_t i = 0; i < 3000; ++i) {
    const auto s = train.sample(i);
    ASSERT_FALSE(s.scene.objects.empty());
    ASSERT_LE(s.scene.objects.size(), 2u);
    for (const auto& o : s.scene.objects) {
      ASSERT_FALSE(is_held_out(o)) << s.caption;
      ASSERT_TRUE(visible_on(o.colour, s.scene.background)) << s.caption;
      colour_shape.insert({static_cast<int>(o.colour), static_cast<int>(o.shape)});
    }
  }
  EXPECT_EQ(colour_shape.size(), 48u - 8u);  // every training pair occurs, no held-out one
  for (uint64_t i = 0; i < 500; ++i) {
    const auto s = held.sample(i);
    ASSERT_TRUE(is_held_out(s.scene.objects.front())) << s.caption;
    if (s.scene.objects.size() == 2) {
      ASSERT_FALSE(is_held_out(s.scene.objects[1])) << s.caption;
    }
  }
  for (const auto& c : heldout_cases()) {
    EXPECT_TRUE(is_held_out(c.scene.objects.front())) << c.prompt;
    if (c.scene.objects.size() == 2) {
      EXPECT_FALSE(is_held_out(c.scene.objects[1])) << c.prompt;
    }
  }
  EXPECT_EQ(heldout_cases().size(), 48u);
}

TEST(ShapesCaptions, ParseRoundTripsEveryTemplate) {
  const ShapesDataset ds(3);
  for (uint64_t i = 0; i < 400; ++i) {
    const auto s = ds.sample(i);
    for (int t = 0; t < template_count(s.scene); ++t)
      ASSERT_EQ(parse_caption(caption(s.scene, t)), described(s.scene, t)) << caption(s.scene, t);
  }
  for (const auto& c : heldout_cases()) EXPECT_EQ(parse_caption(c.prompt), c.expected) << c.prompt;
  EXPECT_EQ(caption(ShapesDataset(3).sample(0).scene, 0).find("  "), std::string::npos);

  // A user's spelling: case, hyphens, synonyms.
  const PromptSpec p = parse_caption("A big RED Star in the top-left corner, on a grey background");
  ASSERT_EQ(p.objects.size(), 1u);
  EXPECT_EQ(p.objects[0].shape, Shape::Star);
  EXPECT_EQ(p.objects[0].colour, Colour::Red);
  EXPECT_EQ(p.objects[0].size, SizeClass::Large);
  EXPECT_EQ(p.objects[0].position, Position::TopLeft);
  ASSERT_TRUE(p.background.has_value());
  EXPECT_EQ(p.background->colour, Colour::Gray);
  const PromptSpec two = parse_caption("a green triangle and a yellow star on black");
  ASSERT_EQ(two.objects.size(), 2u);
  EXPECT_EQ(two.objects[1].colour, Colour::Yellow);
  EXPECT_EQ(two.background->colour, Colour::Black);
}

TEST(Judge, ScoresGroundTruthRendersAtLeast98Percent) {
  int ok = 0, n = 0;
  for (const Split split : {Split::Train, Split::HeldOut}) {
    const ShapesDataset ds(11, split);
    for (uint64_t i = 0; i < (split == Split::Train ? 300u : 100u); ++i) {
      const SceneSpec scene = ds.sample(i).scene;
      const Verdict v = judge(render(scene, 128), full_description(scene));
      ok += v.all() && v.count_matches;
      ++n;
    }
  }
  for (const auto& c : heldout_cases()) {
    ok += judge(render(c.scene, 128), full_description(c.scene)).all();
    ++n;
  }
  EXPECT_GE(ok, 0.98 * n) << ok << " of " << n;
  // An empty picture has no objects; a prompt object is then "not found".
  cv::Mat blank(128, 128, CV_8UC3, cv::Scalar(245, 245, 245));
  const Verdict v = judge(blank, parse_caption("a red circle"));
  EXPECT_TRUE(v.detected.empty());
  EXPECT_FALSE(v.all());
  // Noise "contains" blobs of every shape and colour; it must not count as adherence.
  cv::Mat noise(128, 128, CV_8UC3);
  cv::randu(noise, 0, 255);
  cv::GaussianBlur(noise, noise, {0, 0}, 2.0);
  const Verdict nv = judge(noise, parse_caption("a red circle"));
  EXPECT_TRUE(nv.messy_background() || nv.cluttered);
  EXPECT_FALSE(nv.colour_and_shape());
}

TEST(TokenizerBuilder, EveryCaptionWordIsOneTokenAndFilesLoad) {
  const auto words = caption_vocabulary();
  const BuiltTokenizer built = build_tokenizer(words);
  const fs::path dir = temp_dir("tok");
  write_tokenizer(built, dir);
  const auto tok = stipple::ClipTokenizer::from_hf_files((dir / "vocab.json").string(), (dir / "merges.txt").string());
  EXPECT_EQ(tok.vocab_size(), built.vocab.size());
  EXPECT_EQ(tok.eos_id(), static_cast<int>(tok.vocab_size()) - 1);
  EXPECT_EQ(tok.bos_id(), static_cast<int>(tok.vocab_size()) - 2);
  EXPECT_LT(tok.vocab_size(), 1000u);
  for (const auto& w : words) {
    const auto ids = tok.encode(w);
    ASSERT_EQ(ids.size(), 1u) << "'" << w << "' splits into " << ids.size() << " tokens";
    EXPECT_EQ(tok.token_string(ids[0]), w + "</w>");
  }
  const std::string c = "a large red circle in the top left corner, on a white background";
  EXPECT_EQ(tok.encode(c).size(), 14u);  // 13 words and the comma
  EXPECT_FALSE(tok.encode("zebra 42").empty());  // unknown words fall back to bytes
  const auto padded = tok.encode_padded("a red star", tok.eos_id(), 77);
  EXPECT_EQ(padded.size(), 77u);
  EXPECT_EQ(padded[0], tok.bos_id());
  EXPECT_EQ(padded[4], tok.eos_id());
  fs::remove_all(dir);
}

TEST(InpaintMasks, DeterministicNonEmptyAndObjectMasksCoverTheObject) {
  const ShapesDataset ds(5);
  std::set<int> kinds;
  for (uint64_t i = 0; i < 200; ++i) {
    const SceneSpec scene = ds.sample(i).scene;
    MaskKind kind;
    const cv::Mat a = random_inpaint_mask(scene, 64, i, &kind), b = random_inpaint_mask(scene, 64, i);
    ASSERT_TRUE(same_pixels(a, b));
    ASSERT_GT(cv::countNonZero(a), 0);
    kinds.insert(static_cast<int>(kind));
  }
  EXPECT_EQ(kinds.size(), 5u);
  const SceneSpec scene = ds.sample(1).scene;
  std::vector<cv::Mat> masks;
  render(scene, 128, &masks);
  const cv::Mat m = object_mask(scene.objects[0], 128);
  EXPECT_EQ(cv::countNonZero((masks[0] > 0) & (m == 0)), 0);  // the object lies inside its mask
}

// The share of object masks sets how many draws cover an object; the default share draws what
// the masks drew before it was a setting; the rest keep their proportions.
TEST(InpaintMasks, ObjectShareSetsTheMix) {
  const ShapesDataset ds(5);
  std::map<double, std::map<MaskKind, int>> counts;
  const int n = 2000;
  for (uint64_t i = 0; i < n; ++i) {
    const SceneSpec scene = ds.sample(i).scene;
    ASSERT_FALSE(scene.objects.empty());
    for (const double share : {0.0, 0.4, 0.7, 1.0}) {
      MaskKind kind;
      const cv::Mat m = random_inpaint_mask(scene, 64, i, &kind, share);
      ++counts[share][kind];
      if (share == 0.4) {
        ASSERT_TRUE(same_pixels(m, random_inpaint_mask(scene, 64, i)));
      }
    }
  }
  EXPECT_EQ(counts[0.0][MaskKind::Object], 0);
  EXPECT_EQ(counts[1.0][MaskKind::Object], n);
  EXPECT_NEAR(counts[0.4][MaskKind::Object] / double(n), 0.40, 0.06);
  EXPECT_NEAR(counts[0.7][MaskKind::Object] / double(n), 0.70, 0.06);
  // Whole-image masks stay 1/6 of what is not an object mask.
  EXPECT_NEAR(counts[0.7][MaskKind::Full] / double(n - counts[0.7][MaskKind::Object]), 1.0 / 6, 0.06);
  EXPECT_NEAR(counts[0.0][MaskKind::Full] / double(n), 1.0 / 6, 0.05);
  EXPECT_THROW(random_inpaint_mask(ds.sample(0).scene, 64, 0, nullptr, 1.5), std::invalid_argument);
}

