#include "train/vae_io.h"

#include <stdexcept>

#include "io/safetensors.h"
#include "io/sha256.h"
#include "io/tensor_io.h"
#include "train/train_loop.h"

namespace stipple::train {

double VaeFile::number(const std::string& key, double fallback) const {
  const auto it = metadata.find(key);
  if (it == metadata.end()) return fallback;
  try {
    return std::stod(it->second);
  } catch (const std::exception&) {
    return fallback;
  }
}

void save_vae_weights(const std::filesystem::path& path, const nn::AutoencoderKLImpl& vae,
                      const std::map<std::string, std::string>& metadata) {
  if (!metadata.count("scale_factor")) throw std::logic_error("save_vae_weights: no scale_factor");
  std::vector<std::pair<std::string, torch::Tensor>> tensors;
  for (const auto& p : vae.named_parameters()) tensors.emplace_back(p.key(), p.value().detach().to(torch::kCPU, torch::kFloat));
  save_tensors(path, tensors, metadata);
}

VaeFile load_vae_weights(const std::filesystem::path& path, nn::AutoencoderKLImpl& vae) {
  if (!std::filesystem::is_regular_file(path))
    throw std::runtime_error(path.string() + ": the trained VAE is missing; run the vae stage first");
  const auto tensors = load_tensors(path);
  torch::NoGradGuard no_grad;
  for (auto& p : vae.named_parameters()) {
    const auto it = tensors.find(p.key());
    if (it == tensors.end()) throw std::runtime_error(path.string() + ": no tensor '" + p.key() + "'");
    if (!it->second.sizes().equals(p.value().sizes()))
      throw std::runtime_error(path.string() + ": '" + p.key() + "' has shape " + c10::str(it->second.sizes()) +
                               ", the architecture wants " + c10::str(p.value().sizes()));
    p.value().copy_(it->second);
  }
  VaeFile f;
  f.metadata = SafetensorsFile::open(path)->metadata();
  f.scale_factor = f.number("scale_factor");
  if (!(f.scale_factor > 0)) throw std::runtime_error(path.string() + ": no valid scale_factor in the metadata");
  // The latent cache is keyed by the weights, not by the file: the same VAE imported again (other
  // metadata) keeps its cache, one with any other weight does not.
  std::string bytes;
  for (const auto& p : vae.named_parameters()) {
    const auto t = p.value().detach().to(torch::kCPU, torch::kFloat).contiguous();
    bytes += p.key() + c10::str(t.sizes());
    bytes.append(static_cast<const char*>(t.data_ptr()), t.numel() * sizeof(float));
  }
  f.signature = sha256_hex(bytes.data(), bytes.size()).substr(0, 16);
  return f;
}

bool pick_encode_bf16(RunContext& ctx, nn::AutoencoderKL& vae, const VaeFile* recorded) {
  const double was = recorded ? recorded->number("encode_bf16", -1) : -1;  // -1: no record
  if (ctx.precision == "auto" && was >= 0 && (was > 0) == bf16_fast(ctx)) return was > 0;
  const std::vector<cv::Mat> imgs(8, render(ctx.dataset().sample(0).scene, ctx.recipe.image_size));
  const auto x = images_to_batch(imgs).to(ctx.device);
  return pick_bf16(ctx, "vae encode", [&](bool bf16) {
    torch::NoGradGuard no_grad;
    AutocastScope ac(bf16, ctx.device);
    vae->encode(x);
  });
}

}  // namespace stipple::train
