#pragma once
// The model card (README.md) written into each exported model folder, from the run itself:
// data, architecture, recipe, steps, time, final losses and evaluation figures. Torch-free.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "train/evaluate.h"
#include "train/trainer.h"

namespace stipple::train {

struct ModelCardInfo {
  std::filesystem::path folder;  // the exported diffusers folder
  std::string name;              // stipple-shapes, stipple-shapes-inpainting
  bool inpainting = false;
  TrainRecipe recipe;
  std::vector<StageReport> stages;  // every stage the model depends on
  int64_t params_unet = 0, params_vae = 0, params_text = 0;
  int64_t bytes_on_disk = 0;
  double scale_factor = 0;
  double vae_recon_l1 = -1, vae_recon_judge = -1;  // whole-image checks after the VAE stage
  uint64_t seed = 0;
  std::string machine;    // device line and CPU model of the training machine
  std::string precision;  // bf16 autocast or fp32
  std::string date;       // UTC, ISO 8601
  std::vector<EvalSummary> evals;
  std::vector<std::string> loss_images;  // PNGs copied into the folder
};

std::string model_card(const ModelCardInfo& info);
void write_model_card(const ModelCardInfo& info);  // <folder>/README.md, atomically

std::string format_duration(double seconds);  // "3 h 12 min", "41 s"

}  // namespace stipple::train
