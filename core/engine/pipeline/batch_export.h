#pragma once
// Batch export: runs a BatchPlan with an Engine and writes every image into a folder, never
// overwriting, resumable after a kill. Torch-free and Qt-free; the CLI's `batch` verb and the
// GUI's File > Batch Export... both call run_batch_export on the thread that owns the engine.
//
// The folder (see batch_folder.h): images named by a template, manifest.jsonl (one row per
// finished image, appended and fsynced after each), batch.json, optionally contact-sheet.png.
// Running the same batch into the same folder again continues it: items the manifest records
// and whose files exist are skipped. A folder holding another batch's manifest is refused
// (BatchFolderInUse) unless options.resume is set, which then adds to it the same way.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "pipeline/batch_spec.h"
#include "pipeline/engine.h"

namespace stipple {

enum class ExportFormat { Png, Jpeg, Webp };
std::string to_string(ExportFormat format);                   // png, jpg, webp
ExportFormat export_format_from_string(const std::string& name);  // png, jpg, jpeg, webp; throws
std::string file_extension(ExportFormat format);              // ".png", ".jpg", ".webp"

enum class ExistingFilePolicy {
  Rename,  // write "<name>-1.png", "<name>-2.png", ... instead
  Skip,    // leave the file, do not generate that image
};
std::string to_string(ExistingFilePolicy policy);                          // rename, skip
ExistingFilePolicy existing_file_policy_from_string(const std::string& name);  // throws

struct BatchExportOptions {
  std::filesystem::path out_dir;
  // Placeholders: {index} (1-based, zero-padded to the batch's digits, at least 4), {seed},
  // {prompt} (slug, <= 60 chars), {model}, {date} (YYYYMMDD of the batch's start), {sampler},
  // {steps}, {cfg}, {width}, {height}. See file_naming.h.
  std::string name_template = "{index}-{seed}-{prompt}";
  // PNG: A1111 "parameters" text chunk. JPEG, WebP: EXIF UserComment (quality 1..100).
  ExportFormat format = ExportFormat::Png;
  int quality = 95;
  ExistingFilePolicy existing = ExistingFilePolicy::Rename;
  bool resume = false;          // allow continuing into a folder that holds another batch
  bool contact_sheet = false;   // contact-sheet.png: thumbnails on the sweep's X/Y grid
  int contact_thumb = 256;      // longest side of a thumbnail, px
};

// Which engine runs which item. Items without a model of their own use `engine` when given
// (borrowed: the GUI's loaded model), else a model loaded from `spec`. Items naming a model
// load it with `spec` (its model path replaced); at most one such extra model is held at a time
// and items run grouped by model so each is loaded once.
struct BatchModels {
  Engine* engine = nullptr;
  EngineModelSpec spec;
};

struct BatchProgress {
  int total = 0;
  int done = 0;        // finished this run or before: written + already done + skipped + failed
  int written = 0, already_done = 0, skipped = 0, failed = 0;
  int current = -1;    // index of the item being generated, -1 between items
  int step = 0, steps = 0;   // sampler steps of the current item
  double elapsed = 0;  // seconds since the export started
  double eta = -1;     // seconds left, -1 while unknown
  std::string status;  // "loading model ...", "0005-42-a-cat.png", ...
};

// Progress, previews and cancellation. on_preview(rgb, item_index, step) and cancelled() are
// GenerationObserver's (cancelled() is also checked between items); on_progress is not called.
// pause_requested() is asked before each image: true ends the export there with
// BatchSummary::paused set (every finished image kept); running it again continues.
// known_failure(item) lets a caller that runs the same batch several times (the GUI's batch,
// which pauses and yields) carry an item's failure over: the item is reported failed with that
// reason instead of being tried again.
struct BatchObserver : GenerationObserver {
  virtual bool pause_requested() { return false; }
  virtual std::optional<std::string> known_failure(const BatchItem& item) {
    (void)item;
    return std::nullopt;
  }
  virtual void on_batch_progress(const BatchProgress& progress) { (void)progress; }
  virtual void on_image_written(const BatchItem& item, const std::filesystem::path& file, const cv::Mat& rgb) {
    (void)item, (void)file, (void)rgb;
  }
  virtual void on_item_failed(const BatchItem& item, const std::string& reason) { (void)item, (void)reason; }
};

struct BatchFailure {
  int index = 0;  // item index (0-based)
  std::string reason;
};

struct BatchSummary {
  int total = 0;
  int written = 0;           // images written by this run
  int already_done = 0;      // recorded in the manifest with their files (resumed)
  int skipped_existing = 0;  // ExistingFilePolicy::Skip found the file
  int failed = 0;
  std::vector<BatchFailure> failures;
  std::vector<std::filesystem::path> files;  // written by this run, in order
  std::optional<std::filesystem::path> contact_sheet;
  bool cancelled = false;
  bool paused = false;       // pause_requested() ended it before an image; run again to continue
  std::string stopped;       // why the export stopped early (disk full, folder unwritable)
  int removed_temporary_files = 0;  // left by a killed export
  bool recovered_pending = false;   // an image a kill left unrecorded was added to the manifest
  double seconds = 0;
  double generate_seconds = 0;      // spent generating the written images

  int not_done() const { return total - written - already_done - skipped_existing - failed; }
  // Written images per minute of wall time (the export's own: model loading by the caller not
  // included; loading of per-row models included).
  double images_per_minute() const { return seconds > 0 ? written * 60.0 / seconds : 0; }
  bool ok() const { return failed == 0 && stopped.empty() && !cancelled && !paused; }
};
// "12 images: 7 written, 5 already done, 0 skipped, 0 failed in 9.1 s (46.2 images/min)".
std::string summary_line(const BatchSummary& summary);

// Thrown before anything is written when the folder's manifest belongs to another batch and
// options.resume is not set.
struct BatchFolderInUse : std::runtime_error {
  BatchFolderInUse(const std::filesystem::path& dir, int images);
  std::filesystem::path dir;
  int images = 0;
};

// What a folder holds for this plan, without changing anything (for the GUI's dialog).
struct BatchFolderState {
  bool has_manifest = false;
  bool same_batch = false;   // batch.json names this batch
  int recorded = 0;          // manifest rows whose files exist
  int done = 0;              // items of this plan among them
};
BatchFolderState inspect_batch_folder(const BatchPlan& plan, const BatchExportOptions& options,
                                      const BatchModels& models);

// Problems with the options ("" when usable): template, quality, WebP support.
std::string check_export_options(const BatchExportOptions& options);

// Runs the export. Throws before the first image for unusable options (std::invalid_argument),
// a folder that cannot be created or written (FileWriteError), another export writing there,
// or BatchFolderInUse. Afterwards it does not throw: a failed image is recorded and the export
// goes on (a model that fails to load fails its items); a failed write (disk full, folder
// gone) stops it with `stopped` set, every finished image kept; cancel stops it after the
// current model evaluation.
BatchSummary run_batch_export(const BatchPlan& plan, const BatchExportOptions& options, const BatchModels& models,
                              BatchObserver* observer = nullptr);

// The sweep's X/Y grid (or rows x images per prompt without a sweep) of the items' images
// (empty Mats: a grey cell), with labels. RGB CV_8UC3.
cv::Mat render_contact_sheet(const BatchPlan& plan, const std::vector<cv::Mat>& images, int thumb = 256);

}  // namespace stipple
