#include "io/diffusers.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace stipple {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// One parsed config file; every accessor names the file and the key when the value is unusable.
// Absent keys and JSON null (diffusers writes null for "not set") take the default.
class ConfigFile {
 public:
  explicit ConfigFile(fs::path path) : path_(std::move(path)) {
    std::error_code ec;
    if (!fs::is_regular_file(path_, ec)) fail("missing (the folder needs this file)");
    std::ifstream in(path_);
    if (!in) fail("cannot be opened");
    try {
      j_ = json::parse(in);
    } catch (const json::exception& e) {
      fail(std::string("is not valid JSON: ") + e.what());
    }
    if (!j_.is_object()) fail("is not a JSON object");
  }

  [[noreturn]] void fail(const std::string& what) const { throw std::runtime_error(path_.string() + ": " + what); }
  [[noreturn]] void wrong(const std::string& key, const char* expected) const {
    fail("'" + key + "' must be " + expected + ", not " + j_[key].dump());
  }

  bool has(const std::string& key) const { return j_.contains(key) && !j_[key].is_null(); }
  bool is_array(const std::string& key) const { return has(key) && j_[key].is_array(); }
  const json& raw() const { return j_; }

  int integer(const std::string& key, int fallback) const {
    if (!has(key)) return fallback;
    if (!j_[key].is_number_integer()) wrong(key, "an integer");
    return j_[key].get<int>();
  }
  double number(const std::string& key, double fallback) const {
    if (!has(key)) return fallback;
    if (!j_[key].is_number()) wrong(key, "a number");
    return j_[key].get<double>();
  }
  bool boolean(const std::string& key, bool fallback) const {
    if (!has(key)) return fallback;
    if (!j_[key].is_boolean()) wrong(key, "true or false");
    return j_[key].get<bool>();
  }
  std::string text(const std::string& key, const std::string& fallback) const {
    if (!has(key)) return fallback;
    if (!j_[key].is_string()) wrong(key, "a string");
    return j_[key].get<std::string>();
  }
  std::vector<int> integers(const std::string& key, const std::vector<int>& fallback) const {
    if (!has(key)) return fallback;
    const json& v = j_[key];
    if (!v.is_array() || v.empty() || !std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_number_integer(); }))
      wrong(key, "a non-empty list of integers");
    return v.get<std::vector<int>>();
  }
  std::vector<std::string> strings(const std::string& key, const std::vector<std::string>& fallback) const {
    if (!has(key)) return fallback;
    const json& v = j_[key];
    if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_string(); }))
      wrong(key, "a list of strings");
    return v.get<std::vector<std::string>>();
  }
  // diffusers' "int or one value per level" fields.
  std::vector<int> per_level(const std::string& key, size_t levels, int fallback) const {
    if (!is_array(key)) return std::vector<int>(levels, integer(key, fallback));
    auto v = integers(key, {});
    if (v.size() != levels)
      fail("'" + key + "' has " + std::to_string(v.size()) + " values for " + std::to_string(levels) + " levels");
    return v;
  }
  // A field whose only value Stipple's networks implement (the original SD architecture).
  void require(const std::string& key, const json& expected, const char* why) const {
    const bool ok = !j_.contains(key) || (expected.is_null() ? j_[key].is_null() : (j_[key].is_null() || j_[key] == expected));
    if (!ok)
      fail("'" + key + "' is " + j_[key].dump() + "; only " + expected.dump() + " is supported (" + why + ")");
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  json j_;
};

// The single value of a per-level list at the levels in `used`, or nullopt when they differ.
std::optional<int> uniform(const std::vector<int>& values, const std::vector<size_t>& used) {
  if (used.empty()) return std::nullopt;
  for (size_t i : used)
    if (values[i] != values[used.front()]) return std::nullopt;
  return values[used.front()];
}

// block_out_channels -> (base width, multipliers) as the original constructors take them.
std::pair<int, std::vector<int>> widths(const ConfigFile& f, const std::vector<int>& block_out) {
  std::vector<int> mult;
  for (int c : block_out) {
    if (block_out.front() <= 0 || c % block_out.front() != 0)
      f.fail("'block_out_channels' must be positive multiples of the first entry");
    mult.push_back(c / block_out.front());
  }
  return {block_out.front(), mult};
}

