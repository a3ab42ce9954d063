// Batch export: item identities and resume, engines per model, atomic image writes with the
// manifest protocol of batch_folder.h, progress with ETA, cancellation.
#include "pipeline/batch_export.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include <opencv2/imgproc.hpp>

#include "image/image_encode.h"
#include "image/image_io.h"
#include "io/atomic_file.h"
#include "pipeline/batch_identity.h"
#include "pipeline/batch_folder.h"
#include "pipeline/file_naming.h"
#include "sampling/denoiser.h"

namespace stipple {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;
using namespace batch_detail;

namespace {

std::string encode(const cv::Mat& rgb, const std::string& parameters, const BatchExportOptions& o) {
  switch (o.format) {
    case ExportFormat::Jpeg: return encode_jpeg(rgb, o.quality, parameters);
    case ExportFormat::Webp: return encode_webp(rgb, o.quality, parameters);
    case ExportFormat::Png: break;
  }
  return encode_png(rgb, {{"parameters", parameters}});
}

// The engine for each model; at most one loaded besides a borrowed one.
class Engines {
 public:
  explicit Engines(const BatchModels& m) : models_(m) {}
  Engine& get(const std::string& model) {
    if (model.empty() && models_.engine) return *models_.engine;
    if (owned_ && owned_model_ == model) return *owned_;
    if (auto it = failed_.find(model); it != failed_.end()) throw std::runtime_error(it->second);
    owned_.reset();  // free the previous model first: two big models may not fit
    EngineModelSpec spec = models_.spec;
    if (!model.empty()) spec.model = model;
    try {
      owned_ = Engine::load(spec);
    } catch (const std::exception& e) {
      failed_[model] = "model " + spec.model.string() + ": " + e.what();
      throw std::runtime_error(failed_[model]);
    }
    owned_model_ = model;
    return *owned_;
  }
  bool loaded(const std::string& model) const {
    return (model.empty() && models_.engine) || (owned_ && owned_model_ == model);
  }

 private:
  const BatchModels& models_;
  std::unique_ptr<Engine> owned_;
  std::string owned_model_;
  std::map<std::string, std::string> failed_;
};

// Per-row init images and masks, loaded once per file in a row of items.
class RowImages {
 public:
  cv::Mat get(const fs::path& path, bool mask) {
    auto& slot = mask ? mask_ : image_;
    if (slot.first != path) slot = {path, mask ? load_mask(path) : load_image_rgb(path)};
    return slot.second;
  }

 private:
  std::pair<fs::path, cv::Mat> image_, mask_;
};

// Forwards one item's generation to the batch observer, turning steps into batch progress.
class ItemObserver : public GenerationObserver {
 public:
  ItemObserver(BatchObserver* outer, BatchProgress& progress, std::function<double(double, double)> eta,
               std::function<double()> elapsed)
      : outer_(outer), progress_(progress), eta_(std::move(eta)), elapsed_(std::move(elapsed)) {}
  int item = 0;
  void on_progress(int step, int total, double spi) override {
    progress_.step = step;
    progress_.steps = total;
    progress_.eta = eta_(total > 0 ? double(step) / total : 0, spi);
    progress_.elapsed = elapsed_();
    if (outer_) outer_->on_batch_progress(progress_);
  }
  void on_preview(const cv::Mat& rgb, int, int step) override {
    if (outer_) outer_->on_preview(rgb, item, step);
  }
  bool cancelled() override { return outer_ && outer_->cancelled(); }

