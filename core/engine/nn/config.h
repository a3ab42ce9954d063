#pragma once
// Architecture descriptions of the Stable Diffusion networks, named after the original
// constructors' arguments (ldm openaimodel.UNetModel, ldm model.Encoder/Decoder, CLIP text).
// Torch-free: detection, the CLI and the UI use these without torch headers.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace stipple {

enum class Prediction { Epsilon, V };
enum class TextKind { HfClip, OpenClip };  // SD1: HF CLIPTextModel names; SD2: OpenCLIP names

struct UNetConfig {
  int in_channels = 4;
  int out_channels = 4;
  int model_channels = 320;
  std::vector<int> channel_mult{1, 2, 4, 4};
  int num_res_blocks = 2;
  std::vector<int> attention_resolutions{4, 2, 1};  // downsampling factors that get attention
  int num_heads = 8;            // used when num_head_channels == -1
  int num_head_channels = -1;   // SD2: 64
  int transformer_depth = 1;
  int context_dim = 768;
  bool use_linear_in_transformer = false;  // SD2: linear proj_in/proj_out instead of 1x1 convs

  int time_embed_dim() const { return model_channels * 4; }
  // (heads, head dim) of a transformer at `channels`, as openaimodel.UNetModel computes it.
  std::pair<int, int> heads_for(int channels) const;
};

struct VaeConfig {
  int in_channels = 3;
  int out_ch = 3;
  int ch = 128;
  std::vector<int> ch_mult{1, 2, 4, 4};
  int num_res_blocks = 2;
  int z_channels = 4;
  int embed_dim = 4;
  double scale_factor = 0.18215;
  int downsample_factor() const { return 1 << (static_cast<int>(ch_mult.size()) - 1); }
};

struct TextConfig {
  TextKind kind = TextKind::HfClip;
  int vocab_size = 49408;
  int width = 768;
  int heads = 12;
  int layers = 12;
  int context_length = 77;
  int projection_dim = 0;  // OpenCLIP text_projection width (unused for conditioning)
  // Layer used for conditioning, counted from the end: 1 = last, 2 = penultimate ("clip skip 2").
  // SD1 conditions on the last layer, SD2 on the penultimate; the final LayerNorm is applied either way.
  int default_skip = 1;
  // Padding token after EOS: 49407 for SD1 (HF CLIPTokenizer), 0 for SD2 (open_clip.tokenize).
  int pad_id = 49407;
  // HF layout only: OpenAI CLIP (SD1) uses quick_gelu; SD2's OpenCLIP tower exported to HF names
  // by diffusers uses exact gelu (its config's hidden_act). OpenCLIP layout is always gelu.
  bool quick_gelu = true;
};

enum class Family { SD1, SD2, Custom };

struct ModelConfig {
  Family family = Family::SD1;
  int native_resolution = 0;  // pixels the model was trained at; 0 = the family's default
  Prediction prediction = Prediction::Epsilon;
  UNetConfig unet;
  VaeConfig vae;
  TextConfig text;
};

std::string to_string(Family f);
std::string to_string(Prediction p);
Prediction prediction_from_string(const std::string& s);  // "eps"/"epsilon", "v"/"v_prediction"

// Empty when networks of this shape can be built; otherwise what is out of range, with the
// field's ldm and diffusers names. Bounds are far beyond any real SD model and keep a hostile
// config from asking for absurd allocations or dividing by zero. Parts not loaded are skipped.
std::string validate_config(const ModelConfig& config, bool unet = true, bool vae = true, bool text = true);

// Applies an ldm-style description over `config`: either the golden/sidecar layout
// {"unet": {...}, "vae": {"ddconfig": {...}, "embed_dim": N}, "text": {...}, "ldm": {...}}
// (optionally nested under "model_config"), or an ldm YAML converted to JSON
// ({"model": {"params": {"unet_config": {"params": ...}, ...}}}). Unknown keys are ignored;
// keys with the wrong type raise an error naming the key.
void apply_ldm_config(ModelConfig& config, const nlohmann::json& j);

}  // namespace stipple
