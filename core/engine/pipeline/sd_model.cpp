#include "pipeline/sd_model.h"

#include <algorithm>
#include <random>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "io/model_detect.h"
#include "io/tensor_io.h"
#include "io/weights.h"
#include "pipeline/out_of_memory.h"

namespace stipple {

torch::ScalarType vae_dtype_for(torch::ScalarType dtype, const torch::Device& device) {
  // bf16 on the CPU: 1.75x faster at 512x512 with channels-last, and measured safe (50 dB PSNR
  // against fp32 on trained weights, test_bf16). On a GPU the fp32 VAE costs little, and SD's
  // VAE overflows in fp16.
  return device.is_cpu() && dtype == torch::kBFloat16 ? torch::kBFloat16 : torch::kFloat;
}

std::string precision_name(torch::ScalarType dtype) {
  return dtype == torch::kBFloat16 ? "bf16" : dtype == torch::kHalf ? "fp16" : "fp32";
}

namespace {

// Keys a single-file checkpoint may carry that inference does not use: ldm's schedule buffers
// (alphas_cumprod is read separately), EMA bookkeeping, the VAE's training loss.
bool is_non_inference_key(const std::string& key) {
  static const std::set<std::string> buffers = {
      "betas", "alphas_cumprod", "alphas_cumprod_prev", "sqrt_alphas_cumprod", "sqrt_one_minus_alphas_cumprod",
      "log_one_minus_alphas_cumprod", "sqrt_recip_alphas_cumprod", "sqrt_recipm1_alphas_cumprod",
      "posterior_variance", "posterior_log_variance_clipped", "posterior_mean_coef1", "posterior_mean_coef2",
      "logvar"};
  if (buffers.count(key)) return true;
  for (const char* prefix : {"model_ema.", "first_stage_model.loss."})
    if (key.rfind(prefix, 0) == 0) return true;
  return key == std::string(kHfClipPrefix) + "embeddings.position_ids";
}

}  // namespace

torch::Tensor default_alphas_cumprod() {
  auto betas = torch::linspace(std::sqrt(0.00085), std::sqrt(0.012), 1000, torch::kDouble).pow(2);
  return torch::cumprod(1.0 - betas, 0);
}

torch::Tensor StableDiffusionModel::encode_text(const torch::Tensor& ids, int skip) {
  if (!text) throw std::logic_error("the text encoder of " + path.string() + " was not loaded");
  return text->encode(ids, skip > 0 ? skip : config.text.default_skip);
}

namespace {

// Creates parameters in `dtype` while alive, so that a bf16 or fp16 network never exists in fp32:
// a load then holds the model once plus one tensor of the file. The default dtype is process-wide;
// models are built on the engine's one worker thread, where nothing else creates tensors meanwhile.
class DefaultDtypeScope {
 public:
  explicit DefaultDtypeScope(torch::ScalarType dtype) : previous_(torch::get_default_dtype()) {
    if (dtype == torch::kBFloat16 || dtype == torch::kHalf || dtype == torch::kFloat)
      torch::set_default_dtype(c10::scalarTypeToTypeMeta(dtype));
  }
  ~DefaultDtypeScope() { torch::set_default_dtype(previous_); }
  DefaultDtypeScope(const DefaultDtypeScope&) = delete;
  DefaultDtypeScope& operator=(const DefaultDtypeScope&) = delete;

