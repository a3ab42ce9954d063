#include "pipeline/batch_identity.h"

#include <ctime>

#include "io/sha256.h"

namespace stipple::batch_detail {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string hash16(const std::string& s) { return sha256_hex(s.data(), s.size()).substr(0, 16); }

}  // namespace

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string pixels_hash(const cv::Mat& m) {
  if (m.empty()) return {};
  const cv::Mat c = m.isContinuous() ? m : m.clone();
  return sha256_hex(c.data, c.total() * c.elemSize()).substr(0, 16) + "-" + std::to_string(c.cols) + "x" +
         std::to_string(c.rows);
}

fs::path default_model(const BatchModels& models) {
  fs::path p = models.engine ? models.engine->model_path() : models.spec.model;
  if (p == "default")
    if (auto found = default_model_path()) p = *found;
  std::error_code ec;
  const fs::path abs = fs::absolute(p, ec);
  return ec ? p : abs.lexically_normal();
}

std::string model_label(const fs::path& model) {
  fs::path p = model;
  if (p.filename().empty()) p = p.parent_path();  // "folder/"
  std::error_code ec;
  return fs::is_directory(p, ec) ? p.filename().string() : p.stem().string();
}

json item_identity(const BatchItem& item, const std::string& model, const BatchExportOptions& o, bool seed_placeholder,
                   std::map<const void*, std::string>& hashes) {
  const auto& r = item.request;
  json j = {{"prompt", r.prompt},   {"negative", r.negative_prompt}, {"width", r.width},
            {"height", r.height},   {"steps", r.steps},              {"cfg", r.cfg},
            {"sampler", r.sampler}, {"schedule", r.schedule},        {"clip_skip", r.clip_skip},
            {"guidance_rescale", r.guidance_rescale},                {"model", model},
            {"format", to_string(o.format)}};
  if (seed_placeholder && item.random_seed) j["seed"] = "random";
  else j["seed"] = r.seed;
  if (o.format != ExportFormat::Png) j["quality"] = o.quality;
  auto image_id = [&](const fs::path& path, const cv::Mat& m) -> std::string {
    if (!path.empty()) return path.string();
    if (m.empty()) return {};
    auto [it, added] = hashes.try_emplace(m.data);
    if (added) it->second = pixels_hash(m);
    return it->second;
  };
  const std::string init = image_id(item.init_image, r.init_image), mask = image_id(item.mask, r.mask);
  if (!init.empty()) {
    j["init"] = init;
    j["strength"] = r.strength;
    if (!item.explicit_size) j["size_from_init"] = true;
  }
  if (!mask.empty()) {
    j["mask"] = mask;
    j["mask_blur"] = r.mask_blur;
    j["mask_grow"] = r.mask_grow;
    j["invert_mask"] = r.invert_mask;
    j["inpaint_area"] = r.inpaint_area == InpaintArea::Masked ? "masked" : "whole";
    j["padding"] = r.padding;
    j["fill"] = static_cast<int>(r.masked_content);
  }
  return j;
}

Identities identities(const std::vector<BatchItem>& items, const BatchModels& models, const BatchExportOptions& o) {
  const std::string def = default_model(models).string();
  std::map<const void*, std::string> hashes;
  Identities out;
  std::string all;
  for (const auto& item : items) {
    std::error_code ec;
    const std::string model = item.model.empty() ? def : fs::absolute(item.model, ec).lexically_normal().string();
    out.keys.push_back(hash16(item_identity(item, model, o, false, hashes).dump(-1, ' ', false, json::error_handler_t::replace)));
    all += item_identity(item, model, o, true, hashes).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  out.batch_id = hash16(all);
  return out;
}

bool apply_stored_seeds(std::vector<BatchItem>& items, const json& info) {
  const auto it = info.find("seeds");
  if (it == info.end() || !it->is_array() || it->size() != items.size()) return false;
  bool any = false;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].random_seed || !(*it)[i].is_number_unsigned()) continue;
    items[i].request.seed = (*it)[i].get<uint64_t>();
    any = true;
  }
  return any;
}

json manifest_row(const BatchItem& item, const GenerationRequest& request, const GeneratedImage& image,
                  const Engine& engine, const BatchExportOptions& o, SeedMode seed_mode) {
  json row = {{"index", item.index + 1},
              {"prompt", request.prompt},
              {"negative", request.negative_prompt},
              {"seed", image.seed},
              {"seed_mode", to_string(seed_mode)},
              {"steps", request.steps},
              {"cfg", request.cfg},
              {"sampler", request.sampler},
              {"schedule", request.schedule},
              {"width", image.rgb.cols},
              {"height", image.rgb.rows},
              {"clip_skip", request.clip_skip},
              {"model", engine.model_path().string()},
              {"model_name", engine.identity().name},
              {"model_hash", engine.identity().hash},
              {"line", item.line},
              {"repeat", item.repeat},
              {"format", to_string(o.format)},
              {"parameters", image.parameters},
              {"time", utc_now()}};
  if (request.width != image.rgb.cols || request.height != image.rgb.rows)
    row["generated_size"] = std::to_string(request.width) + "x" + std::to_string(request.height);
  if (request.guidance_rescale > 0) row["guidance_rescale"] = request.guidance_rescale;
  if (item.random_seed) row["seed_drawn"] = true;
  if (o.format != ExportFormat::Png) row["quality"] = o.quality;
  if (request.is_img2img()) {
    row["strength"] = request.strength;
    row["init"] = item.init_image.empty() ? "sha256:" + pixels_hash(request.init_image) : item.init_image.string();
  }
  if (request.is_inpaint()) {
    row["mask"] = item.mask.empty() ? "sha256:" + pixels_hash(request.mask) : item.mask.string();
    row["mask_blur"] = request.mask_blur;
    row["mask_grow"] = request.mask_grow;
    row["invert_mask"] = request.invert_mask;
    row["inpaint_area"] = request.inpaint_area == InpaintArea::Masked ? "masked" : "whole";
    row["padding"] = request.padding;
  }
  if (!item.sweep_values.empty()) {
    json sweep = json::object();
    for (const auto& [k, v] : item.sweep_values) sweep[k] = v;
    row["sweep"] = sweep;
  }
  return row;
}

}  // namespace stipple::batch_detail
