#pragma once
// Reads a Stable Diffusion architecture off a checkpoint's keys and shapes (original key names).
// What the weights cannot tell (head counts, prediction type) comes from, in order: the
// caller's overrides, a JSON config beside the checkpoint, the file's metadata, family defaults.
#include <filesystem>
#include <optional>

#include "io/pickle_guard.h"
#include "io/weights.h"
#include "nn/config.h"

namespace stipple {

inline constexpr const char* kUNetPrefix = "model.diffusion_model.";
inline constexpr const char* kVaePrefix = "first_stage_model.";
inline constexpr const char* kHfClipPrefix = "cond_stage_model.transformer.text_model.";
inline constexpr const char* kOpenClipPrefix = "cond_stage_model.model.";

struct DetectedParts {
  bool unet = false, vae = false, text = false;
};

// Architecture from the keys; heads and prediction from the family's defaults
// (SD1: 8 UNet heads, eps; SD2: 64-channel heads, v for 4-channel models, eps for inpainting).
ModelConfig detect_model_config(const WeightSource& weights, DetectedParts* parts = nullptr);

// Applies what the file's __metadata__ says: "stipple.config" (JSON written by Stipple),
// "modelspec.prediction_type", "ss_v_parameterization".
void apply_metadata(ModelConfig& config, const std::map<std::string, std::string>& metadata);

// A JSON description beside a checkpoint: "<stem>.json" or "<stem>.*.json" holding an ldm-style
// config ("model_config", or "unet"/"vae"/"text"/"ldm", or "model.params"). nullopt if none.
std::optional<std::filesystem::path> find_sidecar_config(const std::filesystem::path& checkpoint);

// Everything known about a checkpoint before networks are built.
struct ResolvedCheckpoint {
  WeightSource weights;  // original key names
  ModelConfig config;    // keys + metadata + config file + overrides
  std::optional<std::filesystem::path> config_source;
  DetectedParts parts;
};

// Opens a single-file checkpoint (pickle files refused with a message), detects its
// architecture and applies, in increasing priority: family defaults, the file's metadata,
// `config_file` (or a sidecar config when none is given), `prediction`.
// A diffusers folder (model_index.json) is read by read_diffusers (io/diffusers.h) instead; its
// configs replace detection, metadata and sidecar, and only `config_file`/`prediction` apply on top.
ResolvedCheckpoint resolve_checkpoint(const std::filesystem::path& path,
                                      const std::optional<std::filesystem::path>& config_file = std::nullopt,
                                      const std::optional<Prediction>& prediction = std::nullopt);

// Serialises the parts of a config the weights cannot tell, in apply_ldm_config's layout.
std::string config_to_json(const ModelConfig& config);

}  // namespace stipple
