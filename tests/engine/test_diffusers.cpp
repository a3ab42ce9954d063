// Diffusers folders: the key map, the writer (save_diffusers) and the reader (load_stable_diffusion
// on a folder), checked against the golden outputs of the original implementations.
#include <gtest/gtest.h>
#include <torch/torch.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>

#include "golden.h"
#include "golden_model.h"
#include "io/diffusers.h"
#include "io/diffusers_keys.h"
#include "io/model_detect.h"
#include "io/tensor_io.h"
#include "pipeline/engine.h"
#include "pipeline/model_tools.h"
#include "pipeline/save_diffusers.h"
#include "pipeline/sd_model.h"
#include "tensor_compare.h"

namespace fs = std::filesystem;
using stipple::test::close_to_golden;
using stipple::test::Golden;
using stipple::test::golden;

namespace {

constexpr double kComponentTol = 1e-4;


class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "-" + info->name();
    for (char& c : name)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    tmp_ = fs::temp_directory_path() / ("stipple-diffusers-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(tmp_);
    fs::create_directories(tmp_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
  }
  fs::path tmp_;
};

class GoldenTempDirTest : public TempDirTest {
 protected:
  void SetUp() override {
    if (!stipple::test::golden_dir()) GTEST_SKIP() << stipple::test::golden_missing_message();
    TempDirTest::SetUp();
  }
};

class DiffusersGolden : public GoldenTempDirTest, public ::testing::WithParamInterface<std::string> {};

nlohmann::json read_json(const fs::path& p) { return nlohmann::json::parse(std::ifstream(p)); }

std::vector<int64_t> stored_shape(const fs::path& file, const std::string& key) {
  auto f = stipple::SafetensorsFile::open(file);
  const auto* info = f->find(key);
  return info ? info->shape : std::vector<int64_t>{};
}

}  // namespace

