#include "pipeline/engine.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "io/sha256.h"
#include "io/tensor_io.h"
#include "pipeline/pipeline.h"
#include "pipeline/out_of_memory.h"
#include "pipeline/prompt.h"
#include "sampling/samplers.h"
#include "runtime.h"
#include "text/tokenizer_files.h"

namespace stipple {

namespace fs = std::filesystem;

struct Engine::Impl {
  std::unique_ptr<Pipeline> pipeline;
  std::shared_ptr<StableDiffusionModel> model;
  fs::path path;
  std::string notice;
  std::string gpu_fallback_reason;
  SamplingDefaults sampling;
};

namespace {

torch::Device pick_device(const std::string& name) {
  if (name == "cpu") return torch::kCPU;
  if (name == "cuda") {
    if (!torch::cuda::is_available()) throw std::runtime_error("device cuda: LibTorch reports no CUDA GPU");
    return torch::Device(torch::kCUDA, 0);
  }
  if (name == "auto" || name.empty()) return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::kCPU;
  throw std::invalid_argument("unknown device '" + name + "' (expected auto, cpu, cuda)");
}

// fp16 on CUDA; on the CPU bf16 where the CPU has bf16 dot products (AVX512-BF16 or AMX),
// else fp32. CPU fp16 is refused: LibTorch has no fp16 matmul/conv kernels on the CPU.
torch::ScalarType pick_dtype(const std::string& requested, const torch::Device& device) {
  const std::string precision = resolve_precision(requested, device.is_cuda());
  if (precision == "fp32") return torch::kFloat;
  if (precision == "bf16") return torch::kBFloat16;
  if (precision == "fp16") {
    if (device.is_cpu()) throw std::invalid_argument("precision fp16 runs on CUDA only; use bf16 or fp32 on the CPU");
    return torch::kHalf;
  }
  throw std::invalid_argument("unknown precision '" + precision + "' (expected auto, fp32, bf16, fp16)");
}

}  // namespace

std::vector<fs::path> default_model_roots() {
  std::vector<fs::path> roots = data_dirs();
#if defined(STIPPLE_SOURCE_DIR) && defined(STIPPLE_BINARY_DIR)
  // A program run from the build tree (not an installed one) also uses the source tree's models/.
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec).lexically_normal().string();
  const auto build = fs::path(STIPPLE_BINARY_DIR).lexically_normal().string();
  if (!ec && exe.compare(0, build.size(), build) == 0) roots.emplace_back(STIPPLE_SOURCE_DIR);
#endif
  return roots;
}

std::optional<fs::path> default_model_path() {
  std::error_code ec;
  for (const auto& root : default_model_roots()) {
    const fs::path p = root / "models" / "stipple-shapes";
    if (fs::is_regular_file(p / "model_index.json", ec)) return p;
  }
  return std::nullopt;
}

std::string default_model_missing_message() {
  std::string looked;
  for (const auto& root : default_model_roots())
    looked += (looked.empty() ? "" : ", ") + (root / "models" / "stipple-shapes").string();
  return "the bundled default model is not installed (looked in " + looked +
         "); pass --model PATH with a Stable Diffusion .safetensors file or diffusers folder";
}

