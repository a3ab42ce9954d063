// txt2img, img2img and inpainting on the tiny golden model: determinism, exact preservation
// outside the mask, strength limits, cancellation, every sampler.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>
#include <cstdlib>
#include <unistd.h>

#include "golden.h"
#include "overflow_model.h"
#include "image/mask.h"
#include "io/model_detect.h"
#include "pipeline/engine.h"
#include "pipeline/preview.h"
#include "pipeline/out_of_memory.h"
#include "pipeline/sd_model.h"
#include "sampling/denoiser.h"
#include "sampling/samplers.h"

namespace {

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto dir = stipple::test::golden_dir();
    if (!dir) return;
    stipple::EngineModelSpec spec;
    spec.model = *dir / "tiny-sd1.safetensors";
    engine_ = stipple::Engine::load(spec).release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  void SetUp() override {
    if (!engine_) GTEST_SKIP() << stipple::test::golden_missing_message();
  }
  static stipple::GenerationRequest request() {
    stipple::GenerationRequest r;
    r.prompt = "a red circle";
    r.width = 64;
    r.height = 64;
    r.steps = 4;
    r.sampler = "euler";
    r.seed = 42;
    r.preview = stipple::PreviewMode::Off;
    return r;
  }
  static cv::Mat test_image(int w, int h) {
    cv::Mat img(h, w, CV_8UC3);
    cv::randu(img, 0, 255);
    cv::circle(img, {w / 2, h / 2}, std::min(w, h) / 4, {200, 30, 30}, -1);
    return img;
  }
  static bool identical(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
  }
  static stipple::Engine* engine_;
};
stipple::Engine* PipelineTest::engine_ = nullptr;

}  // namespace

TEST_F(PipelineTest, SameSeedSameBytesDifferentSeedDifferentImage) {
  auto r = request();
  const auto a = engine_->generate(r), b = engine_->generate(r);
  ASSERT_EQ(a.images.size(), 1u);
  EXPECT_TRUE(identical(a.images[0].rgb, b.images[0].rgb));
  EXPECT_EQ(a.images[0].rgb.size(), cv::Size(64, 64));
  r.seed = 43;
  EXPECT_FALSE(identical(a.images[0].rgb, engine_->generate(r).images[0].rgb));
}

TEST_F(PipelineTest, BatchImageEqualsSeedRenderedAlone) {
  auto r = request();
  r.batch_size = 2;
  const auto batch = engine_->generate(r);
  ASSERT_EQ(batch.images.size(), 2u);
  EXPECT_EQ(batch.images[1].seed, 43u);
  auto single = request();
  single.seed = 43;
  EXPECT_LT(cv::norm(batch.images[1].rgb, engine_->generate(single).images[0].rgb, cv::NORM_INF), 2.0);
  EXPECT_NE(batch.images[1].parameters.find("Seed: 43"), std::string::npos) << batch.images[1].parameters;
}

TEST_F(PipelineTest, EverySamplerAndScheduleRuns) {
  for (const auto& spec : stipple::sampler_specs()) {
    for (const char* schedule : {"default", "karras", "exponential", "uniform"}) {
      auto r = request();
      r.sampler = spec.name;
      r.schedule = schedule;
      const auto out = engine_->generate(r);
      ASSERT_EQ(out.images.size(), 1u) << spec.name;
      EXPECT_EQ(out.images[0].rgb.type(), CV_8UC3);
      EXPECT_NE(out.images[0].parameters.find("Sampler: " + spec.a1111_name), std::string::npos);
    }
  }
}