void read_unet(const ConfigFile& f, UNetConfig& u, DiffusersLayout& layout) {
  const char* why = "Stable Diffusion 1.x/2.x UNets";
  for (const char* key : {"class_embed_type", "addition_embed_type", "addition_time_embed_dim", "encoder_hid_dim",
                          "encoder_hid_dim_type", "time_cond_proj_dim", "time_embedding_dim", "num_class_embeds",
                          "time_embedding_act_fn", "timestep_post_act", "cross_attention_norm",
                          "reverse_transformer_layers_per_block"})
    f.require(key, nullptr, why);
  f.require("attention_type", "default", why);
  f.require("downsample_padding", 1, why);
  f.require("resnet_skip_time_act", false, why);
  f.require("resnet_out_scale_factor", 1, why);
  f.require("time_embedding_type", "positional", why);
  f.require("flip_sin_to_cos", true, why);
  f.require("freq_shift", 0, why);
  f.require("norm_num_groups", 32, why);
  f.require("norm_eps", 1e-5, why);
  f.require("act_fn", "silu", why);
  f.require("resnet_time_scale_shift", "default", why);
  f.require("dual_cross_attention", false, why);
  f.require("only_cross_attention", false, why);
  f.require("center_input_sample", false, why);
  f.require("conv_in_kernel", 3, why);
  f.require("conv_out_kernel", 3, why);
  f.require("mid_block_scale_factor", 1, why);
  f.require("mid_block_type", "UNetMidBlock2DCrossAttn", why);

  u.in_channels = f.integer("in_channels", 4);
  u.out_channels = f.integer("out_channels", 4);
  const auto block_out = f.integers("block_out_channels", {320, 640, 1280, 1280});
  std::tie(u.model_channels, u.channel_mult) = widths(f, block_out);
  const size_t levels = block_out.size();

  const auto down = f.strings("down_block_types", {"CrossAttnDownBlock2D", "CrossAttnDownBlock2D",
                                                   "CrossAttnDownBlock2D", "DownBlock2D"});
  const auto up = f.strings("up_block_types", {"UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D",
                                               "CrossAttnUpBlock2D"});
  if (down.size() != levels || up.size() != levels)
    f.fail("'down_block_types' and 'up_block_types' need one entry per 'block_out_channels' entry (" +
           std::to_string(levels) + ")");
  layout.unet_levels = static_cast<int>(levels);
  layout.unet_attention.assign(levels, false);
  u.attention_resolutions.clear();
  std::vector<size_t> attn_levels;
  for (size_t i = 0; i < levels; ++i) {
    if (down[i] == "CrossAttnDownBlock2D")
      layout.unet_attention[i] = true;
    else if (down[i] != "DownBlock2D")
      f.fail("down block type '" + down[i] + "' is not supported (CrossAttnDownBlock2D or DownBlock2D)");
    // The original UNet mirrors its levels: up block k serves level (levels-1-k).
    const std::string mirror = layout.unet_attention[i] ? "CrossAttnUpBlock2D" : "UpBlock2D";
    if (up[levels - 1 - i] != mirror)
      f.fail("'up_block_types'[" + std::to_string(levels - 1 - i) + "] is '" + up[levels - 1 - i] + "', expected '" +
             mirror + "' to mirror down block " + std::to_string(i));
    if (layout.unet_attention[i]) {
      u.attention_resolutions.push_back(1 << i);
      attn_levels.push_back(i);
    }
  }
  std::vector<size_t> transformer_levels = attn_levels;  // plus the middle block, at the last level's width
  if (std::find(attn_levels.begin(), attn_levels.end(), levels - 1) == attn_levels.end())
    transformer_levels.push_back(levels - 1);

  const auto res = f.per_level("layers_per_block", levels, 2);
  std::vector<size_t> all(levels);
  for (size_t i = 0; i < levels; ++i) all[i] = i;
  if (!uniform(res, all)) f.fail("'layers_per_block' differs between levels; the original UNet has one count");
  u.num_res_blocks = layout.unet_res_blocks = res.front();

  const auto depth = uniform(f.per_level("transformer_layers_per_block", levels, 1), transformer_levels);
  if (!depth) f.fail("'transformer_layers_per_block' differs between levels; the original UNet has one depth");
  u.transformer_depth = *depth;

  const auto context = uniform(f.per_level("cross_attention_dim", levels, 1280), all);
  if (!context) f.fail("'cross_attention_dim' differs between levels");
  u.context_dim = *context;
  u.use_linear_in_transformer = f.boolean("use_linear_projection", false);

  // diffusers reads attention_head_dim as the number of HEADS (a historical misnomer it keeps:
  // "num_attention_heads = num_attention_heads or attention_head_dim"). SD1 writes 8 (8 heads
  // everywhere), SD2 writes [5,10,20,20] (64-channel heads). The mid block uses the last entry.
  const std::string heads_key = f.has("num_attention_heads") ? "num_attention_heads" : "attention_head_dim";
  const auto heads = f.per_level(heads_key, levels, 8);
  std::vector<int> head_dims(levels, 0);
  for (size_t i : transformer_levels) {
    if (heads[i] <= 0 || block_out[i] % heads[i] != 0)
      f.fail("'" + heads_key + "' gives " + std::to_string(heads[i]) + " heads for " + std::to_string(block_out[i]) +
             " channels at level " + std::to_string(i));
    head_dims[i] = block_out[i] / heads[i];
  }
  const auto same_heads = uniform(heads, transformer_levels), same_dim = uniform(head_dims, transformer_levels);
  if (same_dim && (f.is_array(heads_key) || !same_heads)) {
    u.num_head_channels = *same_dim;
  } else if (same_heads) {
    u.num_heads = *same_heads;
    u.num_head_channels = -1;
  } else {
    f.fail("'" + heads_key + "' gives neither one head count nor one head width for all attention levels");
  }
}

