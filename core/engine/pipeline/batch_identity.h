#pragma once
// Internal to batch export: what identifies an item (its key, for resume) and a batch (its id),
// and the manifest row of a finished image.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/batch_export.h"

namespace stipple::batch_detail {

std::string utc_now();  // "2024-11-26T15:36:00Z"
// sha256 of the pixels (16 hex digits) and the size: "0123456789abcdef-64x64".
std::string pixels_hash(const cv::Mat& m);
// The batch's own model as an absolute path (the borrowed engine's, or the spec's).
std::filesystem::path default_model(const BatchModels& models);
// "v1-5-pruned" for ".../v1-5-pruned.safetensors", the folder name for diffusers folders.
std::string model_label(const std::filesystem::path& model);

// Everything that decides an item's pixels and file format; the key is its hash. With
// seed_placeholder a drawn seed reads "random", so a random-seed batch is the same batch on
// every run.
nlohmann::json item_identity(const BatchItem& item, const std::string& model, const BatchExportOptions& options,
                             bool seed_placeholder, std::map<const void*, std::string>& hashes);

struct Identities {
  std::vector<std::string> keys;  // per item, 16 hex digits
  std::string batch_id;           // 16 hex digits
};
Identities identities(const std::vector<BatchItem>& items, const BatchModels& models,
                      const BatchExportOptions& options);

// The same batch with random seeds continues with the seeds batch.json recorded ("seeds").
// True when any seed changed.
bool apply_stored_seeds(std::vector<BatchItem>& items, const nlohmann::json& info);

// Every parameter of a finished image (without batch, key, file, seconds).
nlohmann::json manifest_row(const BatchItem& item, const GenerationRequest& request, const GeneratedImage& image,
                            const Engine& engine, const BatchExportOptions& options, SeedMode seed_mode);

}  // namespace stipple::batch_detail