TEST_P(DiffusersGolden, SavedFolderUsesDiffusersNames) {
  auto& g = golden(GetParam());
  const fs::path dir = tmp_ / "model";
  stipple::save_diffusers(*g.model, dir);
  for (const char* f : {"model_index.json", "unet/config.json", "vae/config.json", "text_encoder/config.json",
                        "scheduler/scheduler_config.json"})
    EXPECT_TRUE(fs::is_regular_file(dir / f)) << f;
  const fs::path unet = dir / "unet/diffusion_pytorch_model.safetensors";
  const fs::path vae = dir / "vae/diffusion_pytorch_model.safetensors";
  const fs::path text = dir / "text_encoder/model.safetensors";
  for (const char* key : {"conv_in.weight", "time_embedding.linear_1.weight", "down_blocks.0.resnets.0.norm1.weight",
                          "down_blocks.0.resnets.0.time_emb_proj.weight", "down_blocks.0.downsamplers.0.conv.weight",
                          "down_blocks.1.attentions.0.proj_in.weight",
                          "mid_block.attentions.0.transformer_blocks.0.attn1.to_q.weight",
                          "mid_block.attentions.0.transformer_blocks.0.ff.net.0.proj.weight",
                          "up_blocks.0.attentions.1.transformer_blocks.0.attn2.to_k.weight",
                          "up_blocks.0.upsamplers.0.conv.weight", "up_blocks.1.resnets.1.conv_shortcut.weight",
                          "conv_norm_out.weight", "conv_out.weight"})
    EXPECT_FALSE(stored_shape(unet, key).empty()) << "unet: " << key;
  // Level 0 of the tiny UNet has no attention: no attentions under down_blocks.0.
  EXPECT_TRUE(stored_shape(unet, "down_blocks.0.attentions.0.proj_in.weight").empty());
  for (const char* key : {"encoder.down_blocks.0.resnets.0.conv1.weight", "encoder.down_blocks.0.downsamplers.0.conv.weight",
                          "encoder.mid_block.resnets.1.norm2.weight", "encoder.conv_norm_out.weight",
                          "decoder.up_blocks.0.resnets.0.conv1.weight", "decoder.up_blocks.0.upsamplers.0.conv.weight",
                          "decoder.mid_block.attentions.0.group_norm.weight", "quant_conv.weight", "post_quant_conv.bias"})
    EXPECT_FALSE(stored_shape(vae, key).empty()) << "vae: " << key;
  // Decoder levels are reversed: up_blocks.0 is the deepest (64 wide), up_blocks.3 the first (32);
  // the width drops 64 -> 32 entering level 1 = up_blocks.2, whose first resnet has the shortcut.
  EXPECT_EQ(stored_shape(vae, "decoder.up_blocks.0.resnets.0.conv1.weight"), (std::vector<int64_t>{64, 64, 3, 3}));
  EXPECT_EQ(stored_shape(vae, "decoder.up_blocks.3.resnets.0.conv1.weight"), (std::vector<int64_t>{32, 32, 3, 3}));
  EXPECT_EQ(stored_shape(vae, "decoder.up_blocks.2.resnets.0.conv_shortcut.weight"), (std::vector<int64_t>{32, 64, 1, 1}));
  EXPECT_TRUE(stored_shape(vae, "decoder.up_blocks.3.upsamplers.0.conv.weight").empty());
  // Diffusers' VAE attention projections are Linear weights.
  EXPECT_EQ(stored_shape(vae, "encoder.mid_block.attentions.0.to_q.weight"), (std::vector<int64_t>{64, 64}));
  EXPECT_EQ(stored_shape(vae, "decoder.mid_block.attentions.0.to_out.0.weight"), (std::vector<int64_t>{64, 64}));
  for (const char* key : {"text_model.embeddings.token_embedding.weight", "text_model.embeddings.position_embedding.weight",
                          "text_model.encoder.layers.0.self_attn.q_proj.weight",
                          "text_model.encoder.layers.0.self_attn.v_proj.bias", "text_model.encoder.layers.0.mlp.fc1.weight",
                          "text_model.final_layer_norm.weight"})
    EXPECT_FALSE(stored_shape(text, key).empty()) << "text: " << key;

  const auto unet_cfg = read_json(dir / "unet/config.json");
  const auto text_cfg = read_json(dir / "text_encoder/config.json");
  const auto sched = read_json(dir / "scheduler/scheduler_config.json");
  EXPECT_EQ(unet_cfg["down_block_types"], nlohmann::json({"DownBlock2D", "CrossAttnDownBlock2D"}));
  EXPECT_EQ(unet_cfg["up_block_types"], nlohmann::json({"CrossAttnUpBlock2D", "UpBlock2D"}));
  EXPECT_EQ(read_json(dir / "model_index.json")["unet"], nlohmann::json::array({"diffusers", "UNet2DConditionModel"}));
  if (GetParam() == "tiny-sd1") {
    EXPECT_EQ(unet_cfg["attention_head_dim"], 2);  // a head count, as diffusers reads it
    EXPECT_EQ(text_cfg["hidden_act"], "quick_gelu");
    EXPECT_EQ(text_cfg["num_hidden_layers"], 2);
    EXPECT_EQ(sched["prediction_type"], "epsilon");
  } else {
    EXPECT_EQ(unet_cfg["attention_head_dim"], nlohmann::json({2, 4}));  // 16-channel heads per level
    EXPECT_EQ(unet_cfg["use_linear_projection"], true);
    EXPECT_EQ(text_cfg["hidden_act"], "gelu");
    EXPECT_EQ(text_cfg["num_hidden_layers"], 1);  // diffusers drops the layer after the penultimate
    EXPECT_TRUE(stored_shape(text, "text_model.encoder.layers.1.self_attn.q_proj.weight").empty());
    EXPECT_EQ(sched["prediction_type"], "v_prediction");
  }
}

