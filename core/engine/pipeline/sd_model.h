#pragma once
// A loaded Stable Diffusion model: text encoder, UNet, VAE, noise schedule, on one device.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <torch/torch.h>

#include "nn/clip_text.h"
#include "nn/config.h"
#include "nn/unet.h"
#include "nn/vae.h"

namespace stipple {

struct ModelLoadOptions {
  std::optional<Prediction> prediction;           // overrides what the file says
  std::optional<std::filesystem::path> config;    // ldm-style JSON; else a sidecar is looked for
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat;        // compute dtype of the UNet and text encoder weights
  torch::ScalarType vae_dtype = torch::kFloat;    // the VAE's (fp32 by default: its decoder is sensitive)
  bool unet = true, vae = true, text = true;      // parts to load (the others are skipped)
  bool complete = false;  // refuse, before building anything, a file without a part asked for
};

// The VAE's compute dtype for a UNet computing in `dtype` on `device`: bf16 with a bf16 UNet on
// the CPU, else fp32. Generation and the bench use it; ModelLoadOptions::vae_dtype stays fp32
// unless set.
torch::ScalarType vae_dtype_for(torch::ScalarType dtype, const torch::Device& device);
// "fp32", "bf16" or "fp16": how --precision names a compute dtype.
std::string precision_name(torch::ScalarType dtype);

class WeightSource;

// Host memory a load with these options needs at its peak (the parts' weights in fp32), from
// the file's header alone.
uint64_t load_memory_bytes(const WeightSource& weights, const ModelLoadOptions& options);

struct StableDiffusionModel {
  std::filesystem::path path;
  ModelConfig config;
  std::optional<std::filesystem::path> config_source;  // sidecar or --config used, if any
  torch::Device device = torch::kCPU;
  nn::UNet unet{nullptr};
  nn::AutoencoderKL vae{nullptr};
  std::shared_ptr<nn::TextEncoder> text;
  std::shared_ptr<torch::nn::Module> text_module;  // the same object as `text`, as a Module
  torch::Tensor alphas_cumprod;  // [1000] float64: the checkpoint's buffer when present

  // ids [B,77] -> conditioning [B,77,C] at the given clip skip (0 = the model's default).
  torch::Tensor encode_text(const torch::Tensor& ids, int skip = 0);
};

// Loads a single-file checkpoint (original key layout) strictly: every missing, unexpected or
// wrong-shape key is reported in one error. Refuses pickle checkpoints (.ckpt/.pt/.pth/.bin).
std::shared_ptr<StableDiffusionModel> load_stable_diffusion(const std::filesystem::path& path,
                                                            const ModelLoadOptions& options = {});

// Builds the same architecture with random weights (for benchmarks and load tests).
// `placement`: device and dtypes, the networks built in them (as a load does: no fp32 copy).
std::shared_ptr<StableDiffusionModel> make_random_stable_diffusion(const ModelConfig& config, uint64_t seed,
                                                                  const ModelLoadOptions& placement = {});

// Writes the model in the original single-file layout, weights converted to `dtype`.
void save_stable_diffusion(const StableDiffusionModel& model, const std::filesystem::path& path,
                           torch::ScalarType dtype = torch::kFloat);

// ldm's default schedule: betas = linspace(sqrt(0.00085), sqrt(0.012), 1000)^2 in float64.
torch::Tensor default_alphas_cumprod();

}  // namespace stipple
