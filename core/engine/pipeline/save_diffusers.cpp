#include "pipeline/save_diffusers.h"

#include <fstream>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/diffusers_keys.h"
#include "io/model_detect.h"
#include "io/tensor_io.h"

namespace stipple {

namespace fs = std::filesystem;
using nlohmann::json;
using Tensors = std::vector<std::pair<std::string, torch::Tensor>>;

namespace {

constexpr const char* kDiffusersVersion = "0.21.0";

std::string dtype_name_for_config(torch::ScalarType t) {
  if (t == torch::kHalf) return "float16";
  if (t == torch::kBFloat16) return "bfloat16";
  return "float32";
}

void write_json(const fs::path& path, const json& j) {
  std::ofstream out(path, std::ios::trunc);
  out << j.dump(2) << "\n";
  out.close();
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
}

// Every parameter of `module` (keys below `prefix` in the original layout) under its diffusers
// name inside `part`, through the one key map; shapes follow the map's Linear/1x1-conv rule.
void add_mapped(Tensors& out, const torch::nn::Module& module, const std::string& prefix, const std::string& part,
                const DiffusersKeyMap& map, torch::ScalarType dtype) {
  for (const auto& p : module.named_parameters()) {
    const std::string original = prefix + p.key();
    const std::string key = map.to_diffusers(original);
    if (key.compare(0, part.size() + 1, part + "/") != 0)
      throw std::logic_error("save_diffusers: no diffusers name for '" + original + "'");
    auto t = p.value().detach().to(torch::kCPU).to(dtype);
    if (auto shape = diffusers_shape_of(original, t.sizes().vec()); !shape.empty()) t = t.reshape(shape);
    out.emplace_back(key.substr(part.size() + 1), t);
  }
}

// OpenCLIP text tower -> HF CLIPTextModel names (diffusers' SD2 text_encoder). Not part of the key
// map: the packed attn.in_proj_* has no single diffusers name, it becomes three tensors.
const std::vector<std::pair<std::string, std::string>> kOpenClipToHf = {
    {"token_embedding.weight", "embeddings.token_embedding.weight"},
    {"positional_embedding", "embeddings.position_embedding.weight"},
    {"ln_final.", "final_layer_norm."},
    {"ln_1.", "layer_norm1."},
    {"ln_2.", "layer_norm2."},
    {"attn.out_proj.", "self_attn.out_proj."},
    {"mlp.c_fc.", "mlp.fc1."},
    {"mlp.c_proj.", "mlp.fc2."},
};

void add_open_clip(Tensors& out, const torch::nn::Module& module, int keep_layers, torch::ScalarType dtype) {
  const std::string blocks = "transformer.resblocks.";
  for (const auto& p : module.named_parameters()) {
    std::string name = p.key();
    auto t = p.value().detach().to(torch::kCPU).to(dtype);
    if (name == "text_projection" || name == "logit_scale") continue;  // CLIPTextModel has neither
    std::string layer_prefix;
    if (name.compare(0, blocks.size(), blocks) == 0) {
      const auto dot = name.find('.', blocks.size());
      const int layer = std::stoi(name.substr(blocks.size(), dot - blocks.size()));
      if (layer >= keep_layers) continue;
      layer_prefix = "encoder.layers." + std::to_string(layer) + ".";
      name = name.substr(dot + 1);
    }
    if (name == "attn.in_proj_weight" || name == "attn.in_proj_bias") {
      // nn.MultiheadAttention packs [q; k; v] along dim 0.
      const std::string kind = name == "attn.in_proj_weight" ? "weight" : "bias";
      const auto qkv = t.chunk(3, 0);
      const char* names[] = {"q_proj", "k_proj", "v_proj"};
      for (int i = 0; i < 3; ++i)
        out.emplace_back("text_model." + layer_prefix + "self_attn." + names[i] + "." + kind, qkv[i].contiguous());
      continue;
    }
    bool renamed = false;
    for (const auto& [from, to] : kOpenClipToHf) {
      if (name.compare(0, from.size(), from) != 0) continue;
      out.emplace_back("text_model." + layer_prefix + to + name.substr(from.size()), t);
      renamed = true;
      break;
    }
    if (!renamed) throw std::logic_error("save_diffusers: no HF CLIP name for OpenCLIP '" + p.key() + "'");
  }
}

json unet_config(const ModelConfig& c) {
  const UNetConfig& u = c.unet;
  const DiffusersLayout l = layout_from_config(c);
  json block_out = json::array(), down = json::array(), up = json::array(), heads = json::array();
  for (int i = 0; i < l.unet_levels; ++i) {
    const int ch = u.model_channels * u.channel_mult[i];
    block_out.push_back(ch);
    down.push_back(l.unet_attention[i] ? "CrossAttnDownBlock2D" : "DownBlock2D");
    up.push_back(l.unet_attention[l.unet_levels - 1 - i] ? "CrossAttnUpBlock2D" : "UpBlock2D");
    heads.push_back(u.num_head_channels > 0 ? std::max(1, ch / u.num_head_channels) : u.num_heads);
  }
  // diffusers' "attention_head_dim" is a head COUNT: one int (SD1) or one per level (SD2).
  const json head_field = u.num_head_channels > 0 ? heads : json(u.num_heads);
  return {{"_class_name", "UNet2DConditionModel"}, {"_diffusers_version", kDiffusersVersion},
          {"act_fn", "silu"}, {"attention_head_dim", head_field}, {"block_out_channels", block_out},
          {"center_input_sample", false}, {"cross_attention_dim", u.context_dim}, {"down_block_types", down},
          {"downsample_padding", 1}, {"dual_cross_attention", false}, {"flip_sin_to_cos", true},
          {"freq_shift", 0}, {"in_channels", u.in_channels}, {"layers_per_block", u.num_res_blocks},
          {"mid_block_scale_factor", 1}, {"mid_block_type", "UNetMidBlock2DCrossAttn"}, {"norm_eps", 1e-5},
          {"norm_num_groups", 32}, {"only_cross_attention", false}, {"out_channels", u.out_channels},
          {"sample_size", c.native_resolution > 0 ? c.native_resolution / c.vae.downsample_factor()
                          : c.family == Family::SD2 && c.prediction == Prediction::V ? 96 : 64},
          {"transformer_layers_per_block", u.transformer_depth}, {"up_block_types", up},
          {"upcast_attention", false}, {"use_linear_projection", u.use_linear_in_transformer}};
}

json vae_config(const ModelConfig& c) {
  const VaeConfig& v = c.vae;
  if (v.embed_dim != v.z_channels)
    throw std::invalid_argument("save_diffusers: the VAE's embed_dim (" + std::to_string(v.embed_dim) +
                                ") differs from z_channels (" + std::to_string(v.z_channels) +
                                "); diffusers' AutoencoderKL cannot describe that");
  json block_out = json::array();
  for (int m : v.ch_mult) block_out.push_back(v.ch * m);
  const auto n = v.ch_mult.size();
  return {{"_class_name", "AutoencoderKL"}, {"_diffusers_version", kDiffusersVersion},
          {"act_fn", "silu"}, {"block_out_channels", block_out},
          {"down_block_types", std::vector<std::string>(n, "DownEncoderBlock2D")},
          {"in_channels", v.in_channels}, {"latent_channels", v.z_channels}, {"layers_per_block", v.num_res_blocks},
          {"norm_num_groups", 32}, {"out_channels", v.out_ch},
          {"sample_size", c.native_resolution > 0 ? c.native_resolution
                          : c.family == Family::SD2 && c.prediction == Prediction::V ? 768 : 512},
          {"scaling_factor", v.scale_factor}, {"up_block_types", std::vector<std::string>(n, "UpDecoderBlock2D")}};
}

json text_config(const TextConfig& t, int layers, torch::ScalarType dtype) {
  const bool gelu = t.kind == TextKind::OpenClip || !t.quick_gelu;
  // bos/eos/pad ids 0/2/1 are what every SD text_encoder/config.json says; CLIPTextModel's
  // conditioning output does not use them.
  return {{"architectures", json::array({"CLIPTextModel"})}, {"model_type", "clip_text_model"},
          {"attention_dropout", 0.0}, {"dropout", 0.0}, {"hidden_act", gelu ? "gelu" : "quick_gelu"},
          {"hidden_size", t.width}, {"initializer_factor", 1.0}, {"initializer_range", 0.02},
          {"intermediate_size", 4 * t.width}, {"layer_norm_eps", 1e-5},
          {"max_position_embeddings", t.context_length}, {"num_attention_heads", t.heads},
          {"num_hidden_layers", layers}, {"projection_dim", t.projection_dim > 0 ? t.projection_dim : t.width},
          {"vocab_size", t.vocab_size}, {"bos_token_id", 0}, {"eos_token_id", 2}, {"pad_token_id", 1},
          {"torch_dtype", dtype_name_for_config(dtype)}, {"transformers_version", "4.25.1"}};
}

// Stipple samples with ldm's default schedule, which is diffusers' "scaled_linear" 0.00085..0.012.
json scheduler_config(const ModelConfig& c, const std::string& class_name) {
  return {{"_class_name", class_name}, {"_diffusers_version", kDiffusersVersion},
          {"beta_end", 0.012}, {"beta_schedule", "scaled_linear"}, {"beta_start", 0.00085},
          {"clip_sample", false}, {"num_train_timesteps", 1000},
          {"prediction_type", c.prediction == Prediction::V ? "v_prediction" : "epsilon"},
          {"set_alpha_to_one", false}, {"skip_prk_steps", true}, {"steps_offset", 1}, {"trained_betas", nullptr}};
}

void copy_tokenizer(const fs::path& from, const fs::path& to, const TextConfig& t, bool sd2) {
  for (const char* required : {"vocab.json", "merges.txt"})
    if (!fs::is_regular_file(from / required))
      throw std::runtime_error((from / required).string() + ": missing (save_diffusers copies the tokenizer)");
  fs::create_directories(to);
  for (const char* name : {"vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json"})
    if (fs::is_regular_file(from / name)) fs::copy_file(from / name, to / name, fs::copy_options::overwrite_existing);
  if (fs::exists(to / "tokenizer_config.json")) return;
  // Without it CLIPTokenizer would pad to a huge model_max_length; SD2 pads with "!" (id 0).
  write_json(to / "tokenizer_config.json",
             {{"tokenizer_class", "CLIPTokenizer"}, {"model_max_length", t.context_length},
              {"bos_token", "<|startoftext|>"}, {"eos_token", "<|endoftext|>"}, {"unk_token", "<|endoftext|>"},
              {"pad_token", sd2 ? "!" : "<|endoftext|>"}, {"do_lower_case", true}, {"errors", "replace"},
              {"add_prefix_space", false}});
}

}  // namespace

void save_diffusers(const StableDiffusionModel& model, const fs::path& dir, torch::ScalarType dtype,
                    const std::optional<fs::path>& tokenizer_dir) {
  const ModelConfig& c = model.config;
  const DiffusersKeyMap map(layout_from_config(c));
  const json absent = json::array({nullptr, nullptr});
  const bool sd2 = c.family == Family::SD2;
  const std::string scheduler = sd2 ? "DDIMScheduler" : "PNDMScheduler";
  fs::create_directories(dir);
  const std::map<std::string, std::string> metadata = {{"format", "pt"}};

  if (model.unet) {
    Tensors t;
    add_mapped(t, *model.unet, kUNetPrefix, kDiffusersUNet, map, dtype);
    fs::create_directories(dir / kDiffusersUNet);
    write_json(dir / kDiffusersUNet / "config.json", unet_config(c));
    save_tensors(dir / kDiffusersUNet / "diffusion_pytorch_model.safetensors", t, metadata);
  }
  if (model.vae) {
    Tensors t;
    add_mapped(t, *model.vae, kVaePrefix, kDiffusersVae, map, dtype);
    fs::create_directories(dir / kDiffusersVae);
    write_json(dir / kDiffusersVae / "config.json", vae_config(c));
    save_tensors(dir / kDiffusersVae / "diffusion_pytorch_model.safetensors", t, metadata);
  }
  if (model.text_module) {
    // diffusers conditions on the last layer it has: keep the layers up to the conditioning one.
    const int keep = c.text.layers - (c.text.default_skip - 1);
    if (keep < 1) throw std::invalid_argument("save_diffusers: clip skip " + std::to_string(c.text.default_skip) +
                                              " leaves no text encoder layer");
    Tensors t;
    if (c.text.kind == TextKind::OpenClip) {
      add_open_clip(t, *model.text_module, keep, dtype);
    } else {
      Tensors all;
      add_mapped(all, *model.text_module, kHfClipPrefix, kDiffusersText, map, dtype);
      for (auto& [name, tensor] : all) {
        const std::string layers = "text_model.encoder.layers.";
        if (name.compare(0, layers.size(), layers) == 0 && std::stoi(name.substr(layers.size())) >= keep) continue;
        t.emplace_back(std::move(name), std::move(tensor));
      }
    }
    fs::create_directories(dir / kDiffusersText);
    write_json(dir / kDiffusersText / "config.json", text_config(c.text, keep, dtype));
    save_tensors(dir / kDiffusersText / "model.safetensors", t, metadata);
  }
  fs::create_directories(dir / "scheduler");
  write_json(dir / "scheduler" / "scheduler_config.json", scheduler_config(c, scheduler));
  if (tokenizer_dir) copy_tokenizer(*tokenizer_dir, dir / "tokenizer", c.text, sd2);

  write_json(dir / "model_index.json",
             {{"_class_name", c.unet.in_channels == 9 ? "StableDiffusionInpaintPipeline" : "StableDiffusionPipeline"},
              {"_diffusers_version", kDiffusersVersion},
              {"feature_extractor", absent},
              {"requires_safety_checker", false},
              {"safety_checker", absent},
              {"scheduler", json::array({"diffusers", scheduler})},
              {"text_encoder", model.text_module ? json::array({"transformers", "CLIPTextModel"}) : absent},
              {"tokenizer", tokenizer_dir ? json::array({"transformers", "CLIPTokenizer"}) : absent},
              {"unet", model.unet ? json::array({"diffusers", "UNet2DConditionModel"}) : absent},
              {"vae", model.vae ? json::array({"diffusers", "AutoencoderKL"}) : absent}});
}

}  // namespace stipple