void read_vae(const ConfigFile& f, VaeConfig& v, DiffusersLayout& layout) {
  const char* why = "the Stable Diffusion KL autoencoder";
  f.require("norm_num_groups", 32, why);
  f.require("act_fn", "silu", why);
  f.require("use_quant_conv", true, why);
  f.require("use_post_quant_conv", true, why);
  f.require("mid_block_add_attention", true, why);
  f.require("shift_factor", nullptr, why);
  v.in_channels = f.integer("in_channels", 3);
  v.out_ch = f.integer("out_channels", 3);
  const auto block_out = f.integers("block_out_channels", {64});
  std::tie(v.ch, v.ch_mult) = widths(f, block_out);
  v.num_res_blocks = f.integer("layers_per_block", 1);
  v.z_channels = v.embed_dim = f.integer("latent_channels", 4);
  v.scale_factor = f.number("scaling_factor", 0.18215);
  const auto down = f.strings("down_block_types", std::vector<std::string>(block_out.size(), "DownEncoderBlock2D"));
  const auto up = f.strings("up_block_types", std::vector<std::string>(block_out.size(), "UpDecoderBlock2D"));
  if (down.size() != block_out.size() || up.size() != block_out.size())
    f.fail("'down_block_types' and 'up_block_types' need one entry per 'block_out_channels' entry");
  for (const auto& t : down)
    if (t != "DownEncoderBlock2D") f.fail("down block type '" + t + "' is not supported (DownEncoderBlock2D)");
  for (const auto& t : up)
    if (t != "UpDecoderBlock2D") f.fail("up block type '" + t + "' is not supported (UpDecoderBlock2D)");
  layout.vae_levels = static_cast<int>(block_out.size());
  layout.vae_res_blocks = v.num_res_blocks;
}