TEST_P(DiffusersGolden, FolderReproducesGoldenOutputs) {
  auto& g = golden(GetParam());
  const fs::path dir = tmp_ / "model";
  stipple::save_diffusers(*g.model, dir);
  ASSERT_TRUE(stipple::is_diffusers_folder(dir));
  auto m = stipple::load_stable_diffusion(dir);
  const auto& c = m->config;
  const bool sd2 = GetParam() == "tiny-sd2";
  EXPECT_EQ(c.family, sd2 ? stipple::Family::SD2 : stipple::Family::SD1);
  EXPECT_EQ(c.prediction, sd2 ? stipple::Prediction::V : stipple::Prediction::Epsilon);
  EXPECT_EQ(c.text.pad_id, sd2 ? 0 : 49407);
  EXPECT_EQ(c.text.quick_gelu, !sd2);
  EXPECT_EQ(c.text.kind, stipple::TextKind::HfClip);
  EXPECT_EQ(c.unet.channel_mult, g.model->config.unet.channel_mult);
  EXPECT_EQ(c.unet.attention_resolutions, g.model->config.unet.attention_resolutions);
  EXPECT_EQ(c.unet.heads_for(64), g.model->config.unet.heads_for(64));
  EXPECT_EQ(c.unet.use_linear_in_transformer, g.model->config.unet.use_linear_in_transformer);
  EXPECT_EQ(c.vae.ch_mult, g.model->config.vae.ch_mult);
  EXPECT_DOUBLE_EQ(c.vae.scale_factor, g.model->config.vae.scale_factor);

  torch::InferenceMode guard;
  const std::string name = GetParam() + " (diffusers) ";
  for (const char* k : {"a", "b", "c"}) {
    const std::string p = std::string("unet.") + k + ".";
    auto out = m->unet->forward(g.t.at(p + "x"), g.t.at(p + "t"), g.t.at(p + "context"));
    EXPECT_TRUE(close_to_golden(out, g.t.at(p + "out"), kComponentTol, name + p + "out"));
  }
  for (const char* k : {"a", "b"}) {
    const std::string d = std::string("vae.decode.") + k + ".";
    EXPECT_TRUE(close_to_golden(m->vae->decode(g.t.at(d + "z")), g.t.at(d + "out"), kComponentTol, name + d + "out"));
    EXPECT_TRUE(close_to_golden(m->vae->decode(g.t.at(d + "z") / c.vae.scale_factor),
                                g.t.at(std::string("vae.decode_first_stage.") + k + ".out"), kComponentTol,
                                name + "vae.decode_first_stage." + k));
    const std::string e = std::string("vae.encode.") + k + ".";
    const auto moments = m->vae->encode(g.t.at(e + "x"));
    EXPECT_TRUE(close_to_golden(moments.mean, g.t.at(e + "mean"), kComponentTol, name + e + "mean"));
    EXPECT_TRUE(close_to_golden(moments.logvar, g.t.at(e + "logvar"), kComponentTol, name + e + "logvar"));
  }
  const auto ids = g.t.at("text.input_ids");
  EXPECT_TRUE(close_to_golden(m->encode_text(ids), g.t.at("text.cond"), kComponentTol, name + "text.cond"));
  if (!sd2) {
    const auto all = m->text->encode_all(ids);
    EXPECT_TRUE(close_to_golden(all.last, g.t.at("text.last_hidden_state"), kComponentTol, name + "text.last"));
    EXPECT_TRUE(close_to_golden(all.penultimate, g.t.at("text.penultimate_hidden_state"), kComponentTol,
                                name + "text.penultimate"));
  }
}