TEST_F(PipelineTest, InpaintKeepsEveryPixelOutsideTheMask) {
  // A size that is not a multiple of 8, so the generation is resized and pasted back.
  const cv::Mat image = test_image(70, 66);
  cv::Mat mask = cv::Mat::zeros(66, 70, CV_8UC1);
  cv::rectangle(mask, {20, 18, 24, 22}, 255, -1);
  for (auto area : {stipple::InpaintArea::Whole, stipple::InpaintArea::Masked}) {
    for (auto fill : {stipple::MaskedContent::Original, stipple::MaskedContent::Fill, stipple::MaskedContent::LatentNoise,
                      stipple::MaskedContent::LatentNothing}) {
      auto r = request();
      r.init_image = image;
      r.mask = mask;
      r.strength = 0.9;
      r.mask_blur = 3;
      r.inpaint_area = area;
      r.masked_content = fill;
      r.padding = 8;
      const auto out = engine_->generate(r).images.at(0).rgb;
      ASSERT_EQ(out.size(), image.size());
      const cv::Mat blurred = stipple::blur_mask(mask, r.mask_blur);
      cv::Mat outside = blurred == 0;
      cv::Mat diff;
      cv::absdiff(out, image, diff);
      cv::Mat diff_gray;
      cv::cvtColor(diff, diff_gray, cv::COLOR_RGB2GRAY);
      EXPECT_EQ(cv::countNonZero(diff_gray & outside), 0) << "pixels changed outside the mask";
      EXPECT_GT(cv::countNonZero(diff_gray & (mask > 0)), 100) << "the masked region was not repainted";
    }
  }
}

TEST_F(PipelineTest, ImgToImgStrengthLimits) {
  const cv::Mat image = test_image(64, 64);
  auto r = request();
  r.init_image = image;
  r.strength = 0.0;
  const auto kept = engine_->generate(r).images.at(0).rgb;
  EXPECT_EQ(kept.size(), image.size());
  // strength 0 runs no step: the image comes back through the VAE unchanged otherwise.
  auto again = engine_->generate(r).images.at(0).rgb;
  EXPECT_TRUE(identical(kept, again));
  r.strength = 1.0;
  const auto ignored = engine_->generate(r).images.at(0).rgb;
  EXPECT_TRUE(identical(ignored, engine_->generate(request()).images.at(0).rgb))
      << "strength 1 must ignore the init image";
  r.strength = 0.5;
  const auto half = engine_->generate(r);
  EXPECT_NE(half.images.at(0).parameters.find("Denoising strength: 0.5"), std::string::npos);
}

TEST_F(PipelineTest, CancelStopsWithinOneModelEvaluation) {
  struct Observer : stipple::GenerationObserver {
    int progress = 0, checks_after_cancel = 0;
    bool cancel = false;
    void on_progress(int step, int, double) override {
      progress = step;
      if (step == 2) cancel = true;
    }
    bool cancelled() override {
      if (cancel) ++checks_after_cancel;
      return cancel;
    }
  } observer;
  auto r = request();
  r.steps = 10;
  EXPECT_THROW(engine_->generate(r, &observer), stipple::Cancelled);
  EXPECT_EQ(observer.progress, 2);
  EXPECT_EQ(observer.checks_after_cancel, 1);
}

TEST_F(PipelineTest, PreviewsAreStreamed) {
  struct Observer : stipple::GenerationObserver {
    int previews = 0;
    cv::Size size;
    void on_preview(const cv::Mat& rgb, int, int) override {
      ++previews;
      size = rgb.size();
    }
  } observer;
  auto r = request();
  r.preview = stipple::PreviewMode::Approximate;
  engine_->generate(r, &observer);
  EXPECT_EQ(observer.previews, 4);
  EXPECT_EQ(observer.size, cv::Size(64, 64));
  r.preview = stipple::PreviewMode::Full;
  r.preview_every = 2;
  observer.previews = 0;
  engine_->generate(r, &observer);
  EXPECT_EQ(observer.previews, 2);
}

// SD's published latent -> RGB factors fit only SD's own VAE; a model with another VAE (the
// reference model here, Stipple's bundled model) gets its previews decoded by that VAE, so a
// white background does not preview as green.
TEST_F(PipelineTest, ApproximatePreviewsUseTheFactorsOnlyForSdsVae) {
  stipple::VaeConfig sd;
  EXPECT_TRUE(stipple::approximate_preview_fits(sd));
  stipple::VaeConfig small = sd;
  small.ch = 32;
  EXPECT_FALSE(stipple::approximate_preview_fits(small));
  small = sd;
  small.scale_factor = 0.56;
  EXPECT_FALSE(stipple::approximate_preview_fits(small));
  ASSERT_FALSE(stipple::approximate_preview_fits(engine_->config().vae));

  struct Last : stipple::GenerationObserver {
    cv::Mat rgb;
    void on_preview(const cv::Mat& image, int, int) override { rgb = image.clone(); }
  };
  auto r = request();
  r.preview = stipple::PreviewMode::Approximate;
  Last approximate, full;
  engine_->generate(r, &approximate);
  r.preview = stipple::PreviewMode::Full;
  engine_->generate(r, &full);
  ASSERT_FALSE(approximate.rgb.empty());
  EXPECT_EQ(cv::norm(approximate.rgb, full.rgb, cv::NORM_INF), 0.0);
}

