// The networks against the original implementations: ../shared/golden holds random-weight
// checkpoints in the original key layout and the outputs the original code computed.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <map>

#include "golden.h"
#include "golden_model.h"
#include "io/tensor_io.h"
#include "pipeline/sd_model.h"
#include "tensor_compare.h"

using stipple::test::close_to_golden;
using stipple::test::Golden;
using stipple::test::golden;

namespace {


class ModelParity : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!stipple::test::golden_dir()) GTEST_SKIP() << stipple::test::golden_missing_message();
  }
};

constexpr double kComponentTol = 1e-4;

}  // namespace

TEST_P(ModelParity, ConfigFromKeysAndSidecar) {
  auto& g = golden(GetParam());
  const auto& c = g.model->config;
  EXPECT_EQ(c.unet.model_channels, 32);
  EXPECT_EQ(c.unet.channel_mult, (std::vector<int>{1, 2}));
  EXPECT_EQ(c.unet.attention_resolutions, (std::vector<int>{2}));
  EXPECT_EQ(c.unet.context_dim, 32);
  EXPECT_EQ(c.vae.ch_mult, (std::vector<int>{1, 1, 2, 2}));
  EXPECT_EQ(c.text.layers, 2);
  EXPECT_EQ(c.text.heads, 2);
  ASSERT_TRUE(g.model->config_source.has_value());
  if (GetParam() == "tiny-sd1") {
    EXPECT_EQ(c.family, stipple::Family::SD1);
    EXPECT_EQ(c.prediction, stipple::Prediction::Epsilon);
    EXPECT_FALSE(c.unet.use_linear_in_transformer);
    EXPECT_EQ(c.unet.heads_for(64), std::make_pair(2, 32));
  } else {
    EXPECT_EQ(c.family, stipple::Family::SD2);
    EXPECT_EQ(c.prediction, stipple::Prediction::V);
    EXPECT_TRUE(c.unet.use_linear_in_transformer);
    EXPECT_EQ(c.unet.heads_for(64), std::make_pair(4, 16));
  }
}

TEST_P(ModelParity, TextEncoder) {
  auto& g = golden(GetParam());
  torch::InferenceMode guard;
  const auto ids = g.t.at("text.input_ids");
  const auto out = g.model->text->encode_all(ids);
  EXPECT_TRUE(close_to_golden(out.last, g.t.at("text.last_hidden_state"), kComponentTol, GetParam() + " text last"));
  EXPECT_TRUE(close_to_golden(out.penultimate, g.t.at("text.penultimate_hidden_state"), kComponentTol,
                              GetParam() + " text penultimate"));
  EXPECT_TRUE(close_to_golden(out.penultimate_raw, g.t.at("text.penultimate_raw"), kComponentTol,
                              GetParam() + " text penultimate raw"));
  EXPECT_TRUE(close_to_golden(g.model->encode_text(ids), g.t.at("text.cond"), kComponentTol, GetParam() + " text cond"));
}

TEST_P(ModelParity, UNet) {
  auto& g = golden(GetParam());
  torch::InferenceMode guard;
  for (const char* c : {"a", "b", "c"}) {
    const std::string p = std::string("unet.") + c + ".";
    auto out = g.model->unet->forward(g.t.at(p + "x"), g.t.at(p + "t"), g.t.at(p + "context"));
    EXPECT_TRUE(close_to_golden(out, g.t.at(p + "out"), kComponentTol, GetParam() + " " + p + "out"));
  }
}

TEST_P(ModelParity, VaeDecode) {
  auto& g = golden(GetParam());
  torch::InferenceMode guard;
  const double scale = g.model->config.vae.scale_factor;
  for (const char* c : {"a", "b"}) {
    const auto z = g.t.at(std::string("vae.decode.") + c + ".z");
    EXPECT_TRUE(close_to_golden(g.model->vae->decode(z), g.t.at(std::string("vae.decode.") + c + ".out"),
                                kComponentTol, GetParam() + " vae.decode." + c));
    EXPECT_TRUE(close_to_golden(g.model->vae->decode(z / scale),
                                g.t.at(std::string("vae.decode_first_stage.") + c + ".out"), kComponentTol,
                                GetParam() + " vae.decode_first_stage." + c));
  }
}

TEST_P(ModelParity, VaeEncode) {
  auto& g = golden(GetParam());
  torch::InferenceMode guard;
  for (const char* c : {"a", "b"}) {
    const std::string p = std::string("vae.encode.") + c + ".";
    const auto m = g.model->vae->encode(g.t.at(p + "x"));
    EXPECT_TRUE(close_to_golden(m.mean, g.t.at(p + "mean"), kComponentTol, GetParam() + " " + p + "mean"));
    EXPECT_TRUE(close_to_golden(m.logvar, g.t.at(p + "logvar"), kComponentTol, GetParam() + " " + p + "logvar"));
    EXPECT_TRUE(close_to_golden(torch::exp(0.5 * m.logvar), g.t.at(p + "std"), kComponentTol, GetParam() + " " + p + "std"));
    EXPECT_TRUE(close_to_golden(m.mean * g.model->config.vae.scale_factor, g.t.at(p + "mode_scaled"), kComponentTol,
                                GetParam() + " " + p + "mode_scaled"));
  }
}

TEST_P(ModelParity, ScheduleBufferIsRead) {
  auto& g = golden(GetParam());
  EXPECT_TRUE(close_to_golden(g.model->alphas_cumprod.to(torch::kFloat), g.t.at("schedule.alphas_cumprod"), 1e-7,
                              GetParam() + " alphas_cumprod"));
}

INSTANTIATE_TEST_SUITE_P(Golden, ModelParity, ::testing::Values("tiny-sd1", "tiny-sd2"),
                         [](const auto& info) { return info.param == "tiny-sd1" ? "sd1" : "sd2"; });