// HF CLIPTextConfig; absent keys take transformers' defaults.
void read_text(const ConfigFile& f, TextConfig& t) {
  f.require("layer_norm_eps", 1e-5, "CLIP text encoders");
  t.kind = TextKind::HfClip;
  t.width = f.integer("hidden_size", 512);
  t.layers = f.integer("num_hidden_layers", 12);
  t.heads = f.integer("num_attention_heads", 8);
  t.vocab_size = f.integer("vocab_size", 49408);
  t.context_length = f.integer("max_position_embeddings", 77);
  if (f.integer("intermediate_size", 2048) != 4 * t.width)
    f.fail("'intermediate_size' must be 4 x hidden_size (" + std::to_string(4 * t.width) + ") as in CLIP");
  if (t.heads <= 0 || t.width % t.heads != 0) f.fail("'num_attention_heads' must divide 'hidden_size'");
  const std::string act = f.text("hidden_act", "quick_gelu");
  if (act != "quick_gelu" && act != "gelu") f.fail("'hidden_act' is '" + act + "'; quick_gelu or gelu are supported");
  t.quick_gelu = act == "quick_gelu";
  t.projection_dim = 0;
  // diffusers conditions on the encoder's last hidden state (after final_layer_norm). SD2 exports
  // already drop OpenCLIP's last layer, so "last" here is the original's penultimate layer.
  t.default_skip = 1;
}

void read_schedule(const ConfigFile& f, DiffusersSchedule& s) {
  s.beta_schedule = f.text("beta_schedule", s.beta_schedule);
  s.beta_start = f.number("beta_start", s.beta_start);
  s.beta_end = f.number("beta_end", s.beta_end);
  s.num_train_timesteps = f.integer("num_train_timesteps", s.num_train_timesteps);
  if (f.has("prediction_type")) {
    const std::string p = f.text("prediction_type", "");
    if (p == "epsilon")
      s.prediction = Prediction::Epsilon;
    else if (p == "v_prediction")
      s.prediction = Prediction::V;
    else
      f.fail("'prediction_type' is '" + p + "'; epsilon or v_prediction are supported");
  }
}

// A part is there when model_index.json names a library for it or its folder exists.
bool has_part(const ConfigFile& index, const fs::path& folder, const std::string& part) {
  std::error_code ec;
  if (fs::is_directory(folder / part, ec)) return true;
  const json& j = index.raw();
  return j.contains(part) && j[part].is_array() && !j[part].empty() && !j[part][0].is_null();
}

void add_weights(WeightSource& w, const fs::path& folder, const std::string& part, const DiffusersKeyMap& map) {
  const auto file = find_diffusers_weights(folder / part);
  if (!file)
    throw std::runtime_error((folder / part).string() +
                             ": no weights (expected diffusion_pytorch_model.safetensors or model.safetensors, "
                             "an .fp16 variant, or a sharded *.safetensors.index.json)");
  const auto bundle = SafetensorsBundle::open(*file);
  std::vector<std::string> unknown;
  for (const auto& name : bundle.names())
    if (map.to_original(part + "/" + name).empty()) unknown.push_back(name);
  if (!unknown.empty()) {
    std::string msg = file->string() + ": " + std::to_string(unknown.size()) +
                      " tensors do not belong to the architecture its config.json describes:";
    for (size_t i = 0; i < std::min<size_t>(unknown.size(), 20); ++i) msg += "\n  " + unknown[i];
    if (unknown.size() > 20) msg += "\n  ... and " + std::to_string(unknown.size() - 20) + " more";
    throw std::runtime_error(msg);
  }
  w.add(bundle, [&](const std::string& name) { return map.to_original(part + "/" + name); },
        [](const std::string& name, const std::vector<int64_t>& shape) { return original_shape_of(name, shape); });
}

}  // namespace

bool is_diffusers_folder(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) && fs::is_regular_file(path / "model_index.json", ec);
}

