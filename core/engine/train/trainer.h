#pragma once
// Stipple's trainer for its bundled default model (models/stipple-shapes and
// models/stipple-shapes-inpainting), trained from scratch on the procedural shapes dataset:
//   stage "vae":     a KL autoencoder with the SD architecture at small width (f = 8, 4 latent
//                    channels); its latent scale factor (1 / std) is measured after training;
//   stage "decoder": the same autoencoder's decoder fine-tuned on whole images with the encoder
//                    frozen (the latents, and so the UNets, stay valid);
//   stage "unet":    the SD UNet, small, trained jointly with a small CLIP-architecture text
//                    encoder over the caption vocabulary's own tokenizer (eps-prediction,
//                    scaled-linear schedule, 10% caption dropout for classifier-free guidance,
//                    AdamW, EMA, gradient clipping, cosine LR with warm-up);
//   stage "inpaint": the 9-channel inpainting UNet, initialised from the base UNet with zeroed
//                    extra input channels, trained on random masks as SD-inpainting was.
// Each stage checkpoints atomically every few minutes (weights, optimizer, EMA, step; the
// random streams are functions of (seed, step), so a resumed run draws the same batches and
// noise), logs its losses to CSV and draws the curve as PNG. Finished stages export diffusers
// folders with fp16 weights and a model card written from the run.
// Torch-free header: the CLI includes it without torch.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "train/loss_log.h"

#include "nn/config.h"

namespace stipple::train {

// One stage's optimisation recipe.
struct StageRecipe {
  int64_t steps = 1000;
  int batch = 16;
  double lr = 2e-4;
  int64_t warmup = 200;
  double min_lr_ratio = 0.1;   // cosine decays to lr * this
  double weight_decay = 0.01;  // AdamW, on weights (not on norms and biases)
  double grad_clip = 1.0;      // global L2 norm
  double ema_decay = 0.999;    // 0 = no EMA
};

// Architectures and recipes: "full" is the bundled model, "tiny" is for tests and smoke runs.
struct TrainRecipe {
  std::string preset = "full";
  int image_size = 128;
  ModelConfig model;      // unet (4 channels), vae, text; the inpainting UNet differs in in_channels
  StageRecipe vae, decoder, unet, inpaint;
  // VAE loss: L1 + l2_weight * L2, both weighted up near edges; + kl_weight * KL as SD's
  // autoencoder sums it (per sample, relative to the summed reconstruction loss).
  // The VAE trains on crops this size (0: whole images): it is convolutional, and crops (centred
  // on objects 70% of the time) cost a quarter of 128 px images. The last vae_full_fraction of
  // its steps use whole images, so its mid-block attention also sees full-size latents.
  int vae_crop = 64;
  double vae_full_fraction = 0.1;
  double l2_weight = 0.1;
  double edge_weight = 3.0;
  double kl_weight = 1e-6;
  // Diffusion: caption dropout, offset noise (lets the model move a whole image's brightness,
  // which black and white backgrounds need), min-SNR-gamma loss weighting (Hang et al. 2023).
  double caption_dropout = 0.1;
  double offset_noise = 0.1;
  double min_snr_gamma = 5.0;
  int latent_pool = 60000;  // images encoded once for the UNet stages (re-captioned every draw)
  // The inpainting stage's share of training masks that cover one object of the scene (the task
  // the bundled inpainting model is judged on); the rest are whole-image and free-form masks.
  double inpaint_object_masks = 0.40;
  // Sampling the exported models recommend (model_index.json "_stipple_defaults"), chosen by
  // evaluating the finished model: low guidance suits a model this small.
  double sampling_cfg = 3.0;
  std::string sampling_sampler = "dpmpp_2m";
};

TrainRecipe make_recipe(const std::string& preset, int image_size = 128);

struct TrainOptions {
  std::filesystem::path out;                    // run folder: checkpoints, logs, caches
  std::optional<std::filesystem::path> models;  // exported models go here (default: <out>/models)
  std::string stage = "all";                    // vae, decoder, unet, inpaint, all, export, import
  std::optional<std::filesystem::path> from;    // import: the folder holding the exported models
  std::string preset = "full";
  int image_size = 128;
  std::optional<int64_t> steps;                 // override each run stage's total
  std::optional<int> batch;
  std::optional<double> lr;
  std::optional<int> latent_pool;
  std::optional<double> object_masks;          // inpaint: share of object masks (0..1)
  bool resume = false;
  double minutes = 0;                           // stop (checkpointed) after this long; 0 = no limit
  double checkpoint_minutes = 10;
  uint64_t seed = 1234;
  int threads = 0;                              // LibTorch threads; 0 = every available core
  std::string device = "auto";                  // auto, cpu, cuda
  std::string precision = "auto";               // auto (bf16 where fast), bf16, fp32
  bool evaluate = true;                         // evaluate exported models for the card
  int eval_seeds = 1;
};

struct TrainProgress {
  std::string stage;  // "vae", "unet", "inpaint"
  std::string phase;  // "train", "cache" (encoding the latent pool), "eval"
  int64_t step = 0, total = 0;
  double loss = 0;    // running average
  double lr = 0;
  double seconds_per_step = 0;
  double eta_seconds = 0;
};

struct TrainCallbacks {
  std::function<void(const TrainProgress&)> on_progress;
  std::function<void(const std::string&)> on_message;  // one line of news (checkpoint, export)
  std::function<bool()> should_stop;                   // e.g. SIGINT: checkpoint and return
};

// How the model card and the logs name a run's precision.
inline const char* precision_name(bool bf16) { return bf16 ? "bf16 autocast" : "fp32"; }

struct StageReport {
  std::string stage;
  int64_t step = 0, total = 0;
  bool finished = false;
  double seconds = 0;          // training time over all runs of the stage
  double seconds_per_step = 0; // this run's median
  double cpu_seconds_per_step = 0;  // this run's median process CPU time (all threads)
  double final_loss = 0;       // running average at the last step
  bool bf16 = false;           // trained (last) under bf16 autocast
  // The stage's precision over all its runs, for the model card: "bf16 autocast", or for a stage
  // trained on after an import under another precision "bf16 autocast to step 11000, then fp32".
  std::string precision;
  std::vector<ScheduleSegment> schedule;  // more than one when the stage was extended
  // Steps at which the stage's run folder was rebuilt from exported weights (stage "import");
  // the model card names those the stage trained on from.
  std::vector<int64_t> imported_at;
  std::optional<std::filesystem::path> exported;
};

// Runs the requested stage(s); returns one report per stage it touched. Throws with a message
// naming the file or option on errors (existing run without --resume, missing earlier stage).
// Stage "import" rebuilds the run folder from exported models (options.from holds
// stipple-shapes/ and, optionally, stipple-shapes-inpainting/ with their training.json): the
// weights as exported (fp16, EMA) become each stage's checkpoint at the step it reached, without
// optimizer state; `--resume --steps N` then trains a stage on, its learning rate re-warmed.
std::vector<StageReport> run_training(const TrainOptions& options, const TrainCallbacks& callbacks = {});

}  // namespace stipple::train
