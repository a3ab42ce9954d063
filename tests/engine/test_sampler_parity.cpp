// Schedules and samplers against k-diffusion and ldm's DDIM (../shared/golden): every input of
// each 8-step CFG run is recorded there (contexts, noise, ancestral noise).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <map>

#include "golden.h"
#include "golden_model.h"
#include "io/tensor_io.h"
#include "pipeline/sd_model.h"
#include "sampling/denoiser.h"
#include "sampling/samplers.h"
#include "sampling/schedule.h"
#include "tensor_compare.h"

using stipple::test::close_to_golden;
using stipple::test::Golden;
using stipple::test::golden;

namespace {


torch::Tensor vec_tensor(const std::vector<double>& v) {
  return torch::tensor(std::vector<double>(v.begin(), v.end()), torch::kDouble);
}

class SamplerParity : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!stipple::test::golden_dir()) GTEST_SKIP() << stipple::test::golden_missing_message();
  }
  Golden& g() { return golden(GetParam()); }
  stipple::DiscreteSchedule schedule() { return stipple::DiscreteSchedule(g().model->alphas_cumprod); }
  stipple::Denoise denoiser() {
    auto unet = g().model->unet;
    stipple::Guidance guidance{g().t.at("sampler.cond"), g().t.at("sampler.uncond"), 7.0};
    auto net = stipple::guided_network(
        [unet](const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& c) mutable {
          return unet->forward(x, t, c);
        },
        guidance);
    return stipple::make_denoiser(net, schedule(), g().model->config.prediction);
  }
};

constexpr double kSamplerTol = 1e-3;

}  // namespace

TEST_P(SamplerParity, ScheduleAndSigmas) {
  const auto& t = g().t;
  auto betas = stipple::make_betas(stipple::BetaSchedule::ScaledLinear);
  EXPECT_TRUE(close_to_golden(betas.to(torch::kFloat), t.at("schedule.betas"), 1e-6, "betas"));
  EXPECT_TRUE(close_to_golden(stipple::alphas_cumprod_from_betas(betas).to(torch::kFloat),
                              t.at("schedule.alphas_cumprod"), 1e-6, "alphas_cumprod"));
  const auto s = schedule();
  EXPECT_TRUE(close_to_golden(vec_tensor(s.sigmas()), t.at("kdiff.sigmas_1000"), 1e-6, "sigmas_1000"));
  EXPECT_TRUE(close_to_golden(vec_tensor(s.step_sigmas(stipple::SigmaSchedule::Default, 20)),
                              t.at("kdiff.sigmas_default_20"), 1e-5, "sigmas default 20"));
  EXPECT_TRUE(close_to_golden(vec_tensor(s.step_sigmas(stipple::SigmaSchedule::Karras, 20)),
                              t.at("kdiff.sigmas_karras_20"), 1e-5, "sigmas karras 20"));
  EXPECT_TRUE(close_to_golden(vec_tensor(s.step_sigmas(stipple::SigmaSchedule::Default, 8)),
                              t.at("sampler.sigmas_default"), 1e-5, "sigmas default 8"));
  EXPECT_TRUE(close_to_golden(vec_tensor(s.step_sigmas(stipple::SigmaSchedule::Karras, 8)),
                              t.at("sampler.sigmas_karras"), 1e-5, "sigmas karras 8"));
  const auto q = t.at("kdiff.sigma_to_t.sigmas").to(torch::kDouble);
  std::vector<double> ts;
  for (int64_t i = 0; i < q.size(0); ++i) ts.push_back(s.sigma_to_t(q[i].item<double>()));
  EXPECT_TRUE(close_to_golden(vec_tensor(ts), t.at("kdiff.sigma_to_t.t"), 1e-5, "sigma_to_t"));
  const auto dts = s.ddim_timesteps(8);
  const auto ref = t.at("sampler.ddim.timesteps");
  ASSERT_EQ(static_cast<int64_t>(dts.size()), ref.size(0));
  for (size_t i = 0; i < dts.size(); ++i) EXPECT_EQ(dts[i], ref[static_cast<int64_t>(i)].item<int64_t>());
}