// A model read from an SD2 folder has its text encoder under HF names with gelu; written back as a
// single file, the Stipple metadata must keep it SD2 (keys alone would say SD1, quick_gelu, pad 49407).
TEST_P(DiffusersGolden, FolderModelSavedAsSingleFileKeepsItsConfig) {
  auto& g = golden(GetParam());
  stipple::save_diffusers(*g.model, tmp_ / "model");
  auto from_folder = stipple::load_stable_diffusion(tmp_ / "model");
  stipple::save_stable_diffusion(*from_folder, tmp_ / "single.safetensors");
  auto single = stipple::load_stable_diffusion(tmp_ / "single.safetensors");
  EXPECT_EQ(single->config.family, from_folder->config.family);
  EXPECT_EQ(single->config.prediction, from_folder->config.prediction);
  EXPECT_EQ(single->config.text.pad_id, from_folder->config.text.pad_id);
  EXPECT_EQ(single->config.text.quick_gelu, from_folder->config.text.quick_gelu);
  EXPECT_EQ(single->config.unet.heads_for(64), from_folder->config.unet.heads_for(64));
  torch::InferenceMode guard;
  EXPECT_TRUE(close_to_golden(single->encode_text(g.t.at("text.input_ids")), g.t.at("text.cond"), kComponentTol,
                              GetParam() + " (diffusers -> single file) text.cond"));
}

TEST_P(DiffusersGolden, KeyMapIsABijectionOnTheCheckpoint) {
  auto& g = golden(GetParam());
  const auto layout = stipple::layout_from_config(g.model->config);
  const auto bundle = stipple::SafetensorsBundle::open(*stipple::test::golden_dir() / (GetParam() + ".safetensors"));
  std::set<std::string> seen;
  size_t mapped = 0;
  for (const auto& key : bundle.names()) {
    const std::string d = stipple::original_to_diffusers(key, layout);
    if (key.rfind(stipple::kOpenClipPrefix, 0) == 0 || key.find('.') == std::string::npos) {
      // OpenCLIP's packed in_proj has no diffusers name (save_diffusers converts the tensors),
      // and schedule buffers are not weights.
      EXPECT_EQ(d, "") << key;
      continue;
    }
    ASSERT_FALSE(d.empty()) << "no diffusers name for " << key;
    EXPECT_EQ(stipple::diffusers_to_original(d, layout), key) << d;
    EXPECT_TRUE(seen.insert(d).second) << "two keys map to " << d;
    ++mapped;
  }
  EXPECT_GT(mapped, 200u);
}

INSTANTIATE_TEST_SUITE_P(Golden, DiffusersGolden, ::testing::Values("tiny-sd1", "tiny-sd2"),
                         [](const auto& info) { return info.param == "tiny-sd1" ? "sd1" : "sd2"; });

