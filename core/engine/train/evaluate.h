#pragma once
// Prompt-adherence evaluation of a model on the shapes domain: generate images for a fixed set
// of prompts with the Engine (exactly as users generate), score each with the OpenCV judge.
//
// The "heldout" set (48 prompts) uses only combinations the training split never draws:
//   colour-shape   (24): the 8 held-out colour x shape pairs, 3 phrasings each;
//   shape-position (12): the 6 held-out shape x position pairs, 2 colours each;
//   two-objects    (12): a held-out colour x shape object next to a training object.
// Inpainting evaluation paints the first object of each single-object case into a circular mask
// (object_mask) on a picture of the rest of the scene, and counts pixels changed outside the
// blurred mask. Torch-free (uses the pimpl Engine).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "train/shapes_dataset.h"

namespace stipple::train {

struct EvalCase {
  std::string group;    // colour-shape, shape-position, two-objects, train, heldout-sample
  std::string prompt;
  PromptSpec expected;  // what the prompt asks for (== parse_caption(prompt))
  SceneSpec scene;      // a scene that satisfies it (the inpainting target and context)
};

std::vector<EvalCase> heldout_cases();
// n scenes drawn from a split with random templates (split Train: in-distribution check).
std::vector<EvalCase> sampled_cases(Split split, int n, uint64_t seed);

struct EvalOptions {
  std::filesystem::path model;
  std::string prompts = "heldout";  // heldout, train (48 training-split prompts) or a number N (held-out samples)
  int seeds = 1;
  int steps = 20;
  double cfg = 0;       // 0: the model's recommendation (model_index.json), else the application's 7
  std::string sampler;  // empty: the model's recommendation, else the application's euler_a
  int size = 0;                     // 0: the model's native resolution
  bool inpainting = false;
  std::string device = "auto";
  std::string precision = "auto";
  std::optional<std::filesystem::path> save_dir;  // writes every image, named by case and verdict
  std::function<void(int done, int total)> on_progress;
};

struct Rate {
  int ok = 0, n = 0;
  double value() const { return n ? static_cast<double>(ok) / n : 0.0; }
  void add(bool good) { ok += good ? 1 : 0; ++n; }
};

struct EvalSummary {
  std::string model, mode;  // mode: txt2img or inpainting
  std::string prompts, sampler;
  int steps = 0, seeds = 0, size = 0;
  double cfg = 0;
  // txt2img, single-object prompts
  Rate colour, shape, colour_shape, position, size_class, all_three;  // position/all: prompts that give one
  Rate two_objects;        // both objects with the right colour and shape
  Rate exact_count;        // as many objects as asked
  int messy = 0, cluttered = 0;  // images failed for no clean background / too many objects
  // inpainting
  Rate object_in_mask;     // right colour and shape, centroid inside the mask
  int64_t changed_outside = 0;      // pixels changed outside the blurred mask, summed over images
  int64_t changed_outside_max = 0;  // worst image
  std::vector<std::pair<std::string, Rate>> groups;  // colour+shape (txt2img) or in-mask rate per group
  double seconds_per_image = 0;
  int images = 0;
};

EvalSummary evaluate_model(const EvalOptions& options);

std::string format_summary(const EvalSummary& s);  // a few lines for terminals and model cards

// The quality the bundled models are trained to reach, measured on the held-out prompts:
// single objects colour+shape >= 90% and position >= 80%, two objects >= 60%, 128 px at 20
// steps in under 2 s; inpainting the asked object into the mask >= 85% with the inpainting
// model (>= 60% with the base model's latent blending) and no pixel changed outside the mask.
struct TargetCheck {
  std::string what;
  double measured = 0, target = 0;
  bool at_most = false;  // a ceiling (time, changed pixels) rather than a floor
  bool is_rate = true;   // a fraction, shown in percent
  bool met() const { return at_most ? measured <= target : measured >= target; }
};
std::vector<TargetCheck> quality_targets(const EvalSummary& s, bool inpainting_model);
std::string format_targets(const std::vector<TargetCheck>& checks);  // a Markdown table
nlohmann::json summary_json(const EvalSummary& s);

}  // namespace stipple::train
