// The bf16 path (UNet and text encoder weights in bf16, norms and softmax in fp32) against the
// fp32 goldens. bf16 keeps 8 bits of mantissa (relative rounding 2^-9 = 0.2%); through these
// networks the error grew to at most 2.3% of max|ref| for the UNet and 1.9% for the text
// encoder (measured on tiny-sd1 and tiny-sd2, printed by the test) on a CPU with bf16
// instructions. Bound: 3% of max|ref|. Without them (AVX2 only) LibTorch's fallback bf16 kernels
// round far more: the UNet's worst output was 10.7% of max|ref|; bound 15% there (the reason
// `auto` precision never picks bf16 on such a CPU).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

#include "golden.h"
#include "image/convert.h"
#include "pipeline/engine.h"
#include "train/shapes_dataset.h"
#include "io/tensor_io.h"
#include "pipeline/sd_model.h"
#include "runtime.h"
#include "tensor_compare.h"

using stipple::test::close_to_golden;

class Bf16Parity : public ::testing::TestWithParam<std::string> {};

TEST_P(Bf16Parity, UNetAndTextWithinMeasuredBound) {
  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  stipple::ModelLoadOptions o;
  o.dtype = torch::kBFloat16;
  auto model = stipple::load_stable_diffusion(*dir / (GetParam() + ".safetensors"), o);
  const auto g = stipple::load_tensors(*dir / (GetParam() + ".golden.safetensors"));
  torch::InferenceMode guard;
  const double bound = stipple::runtime_info().cpu_bf16_fast ? 3e-2 : 15e-2;
  EXPECT_EQ(model->unet->parameters().front().scalar_type(), torch::kBFloat16);
  for (const std::string c : {"a", "b", "c"}) {
    auto out = model->unet->forward(g.at("unet." + c + ".x"), g.at("unet." + c + ".t"), g.at("unet." + c + ".context"));
    EXPECT_EQ(out.scalar_type(), torch::kFloat);
    EXPECT_TRUE(close_to_golden(out, g.at("unet." + c + ".out"), bound, GetParam() + " bf16 unet." + c));
  }
  EXPECT_TRUE(close_to_golden(model->encode_text(g.at("text.input_ids")), g.at("text.cond"), bound,
                              GetParam() + " bf16 text cond"));
  // The VAE stays fp32 under bf16: exact.
  EXPECT_TRUE(close_to_golden(model->vae->decode(g.at("vae.decode.a.z")), g.at("vae.decode.a.out"), 1e-4,
                              GetParam() + " vae (fp32 under bf16)"));
}

INSTANTIATE_TEST_SUITE_P(Golden, Bf16Parity, ::testing::Values("tiny-sd1", "tiny-sd2"),
                         [](const auto& info) { return info.param == "tiny-sd1" ? "sd1" : "sd2"; });

// A GPU load in fp16 builds the networks on the host in fp16 (never in fp32) and then fills them
// from the file: every weight must equal the fp32 load's, converted once.
TEST(HalfLoad, BuildsInTheComputeDtypeWithTheFilesWeights) {
  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  stipple::ModelLoadOptions half;
  half.dtype = torch::kHalf;
  auto h = stipple::load_stable_diffusion(*dir / "tiny-sd1.safetensors", half);
  auto f = stipple::load_stable_diffusion(*dir / "tiny-sd1.safetensors");
  EXPECT_EQ(torch::get_default_dtype(), caffe2::TypeMeta::Make<float>()) << "the default dtype is restored";
  auto hp = h->unet->named_parameters(), fp = f->unet->named_parameters();
  ASSERT_EQ(hp.size(), fp.size());
  for (const auto& p : fp) {
    const auto& q = hp[p.key()];
    ASSERT_EQ(q.scalar_type(), torch::kHalf) << p.key();
    EXPECT_TRUE(torch::equal(q, p.value().to(torch::kHalf))) << p.key();
  }
  for (const auto& p : h->vae->parameters()) EXPECT_EQ(p.scalar_type(), torch::kFloat) << "the VAE stays fp32";
}

// The VAE in bf16 (what generation uses on a CPU with fast bf16: channels-last, norms in fp32)
// against the fp32 goldens. The goldens' random weights amplify rounding far more than trained
// ones: decode measured 3.7% (tiny-sd1) and 4.9% (tiny-sd2) of max|ref| at the worst pixel,
// encode mean 2.2% and 1.8%. Bound 6% for decode, 3% for encode. The test below checks
// trained weights the way a viewer sees them.
TEST_P(Bf16Parity, VaeWithinMeasuredBound) {
  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  stipple::ModelLoadOptions o;
  o.dtype = torch::kBFloat16;
  o.vae_dtype = torch::kBFloat16;
  o.unet = o.text = false;
  auto model = stipple::load_stable_diffusion(*dir / (GetParam() + ".safetensors"), o);
  const auto g = stipple::load_tensors(*dir / (GetParam() + ".golden.safetensors"));
  torch::InferenceMode guard;
  EXPECT_TRUE(model->vae->channels_last);
  const auto decoded = model->vae->decode(g.at("vae.decode.a.z"));
  EXPECT_EQ(decoded.scalar_type(), torch::kFloat);
  EXPECT_TRUE(decoded.is_contiguous());
  EXPECT_TRUE(close_to_golden(decoded, g.at("vae.decode.a.out"), 6e-2, GetParam() + " bf16 vae decode"));
  const auto moments = model->vae->encode(g.at("vae.encode.a.x"));
  EXPECT_TRUE(close_to_golden(moments.mean, g.at("vae.encode.a.mean"), 3e-2, GetParam() + " bf16 vae encode mean"));
}

// The same on trained weights: the bundled model's VAE decodes encoded scenes in bf16 and fp32;
// the two images must agree as a viewer would judge (PSNR over 8-bit pixels). Measured 50.0 dB
// (no pixel visibly apart); bound 40 dB.
TEST(Bf16Vae, BundledModelDecodesLikeFp32) {
  const auto path = stipple::default_model_path();
  ASSERT_TRUE(path) << "models/stipple-shapes is part of the repository";
  stipple::ModelLoadOptions f32, b16;
  f32.unet = f32.text = b16.unet = b16.text = false;
  b16.vae_dtype = torch::kBFloat16;
  auto a = stipple::load_stable_diffusion(*path, f32);
  auto b = stipple::load_stable_diffusion(*path, b16);
  torch::InferenceMode guard;
  stipple::train::ShapesDataset data(11, stipple::train::Split::HeldOut);
  double worst = 1e9;
  for (uint64_t i = 0; i < 6; ++i) {
    const auto image = stipple::image_to_tensor(stipple::train::render(data.sample(i).scene, 128));
    const auto z = a->vae->encode(image).mean;
    const auto x = a->vae->decode(z).clamp(-1, 1), y = b->vae->decode(z).clamp(-1, 1);
    const double mse = ((x - y) * 127.5).pow(2).mean().item<double>();
    const double psnr = 10 * std::log10(255.0 * 255.0 / std::max(mse, 1e-12));
    worst = std::min(worst, psnr);
  }
  std::printf("bundled VAE, bf16 vs fp32 decode: worst PSNR %.1f dB over 6 scenes\n", worst);
  EXPECT_GT(worst, 40.0);
}