// The layout of the real SD 1.x checkpoints, against names from released diffusers folders.
TEST(DiffusersKeys, MatchesTheRealSd15Layout) {
  stipple::DiffusersLayout l;  // 4 levels, 2 res blocks; attention at levels 0-2
  l.unet_attention = {true, true, true, false};
  const std::string u = "model.diffusion_model.", v = "first_stage_model.";
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"unet/conv_in.weight", u + "input_blocks.0.0.weight"},
      {"unet/time_embedding.linear_2.bias", u + "time_embed.2.bias"},
      {"unet/down_blocks.0.resnets.1.conv1.weight", u + "input_blocks.2.0.in_layers.2.weight"},
      {"unet/down_blocks.0.attentions.1.proj_in.weight", u + "input_blocks.2.1.proj_in.weight"},
      {"unet/down_blocks.0.downsamplers.0.conv.weight", u + "input_blocks.3.0.op.weight"},
      {"unet/down_blocks.1.resnets.0.conv_shortcut.weight", u + "input_blocks.4.0.skip_connection.weight"},
      {"unet/down_blocks.3.resnets.1.time_emb_proj.weight", u + "input_blocks.11.0.emb_layers.1.weight"},
      {"unet/mid_block.resnets.0.norm1.bias", u + "middle_block.0.in_layers.0.bias"},
      {"unet/mid_block.attentions.0.transformer_blocks.0.attn2.to_k.weight",
       u + "middle_block.1.transformer_blocks.0.attn2.to_k.weight"},
      {"unet/mid_block.resnets.1.norm2.weight", u + "middle_block.2.out_layers.0.weight"},
      {"unet/up_blocks.0.resnets.2.conv2.weight", u + "output_blocks.2.0.out_layers.3.weight"},
      {"unet/up_blocks.0.upsamplers.0.conv.weight", u + "output_blocks.2.1.conv.weight"},
      {"unet/up_blocks.1.upsamplers.0.conv.weight", u + "output_blocks.5.2.conv.weight"},
      {"unet/up_blocks.2.attentions.0.transformer_blocks.0.ff.net.2.weight",
       u + "output_blocks.6.1.transformer_blocks.0.ff.net.2.weight"},
      {"unet/up_blocks.3.attentions.2.proj_out.weight", u + "output_blocks.11.1.proj_out.weight"},
      {"unet/conv_norm_out.bias", u + "out.0.bias"},
      {"unet/conv_out.weight", u + "out.2.weight"},
      {"vae/encoder.down_blocks.1.downsamplers.0.conv.bias", v + "encoder.down.1.downsample.conv.bias"},
      {"vae/encoder.mid_block.attentions.0.to_out.0.weight", v + "encoder.mid.attn_1.proj_out.weight"},
      {"vae/encoder.mid_block.resnets.1.norm1.weight", v + "encoder.mid.block_2.norm1.weight"},
      {"vae/encoder.conv_norm_out.weight", v + "encoder.norm_out.weight"},
      {"vae/decoder.mid_block.attentions.0.group_norm.weight", v + "decoder.mid.attn_1.norm.weight"},
      {"vae/decoder.up_blocks.0.resnets.0.conv1.weight", v + "decoder.up.3.block.0.conv1.weight"},
      {"vae/decoder.up_blocks.2.upsamplers.0.conv.weight", v + "decoder.up.1.upsample.conv.weight"},
      {"vae/decoder.up_blocks.3.resnets.0.conv_shortcut.weight", v + "decoder.up.0.block.0.nin_shortcut.weight"},
      {"vae/post_quant_conv.weight", v + "post_quant_conv.weight"},
      {"text_encoder/text_model.encoder.layers.11.mlp.fc2.bias",
       "cond_stage_model.transformer.text_model.encoder.layers.11.mlp.fc2.bias"},
  };
  for (const auto& [d, o] : pairs) {
    EXPECT_EQ(stipple::diffusers_to_original(d, l), o);
    EXPECT_EQ(stipple::original_to_diffusers(o, l), d);
  }
  // Diffusers < 0.14 spelled the VAE attention query/key/value/proj_attn: read, never written.
  EXPECT_EQ(stipple::diffusers_to_original("vae/decoder.mid_block.attentions.0.query.weight", l),
            v + "decoder.mid.attn_1.q.weight");
  EXPECT_EQ(stipple::diffusers_to_original("vae/encoder.mid_block.attentions.0.proj_attn.bias", l),
            v + "encoder.mid.attn_1.proj_out.bias");
  EXPECT_EQ(stipple::original_to_diffusers(v + "decoder.mid.attn_1.q.weight", l),
            "vae/decoder.mid_block.attentions.0.to_q.weight");
  // Outside the architecture: SDXL's added embedding, attention where level 3 has none.
  EXPECT_EQ(stipple::diffusers_to_original("unet/add_embedding.linear_1.weight", l), "");
  EXPECT_EQ(stipple::diffusers_to_original("unet/down_blocks.3.attentions.0.proj_in.weight", l), "");
  EXPECT_EQ(stipple::diffusers_to_original("unet/up_blocks.3.upsamplers.0.conv.weight", l), "");
  EXPECT_EQ(stipple::original_shape_of(v + "decoder.mid.attn_1.q.weight", {512, 512}),
            (std::vector<int64_t>{512, 512, 1, 1}));
  EXPECT_TRUE(stipple::original_shape_of(v + "decoder.mid.attn_1.q.bias", {512}).empty());
  EXPECT_TRUE(stipple::original_shape_of(v + "decoder.mid.attn_1.norm.weight", {512}).empty());
  EXPECT_EQ(stipple::diffusers_shape_of(v + "encoder.mid.attn_1.proj_out.weight", {512, 512, 1, 1}),
            (std::vector<int64_t>{512, 512}));
}

