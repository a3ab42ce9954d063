#include "io/diffusers_keys.h"

#include <algorithm>

#include "io/model_detect.h"

namespace stipple {

namespace {

struct SegmentRule {
  const char* diffusers;
  const char* original;
  bool read_alias;      // older diffusers spelling: accepted when reading, never written
  bool linear_as_conv;  // diffusers Linear [C,C] <-> original 1x1 conv [C,C,1,1] (weight only)
};

// diffusers ResnetBlock2D (UNet, with time embedding) <-> openaimodel.ResBlock.
const std::vector<SegmentRule> kUNetResnet = {
    {"norm1.", "in_layers.0.", false, false},        {"conv1.", "in_layers.2.", false, false},
    {"time_emb_proj.", "emb_layers.1.", false, false}, {"norm2.", "out_layers.0.", false, false},
    {"conv2.", "out_layers.3.", false, false},       {"conv_shortcut.", "skip_connection.", false, false},
};

// diffusers ResnetBlock2D (VAE, no time embedding) <-> model.ResnetBlock.
const std::vector<SegmentRule> kVaeResnet = {
    {"norm1.", "norm1.", false, false}, {"conv1.", "conv1.", false, false},
    {"norm2.", "norm2.", false, false}, {"conv2.", "conv2.", false, false},
    {"conv_shortcut.", "nin_shortcut.", false, false},
};

// diffusers Attention in the VAE mid block <-> model.AttnBlock. Diffusers before 0.14 wrote
// query/key/value/proj_attn; those names are read but the writer uses today's.
const std::vector<SegmentRule> kVaeAttention = {
    {"group_norm.", "norm.", false, false}, {"to_q.", "q.", false, true},   {"to_k.", "k.", false, true},
    {"to_v.", "v.", false, true},           {"to_out.0.", "proj_out.", false, true},
    {"query.", "q.", true, true},           {"key.", "k.", true, true},     {"value.", "v.", true, true},
    {"proj_attn.", "proj_out.", true, true},
};

const std::vector<SegmentRule>& segments_of(BlockKind kind) {
  static const std::vector<SegmentRule> none;
  switch (kind) {
    case BlockKind::UNetResnet: return kUNetResnet;
    case BlockKind::VaeResnet: return kVaeResnet;
    case BlockKind::VaeAttention: return kVaeAttention;
    case BlockKind::Same: break;
  }
  return none;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string num(int i) { return std::to_string(i); }

// ldm openaimodel.UNetModel numbering: input_blocks.0 is conv_in, then per level `res` blocks
// and (except the last level) one downsampler; output_blocks run from the deepest level with
// res+1 blocks each, the last of which carries the upsampler after its optional transformer.
void add_unet_rules(std::vector<PrefixRule>& r, const DiffusersLayout& l) {
  const std::string d = std::string(kDiffusersUNet) + "/", o = kUNetPrefix;
  const int L = l.unet_levels, R = l.unet_res_blocks;
  auto attention = [&](int level) { return level < static_cast<int>(l.unet_attention.size()) && l.unet_attention[level]; };
  r.push_back({d + "conv_in.", o + "input_blocks.0.0.", BlockKind::Same});
  r.push_back({d + "time_embedding.linear_1.", o + "time_embed.0.", BlockKind::Same});
  r.push_back({d + "time_embedding.linear_2.", o + "time_embed.2.", BlockKind::Same});
  for (int i = 0; i < L; ++i) {
    const std::string down = d + "down_blocks." + num(i) + ".";
    for (int j = 0; j < R; ++j) {
      const std::string n = o + "input_blocks." + num(1 + i * (R + 1) + j) + ".";
      r.push_back({down + "resnets." + num(j) + ".", n + "0.", BlockKind::UNetResnet});
      if (attention(i)) r.push_back({down + "attentions." + num(j) + ".", n + "1.", BlockKind::Same});
    }
    if (i != L - 1)
      r.push_back({down + "downsamplers.0.conv.", o + "input_blocks." + num(1 + i * (R + 1) + R) + ".0.op.",
                   BlockKind::Same});
  }
  r.push_back({d + "mid_block.resnets.0.", o + "middle_block.0.", BlockKind::UNetResnet});
  r.push_back({d + "mid_block.attentions.0.", o + "middle_block.1.", BlockKind::Same});
  r.push_back({d + "mid_block.resnets.1.", o + "middle_block.2.", BlockKind::UNetResnet});
  for (int u = 0; u < L; ++u) {
    const int level = L - 1 - u;
    const std::string up = d + "up_blocks." + num(u) + ".";
    for (int j = 0; j <= R; ++j) {
      const std::string n = o + "output_blocks." + num(u * (R + 1) + j) + ".";
      r.push_back({up + "resnets." + num(j) + ".", n + "0.", BlockKind::UNetResnet});
      if (attention(level)) r.push_back({up + "attentions." + num(j) + ".", n + "1.", BlockKind::Same});
    }
    if (level != 0)
      r.push_back({up + "upsamplers.0.conv.",
                   o + "output_blocks." + num(u * (R + 1) + R) + "." + (attention(level) ? "2" : "1") + ".conv.",
                   BlockKind::Same});
  }
  r.push_back({d + "conv_norm_out.", o + "out.0.", BlockKind::Same});
  r.push_back({d + "conv_out.", o + "out.2.", BlockKind::Same});
}

// ldm model.Encoder/Decoder: decoder.up[i] is level i, but diffusers' decoder.up_blocks run from
// the deepest level, so up_blocks.u <-> up.(L-1-u).
void add_vae_rules(std::vector<PrefixRule>& r, const DiffusersLayout& l) {
  const std::string d = std::string(kDiffusersVae) + "/", o = kVaePrefix;
  const int L = l.vae_levels, R = l.vae_res_blocks;
  for (const char* part : {"encoder.", "decoder."}) {
    const std::string dp = d + part, op = o + part;
    r.push_back({dp + "conv_in.", op + "conv_in.", BlockKind::Same});
    r.push_back({dp + "mid_block.resnets.0.", op + "mid.block_1.", BlockKind::VaeResnet});
    r.push_back({dp + "mid_block.attentions.0.", op + "mid.attn_1.", BlockKind::VaeAttention});
    r.push_back({dp + "mid_block.resnets.1.", op + "mid.block_2.", BlockKind::VaeResnet});
    r.push_back({dp + "conv_norm_out.", op + "norm_out.", BlockKind::Same});
    r.push_back({dp + "conv_out.", op + "conv_out.", BlockKind::Same});
  }
  for (int i = 0; i < L; ++i) {
    const std::string dd = d + "encoder.down_blocks." + num(i) + ".", od = o + "encoder.down." + num(i) + ".";
    for (int j = 0; j < R; ++j)
      r.push_back({dd + "resnets." + num(j) + ".", od + "block." + num(j) + ".", BlockKind::VaeResnet});
    if (i != L - 1) r.push_back({dd + "downsamplers.0.conv.", od + "downsample.conv.", BlockKind::Same});
  }
  for (int u = 0; u < L; ++u) {
    const int level = L - 1 - u;
    const std::string du = d + "decoder.up_blocks." + num(u) + ".", ou = o + "decoder.up." + num(level) + ".";
    for (int j = 0; j <= R; ++j)
      r.push_back({du + "resnets." + num(j) + ".", ou + "block." + num(j) + ".", BlockKind::VaeResnet});
    if (level != 0) r.push_back({du + "upsamplers.0.conv.", ou + "upsample.conv.", BlockKind::Same});
  }
  r.push_back({d + "quant_conv.", o + "quant_conv.", BlockKind::Same});
  r.push_back({d + "post_quant_conv.", o + "post_quant_conv.", BlockKind::Same});
}

// Longest rule prefix of `key` on the `from` side, then the segment table of the rule's kind.
template <typename From, typename To>
std::string apply(const std::vector<PrefixRule>& rules, const std::string& key, From from, To to, bool reading) {
  const PrefixRule* best = nullptr;
  for (const auto& rule : rules)
    if (starts_with(key, rule.*from) && (!best || (rule.*from).size() > (best->*from).size())) best = &rule;
  if (!best) return {};
  const std::string rest = key.substr((best->*from).size());
  if (best->kind == BlockKind::Same) return best->*to + rest;
  for (const auto& seg : segments_of(best->kind)) {
    if (seg.read_alias && !reading) continue;
    const std::string f = reading ? seg.diffusers : seg.original;
    if (starts_with(rest, f)) return best->*to + (reading ? seg.original : seg.diffusers) + rest.substr(f.size());
  }
  return {};
}

const SegmentRule* linear_as_conv_rule(const std::string& original_key) {
  // Only the VAE attention projections' weights change shape; their biases [C] do not.
  static const std::string suffix = ".weight";
  if (!starts_with(original_key, kVaePrefix) || original_key.size() < suffix.size() ||
      original_key.compare(original_key.size() - suffix.size(), suffix.size(), suffix) != 0)
    return nullptr;
  const auto attn = original_key.find(".mid.attn_1.");
  if (attn == std::string::npos) return nullptr;
  const std::string seg = original_key.substr(attn + 12, original_key.size() - suffix.size() - attn - 12) + ".";
  for (const auto& rule : kVaeAttention)
    if (rule.linear_as_conv && seg == rule.original) return &rule;
  return nullptr;
}

}  // namespace

DiffusersLayout layout_from_config(const ModelConfig& c) {
  DiffusersLayout l;
  l.unet_levels = static_cast<int>(c.unet.channel_mult.size());
  l.unet_res_blocks = c.unet.num_res_blocks;
  l.unet_attention.assign(l.unet_levels, false);
  for (int level = 0; level < l.unet_levels; ++level)
    l.unet_attention[level] = std::count(c.unet.attention_resolutions.begin(), c.unet.attention_resolutions.end(),
                                         1 << level) > 0;
  l.vae_levels = static_cast<int>(c.vae.ch_mult.size());
  l.vae_res_blocks = c.vae.num_res_blocks;
  return l;
}

DiffusersKeyMap::DiffusersKeyMap(const DiffusersLayout& layout) {
  add_unet_rules(rules_, layout);
  add_vae_rules(rules_, layout);
  // HF CLIPTextModel names are the SD1 checkpoint's names below cond_stage_model.transformer.
  // SD2 diffusers text encoders are HF CLIPTextModels too, so the same rule serves them.
  rules_.push_back({std::string(kDiffusersText) + "/text_model.", kHfClipPrefix, BlockKind::Same});
}

std::string DiffusersKeyMap::to_original(const std::string& key) const {
  return apply(rules_, key, &PrefixRule::diffusers, &PrefixRule::original, /*reading=*/true);
}

std::string DiffusersKeyMap::to_diffusers(const std::string& key) const {
  return apply(rules_, key, &PrefixRule::original, &PrefixRule::diffusers, /*reading=*/false);
}

std::string diffusers_to_original(const std::string& key, const DiffusersLayout& layout) {
  return DiffusersKeyMap(layout).to_original(key);
}

std::string original_to_diffusers(const std::string& key, const DiffusersLayout& layout) {
  return DiffusersKeyMap(layout).to_diffusers(key);
}

std::vector<int64_t> original_shape_of(const std::string& original_key, const std::vector<int64_t>& shape) {
  if (shape.size() == 2 && linear_as_conv_rule(original_key)) return {shape[0], shape[1], 1, 1};
  return {};
}

std::vector<int64_t> diffusers_shape_of(const std::string& original_key, const std::vector<int64_t>& shape) {
  if (shape.size() == 4 && shape[2] == 1 && shape[3] == 1 && linear_as_conv_rule(original_key))
    return {shape[0], shape[1]};
  return {};
}

}  // namespace stipple