SamplingDefaults read_sampling_defaults(const fs::path& model) {
  SamplingDefaults d;
  std::error_code ec;
  if (!fs::is_regular_file(model / "model_index.json", ec)) return d;
  std::ifstream in(model / "model_index.json");
  const auto index = nlohmann::json::parse(in, nullptr, false);
  if (!index.is_object() || !index.contains("_stipple_defaults") || !index["_stipple_defaults"].is_object()) return d;
  const auto& j = index["_stipple_defaults"];
  if (j.contains("guidance_scale") && j["guidance_scale"].is_number()) {
    const double cfg = j["guidance_scale"].get<double>();
    if (cfg >= 1.0 && cfg <= 30.0) d.cfg = cfg;
  }
  if (j.contains("sampler") && j["sampler"].is_string()) {
    const std::string name = j["sampler"].get<std::string>();
    for (const auto& spec : sampler_specs())
      if (spec.name == name) d.sampler = name;
  }
  return d;
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

std::unique_ptr<Engine> Engine::load(const EngineModelSpec& spec) {
  fs::path path = spec.model;
  if (path == "default") {
    auto found = default_model_path();
    if (!found) throw std::runtime_error(default_model_missing_message());
    path = *found;
  }
  ModelLoadOptions options;
  options.config = spec.config;
  options.prediction = spec.prediction;
  auto place = [&](const torch::Device& device, const std::string& precision) {
    options.device = device;
    options.dtype = pick_dtype(precision, device);
    options.vae_dtype = vae_dtype_for(options.dtype, device);
  };
  place(pick_device(spec.device), spec.precision);
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  // Generation needs all three networks; Stipple loads no separate VAE or text encoder.
  options.complete = true;
  try {
    impl->model = load_stable_diffusion(path, options);
  } catch (const std::bad_alloc&) {
    throw std::runtime_error(path.string() + ": " + *out_of_memory_message("std::bad_alloc"));
  } catch (const c10::Error& e) {
    const auto failure = allocation_failure(e.what());
    if (!failure) throw;
    if (!options.device.is_cuda()) throw std::runtime_error(path.string() + ": " + *out_of_memory_message(e.what()));
    // Too large for the GPU: the same model on the CPU, slower but working, and the user is told.
    place(torch::kCPU, spec.precision == "fp16" ? "auto" : spec.precision);  // no CPU fp16
    impl->model = load_stable_diffusion(path, options);
    impl->gpu_fallback_reason = failure->what;
    impl->notice = "The model does not fit in GPU memory (" + failure->what +
                   "); it runs on the CPU instead, more slowly.";
  }
  auto tokenizer = std::make_shared<const ClipTokenizer>(load_tokenizer_for(path, spec.tokenizer));
  ModelIdentity identity;
  std::error_code ec;
  identity.name = fs::is_directory(path, ec) ? path.filename().string() : path.stem().string();
  if (identity.name.empty()) identity.name = path.parent_path().filename().string();
  identity.hash = model_hash(path);
  impl->sampling = read_sampling_defaults(path);
  impl->pipeline = std::make_unique<Pipeline>(impl->model, tokenizer, identity);
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

GenerationResult Engine::generate(const GenerationRequest& request, GenerationObserver* observer,
                                  const GenerationDebug* debug) {
  PipelineHooks hooks;
  torch::Tensor latent;
  if (debug && debug->init_noise) {
    const auto tensors = load_tensors(*debug->init_noise);
    auto it = tensors.find("noise");
    if (it == tensors.end()) throw std::invalid_argument(debug->init_noise->string() + ": no tensor named 'noise'");
    hooks.init_noise = it->second.clone();
  }
  if (debug && debug->save_latent) hooks.final_latent = &latent;
  GenerationResult result;
  try {
    result = impl_->pipeline->run(request, observer, &hooks);
  } catch (const std::bad_alloc&) {
    throw std::runtime_error(*out_of_memory_message("std::bad_alloc"));
  } catch (const c10::Error& e) {
    // An allocation that failed leaves the model as it was: say so, and the next job runs.
    if (auto oom = out_of_memory_message(e.what())) throw std::runtime_error(*oom);
    throw;
  }
  if (debug && debug->save_latent) save_tensors(*debug->save_latent, {{"latent", latent}});
  return result;
}

const ModelConfig& Engine::config() const { return impl_->model->config; }
const ModelIdentity& Engine::identity() const { return impl_->pipeline->identity(); }
const fs::path& Engine::model_path() const { return impl_->path; }
const std::string& Engine::load_notice() const { return impl_->notice; }
const std::string& Engine::gpu_fallback_reason() const { return impl_->gpu_fallback_reason; }
std::string Engine::device_name() const { return impl_->model->device.str(); }

std::string Engine::precision_name() const {
  return stipple::precision_name(impl_->model->unet->parameters().front().scalar_type());
}

int Engine::default_size() const {
  const auto& c = impl_->model->config;
  if (c.native_resolution > 0) return c.native_resolution;
  return (c.family == Family::SD2 && c.prediction == Prediction::V) ? 768 : 512;
}

const SamplingDefaults& Engine::sampling_defaults() const { return impl_->sampling; }

std::vector<int> Engine::token_counts(const std::string& prompt) const {
  std::vector<int> counts;
  for (const auto& c : tokenize_prompt(impl_->pipeline->tokenizer(), prompt, impl_->model->config.text.pad_id))
    counts.push_back(c.token_count);
  return counts;
}

}  // namespace stipple