// Other block counts and levels: attention on the first levels but not the last (as in real SD,
// unlike the tiny goldens), two res blocks, deeper transformers, 3 text layers. A random model
// saved as a folder and loaded back must compute the same functions.
class DiffusersArchitectures : public TempDirTest, public ::testing::WithParamInterface<bool> {};

TEST_P(DiffusersArchitectures, RandomModelRoundTrips) {
  const bool sd2 = GetParam();
  stipple::ModelConfig c;
  c.family = sd2 ? stipple::Family::SD2 : stipple::Family::SD1;
  c.prediction = sd2 ? stipple::Prediction::V : stipple::Prediction::Epsilon;
  c.unet.model_channels = 32;
  c.unet.channel_mult = {1, 2, 2};
  c.unet.num_res_blocks = 2;
  c.unet.attention_resolutions = {1, 2};
  c.unet.transformer_depth = 2;
  c.unet.context_dim = 32;
  c.unet.num_heads = 2;
  c.unet.num_head_channels = sd2 ? 16 : -1;
  c.unet.use_linear_in_transformer = sd2;
  c.vae.ch = 32;
  c.vae.ch_mult = {1, 2, 2};
  c.vae.num_res_blocks = 2;
  c.text.kind = sd2 ? stipple::TextKind::OpenClip : stipple::TextKind::HfClip;
  c.text.vocab_size = 1000;
  c.text.width = 32;
  c.text.heads = 2;
  c.text.layers = 3;
  c.text.projection_dim = sd2 ? 32 : 0;
  c.text.default_skip = sd2 ? 2 : 1;
  c.text.pad_id = sd2 ? 0 : 49407;
  auto original = stipple::make_random_stable_diffusion(c, 7);
  stipple::save_diffusers(*original, tmp_ / "model");
  auto loaded = stipple::load_stable_diffusion(tmp_ / "model");
  EXPECT_EQ(loaded->config.unet.attention_resolutions, c.unet.attention_resolutions);
  EXPECT_EQ(loaded->config.unet.transformer_depth, 2);
  EXPECT_EQ(loaded->config.unet.heads_for(64), c.unet.heads_for(64));
  EXPECT_EQ(loaded->config.vae.num_res_blocks, 2);
  EXPECT_EQ(loaded->config.family, c.family);
  EXPECT_EQ(loaded->config.prediction, c.prediction);
  EXPECT_EQ(loaded->config.text.layers, sd2 ? 2 : 3);

  torch::InferenceMode guard;
  torch::manual_seed(1);
  const auto x = torch::randn({2, 4, 16, 12}), ctx = torch::randn({2, 77, 32}), t = torch::tensor({10.0, 730.5});
  EXPECT_TRUE(close_to_golden(loaded->unet->forward(x, t, ctx), original->unet->forward(x, t, ctx), 1e-5, "unet"));
  const auto z = torch::randn({1, 4, 8, 8}), img = torch::rand({1, 3, 32, 32}) * 2 - 1;
  EXPECT_TRUE(close_to_golden(loaded->vae->decode(z), original->vae->decode(z), 1e-5, "vae decode"));
  EXPECT_TRUE(close_to_golden(loaded->vae->encode(img).mean, original->vae->encode(img).mean, 1e-5, "vae encode"));
  const auto ids = torch::randint(0, 1000, {2, 77}, torch::kLong);
  EXPECT_TRUE(close_to_golden(loaded->encode_text(ids), original->encode_text(ids), 1e-5, "text cond"));
}

INSTANTIATE_TEST_SUITE_P(Layouts, DiffusersArchitectures, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "sd2_like" : "sd1_like"; });

