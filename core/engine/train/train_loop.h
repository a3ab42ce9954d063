#pragma once
// The parts every training stage shares: mixed precision scope, EMA, LR schedule, checkpoints,
// the step clock and the run context. Internal to core/engine/train.
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "text/clip_tokenizer.h"
#include "train/loss_log.h"
#include "train/model_card.h"
#include "train/shapes_dataset.h"
#include "train/trainer.h"

namespace stipple::train {

// bf16 autocast for the forward pass (norms stay fp32 inside GroupNorm32/LayerNorm32). Clears
// autocast's weight-cast cache on exit: the weights change after every optimizer step.
class AutocastScope {
 public:
  AutocastScope(bool enabled, const torch::Device& device);
  ~AutocastScope();
  AutocastScope(const AutocastScope&) = delete;
  AutocastScope& operator=(const AutocastScope&) = delete;

 private:
  bool active_ = false, cpu_ = true, previous_ = false;
};

// Exponential moving average of parameters, kept in fp32 (Polyak averaging as ldm's LitEma,
// with its warm-up: decay = min(decay, (1 + n) / (10 + n))).
class Ema {
 public:
  Ema() = default;
  Ema(const std::vector<std::pair<std::string, torch::Tensor>>& params, double decay);
  void update(int64_t step);
  // Copies the averages into parameters with the same names (e.g. a fresh module for export).
  void copy_to(const std::vector<std::pair<std::string, torch::Tensor>>& params) const;
  void save(torch::serialize::OutputArchive& archive) const;
  void load(torch::serialize::InputArchive& archive);
  bool enabled() const { return decay_ > 0; }

 private:
  double decay_ = 0;
  std::vector<std::pair<std::string, torch::Tensor>> params_;  // live parameters
  std::vector<torch::Tensor> shadow_;
};

// Named parameters of several modules under "<prefix>.<name>".
std::vector<std::pair<std::string, torch::Tensor>> named_params(
    const std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>>& modules);

// Warm-up then cosine decay to lr * min_lr_ratio.
double lr_at(const StageRecipe& recipe, int64_t step);
// The rate for `step` of a run resumed at `resumed_at` whose optimizer state starts afresh
// (weights imported from an exported model): AdamW's first updates are full-sized whatever the
// gradient, so the schedule's rate ramps up again over the recipe's warm-up steps.
double lr_after_resume(const StageRecipe& recipe, int64_t step, int64_t resumed_at, bool optimizer_restored);

// AdamW with weight decay on matrices/kernels only (norm scales and biases are not decayed).
std::unique_ptr<torch::optim::AdamW> make_adamw(const std::vector<torch::Tensor>& params, const StageRecipe& recipe);
void set_lr(torch::optim::Optimizer& optimizer, double lr);

struct CheckpointState {
  int64_t step = 0;
  int64_t total = 0;
  double seconds = 0;     // training time so far, over all runs
  double loss_avg = 0;
  bool bf16 = false;      // precision of the last run (for the model card)
  bool optimizer_restored = true;  // load_checkpoint: false when the file had no optimizer state
};

// Writes modules, EMA, optimizer and counters to `path` atomically (temporary file, fsync, rename).
void save_checkpoint(const std::filesystem::path& path, const CheckpointState& state,
                     const std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>>& modules,
                     const Ema* ema, torch::optim::Optimizer* optimizer);
// Restores what save_checkpoint wrote (optimizer and EMA only when given). A checkpoint without
// optimizer state (an imported one) leaves the optimizer fresh: see optimizer_restored.
CheckpointState load_checkpoint(const std::filesystem::path& path,
                                const std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>>& modules,
                                Ema* ema, torch::optim::Optimizer* optimizer);
// Just the counters (to decide whether a stage is done).
CheckpointState peek_checkpoint(const std::filesystem::path& path);

// Everything a stage needs from the run.
struct RunContext {
  TrainOptions options;
  TrainRecipe recipe;
  TrainCallbacks callbacks;
  torch::Device device = torch::kCPU;
  std::string precision = "auto";  // the --precision policy: auto, bf16, fp32
  bool bf16 = false;         // the current stage trains under bf16 autocast
  bool encode_bf16 = false;  // the frozen VAE encodes (latent pool, masked images) in bf16
  std::filesystem::path out;
  std::vector<std::string> steps_set;  // stages whose total this run sets (--steps N)
  std::filesystem::path tokenizer_dir;
  std::shared_ptr<ClipTokenizer> tokenizer;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

