#include "io/model_detect.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "io/diffusers.h"

namespace stipple {

namespace {

const std::vector<int64_t>& need(const WeightSource& w, const std::string& key, const char* what) {
  if (!w.contains(key))
    throw std::runtime_error(std::string("cannot read the ") + what + " architecture: key '" + key +
                             "' is missing");
  return w.shape(key);
}

// Largest N such that "<prefix>0<suffix>" ... "<prefix>(N-1)<suffix>" all exist (or any key
// starts with "<prefix>i." when suffix is empty).
int count_indexed(const WeightSource& w, const std::string& prefix) {
  int n = 0;
  const auto names = w.names();
  for (;; ++n) {
    const std::string p = prefix + std::to_string(n) + ".";
    auto it = std::lower_bound(names.begin(), names.end(), p);
    if (it == names.end() || it->compare(0, p.size(), p) != 0) break;
  }
  return n;
}

UNetConfig detect_unet(const WeightSource& w) {
  const std::string p = kUNetPrefix;
  UNetConfig u;
  const auto conv_in = need(w, p + "input_blocks.0.0.weight", "UNet");
  if (conv_in.size() != 4) throw std::runtime_error("UNet: input_blocks.0.0.weight is not a conv weight");
  u.model_channels = static_cast<int>(conv_in[0]);
  u.in_channels = static_cast<int>(conv_in[1]);
  u.out_channels = static_cast<int>(need(w, p + "out.2.weight", "UNet")[0]);

  u.channel_mult.clear();
  u.attention_resolutions.clear();
  std::vector<int> res_per_level{0};
  std::vector<bool> attn_per_level{false};
  const int blocks = count_indexed(w, p + "input_blocks.");
  for (int i = 1; i < blocks; ++i) {
    const std::string b = p + "input_blocks." + std::to_string(i) + ".";
    if (w.contains(b + "0.op.weight")) {
      res_per_level.push_back(0);
      attn_per_level.push_back(false);
      continue;
    }
    const auto conv = need(w, b + "0.in_layers.2.weight", "UNet");
    const int mult = static_cast<int>(conv[0]) / u.model_channels;
    if (res_per_level.back() == 0)
      u.channel_mult.push_back(mult);
    else if (u.channel_mult.back() != mult)
      throw std::runtime_error("UNet: input block " + std::to_string(i) + " changes width within a level");
    ++res_per_level.back();
    if (w.contains(b + "1.proj_in.weight")) attn_per_level.back() = true;
  }
  if (u.channel_mult.size() != res_per_level.size())
    throw std::runtime_error("UNet: a level without residual blocks");
  for (int r : res_per_level)
    if (r != res_per_level.front()) throw std::runtime_error("UNet: levels with different numbers of residual blocks");
  u.num_res_blocks = res_per_level.front();
  for (size_t l = 0; l < attn_per_level.size(); ++l)
    if (attn_per_level[l]) u.attention_resolutions.push_back(1 << l);
  // The middle block always has a transformer: its keys give context and projection kind too.
  const std::string mid = p + "middle_block.1.";
  const auto to_k = need(w, mid + "transformer_blocks.0.attn2.to_k.weight", "UNet");
  u.context_dim = static_cast<int>(to_k[1]);
  u.use_linear_in_transformer = need(w, mid + "proj_in.weight", "UNet").size() == 2;
  u.transformer_depth = count_indexed(w, mid + "transformer_blocks.");
  return u;
}

VaeConfig detect_vae(const WeightSource& w) {
  const std::string p = std::string(kVaePrefix);
  VaeConfig v;
  const auto conv_in = need(w, p + "encoder.conv_in.weight", "VAE");
  v.ch = static_cast<int>(conv_in[0]);
  v.in_channels = static_cast<int>(conv_in[1]);
  const int levels = count_indexed(w, p + "encoder.down.");
  v.ch_mult.clear();
  for (int i = 0; i < levels; ++i)
    v.ch_mult.push_back(static_cast<int>(
        need(w, p + "encoder.down." + std::to_string(i) + ".block.0.conv1.weight", "VAE")[0] / v.ch));
  v.num_res_blocks = count_indexed(w, p + "encoder.down.0.block.");
  v.z_channels = static_cast<int>(need(w, p + "decoder.conv_in.weight", "VAE")[1]);
  v.embed_dim = static_cast<int>(need(w, p + "post_quant_conv.weight", "VAE")[1]);
  v.out_ch = static_cast<int>(need(w, p + "decoder.conv_out.weight", "VAE")[0]);
  for (int i = 0; i < levels; ++i)
    if (w.contains(p + "encoder.down." + std::to_string(i) + ".attn.0.q.weight"))
      throw std::runtime_error("VAE: attention inside resolution levels is not supported");
  return v;
}

TextConfig detect_text(const WeightSource& w) {
  TextConfig t;
  if (w.contains(std::string(kHfClipPrefix) + "embeddings.token_embedding.weight")) {
    const std::string p = kHfClipPrefix;
    const auto& emb = w.shape(p + "embeddings.token_embedding.weight");
    t.kind = TextKind::HfClip;
    t.vocab_size = static_cast<int>(emb[0]);
    t.width = static_cast<int>(emb[1]);
    t.context_length = static_cast<int>(need(w, p + "embeddings.position_embedding.weight", "text encoder")[0]);
    t.layers = count_indexed(w, p + "encoder.layers.");
    t.default_skip = 1;
    t.pad_id = 49407;
  } else if (w.contains(std::string(kOpenClipPrefix) + "token_embedding.weight")) {
    const std::string p = kOpenClipPrefix;
    const auto& emb = w.shape(p + "token_embedding.weight");
    t.kind = TextKind::OpenClip;
    t.vocab_size = static_cast<int>(emb[0]);
    t.width = static_cast<int>(emb[1]);
    t.context_length = static_cast<int>(need(w, p + "positional_embedding", "text encoder")[0]);
    t.layers = count_indexed(w, p + "transformer.resblocks.");
    if (w.contains(p + "text_projection")) t.projection_dim = static_cast<int>(w.shape(p + "text_projection")[1]);
    t.default_skip = 2;  // SD2 conditions on the penultimate layer
    t.pad_id = 0;
  } else {
    throw std::runtime_error("no text encoder found (expected '" + std::string(kHfClipPrefix) + "*' or '" +
                             kOpenClipPrefix + "*' keys)");
  }
  t.heads = std::max(1, t.width / 64);  // CLIP text towers use 64-wide heads
  return t;
}

bool has_prefix(const WeightSource& w, const std::string& prefix) {
  const auto names = w.names();
  auto it = std::lower_bound(names.begin(), names.end(), prefix);
  return it != names.end() && it->compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

ModelConfig detect_model_config(const WeightSource& w, DetectedParts* parts) {
  ModelConfig c;
  DetectedParts found;
  found.unet = has_prefix(w, kUNetPrefix);
  found.vae = has_prefix(w, kVaePrefix);
  found.text = has_prefix(w, "cond_stage_model.");
  if (!found.unet && !found.vae && !found.text)
    throw std::runtime_error("not a Stable Diffusion checkpoint: no '" + std::string(kUNetPrefix) + "', '" +
                             kVaePrefix + "' or 'cond_stage_model.' keys");
  if (found.text) c.text = detect_text(w);
  if (found.unet) c.unet = detect_unet(w);
  if (found.vae) c.vae = detect_vae(w);
  c.family = c.text.kind == TextKind::OpenClip ? Family::SD2 : Family::SD1;
  if (c.family == Family::SD2) {
    c.unet.num_head_channels = 64;
    // SD 2.x 768 models predict v; the 512 inpainting model predicts eps.
    c.prediction = c.unet.in_channels == 9 ? Prediction::Epsilon : Prediction::V;
  } else {
    c.unet.num_heads = 8;
    c.unet.num_head_channels = -1;
  }
  if (parts) *parts = found;
  return c;
}

void apply_metadata(ModelConfig& config, const std::map<std::string, std::string>& metadata) {
  if (auto it = metadata.find("stipple.config"); it != metadata.end()) {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(it->second);
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error(std::string("metadata 'stipple.config' is not valid JSON: ") + e.what());
    }
    apply_ldm_config(config, j);
    // Written by config_to_json; the keys cannot tell these for an SD2 text encoder saved under
    // HF names (a model that came from a diffusers folder).
    if (j.contains("family") && j["family"].is_string()) {
      const auto f = j["family"].get<std::string>();
      config.family = f == "sd2" ? Family::SD2 : f == "sd1" ? Family::SD1 : Family::Custom;
    }
    if (j.contains("text") && j["text"].is_object()) {
      const auto& t = j["text"];
      if (t.contains("pad_id") && t["pad_id"].is_number_integer()) config.text.pad_id = t["pad_id"].get<int>();
      if (config.text.kind == TextKind::HfClip && t.contains("hidden_act") && t["hidden_act"].is_string())
        config.text.quick_gelu = t["hidden_act"].get<std::string>() == "quick_gelu";
    }
  }
  if (auto it = metadata.find("modelspec.prediction_type"); it != metadata.end())
    config.prediction = prediction_from_string(it->second);
  if (auto it = metadata.find("ss_v_parameterization"); it != metadata.end() && it->second == "True")
    config.prediction = Prediction::V;
}

std::optional<std::filesystem::path> find_sidecar_config(const std::filesystem::path& checkpoint) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = checkpoint.has_parent_path() ? checkpoint.parent_path() : fs::path(".");
  const std::string stem = checkpoint.stem().string();
  const fs::path exact = dir / (stem + ".json");
  if (fs::is_regular_file(exact, ec)) return exact;
  std::vector<fs::path> candidates;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && name.size() > stem.size() + 6 && name.compare(0, stem.size() + 1, stem + ".") == 0 &&
        entry.path().extension() == ".json")
      candidates.push_back(entry.path());
  }
  std::sort(candidates.begin(), candidates.end());
  for (const auto& c : candidates) {
    std::ifstream in(c);
    const auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && (j.contains("model_config") || j.contains("unet") || j.contains("model"))) return c;
  }
  return std::nullopt;
}