namespace {

// Runs `f`, expects an exception whose message contains every string in `parts`.
void expect_error(const std::function<void()>& f, const std::vector<std::string>& parts) {
  try {
    f();
    ADD_FAILURE() << "no error";
  } catch (const std::exception& e) {
    std::printf("[ error  ] %s\n", e.what());
    for (const auto& p : parts) EXPECT_NE(std::string(e.what()).find(p), std::string::npos) << e.what() << "\n  lacks: " << p;
  }
}

}  // namespace

class DiffusersErrors : public GoldenTempDirTest {
 protected:
  void SetUp() override {
    GoldenTempDirTest::SetUp();
    if (IsSkipped()) return;
    dir_ = tmp_ / "model";
    stipple::save_diffusers(*golden("tiny-sd1").model, dir_);
  }
  fs::path dir_;
};

TEST_F(DiffusersErrors, FolderWithoutModelIndex) {
  fs::remove(dir_ / "model_index.json");
  EXPECT_FALSE(stipple::is_diffusers_folder(dir_));
  expect_error([&] { stipple::load_stable_diffusion(dir_); }, {dir_.string(), "model_index.json"});
}

TEST_F(DiffusersErrors, MissingUNetConfig) {
  fs::remove(dir_ / "unet" / "config.json");
  expect_error([&] { stipple::load_stable_diffusion(dir_); }, {(dir_ / "unet" / "config.json").string(), "missing"});
}

TEST_F(DiffusersErrors, ConfigValueOfTheWrongType) {
  auto j = read_json(dir_ / "unet" / "config.json");
  j["layers_per_block"] = "two";
  std::ofstream(dir_ / "unet" / "config.json") << j.dump();
  expect_error([&] { stipple::load_stable_diffusion(dir_); },
               {(dir_ / "unet" / "config.json").string(), "'layers_per_block' must be an integer", "\"two\""});
  j["layers_per_block"] = 1;
  j["block_out_channels"] = {32, "64"};
  std::ofstream(dir_ / "unet" / "config.json") << j.dump();
  expect_error([&] { stipple::resolve_checkpoint(dir_); }, {"unet", "config.json", "'block_out_channels'"});
}

TEST_F(DiffusersErrors, UnsupportedArchitectureIsNamed) {
  auto j = read_json(dir_ / "unet" / "config.json");
  j["addition_embed_type"] = "text_time";  // SDXL
  std::ofstream(dir_ / "unet" / "config.json") << j.dump();
  expect_error([&] { stipple::resolve_checkpoint(dir_); }, {"config.json", "addition_embed_type", "text_time"});
}

TEST_F(DiffusersErrors, PickleWeightsAreRefused) {
  fs::rename(dir_ / "unet" / "diffusion_pytorch_model.safetensors", dir_ / "unet" / "diffusion_pytorch_model.bin");
  expect_error([&] { stipple::load_stable_diffusion(dir_); },
               {(dir_ / "unet" / "diffusion_pytorch_model.bin").string(), "pickle"});
}

TEST_F(DiffusersErrors, ForeignTensorsAreListed) {
  auto t = stipple::load_tensors(dir_ / "text_encoder" / "model.safetensors");
  std::vector<std::pair<std::string, torch::Tensor>> v(t.begin(), t.end());
  v.emplace_back("text_projection.weight", torch::zeros({32, 32}));
  stipple::save_tensors(tmp_ / "model.safetensors", v);
  fs::rename(tmp_ / "model.safetensors", dir_ / "text_encoder" / "model.safetensors");
  expect_error([&] { stipple::resolve_checkpoint(dir_); }, {"text_encoder", "model.safetensors", "text_projection.weight"});
}

