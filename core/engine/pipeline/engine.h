#pragma once
// The engine as front ends use it: load a model once, generate many times. Torch-free (pimpl),
// so Qt code and the CLI include it without torch headers. Not thread-safe: one thread (the
// job worker) owns an Engine; construct and use it there.
#include <filesystem>
#include <vector>
#include <memory>
#include <optional>
#include <string>

#include "nn/config.h"
#include "pipeline/request.h"

namespace stipple {

struct EngineModelSpec {
  std::filesystem::path model;                      // .safetensors checkpoint, diffusers folder, or "default"
  std::optional<std::filesystem::path> config;      // ldm-style JSON for what the weights cannot tell
  std::optional<std::filesystem::path> tokenizer;   // overrides the vocabulary search
  std::optional<Prediction> prediction;             // overrides eps/v
  std::string device = "auto";                      // auto, cpu, cuda
  // auto: fp16 on CUDA, bf16 on CPUs with bf16 dot products, else fp32. Norms, softmax and
  // the VAE stay in fp32.
  std::string precision = "fp32";
};

// Debugging and parity hooks for the CLI (files, so callers need no torch).
struct GenerationDebug {
  std::optional<std::filesystem::path> init_noise;   // tensor "noise" [B,4,h,w], unit variance
  std::optional<std::filesystem::path> save_latent;  // writes tensor "latent": final sampler output
};

// The sampling settings a model's makers recommend. Stipple's own models write them into
// model_index.json as "_stipple_defaults": {"guidance_scale": 3.0, "sampler": "dpmpp_2m"}
// (diffusers skips keys that start with "_"). Unset where the model says nothing usable.
struct SamplingDefaults {
  double cfg = 0;       // 0: none
  std::string sampler;  // empty: none
};
SamplingDefaults read_sampling_defaults(const std::filesystem::path& model);  // never throws

class Engine {
 public:
  // Loads the model (strictly) and its tokenizer; throws with a message naming the problem.
  static std::unique_ptr<Engine> load(const EngineModelSpec& spec);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  GenerationResult generate(const GenerationRequest& request, GenerationObserver* observer = nullptr,
                            const GenerationDebug* debug = nullptr);

  const ModelConfig& config() const;
  const ModelIdentity& identity() const;
  const std::filesystem::path& model_path() const;
  std::string device_name() const;      // "cpu" or "cuda:0"
  // Said once after loading when the engine did not get what was asked for (a model too large
  // for the GPU runs on the CPU); empty otherwise.
  const std::string& load_notice() const;
  // Set when the model did not fit in GPU memory and was loaded on the CPU instead: the
  // allocator's message (the GUI words the notice in the user's language around it).
  const std::string& gpu_fallback_reason() const;
  std::string precision_name() const;   // "fp32", "bf16", "fp16"
  int default_size() const;             // native resolution in pixels (512 for SD1, 768 for SD2-v)
  const SamplingDefaults& sampling_defaults() const;
  // Fills `request.prompt` token counts: tokens per 75-token chunk, for the prompt panel.
  std::vector<int> token_counts(const std::string& prompt) const;

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Where `--model default` points: the bundled model in Stipple's data directories.
std::optional<std::filesystem::path> default_model_path();
// The folders searched for it, in order (each + "/models/stipple-shapes").
std::vector<std::filesystem::path> default_model_roots();
// Why `--model default` cannot be used: the folders looked in and what to do instead.
std::string default_model_missing_message();

}  // namespace stipple