 private:
  BatchObserver* outer_;
  BatchProgress& progress_;
  std::function<double(double, double)> eta_;
  std::function<double()> elapsed_;
};

double work_of(const BatchItem& item) {
  const bool init = !item.init_image.empty() || !item.request.init_image.empty();
  return 1.0 + item.request.steps * (init ? std::max(0.05, item.request.strength) : 1.0);
}

}  // namespace

std::string to_string(ExportFormat f) {
  return f == ExportFormat::Jpeg ? "jpg" : f == ExportFormat::Webp ? "webp" : "png";
}

ExportFormat export_format_from_string(const std::string& name) {
  if (name == "png") return ExportFormat::Png;
  if (name == "jpg" || name == "jpeg") return ExportFormat::Jpeg;
  if (name == "webp") return ExportFormat::Webp;
  throw std::invalid_argument("unknown image format '" + name + "' (expected png, jpg, webp)");
}

std::string file_extension(ExportFormat f) { return "." + to_string(f); }

std::string to_string(ExistingFilePolicy p) { return p == ExistingFilePolicy::Skip ? "skip" : "rename"; }

ExistingFilePolicy existing_file_policy_from_string(const std::string& name) {
  if (name == "rename") return ExistingFilePolicy::Rename;
  if (name == "skip") return ExistingFilePolicy::Skip;
  throw std::invalid_argument("unknown policy for existing files '" + name + "' (expected rename, skip)");
}

BatchFolderInUse::BatchFolderInUse(const fs::path& d, int n)
    : std::runtime_error(d.string() + " already holds another batch (" + kManifestName + " lists " +
                         std::to_string(n) + " image" + (n == 1 ? "" : "s") + ")"),
      dir(d),
      images(n) {}

std::string summary_line(const BatchSummary& s) {
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(1);
  os << s.total << " image" << (s.total == 1 ? "" : "s") << ": " << s.written << " written, " << s.already_done
     << " already done, " << s.skipped_existing << " skipped, " << s.failed << " failed";
  if (s.not_done() > 0) os << ", " << s.not_done() << " not done";
  os << " in " << s.seconds << " s";
  if (s.written > 0) os << " (" << s.images_per_minute() << " images/min)";
  if (s.cancelled) os << "; cancelled";
  if (s.paused) os << "; paused";
  if (!s.stopped.empty()) os << "; stopped: " << s.stopped;
  return os.str();
}

std::string check_export_options(const BatchExportOptions& o) {
  if (o.out_dir.empty()) return "no output folder";
  if (auto p = check_name_template(o.name_template); !p.empty()) return p;
  if (o.format != ExportFormat::Png && (o.quality < 1 || o.quality > 100))
    return "quality " + std::to_string(o.quality) + " must be between 1 and 100";
  if (o.format == ExportFormat::Webp && !webp_supported()) return "this build of OpenCV cannot write WebP";
  if (o.contact_thumb < 16 || o.contact_thumb > 2048) return "contact sheet thumbnails must be 16..2048 px";
  return {};
}

BatchFolderState inspect_batch_folder(const BatchPlan& plan, const BatchExportOptions& o, const BatchModels& models) {
  BatchFolderState st;
  std::error_code ec;
  st.has_manifest = fs::exists(o.out_dir / kManifestName, ec);
  std::vector<BatchItem> items = plan.items;
  Identities ids = identities(items, models, o);
  std::optional<json> info;
  try {
    if (std::ifstream in(o.out_dir / kBatchInfoName); in) info = json::parse(in);
  } catch (const json::exception&) {
  }
  st.same_batch = info && info->is_object() && info->value("batch", "") == ids.batch_id;
  if (st.same_batch && apply_stored_seeds(items, *info)) ids = identities(items, models, o);
  std::map<std::string, int> keys;
  for (const auto& k : ids.keys) ++keys[k];
  for (const auto& e : read_batch_manifest(o.out_dir)) {
    if (!fs::exists(o.out_dir / e.file(), ec)) continue;
    ++st.recorded;
    if (auto it = keys.find(e.key()); it != keys.end() && it->second > 0) ++st.done, --it->second;
  }
  return st;
}

BatchSummary run_batch_export(const BatchPlan& plan, const BatchExportOptions& o, const BatchModels& models,
                              BatchObserver* observer) {
  if (auto p = check_export_options(o); !p.empty()) throw std::invalid_argument(p);
  const auto t0 = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };
  BatchFolder folder(o.out_dir);

  std::vector<BatchItem> items = plan.items;
  Identities ids = identities(items, models, o);
  const auto& info = folder.batch_info();
  const bool same = info && info->value("batch", "") == ids.batch_id;
  if (!same && !folder.entries().empty() && !o.resume)
    throw BatchFolderInUse(o.out_dir, static_cast<int>(folder.entries().size()));
  if (same && apply_stored_seeds(items, *info)) ids = identities(items, models, o);
  json batch_info = same ? *info : json::object();
  if (!same) {
    const auto now = static_cast<int64_t>(std::time(nullptr));
    json sweeps = json::array(), seeds = json::array();
    for (const auto& s : plan.settings.sweeps) sweeps.push_back({{"parameter", s.parameter}, {"values", s.values}});
    for (const auto& item : items) seeds.push_back(item.request.seed);
    batch_info = {{"batch", ids.batch_id},   {"created", utc_now()},       {"date", date_stamp(now)},
                  {"total", items.size()},   {"per_prompt", plan.settings.per_prompt},
                  {"seed_mode", to_string(plan.settings.seed_mode)},       {"sweeps", sweeps},
                  {"template", o.name_template}, {"format", to_string(o.format)}, {"seeds", seeds},
                  {"model", default_model(models).string()}};
    folder.write_batch_info(batch_info);
  }
  const std::string date = batch_info.value("date", date_stamp(static_cast<int64_t>(std::time(nullptr))));