TEST_P(SamplerParity, KDiffusionRuns) {
  torch::InferenceMode guard;
  const auto& t = g().t;
  const auto s = schedule();
  const std::vector<std::pair<std::string, std::string>> runs = {
      {"euler", "euler"}, {"heun", "heun"}, {"lms", "lms"}, {"dpmpp_2m", "dpmpp_2m"}};
  for (const auto& [name, golden_name] : runs) {
    for (auto [sched, sched_name] : {std::pair{stipple::SigmaSchedule::Default, "default"},
                                     std::pair{stipple::SigmaSchedule::Karras, "karras"}}) {
      const std::string key = "sampler." + golden_name + "." + sched_name + ".";
      const auto sigmas = s.step_sigmas(sched, 8);
      auto x = t.at("sampler.noise") * sigmas[0];
      std::vector<torch::Tensor> denoised;
      auto out = stipple::run_sampler(name, denoiser(), x, sigmas, {},
                                      [&](const stipple::StepInfo& i) { denoised.push_back(i.denoised); });
      EXPECT_TRUE(close_to_golden(out, t.at(key + "out"), kSamplerTol, GetParam() + " " + key + "out"));
      EXPECT_TRUE(close_to_golden(torch::stack(denoised), t.at(key + "step_denoised"), kSamplerTol,
                                  GetParam() + " " + key + "step_denoised"));
    }
  }
}

TEST_P(SamplerParity, EulerAncestralWithRecordedNoise) {
  torch::InferenceMode guard;
  const auto& t = g().t;
  const auto sigmas = schedule().step_sigmas(stipple::SigmaSchedule::Default, 8);
  const auto recorded = t.at("sampler.euler_ancestral.default.ancestral_noise");
  int64_t k = 0;
  stipple::NoiseFn noise = [&](const torch::Tensor&, double, double) { return recorded[k++]; };
  auto out = stipple::run_sampler("euler_a", denoiser(), t.at("sampler.noise") * sigmas[0], sigmas, noise, {});
  EXPECT_TRUE(close_to_golden(out, t.at("sampler.euler_ancestral.default.out"), kSamplerTol,
                              GetParam() + " euler_ancestral.default.out"));
}

TEST_P(SamplerParity, Ddim) {
  torch::InferenceMode guard;
  const auto& t = g().t;
  const auto sigmas = schedule().ddim_sigmas(8);
  std::vector<torch::Tensor> pred_x0;
  auto x = t.at("sampler.ddim.x_T") * std::sqrt(1 + sigmas[0] * sigmas[0]);
  auto out = stipple::run_sampler("ddim", denoiser(), x, sigmas, {},
                                  [&](const stipple::StepInfo& i) { pred_x0.push_back(i.denoised); });
  EXPECT_TRUE(close_to_golden(out, t.at("sampler.ddim.out"), kSamplerTol, GetParam() + " ddim.out"));
  EXPECT_TRUE(close_to_golden(torch::stack(pred_x0), t.at("sampler.ddim.step_pred_x0"), kSamplerTol,
                              GetParam() + " ddim.step_pred_x0"));
}

INSTANTIATE_TEST_SUITE_P(Golden, SamplerParity, ::testing::Values("tiny-sd1", "tiny-sd2"),
                         [](const auto& info) { return info.param == "tiny-sd1" ? "sd1" : "sd2"; });

TEST(Schedules, ZeroTerminalSnrRescale) {
  const auto acp = stipple::alphas_cumprod_from_betas(stipple::make_betas(stipple::BetaSchedule::ScaledLinear));
  const auto z = stipple::rescale_zero_terminal_snr(acp);
  EXPECT_NEAR(z[0].item<double>(), acp[0].item<double>(), 1e-12);  // the first step keeps its SNR
  EXPECT_LT(z[-1].item<double>(), 1e-7);                            // the last is (almost) pure noise
  const stipple::DiscreteSchedule s(z);
  EXPECT_GT(s.sigma_max(), 4000.0);
  for (int64_t i = 1; i < z.size(0); ++i) ASSERT_LT(z[i].item<double>(), z[i - 1].item<double>());
}

TEST(Schedules, CosineAndLinearBetas) {
  const auto cosine = stipple::make_betas(stipple::BetaSchedule::Cosine);
  EXPECT_NEAR(cosine[-1].item<double>(), 0.999, 1e-12);  // capped
  EXPECT_LT(cosine[0].item<double>(), 1e-3);
  const auto linear = stipple::make_betas(stipple::BetaSchedule::Linear, 1000, 0.0001, 0.02);
  EXPECT_NEAR(linear[0].item<double>(), 0.0001, 1e-12);
  EXPECT_NEAR(linear[-1].item<double>(), 0.02, 1e-12);
}