TEST_F(PipelineTest, InvalidRequestsNameTheField) {
  auto r = request();
  r.width = 65;
  EXPECT_NE(stipple::validate_request(r).find("width"), std::string::npos);
  r = request();
  r.sampler = "nope";
  EXPECT_NE(stipple::validate_request(r).find("sampler"), std::string::npos);
  r = request();
  r.init_image = test_image(64, 64);
  r.mask = cv::Mat::zeros(10, 10, CV_8UC1);
  EXPECT_NE(stipple::validate_request(r).find("mask"), std::string::npos);
  EXPECT_THROW(engine_->generate(r), std::invalid_argument);
  r = request();
  r.negative_prompt = std::string(stipple::kMaxPromptBytes + 1, 'a');
  EXPECT_NE(stipple::validate_request(r).find("negative prompt: 20001 bytes is too long"), std::string::npos);
  r.negative_prompt.resize(stipple::kMaxPromptBytes);
  EXPECT_EQ(stipple::validate_request(r), "");
}

TEST_F(PipelineTest, LongPromptsAndWeightsWork) {
  auto r = request();
  r.prompt.clear();
  for (int i = 0; i < 40; ++i) r.prompt += "(red:1.2) circle, ";
  r.negative_prompt = "blurry";
  const auto out = engine_->generate(r);
  EXPECT_EQ(out.images.size(), 1u);
  EXPECT_EQ(engine_->token_counts(r.prompt).size(), 2u);
}

TEST_F(PipelineTest, EtaAndZeroTerminalSnrChangeTheResult) {
  auto r = request();
  r.sampler = "ddim";
  const auto deterministic = engine_->generate(r).images.at(0).rgb;
  r.eta = 1.0;  // DDIM with eta 1 is the DDPM posterior
  const auto with_noise = engine_->generate(r);
  EXPECT_FALSE(identical(deterministic, with_noise.images.at(0).rgb));
  EXPECT_NE(with_noise.images.at(0).parameters.find("Eta: 1"), std::string::npos);
  auto ddpm = request();
  ddpm.sampler = "ddpm";
  EXPECT_TRUE(identical(with_noise.images.at(0).rgb, engine_->generate(ddpm).images.at(0).rgb));
  r = request();
  r.zero_terminal_snr = true;
  r.guidance_rescale = 0.7;
  const auto rescaled = engine_->generate(r);
  EXPECT_FALSE(identical(rescaled.images.at(0).rgb, engine_->generate(request()).images.at(0).rgb));
  EXPECT_NE(rescaled.images.at(0).parameters.find("Zero terminal SNR: True"), std::string::npos);
}

// An allocation LibTorch cannot make (1 PiB: beyond any address space, whatever the overcommit
// policy) is told with its size and device; other errors are not mistaken for it.
TEST(OutOfMemory, AllocationFailuresAreToldWithTheirSize) {
  std::string what;
  try {
    auto t = torch::empty({int64_t(1) << 48}, torch::kFloat);
  } catch (const c10::Error& e) {
    what = e.what();
  }
  ASSERT_FALSE(what.empty()) << "a 1 PiB allocation succeeded";
  const auto m = stipple::out_of_memory_message(what);
  ASSERT_TRUE(m.has_value()) << what;
  EXPECT_NE(m->find("Out of memory: an allocation of 1.0 PiB failed"), std::string::npos) << *m;
  const auto gpu = stipple::out_of_memory_message(
      "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 79.15 GiB total capacity; 70.01 GiB already allocated)");
  ASSERT_TRUE(gpu.has_value());
  EXPECT_NE(gpu->find("Out of GPU memory: an allocation of 2.00 GiB failed"), std::string::npos) << *gpu;
  EXPECT_FALSE(stipple::out_of_memory_message("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)").has_value());
}