  BatchSummary summary;
  summary.total = static_cast<int>(items.size());
  summary.removed_temporary_files = folder.removed_temporary_files();
  summary.recovered_pending = folder.recovered_pending();
  std::vector<bool> done(items.size(), false);
  const auto finished = folder.done_files(ids.keys);
  for (size_t i = 0; i < items.size(); ++i)
    if (finished[i]) done[i] = true, ++summary.already_done;

  // Items grouped by model (first appearance order) so each model loads once.
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::map<std::string, size_t> first_seen;
  for (size_t i = 0; i < items.size(); ++i) first_seen.try_emplace(items[i].model, i);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return first_seen[items[a].model] < first_seen[items[b].model]; });

  const fs::path def_model = default_model(models);
  const int index_width = std::max<int>(4, static_cast<int>(std::to_string(items.size()).size()));
  BatchProgress progress;
  progress.total = summary.total;
  auto sync = [&] {
    progress.written = summary.written;
    progress.already_done = summary.already_done;
    progress.skipped = summary.skipped_existing;
    progress.failed = summary.failed;
    progress.done = progress.written + progress.already_done + progress.skipped + progress.failed;
    progress.elapsed = elapsed();
  };
  // ETA: seconds per unit of work (about one sampler step) measured on finished images, else
  // the sampler's own seconds per step; times the work left.
  double work_left = 0, work_done = 0;
  for (size_t i = 0; i < items.size(); ++i)
    if (!done[i]) work_left += work_of(items[i]);
  double current_work = 0;
  auto eta = [&](double fraction, double spi) {
    const double rate = work_done > 0 ? summary.generate_seconds / work_done : spi;
    if (rate <= 0) return -1.0;
    return (work_left - current_work * fraction) * rate;
  };
  ItemObserver item_observer(observer, progress, eta, elapsed);
  sync();
  progress.status = summary.already_done > 0 ? std::to_string(summary.already_done) + " already done" : "starting";
  if (observer) observer->on_batch_progress(progress);

  Engines engines(models);
  RowImages row_images;
  auto fail_item = [&](const BatchItem& item, const std::string& reason) {
    ++summary.failed;
    summary.failures.push_back({item.index, reason});
    work_left -= work_of(item);
    if (observer) observer->on_item_failed(item, reason);
  };
  for (size_t oi = 0; oi < order.size(); ++oi) {
    const size_t i = order[oi];
    const BatchItem& item = items[i];
    if (done[i]) continue;
    if (observer && observer->cancelled()) {
      summary.cancelled = true;
      break;
    }
    if (observer && observer->pause_requested()) {
      summary.paused = true;
      break;
    }
    if (auto reason = observer ? observer->known_failure(item) : std::nullopt) {
      fail_item(item, *reason);
      sync();
      continue;
    }
    // The name first: with ExistingFilePolicy::Skip an existing file means no work at all.
    FileNameFields f;
    f.index = item.index + 1;
    f.index_width = index_width;
    f.seed = item.request.seed;
    f.prompt = item.request.prompt;
    f.model = model_label(item.model.empty() ? def_model : fs::path(item.model));
    f.date = date;
    f.sampler = item.request.sampler;
    f.steps = item.request.steps;
    f.cfg = item.request.cfg;
    f.width = item.request.width;
    f.height = item.request.height;
    const std::string stem = expand_name_template(o.name_template, f), ext = file_extension(o.format);
    std::string name = stem + ext;
    if (folder.name_taken(name)) {
      if (o.existing == ExistingFilePolicy::Skip) {
        ++summary.skipped_existing;
        work_left -= work_of(item);
        sync();
        progress.status = name + " exists, skipped";
        if (observer) observer->on_batch_progress(progress);
        continue;
      }
      for (int n = 1; folder.name_taken(name); ++n) name = stem + "-" + std::to_string(n) + ext;
    }
    sync();
    progress.current = item.index;
    progress.step = 0;
    progress.steps = 0;
    current_work = work_of(item);
    Engine* engine = nullptr;
    try {
      if (!engines.loaded(item.model)) {
        progress.status = "loading model " + (item.model.empty() ? def_model.string() : item.model);
        if (observer) observer->on_batch_progress(progress);
      }
      engine = &engines.get(item.model);
    } catch (const std::exception& e) {
      fail_item(item, e.what());
      continue;
    }
    progress.status = name;
    if (observer) observer->on_batch_progress(progress);
    GenerationRequest request = item.request;
    GeneratedImage image;
    const auto g0 = Clock::now();
    try {
      if (!item.init_image.empty()) {
        request.init_image = row_images.get(item.init_image, false);
        if (plan.settings.size_from_init && !item.explicit_size) {
          request.width = std::max(64, request.init_image.cols / 8 * 8);
          request.height = std::max(64, request.init_image.rows / 8 * 8);
        }
      }
      if (!item.mask.empty()) request.mask = row_images.get(item.mask, true);
      item_observer.item = item.index;
      auto result = engine->generate(request, &item_observer);
      if (result.images.empty()) throw std::runtime_error("the engine returned no image");
      image = std::move(result.images.front());
    } catch (const Cancelled&) {
      summary.cancelled = true;
      break;
    } catch (const std::exception& e) {
      fail_item(item, e.what());
      continue;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - g0).count();
    json row = manifest_row(item, request, image, *engine, o, plan.settings.seed_mode);
    row["batch"] = ids.batch_id;
    row["key"] = ids.keys[i];
    row["file"] = name;
    row["seconds"] = std::round(seconds * 1000) / 1000;
    std::string bytes;
    try {
      bytes = encode(image.rgb, image.parameters, o);
    } catch (const std::exception& e) {
      fail_item(item, std::string("encoding: ") + e.what());
      continue;
    }
    bool committed = false;
    try {
      folder.begin(row);
      folder.commit_file(name, bytes);
      committed = true;
      folder.finish(row);
    } catch (const std::exception& e) {
      // Disk full, folder removed or read-only: nothing after this can be written either.
      // A committed image keeps its pending row: the next run adds it to the manifest.
      if (!committed) folder.abandon();
      summary.stopped = e.what();
      break;
    }
    ++summary.written;
    summary.generate_seconds += seconds;
    work_done += current_work;
    work_left -= current_work;
    current_work = 0;
    summary.files.push_back(o.out_dir / name);
    if (observer) observer->on_image_written(item, o.out_dir / name, image.rgb);
    sync();
    progress.current = -1;
    progress.eta = eta(0, 0);
    if (observer) observer->on_batch_progress(progress);
  }

  if (o.contact_sheet && summary.stopped.empty() && !summary.cancelled && !summary.paused) {
    std::vector<cv::Mat> images(items.size());
    const auto files = folder.done_files(ids.keys);
    for (size_t i = 0; i < items.size(); ++i) {
      if (const auto& file = files[i]) {
        try {
          images[i] = load_image_rgb(o.out_dir / *file);
        } catch (const std::exception&) {
        }
      }
    }
    // Ours from an earlier run of this batch is replaced; any other file keeps its name.
    std::string name = batch_info.value("contact_sheet", "");
    if (name.empty()) {
      name = "contact-sheet.png";
      for (int n = 1; folder.name_taken(name); ++n) name = "contact-sheet-" + std::to_string(n) + ".png";
    }
    try {
      write_png(o.out_dir / name, render_contact_sheet(plan, images, o.contact_thumb));
      batch_info["contact_sheet"] = name;
      folder.write_batch_info(batch_info);
      summary.contact_sheet = o.out_dir / name;
    } catch (const std::exception& e) {
      summary.stopped = std::string("contact sheet: ") + e.what();
    }
  }
  summary.seconds = elapsed();
  sync();
  progress.current = -1;
  progress.eta = 0;
  progress.status = summary_line(summary);
  // A paused export is not over: its caller runs it again and reports the end itself.
  if (observer && !summary.paused) observer->on_batch_progress(progress);
  return summary;
}

}  // namespace stipple
