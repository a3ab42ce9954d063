#pragma once
// The one key map between diffusers folders and the original (ldm) single-file layout.
//
// A diffusers key is written "<subfolder>/<tensor name>", e.g. "unet/down_blocks.0.resnets.0.norm1.weight",
// "vae/decoder.up_blocks.0.upsamplers.0.conv.bias", "text_encoder/text_model.final_layer_norm.weight".
// The map is data: a list of block-prefix pairs generated from the block counts (the index arithmetic
// of ldm's input_blocks/output_blocks and of the VAE's reversed decoder levels), plus per-block-kind
// tables of segment renames (resnet norm1 <-> in_layers.0, ...). The same tables serve both directions.
// Torch-free.
#include <cstdint>
#include <string>
#include <vector>

#include "nn/config.h"

namespace stipple {

// Block counts the index arithmetic needs, read from the diffusers configs (or from a ModelConfig).
struct DiffusersLayout {
  int unet_levels = 4;                 // len(block_out_channels) = len(channel_mult)
  int unet_res_blocks = 2;             // layers_per_block = num_res_blocks
  std::vector<bool> unet_attention;    // per level: CrossAttn*Block2D (empty = none)
  int vae_levels = 4;
  int vae_res_blocks = 2;
};

DiffusersLayout layout_from_config(const ModelConfig& config);

// What a block's inner names look like; selects the segment table applied below its prefix.
enum class BlockKind { Same, UNetResnet, VaeResnet, VaeAttention };

struct PrefixRule {
  std::string diffusers;  // "unet/down_blocks.0.resnets.1."
  std::string original;   // "model.diffusion_model.input_blocks.2.0."
  BlockKind kind = BlockKind::Same;
};

// Precomputed rules for one layout. Lookups pick the longest matching prefix, then rename the next
// segment by the block kind's table; keys outside the map give "".
class DiffusersKeyMap {
 public:
  explicit DiffusersKeyMap(const DiffusersLayout& layout);
  std::string to_original(const std::string& diffusers_key) const;
  std::string to_diffusers(const std::string& original_key) const;
  const std::vector<PrefixRule>& rules() const { return rules_; }

 private:
  std::vector<PrefixRule> rules_;
};

std::string diffusers_to_original(const std::string& key, const DiffusersLayout& layout);
std::string original_to_diffusers(const std::string& key, const DiffusersLayout& layout);

// Shape conversions that go with the renames: diffusers stores the VAE attention projections as
// Linear [C,C] where the original has 1x1 convs [C,C,1,1]. Each returns the shape to use for the
// (original-named) key, or an empty vector when the stored shape is already right.
std::vector<int64_t> original_shape_of(const std::string& original_key, const std::vector<int64_t>& diffusers_shape);
std::vector<int64_t> diffusers_shape_of(const std::string& original_key, const std::vector<int64_t>& original_shape);

// Subfolder names of a diffusers pipeline (also the part prefix of a diffusers key).
inline constexpr const char* kDiffusersUNet = "unet";
inline constexpr const char* kDiffusersVae = "vae";
inline constexpr const char* kDiffusersText = "text_encoder";

}  // namespace stipple
