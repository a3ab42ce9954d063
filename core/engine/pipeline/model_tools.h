#pragma once
// Model-level tools behind stipple-cli's info, tokenize, eval and init-random verbs.
// Torch-free interface: the CLI (Qt) calls these without torch headers.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "nn/config.h"

namespace stipple {

struct ModelSource {
  std::filesystem::path model;
  std::optional<std::filesystem::path> config;     // ldm-style JSON (else a sidecar is looked for)
  std::optional<std::filesystem::path> tokenizer;  // overrides the tokenizer search
  std::optional<Prediction> prediction;
};

struct ComponentSummary {
  std::string name;        // "unet", "vae", "text_encoder"
  int64_t parameters = 0;
  std::vector<std::string> dtypes;  // as stored, e.g. {"F16"}
};

struct ModelSummary {
  std::filesystem::path path;
  ModelConfig config;
  std::optional<std::filesystem::path> config_source;
  std::vector<ComponentSummary> components;
  int64_t other_tensors = 0;  // schedule buffers, EMA bookkeeping
};

// Architecture and parameter counts of a Stable Diffusion checkpoint, without building networks.
ModelSummary describe_model(const ModelSource& source);
std::string describe_model_text(const ModelSummary& summary);
std::string describe_model_json(const ModelSummary& summary);  // one JSON object

// One array of context-length ids per text, with the model's padding rule.
std::vector<std::vector<int64_t>> tokenize_texts(const ModelSource& source, const std::vector<std::string>& texts);

// Runs one network on tensors read from `inputs` and writes the outputs to `out` (safetensors).
// component: text (input_ids -> last_hidden_state, penultimate_hidden_state, cond),
// unet (x, t, context -> out), vae-decode (z -> out), vae-encode (x -> mean, logvar). fp32.
void eval_component(const ModelSource& source, const std::string& component, const std::filesystem::path& inputs,
                    const std::filesystem::path& out);

// Full-size architectures with random weights, written in the original single-file layout.
// arch: sd15, sd21, sd15-inpaint. dtype: "f32", "f16" or "bf16".
void init_random_model(const std::string& arch, const std::filesystem::path& out, const std::string& dtype,
                       uint64_t seed = 0);
ModelConfig architecture_config(const std::string& arch);

}  // namespace stipple

namespace stipple {

struct SamplerEvalOptions {
  std::string sampler = "euler";
  std::string schedule = "default";
  int steps = 20;
  double cfg = 7.0;
};

// Runs one sampler from given conditioning (no tokenizer, no RNG): reads `noise` [B,4,h,w],
// `cond` and `uncond` [B,L,C], optionally `ancestral_noise` [K,B,4,h,w] and `c_concat`
// [B,5,h,w] from `inputs`; writes `latent` [B,4,h,w]. fp32.
void eval_sampler(const ModelSource& source, const SamplerEvalOptions& options, const std::filesystem::path& inputs,
                  const std::filesystem::path& out);

}  // namespace stipple