std::optional<fs::path> find_diffusers_weights(const fs::path& dir) {
  std::error_code ec;
  for (const char* variant : {"", ".fp16"})
    for (const char* stem : {"diffusion_pytorch_model", "model"})
      for (const char* ext : {".safetensors", ".safetensors.index.json"}) {
        const fs::path p = dir / (std::string(stem) + variant + ext);
        if (fs::is_regular_file(p, ec)) return p;
      }
  // Only pickle weights: refuse with the same message as a .ckpt, naming the file.
  for (const char* variant : {"", ".fp16"})
    for (const char* stem : {"diffusion_pytorch_model", "pytorch_model", "model"}) {
      const fs::path bin = dir / (std::string(stem) + variant + ".bin");
      if (fs::is_regular_file(bin, ec)) refuse_pickle(bin);
      const fs::path index = dir / (std::string(stem) + variant + ".bin.index.json");
      if (fs::is_regular_file(index, ec))
        throw std::runtime_error(index.string() + ": the weights are sharded pickle (.bin) files, which can execute "
                                                  "arbitrary code; Stipple only reads .safetensors. Download or "
                                                  "convert the safetensors version of the model.");
    }
  return std::nullopt;
}

DiffusersModel read_diffusers(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_regular_file(folder / "model_index.json", ec))
    throw std::runtime_error(folder.string() + ": not a diffusers folder (no model_index.json)");
  const ConfigFile index(folder / "model_index.json");
  DiffusersModel m;
  ResolvedCheckpoint& r = m.checkpoint;
  ModelConfig& c = r.config;
  r.parts.unet = has_part(index, folder, kDiffusersUNet);
  r.parts.vae = has_part(index, folder, kDiffusersVae);
  r.parts.text = has_part(index, folder, kDiffusersText);
  if (!r.parts.unet && !r.parts.vae && !r.parts.text)
    throw std::runtime_error((folder / "model_index.json").string() + ": names no unet, vae or text_encoder");

  int sample_size = 0;  // the UNet's latent size at the training resolution
  if (r.parts.unet) {
    const ConfigFile unet(folder / kDiffusersUNet / "config.json");
    read_unet(unet, c.unet, m.layout);
    sample_size = unet.integer("sample_size", 0);
  }
  if (r.parts.vae) read_vae(ConfigFile(folder / kDiffusersVae / "config.json"), c.vae, m.layout);
  if (sample_size > 0) c.native_resolution = sample_size * c.vae.downsample_factor();
  if (r.parts.text) read_text(ConfigFile(folder / kDiffusersText / "config.json"), c.text);
  if (fs::exists(folder / "scheduler" / "scheduler_config.json", ec))
    read_schedule(ConfigFile(folder / "scheduler" / "scheduler_config.json"), m.schedule);

  // Family: OpenAI CLIP (quick_gelu) conditions SD1, OpenCLIP ViT-H (gelu) SD2; without a text
  // encoder the UNet's context width tells (768 vs 1024).
  const bool sd2 = r.parts.text ? !c.text.quick_gelu : c.unet.context_dim == 1024;
  c.family = sd2 ? Family::SD2 : Family::SD1;
  // open_clip.tokenize pads with 0, the SD1 tokenizer with EOS: the last id of a CLIP vocabulary
  // (49407 for OpenAI's; Stipple's own caption vocabularies are smaller and end with EOS too).
  c.text.pad_id = sd2 ? 0 : c.text.vocab_size - 1;
  // Same guess as for single files (SD2 512-inpainting predicts eps); the scheduler config wins.
  c.prediction = sd2 && c.unet.in_channels != 9 ? Prediction::V : Prediction::Epsilon;
  if (m.schedule.prediction) c.prediction = *m.schedule.prediction;

  // Absurd values (a hostile or broken config) are refused before any weight is mapped.
  if (const std::string bad = validate_config(c, r.parts.unet, r.parts.vae, r.parts.text); !bad.empty())
    throw std::runtime_error(folder.string() + ": the configuration cannot be built: " + bad);

  const DiffusersKeyMap map(m.layout);
  for (const char* part : {kDiffusersUNet, kDiffusersVae, kDiffusersText}) {
    const bool present = std::string(part) == kDiffusersUNet  ? r.parts.unet
                         : std::string(part) == kDiffusersVae ? r.parts.vae
                                                              : r.parts.text;
    if (present) add_weights(r.weights, folder, part, map);
  }
  return m;
}

}  // namespace stipple