TEST_F(DiffusersErrors, Fp16VariantAndOverridesAndInfo) {
  // A folder holding only the .fp16 variant loads; --prediction and --config still apply on top.
  fs::rename(dir_ / "vae" / "diffusion_pytorch_model.safetensors", dir_ / "vae" / "diffusion_pytorch_model.fp16.safetensors");
  auto r = stipple::resolve_checkpoint(dir_, std::nullopt, stipple::Prediction::V);
  EXPECT_EQ(r.config.prediction, stipple::Prediction::V);
  EXPECT_TRUE(r.weights.contains("first_stage_model.decoder.up.3.upsample.conv.weight"));
  std::ofstream(tmp_ / "override.json") << R"({"ldm": {"scale_factor": 0.5}})";
  r = stipple::resolve_checkpoint(dir_, tmp_ / "override.json");
  EXPECT_DOUBLE_EQ(r.config.vae.scale_factor, 0.5);
  ASSERT_TRUE(r.config_source.has_value());
  stipple::ModelSource source;
  source.model = dir_;
  const auto summary = stipple::describe_model(source);
  ASSERT_EQ(summary.components.size(), 3u);
  EXPECT_EQ(summary.components[0].name, "text_encoder");
  EXPECT_EQ(summary.config.family, stipple::Family::SD1);
}

TEST_F(DiffusersErrors, TokenizerIsCopied) {
  fs::create_directories(tmp_ / "tok");
  std::ofstream(tmp_ / "tok" / "vocab.json") << "{}";
  std::ofstream(tmp_ / "tok" / "merges.txt") << "#version: 0.2\n";
  stipple::save_diffusers(*golden("tiny-sd2").model, tmp_ / "sd2", torch::kHalf, tmp_ / "tok");
  EXPECT_TRUE(fs::is_regular_file(tmp_ / "sd2" / "tokenizer" / "merges.txt"));
  EXPECT_EQ(read_json(tmp_ / "sd2" / "tokenizer" / "tokenizer_config.json")["pad_token"], "!");
  EXPECT_EQ(read_json(tmp_ / "sd2" / "model_index.json")["tokenizer"], nlohmann::json::array({"transformers", "CLIPTokenizer"}));
  auto f = stipple::SafetensorsFile::open(tmp_ / "sd2" / "unet" / "diffusion_pytorch_model.safetensors");
  EXPECT_EQ(f->find("conv_in.weight")->dtype, stipple::DType::F16);
  expect_error([&] { stipple::save_diffusers(*golden("tiny-sd2").model, tmp_ / "x", torch::kFloat, tmp_ / "none"); },
               {"vocab.json"});
}

// A model's recommended sampling ("_stipple_defaults" in model_index.json): taken when usable,
// ignored (never an error) when absent, malformed or out of range.
TEST(Diffusers, SamplingDefaultsAreReadWhenUsableAndIgnoredOtherwise) {
  const fs::path dir = fs::temp_directory_path() / ("stipple-sampling-defaults-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& text) { std::ofstream(dir / "model_index.json") << text; };
  write(R"({"_class_name": "StableDiffusionPipeline", "_stipple_defaults": {"guidance_scale": 3.0, "sampler": "dpmpp_2m"}})");
  auto d = stipple::read_sampling_defaults(dir);
  EXPECT_EQ(d.cfg, 3.0);
  EXPECT_EQ(d.sampler, "dpmpp_2m");
  write(R"({"_stipple_defaults": {"guidance_scale": 1000, "sampler": "rm -rf"}})");
  d = stipple::read_sampling_defaults(dir);
  EXPECT_EQ(d.cfg, 0.0);
  EXPECT_TRUE(d.sampler.empty());
  write(R"({"_stipple_defaults": "dpmpp_2m"})");
  EXPECT_EQ(stipple::read_sampling_defaults(dir).cfg, 0.0);
  write("{ not json");
  EXPECT_EQ(stipple::read_sampling_defaults(dir).cfg, 0.0);
  EXPECT_EQ(stipple::read_sampling_defaults(dir / "missing").cfg, 0.0);
  EXPECT_EQ(stipple::read_sampling_defaults(dir / "model_index.json").cfg, 0.0);  // a file, not a folder
  fs::remove_all(dir);
}