void refuse_pickle(const std::filesystem::path& path) {
  auto ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  bool pickle = ext == ".ckpt" || ext == ".pt" || ext == ".pth" || ext == ".bin" || ext == ".pkl";
  if (!pickle) {
    // torch.save writes a zip ("PK\x03\x04") or a raw pickle (0x80, protocol 2..5). A
    // safetensors file starts with an 8-byte length whose first byte can be anything, but its
    // JSON header always opens with '{' at byte 8: that rules it out first.
    std::ifstream in(path, std::ios::binary);
    unsigned char head[9] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    const auto got = in.gcount();
    const bool safetensors = got == 9 && head[8] == '{';
    const bool zip = got >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    const bool raw_pickle = got >= 2 && head[0] == 0x80 && head[1] >= 2 && head[1] <= 5;
    pickle = !safetensors && (zip || raw_pickle);
  }
  if (pickle)
    throw std::runtime_error(path.string() +
                             ": this is a pickle checkpoint (.ckpt/.pt). Stipple never runs pickle files, which can "
                             "execute arbitrary code. Convert it to .safetensors with a converter you trust, or "
                             "download the .safetensors version of the model, and open that.");
}

namespace {

void apply_config_file(ModelConfig& config, const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot open the model config");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file.string() + ": not valid JSON: " + e.what());
  }
  try {
    apply_ldm_config(config, j);
  } catch (const std::exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

}  // namespace

ResolvedCheckpoint resolve_checkpoint(const std::filesystem::path& path,
                                      const std::optional<std::filesystem::path>& config_file,
                                      const std::optional<Prediction>& prediction) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    throw std::runtime_error(path.string() + ": cannot open (" + ec.message() + ")");  // a link loop, say
  if (!std::filesystem::exists(status)) throw std::runtime_error(path.string() + ": no such file or folder");
  if (std::filesystem::is_directory(status)) {
    if (!is_diffusers_folder(path))
      throw std::runtime_error(path.string() + ": is a folder, and no diffusers model_index.json was found in it");
    ResolvedCheckpoint r = std::move(read_diffusers(path).checkpoint);
    // A folder's own configs are complete: no sidecar search, only an explicit --config on top.
    r.config_source = config_file;
    if (config_file) apply_config_file(r.config, *config_file);
    if (prediction) r.config.prediction = *prediction;
    return r;
  }
  // A FIFO would block the first read; a device never ends.
  if (!std::filesystem::is_regular_file(status)) throw std::runtime_error(path.string() + ": not a regular file");
  refuse_pickle(path);

  ResolvedCheckpoint r;
  r.weights.add(SafetensorsBundle::open(path));
  try {
    r.config = detect_model_config(r.weights, &r.parts);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(path.string() + ": " + e.what());
  }
  apply_metadata(r.config, r.weights.metadata());
  r.config_source = config_file ? config_file : find_sidecar_config(path);
  if (r.config_source) apply_config_file(r.config, *r.config_source);
  if (prediction) r.config.prediction = *prediction;
  return r;
}

std::string config_to_json(const ModelConfig& c) {
  nlohmann::json j;
  j["unet"] = {{"num_heads", c.unet.num_heads}, {"num_head_channels", c.unet.num_head_channels}};
  j["family"] = to_string(c.family);
  j["text"] = {{"heads", c.text.heads}, {"layer", c.text.default_skip == 2 ? "penultimate" : "last"},
               {"pad_id", c.text.pad_id},
               {"hidden_act", c.text.kind == TextKind::HfClip && c.text.quick_gelu ? "quick_gelu" : "gelu"}};
  j["ldm"] = {{"parameterization", to_string(c.prediction)}, {"scale_factor", c.vae.scale_factor}};
  return j.dump();
}

}  // namespace stipple
