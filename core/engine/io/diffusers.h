#pragma once
// Reading Stable Diffusion pipelines stored as diffusers folders (model_index.json, unet/, vae/,
// text_encoder/, scheduler/, tokenizer/). The configs become a ModelConfig and the weights a
// WeightSource under the ORIGINAL key names (see diffusers_keys.h), so everything downstream
// of resolve_checkpoint treats a folder exactly like a single-file checkpoint.
#include <filesystem>
#include <optional>
#include <string>

#include "io/diffusers_keys.h"
#include "io/model_detect.h"

namespace stipple {

// True when `path` is a folder holding a model_index.json.
bool is_diffusers_folder(const std::filesystem::path& path);

// scheduler/scheduler_config.json fields that describe the training noise schedule. Not used
// yet (Stipple samples with ldm's default schedule); kept so a later schedule builder can.
struct DiffusersSchedule {
  std::string beta_schedule = "scaled_linear";
  double beta_start = 0.00085;
  double beta_end = 0.012;
  int num_train_timesteps = 1000;
  std::optional<Prediction> prediction;  // prediction_type, when the file says
};

struct DiffusersModel {
  ResolvedCheckpoint checkpoint;  // weights under original names, config from the JSON files
  DiffusersLayout layout;
  DiffusersSchedule schedule;
};

// Reads a diffusers folder. Family defaults: an HF text encoder with hidden_act "quick_gelu" is
// SD1 (pad 49407); "gelu" (OpenCLIP ViT-H exported to HF names) is SD2 (pad 0, v-prediction for
// 4-channel UNets). The scheduler's prediction_type overrides the family's guess. Every error
// names the file and the key; .bin weights are refused like pickle checkpoints.
DiffusersModel read_diffusers(const std::filesystem::path& folder);

// The weight file of one subfolder: <stem>.safetensors, <stem>.safetensors.index.json, then the
// .fp16 variants of both, for the stems diffusion_pytorch_model and model. nullopt if none.
std::optional<std::filesystem::path> find_diffusers_weights(const std::filesystem::path& subfolder);

}  // namespace stipple