// A model that overflows is stopped at the step where it happens, naming the step and what to
// try, instead of decoding a black picture.
TEST_F(PipelineTest, ModelThatOverflowsIsStoppedAtTheFirstBadStep) {
  const auto dir = *stipple::test::golden_dir();
  const auto path = std::filesystem::temp_directory_path() / ("stipple-overflow-" + std::to_string(::getpid()) + ".safetensors");
  stipple::test::write_overflowing_model(dir / "tiny-sd1.safetensors", path);
  stipple::EngineModelSpec spec;
  spec.model = path;
  spec.tokenizer = dir / "bpe_simple_vocab_16e6.txt.gz";
  auto engine = stipple::Engine::load(spec);  // finite weights: loads
  std::filesystem::remove(path);
  std::string what;
  try {
    engine->generate(request());
  } catch (const std::runtime_error& e) {
    what = e.what();
  }
  EXPECT_EQ(what, "the model produced NaN at step 1 of 4; try fp32 precision or another model");
  // The engine that made it stays usable, and a healthy model is unaffected.
  EXPECT_THROW(engine->generate(request()), std::runtime_error);
  EXPECT_EQ(engine_->generate(request()).images.size(), 1u);
}

TEST(MemoryLimit, SizesParseWithAndWithoutUnits) {
  using stipple::parse_memory_size;
  EXPECT_EQ(parse_memory_size("1048576"), 1048576u);
  EXPECT_EQ(parse_memory_size("512M"), 512u << 20);
  EXPECT_EQ(parse_memory_size("512MiB"), 512u << 20);
  EXPECT_EQ(parse_memory_size("2.5G"), uint64_t(5) << 29);
  EXPECT_EQ(parse_memory_size("10GB"), uint64_t(10) << 30);
  EXPECT_EQ(parse_memory_size("1t"), uint64_t(1) << 40);
  for (const char* bad : {"", "abc", "-1", "5X", "5MM", "1e30T"}) EXPECT_FALSE(parse_memory_size(bad).has_value()) << bad;
}

// A model that needs more memory than there is is refused before anything is allocated, with
// both sizes; the estimate is what the loaded networks really hold.
TEST(MemoryLimit, ModelLargerThanMemoryIsRefusedWithItsSize) {
  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  const auto path = *dir / "tiny-sd1.safetensors";
  const auto unlimited = stipple::available_memory_bytes();
  ASSERT_TRUE(unlimited.has_value());
  EXPECT_GT(*unlimited, uint64_t(64) << 20);

  // The estimate against the networks as loaded (fp32 parameters and buffers).
  auto model = stipple::load_stable_diffusion(path, {});
  uint64_t held = 0;
  for (const torch::nn::Module* m : std::initializer_list<const torch::nn::Module*>{
           model->unet.get(), model->vae.get(), model->text_module.get()}) {
    for (const auto& p : m->parameters()) held += static_cast<uint64_t>(p.numel()) * 4;
    for (const auto& b : m->buffers()) held += static_cast<uint64_t>(b.numel()) * b.element_size();
  }
  const auto weights = stipple::resolve_checkpoint(path, std::nullopt, std::nullopt).weights;
  const uint64_t needed = stipple::load_memory_bytes(weights, {});
  EXPECT_NEAR(static_cast<double>(needed), static_cast<double>(held), 0.01 * static_cast<double>(held));

  ::setenv("STIPPLE_MEMORY_LIMIT", "1M", 1);
  EXPECT_EQ(stipple::available_memory_bytes(), uint64_t(1) << 20);
  stipple::EngineModelSpec spec;
  spec.model = path;
  std::string what;
  try {
    stipple::Engine::load(spec);
  } catch (const std::runtime_error& e) {
    what = e.what();
  }
  ::unsetenv("STIPPLE_MEMORY_LIMIT");
  EXPECT_EQ(what, path.string() + ": loading the model needs about " + stipple::human_bytes(double(needed)) +
                      " of memory, but only 1.0 MiB is available. Close other programs, or use a smaller model.");
  EXPECT_NE(stipple::Engine::load(spec), nullptr);  // and loads once the memory is there
}
