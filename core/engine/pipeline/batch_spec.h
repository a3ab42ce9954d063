#pragma once
// Batch specifications: prompt lists (plain text, CSV, JSON Lines) with per-row overrides of
// request fields, images per prompt with a seed mode, and an optional X/Y sweep of one or two
// parameters, expanded into an ordered list of single-image requests. Torch-free and Qt-free,
// so the CLI and the GUI's batch dialog use it directly.
//
// Formats:
//   text  one prompt per line; blank lines and lines starting with '#' are ignored.
//   CSV   a header row naming the columns (a `prompt` column is required), RFC 4180 quoting:
//         fields in double quotes may hold commas and line breaks, "" is a quote.
//         An empty cell means "use the default".
//   JSONL one JSON object per line with the same keys; blank lines are ignored.
// Keys (CSV columns, JSON keys): prompt, negative, seed, steps, cfg, sampler, schedule, width,
// height, strength, model, plus clip_skip, guidance_rescale, init, mask, mask_blur, mask_grow,
// invert_mask, inpaint_area (whole|masked), padding, fill (original|fill|noise|nothing).
// Aliases: negative_prompt, cfg_scale, scheduler, denoising_strength, init_image.
// Paths (model, init, mask) are relative to the prompt file's folder.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/request.h"

namespace stipple {

enum class PromptFileFormat { Auto, Text, Csv, JsonLines };

// "text", "csv", "jsonl".
std::string to_string(PromptFileFormat format);

// One problem in a prompt list or batch setting. line 0: not tied to a line (a --sweep value).
struct BatchSpecProblem {
  int line = 0;
  std::string message;
};

// Every problem found, thrown together before anything runs. what(): "<source>: N problems:\n
// line 4: cfg: 'abc' is not a number\n line 9: ...".
struct BatchSpecError : std::runtime_error {
  BatchSpecError(const std::string& source, std::vector<BatchSpecProblem> problems);
  std::vector<BatchSpecProblem> problems;
};

struct PromptRow {
  int line = 0;          // 1-based line where the row starts in the file
  std::string prompt;
  // Overrides as written (canonical key -> text), checked at parse time; applied by expand_batch.
  // "model", "init" and "mask" hold resolved paths.
  std::vector<std::pair<std::string, std::string>> fields;
  const std::string* field(const std::string& key) const;
};

struct PromptList {
  std::string source;  // file name for messages ("<text>" when parsed from memory)
  PromptFileFormat format = PromptFileFormat::Text;
  std::vector<PromptRow> rows;
};

// Throws BatchSpecError listing every invalid row (line numbers and what is wrong), or with one
// problem when the list holds no prompt at all. base_dir resolves relative paths in rows.
PromptList parse_prompt_list(const std::string& text, PromptFileFormat format = PromptFileFormat::Auto,
                             const std::string& source = "<text>", const std::filesystem::path& base_dir = {});
// Reads the file (UTF-8, BOM allowed); the format from the extension (.txt, .csv, .jsonl,
// .ndjson) or, for others, from the content.
PromptList load_prompt_list(const std::filesystem::path& file, PromptFileFormat format = PromptFileFormat::Auto);

// Applies one override (canonical or alias key) to a request. Empty when it applied; otherwise
// what is wrong ("cfg: 'abc' is not a number"). Keys that are no request field (model, init,
// mask) are not handled here. Exposed for the GUI's batch table.
std::string apply_request_field(GenerationRequest& request, const std::string& key, const std::string& value);
// The canonical key for a key or alias ("cfg_scale" -> "cfg"); empty when unknown.
std::string canonical_field_key(const std::string& key);

enum class SeedMode {
  Fixed,      // every image of a prompt uses the base seed (the row's seed, else the default)
  Increment,  // image k uses base + k
  Random,     // drawn once per image (shared across the sweep cells of that image); rows with a
              // seed use seed + k
};
std::string to_string(SeedMode mode);       // fixed, increment, random
SeedMode seed_mode_from_string(const std::string& name);  // throws listing the names

// One sweep axis: "cfg=5,7,9" -> {"cfg", {"5","7","9"}}. Parameters: cfg, steps, sampler,
// schedule, seed, width, height, size (WxH), strength, clip_skip, guidance_rescale.
struct SweepAxis {
  std::string parameter;
  std::vector<std::string> values;
};
// Throws std::invalid_argument naming the sweep and the bad value.
SweepAxis parse_sweep(const std::string& text);

struct BatchSettings {
  int per_prompt = 1;
  SeedMode seed_mode = SeedMode::Increment;
  std::vector<SweepAxis> sweeps;            // 0, 1 (X) or 2 (X, then Y) axes
  std::optional<uint64_t> random_seed;      // seeds the draw of random seeds (reproducible tests)
  // Items with a per-row init image and no width/height of their own (row or sweep) take the
  // image's size, rounded down to a multiple of 8 (as `generate --init` without --width does).
  bool size_from_init = false;
};

struct BatchItem {
  int index = 0;      // 0-based position; `{index}` in file names and the manifest show index + 1
  int row = 0;        // 0-based row of the prompt list
  int line = 0;       // the row's line in the prompt file
  int repeat = 0;     // image k of the row, 0 .. per_prompt - 1
  int x = -1, y = -1; // sweep cell (-1 without that axis)
  bool random_seed = false;  // the seed was drawn (SeedMode::Random)
  bool explicit_size = false;  // the row or the sweep set width or height
  // batch_count = batch_size = 1. Per-row init/mask images are NOT loaded here (see below);
  // an init image or mask from the defaults is shared (cv::Mat reference counting).
  GenerationRequest request;
  std::string model;                        // path of a per-row model; empty: the batch's model
  std::filesystem::path init_image, mask;   // per-row files, loaded when the item runs
  std::vector<std::pair<std::string, std::string>> sweep_values;  // e.g. {{"cfg","7"}}
};

struct BatchPlan {
  std::vector<BatchItem> items;
  BatchSettings settings;
  std::vector<std::string> x_labels, y_labels;  // "cfg=5", ... (empty without that axis)
  int row_count = 0;
};

// Expands rows x per_prompt x sweep Y x sweep X (X fastest). Defaults < row fields < sweep
// values. Every item is validated (validate_request, files of per-row paths exist); throws
// BatchSpecError listing each problem once with the row's line number.
BatchPlan expand_batch(const PromptList& list, const GenerationRequest& defaults, const BatchSettings& settings);

}  // namespace stipple