  bool out_of_time() const;  // --minutes spent
  bool stop_requested() const { return callbacks.should_stop && callbacks.should_stop(); }
  void message(const std::string& line) const {
    if (callbacks.on_message) callbacks.on_message(line);
  }
  ShapesDataset dataset() const { return ShapesDataset(options.seed, Split::Train); }
};

// bf16 or fp32 for `work` (one run of it at the given precision, e.g. forward + backward of a
// batch): fixed by the policy, bf16 on CUDA, fp32 where the CPU lacks bf16 instructions, and
// otherwise measured, because bf16 autocast is several times faster for some networks and slower
// for others on CPUs without AMX (measured: the UNet 7x faster, the 128 px VAE 2.5x slower).
bool pick_bf16(RunContext& ctx, const std::string& what, const std::function<void(bool bf16)>& work);
// Whether bf16 autocast can be fast here at all: on CUDA, or a CPU with bf16 instructions.
bool bf16_fast(const RunContext& ctx);
// Starts a run of `stage` from `st` (its checkpoint; step 0 when fresh) unless it has finished:
// picks the precision (ctx.bf16 and st.bf16) and appends the run to schedule-<stage>.csv with it.
// A resumed stage keeps its checkpoint's precision when this machine is of the kind it was picked
// on (fast bf16 or not); a stage resumed on a machine of the other kind (a run folder imported,
// copied or moved) is timed again with `probe`.
void begin_stage_run(RunContext& ctx, const std::string& stage, CheckpointState& st, double object_masks,
                     const std::function<void(bool bf16)>& probe);

double process_cpu_seconds();  // CPU time of this process, all threads

// Paces a stage: median step time, ETA, checkpoint clock, progress callbacks.
class StepClock {
 public:
  StepClock(const RunContext& ctx, std::string stage, int64_t total);
  void step_done(int64_t step, double loss_avg, double lr);
  bool checkpoint_due() const;
  void checkpointed() { last_checkpoint_ = std::chrono::steady_clock::now(); }
  void reset() {
    start_ = last_ = std::chrono::steady_clock::now();
    last_cpu_ = process_cpu_seconds();
  }
  double seconds_per_step() const;  // median of this run
  // Median process CPU time per step (all threads): on a busy machine, wall time / step says
  // little; CPU time / threads estimates the step time on an idle one.
  double cpu_seconds_per_step() const;
  double run_seconds() const;       // since this run of the stage started

 private:
  const RunContext& ctx_;
  std::string stage_;
  int64_t total_;
  std::chrono::steady_clock::time_point start_, last_, last_checkpoint_;
  std::vector<double> times_, cpu_times_;
  double last_cpu_ = 0;
};

// [N,3,H,W] in [-1,1] from RGB images.
torch::Tensor images_to_batch(const std::vector<cv::Mat>& rgb);

// Stage entry points (train_vae.cpp, train_unet.cpp).
StageReport run_vae_stage(RunContext& ctx);
StageReport run_decoder_stage(RunContext& ctx);
StageReport run_unet_stage(RunContext& ctx, bool inpaint);
// Writes <models>/stipple-shapes[-inpainting] from the current checkpoints (EMA weights) with its
// model card (no evaluation yet), and returns what the card says (export_model.cpp).
ModelCardInfo export_model(RunContext& ctx, bool inpaint, const std::vector<StageReport>& stages);

// Stage "import" (import_run.cpp): check_import validates --from against the options before the
// run folder is bound to them; import_models writes the checkpoints, VAE files, schedules and
// imported.json; read_imports reads that back (empty when the run was not imported).
void check_import(const TrainOptions& options, const TrainRecipe& recipe);
void import_models(RunContext& ctx);
struct ImportRecord {
  std::string machine;                                  // where the imported models were trained
  std::map<std::string, std::vector<int64_t>> stages;  // steps at which each stage was imported
  std::map<std::string, std::string> precision;        // each stage's precision up to its import
};
ImportRecord read_imports(const RunContext& ctx);

// Run-folder paths.
std::filesystem::path checkpoint_path(const RunContext& ctx, const std::string& stage);
std::filesystem::path vae_weights_path(const RunContext& ctx);  // the finished VAE + scale factor
std::filesystem::path decoder_weights_path(const RunContext& ctx);  // the same VAE with its decoder fine-tuned
// What the exported models carry: the fine-tuned decoder once that stage has finished, else the
// VAE stage's (the encoder, and so the latents the UNets learnt, are the same in both).
std::filesystem::path finished_vae_path(const RunContext& ctx);
// The base UNet as the inpainting UNet started from it (a training.json whose unet stage is that
// base, and its loss curve): the base may train on afterwards, but the inpainting model's card
// and training.json describe the base it was made from. Written when the inpaint stage starts
// and by an import of an inpainting model.
std::filesystem::path inpaint_base_record_path(const RunContext& ctx);
std::filesystem::path inpaint_base_loss_path(const RunContext& ctx);

}  // namespace stipple::train
