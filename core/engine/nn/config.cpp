#include "nn/config.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace stipple {

std::pair<int, int> UNetConfig::heads_for(int channels) const {
  if (num_head_channels > 0) return {channels / num_head_channels, num_head_channels};
  return {num_heads, channels / num_heads};
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
