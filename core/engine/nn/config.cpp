#include "nn/config.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace stipple {

std::pair<int, int> UNetConfig::heads_for(int channels) const {
  if (num_head_channels > 0) return {channels / num_head_channels, num_head_channels};
  return {num_heads, channels / num_heads};
}

std::string validate_config(const ModelConfig& c, bool unet, bool vae, bool text) {
  auto range = [](const std::string& what, int64_t v, int64_t lo, int64_t hi) -> std::string {
    if (v >= lo && v <= hi) return {};
    return what + " is " + std::to_string(v) + "; it must be " + std::to_string(lo) + " to " + std::to_string(hi);
  };
  // A level's channel count: in range, and a multiple of 32 (GroupNorm uses 32 groups).
  auto width = [&](const std::string& what, int64_t v, int64_t hi) -> std::string {
    if (std::string p = range(what, v, 32, hi); !p.empty()) return p;
    if (v % 32 == 0) return {};
    return what + " is " + std::to_string(v) + "; it must be a multiple of 32 (GroupNorm uses 32 groups)";
  };
  std::vector<std::string> problems;
  auto add = [&](std::string p) {
    if (!p.empty()) problems.push_back(std::move(p));
  };
  if (unet) {
    const UNetConfig& u = c.unet;
    add(range("UNet in_channels", u.in_channels, 1, 64));
    add(range("UNet out_channels", u.out_channels, 1, 64));
    add(range("UNet levels (channel_mult / block_out_channels entries)", static_cast<int64_t>(u.channel_mult.size()), 1, 8));
    add(range("UNet res blocks per level (num_res_blocks / layers_per_block)", u.num_res_blocks, 1, 16));
    add(range("UNet transformer_depth", u.transformer_depth, 1, 16));
    add(range("UNet context_dim (cross_attention_dim)", u.context_dim, 1, 8192));
    if (u.num_head_channels <= 0) add(range("UNet attention heads (num_heads / attention_head_dim)", u.num_heads, 1, 256));
    else add(range("UNet attention head width (num_head_channels / attention_head_dim)", u.num_head_channels, 1, 4096));
    for (size_t i = 0; i < u.channel_mult.size(); ++i) {
      const int64_t channels = int64_t(u.model_channels) * u.channel_mult[i];
      std::string p = width("UNet width of level " + std::to_string(i) + " (model_channels x channel_mult / block_out_channels)",
                            channels, 8192);
      if (!p.empty()) {
        add(std::move(p));
        continue;
      }
      const auto [heads, dim] = u.heads_for(static_cast<int>(channels));
      if (heads >= 1 && dim >= 1 && int64_t(heads) * dim != channels)
        add("UNet width " + std::to_string(channels) + " of level " + std::to_string(i) + " is not divisible into " +
            std::to_string(heads) + " attention heads");
    }
    for (int r : u.attention_resolutions)
      if (r < 1 || (r & (r - 1)) != 0) add("UNet attention_resolutions has " + std::to_string(r) + "; expected powers of two");
  }
  if (vae) {
    const VaeConfig& v = c.vae;
    add(range("VAE in_channels", v.in_channels, 1, 16));
    add(range("VAE out_ch", v.out_ch, 1, 16));
    add(range("VAE levels (ch_mult / block_out_channels entries)", static_cast<int64_t>(v.ch_mult.size()), 1, 6));
    add(range("VAE res blocks per level (num_res_blocks / layers_per_block)", v.num_res_blocks, 1, 8));
    add(range("VAE latent channels (z_channels / latent_channels)", v.z_channels, 1, 64));
    add(range("VAE embed_dim (latent_channels)", v.embed_dim, 1, 64));
    for (size_t i = 0; i < v.ch_mult.size(); ++i)
      add(width("VAE width of level " + std::to_string(i) + " (ch x ch_mult / block_out_channels)",
                int64_t(v.ch) * v.ch_mult[i], 4096));
    if (!(v.scale_factor > 0 && v.scale_factor < 1e6)) add("VAE scale_factor " + std::to_string(v.scale_factor) + " must be positive");
  }
  if (text) {
    const TextConfig& t = c.text;
    add(range("text encoder vocabulary size (vocab_size)", t.vocab_size, 2, 1000000));
    add(range("text encoder width (hidden_size)", t.width, 1, 8192));
    add(range("text encoder heads (num_attention_heads)", t.heads, 1, 256));
    add(range("text encoder layers (num_hidden_layers)", t.layers, 1, 64));
    add(range("text encoder context length (max_position_embeddings)", t.context_length, 2, 1024));
    if (t.heads >= 1 && t.width >= 1 && t.width % t.heads != 0)
      add("text encoder width " + std::to_string(t.width) + " is not divisible into " + std::to_string(t.heads) +
          " heads (num_attention_heads)");
    if (t.layers >= 1) add(range("text encoder conditioning layer from the end (clip skip)", t.default_skip, 1, t.layers));
    if (t.vocab_size >= 2) add(range("text encoder padding id", t.pad_id, 0, t.vocab_size - 1));
  }
  std::string out;
  for (const auto& p : problems) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::string to_string(Family f) {
  switch (f) {
    case Family::SD1: return "sd1";
    case Family::SD2: return "sd2";
    case Family::Custom: return "custom";
  }
  return "unknown";
}

std::string to_string(Prediction p) { return p == Prediction::V ? "v" : "eps"; }

Prediction prediction_from_string(const std::string& s) {
  if (s == "eps" || s == "epsilon") return Prediction::Epsilon;
  if (s == "v" || s == "v_prediction") return Prediction::V;
  throw std::invalid_argument("unknown prediction type '" + s + "' (expected eps or v)");
}

namespace {

template <typename T>
void take(const nlohmann::json& obj, const char* key, T& out, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return;
  try {
    out = it->get<T>();
  } catch (const nlohmann::json::exception&) {
    throw std::invalid_argument("model config: '" + where + "." + key + "' has the wrong type (" +
                                std::string(it->type_name()) + ")");
  }
}

void apply_unet(UNetConfig& u, const nlohmann::json& j) {
  const std::string w = "unet";
  take(j, "in_channels", u.in_channels, w);
  take(j, "out_channels", u.out_channels, w);
  take(j, "model_channels", u.model_channels, w);
  take(j, "channel_mult", u.channel_mult, w);
  take(j, "num_res_blocks", u.num_res_blocks, w);
  take(j, "attention_resolutions", u.attention_resolutions, w);
  take(j, "num_heads", u.num_heads, w);
  take(j, "num_head_channels", u.num_head_channels, w);
  take(j, "transformer_depth", u.transformer_depth, w);
  take(j, "context_dim", u.context_dim, w);
  take(j, "use_linear_in_transformer", u.use_linear_in_transformer, w);
}

void apply_vae(VaeConfig& v, const nlohmann::json& j) {
  take(j, "embed_dim", v.embed_dim, "vae");
  const nlohmann::json& dd = j.contains("ddconfig") ? j["ddconfig"] : j;
  take(dd, "in_channels", v.in_channels, "vae.ddconfig");
  take(dd, "out_ch", v.out_ch, "vae.ddconfig");
  take(dd, "ch", v.ch, "vae.ddconfig");
  take(dd, "ch_mult", v.ch_mult, "vae.ddconfig");
  take(dd, "num_res_blocks", v.num_res_blocks, "vae.ddconfig");
  take(dd, "z_channels", v.z_channels, "vae.ddconfig");
}

void apply_text(TextConfig& t, const nlohmann::json& j) {
  take(j, "width", t.width, "text");
  take(j, "heads", t.heads, "text");
  take(j, "layers", t.layers, "text");
  take(j, "vocab_size", t.vocab_size, "text");
  take(j, "context_length", t.context_length, "text");
  if (auto it = j.find("layer"); it != j.end() && it->is_string())
    t.default_skip = (*it == "penultimate") ? 2 : 1;
}

void apply_ldm(ModelConfig& c, const nlohmann::json& j) {
  take(j, "scale_factor", c.vae.scale_factor, "ldm");
  if (auto it = j.find("parameterization"); it != j.end() && it->is_string())
    c.prediction = prediction_from_string(it->get<std::string>());
}

}  // namespace

void apply_ldm_config(ModelConfig& config, const nlohmann::json& root) {
  if (!root.is_object()) throw std::invalid_argument("model config: expected a JSON object");
  const nlohmann::json& j = root.contains("model_config") ? root["model_config"] : root;
  // ldm YAML layout: model.params.{unet_config,first_stage_config,cond_stage_config}.params
  if (j.contains("model") && j["model"].is_object() && j["model"].contains("params")) {
    const auto& p = j["model"]["params"];
    if (p.contains("unet_config") && p["unet_config"].contains("params")) apply_unet(config.unet, p["unet_config"]["params"]);
    if (p.contains("first_stage_config") && p["first_stage_config"].contains("params"))
      apply_vae(config.vae, p["first_stage_config"]["params"]);
    if (p.contains("cond_stage_config") && p["cond_stage_config"].contains("params"))
      apply_text(config.text, p["cond_stage_config"]["params"]);
    apply_ldm(config, p);
    return;
  }
  if (j.contains("unet")) apply_unet(config.unet, j["unet"]);
  if (j.contains("vae")) apply_vae(config.vae, j["vae"]);
  if (j.contains("text")) apply_text(config.text, j["text"]);
  if (j.contains("ldm")) apply_ldm(config, j["ldm"]);
  if (auto it = j.find("parameterization"); it != j.end() && it->is_string())
    config.prediction = prediction_from_string(it->get<std::string>());
}

}  // namespace stipple
