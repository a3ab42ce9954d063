#pragma once
// training.json: the history an exported model carries beside its model card (preset, seed,
// each stage's steps, schedules, time and final loss, the VAE's measured figures), so that a
// later `stipple-cli train --stage import` can rebuild a run folder from the exported folders
// alone and train on from them on another machine. Torch-free.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "train/trainer.h"

namespace stipple::train {

struct TrainingRecord {
  std::string model;  // stipple-shapes, stipple-shapes-inpainting
  std::string preset = "full";
  int image_size = 128;
  uint64_t seed = 0;
  int latent_pool = 0;
  std::string machine;   // where the last stage ran
  std::string exported;  // UTC, ISO 8601
  std::map<std::string, std::string> vae_metadata;  // the finished VAE's (scale factor, figures)
  std::vector<StageReport> stages;                  // steps, totals, time, losses, schedules
};

inline constexpr const char* kTrainingRecordFile = "training.json";

void write_training_record(const std::filesystem::path& file, const TrainingRecord& record);
// Throws std::runtime_error naming the file and the field on anything missing or malformed.
TrainingRecord read_training_record(const std::filesystem::path& file);
// The record's entry for `stage`, or nullptr.
const StageReport* find_stage(const TrainingRecord& record, const std::string& stage);

}  // namespace stipple::train