 private:
  caffe2::TypeMeta previous_;
};

void build_networks(StableDiffusionModel& m, const ModelLoadOptions& o) {
  if (o.unet) {
    DefaultDtypeScope scope(o.dtype);
    m.unet = nn::UNet(m.config.unet);
  }
  if (o.vae) {
    DefaultDtypeScope scope(o.vae_dtype);
    m.vae = nn::AutoencoderKL(m.config.vae);
  }
  DefaultDtypeScope scope(o.dtype);
  if (o.text) {
    if (m.config.text.kind == TextKind::HfClip) {
      auto t = nn::HfClipText(m.config.text).ptr();
      m.text = t;
      m.text_module = t;
    } else {
      auto t = nn::OpenClipText(m.config.text).ptr();
      m.text = t;
      m.text_module = t;
    }
  }
}

void finish(StableDiffusionModel& m, const ModelLoadOptions& o) {
  m.device = o.device;
  if (m.unet) {
    m.unet->eval();
    m.unet->to(o.device, o.dtype);
  }
  if (m.vae) {
    m.vae->eval();
    m.vae->place(o.device, o.vae_dtype);
  }
  if (m.text_module) {
    m.text_module->eval();
    m.text_module->to(o.device, o.dtype);
  }
}

}  // namespace

uint64_t load_memory_bytes(const WeightSource& weights, const ModelLoadOptions& o) {
  uint64_t elements = 0;
  for (const auto& key : weights.names()) {
    const bool wanted = (o.unet && key.rfind(kUNetPrefix, 0) == 0) || (o.vae && key.rfind(kVaePrefix, 0) == 0) ||
                        (o.text && key.rfind("cond_stage_model.", 0) == 0);
    if (!wanted) continue;
    uint64_t n = 1;
    for (const int64_t d : weights.shape(key)) n *= static_cast<uint64_t>(std::max<int64_t>(d, 0));
    elements += n;
  }
  // The networks are built in fp32 on the host, then converted and moved: fp32 is the peak.
  return elements * sizeof(float);
}

std::shared_ptr<StableDiffusionModel> load_stable_diffusion(const std::filesystem::path& path,
                                                            const ModelLoadOptions& options) {
  ResolvedCheckpoint resolved = resolve_checkpoint(path, options.config, options.prediction);
  const WeightSource& weights = resolved.weights;
  const DetectedParts& parts = resolved.parts;
  auto model = std::make_shared<StableDiffusionModel>();
  model->path = path;
  model->config = resolved.config;
  model->config_source = resolved.config_source;

  ModelLoadOptions o = options;
  o.unet = options.unet && parts.unet;
  o.vae = options.vae && parts.vae;
  o.text = options.text && parts.text;
  if (options.unet && !parts.unet) throw std::runtime_error(path.string() + ": the checkpoint has no UNet");
  if (options.complete && options.vae && !parts.vae)
    throw std::runtime_error(path.string() + ": the model has no VAE (first_stage_model.* / vae/); a full Stable "
                                             "Diffusion checkpoint is needed");
  if (options.complete && options.text && !parts.text)
    throw std::runtime_error(path.string() + ": the model has no text encoder (cond_stage_model.* / text_encoder/); a "
                                             "full Stable Diffusion checkpoint is needed");
  if (const std::string bad = validate_config(model->config, o.unet, o.vae, o.text); !bad.empty())
    throw std::runtime_error(path.string() + ": the model's configuration cannot be built: " + bad);
  // Refused with the sizes, before anything is allocated: a load that outgrows memory would
  // otherwise end with the system's out-of-memory killer, not an error.
  const uint64_t needed = load_memory_bytes(weights, o);
  if (const auto available = available_memory_bytes(); available && needed > *available)
    throw std::runtime_error(memory_shortfall_message(path.string(), needed, *available));
  build_networks(*model, o);
  // On the target device before the weights arrive: each tensor of the file goes there directly,
  // and a GPU load never holds the model in host memory.
  finish(*model, o);

  LoadProblems problems;
  std::set<std::string> consumed;
  if (model->unet) load_module(*model->unet, weights, kUNetPrefix, problems, consumed);
  if (model->vae) load_module(*model->vae, weights, kVaePrefix, problems, consumed);
  if (model->text_module) {
    const bool hf = model->config.text.kind == TextKind::HfClip;
    load_module(*model->text_module, weights, hf ? kHfClipPrefix : kOpenClipPrefix, problems, consumed);
  }
  for (const auto& key : weights.names()) {
    if (consumed.count(key) || is_non_inference_key(key)) continue;
    const bool skipped_part = (!o.unet && key.rfind(kUNetPrefix, 0) == 0) ||
                              (!o.vae && key.rfind(kVaePrefix, 0) == 0) ||
                              (!o.text && key.rfind("cond_stage_model.", 0) == 0);
    if (!skipped_part) problems.unexpected.push_back(key);
  }
  if (!problems.empty()) throw std::runtime_error(problems.message(path.string()));

  model->alphas_cumprod = weights.contains("alphas_cumprod") ? weights.tensor("alphas_cumprod").to(torch::kDouble)
                                                             : default_alphas_cumprod();
  return model;
}

std::shared_ptr<StableDiffusionModel> make_random_stable_diffusion(const ModelConfig& config, uint64_t seed,
                                                                  const ModelLoadOptions& placement) {
  torch::manual_seed(seed);
  auto model = std::make_shared<StableDiffusionModel>();
  model->config = config;
  build_networks(*model, placement);
  model->alphas_cumprod = default_alphas_cumprod();
  finish(*model, placement);
  return model;
}

void save_stable_diffusion(const StableDiffusionModel& model, const std::filesystem::path& path,
                           torch::ScalarType dtype) {
  std::vector<std::pair<std::string, torch::Tensor>> tensors;
  auto add = [&](const torch::nn::Module& m, const std::string& prefix) {
    for (const auto& p : m.named_parameters()) tensors.emplace_back(prefix + p.key(), p.value().detach().to(dtype));
    for (const auto& b : m.named_buffers()) tensors.emplace_back(prefix + b.key(), b.value().detach());
  };
  if (model.unet) add(*model.unet, kUNetPrefix);
  if (model.vae) add(*model.vae, kVaePrefix);
  if (model.text_module) {
    const bool hf = model.config.text.kind == TextKind::HfClip;
    add(*model.text_module, hf ? kHfClipPrefix : kOpenClipPrefix);
    // Real SD1 checkpoints carry the position ids; keep the layout they have.
    if (hf)
      tensors.emplace_back(std::string(kHfClipPrefix) + "embeddings.position_ids",
                           torch::arange(model.config.text.context_length, torch::kLong).unsqueeze(0));
  }
  tensors.emplace_back("alphas_cumprod", model.alphas_cumprod.to(torch::kFloat));
  save_tensors(path, tensors, {{"format", "pt"}, {"stipple.config", config_to_json(model.config)}});
}

}  // namespace stipple
