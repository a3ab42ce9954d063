#include "train/latent_pool.h"

#include <chrono>
#include <cstdio>

#include "io/safetensors.h"
#include "io/tensor_io.h"

namespace stipple::train {

namespace fs = std::filesystem;

namespace {

constexpr int64_t kChunk = 1024;
constexpr int kEncodeBatch = 64;

bool chunk_usable(const fs::path& path, const std::string& signature, int size, int64_t count) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  try {
    const auto file = SafetensorsFile::open(path);
    const auto& m = file->metadata();
    auto is = [&](const char* key, const std::string& value) {
      const auto it = m.find(key);
      return it != m.end() && it->second == value;
    };
    return is("vae", signature) && is("image_size", std::to_string(size)) && is("count", std::to_string(count));
  } catch (const std::exception&) {
    return false;  // truncated or foreign file: rebuild it
  }
}

}  // namespace

torch::Tensor latent_pool(RunContext& ctx, nn::AutoencoderKL& vae, const std::string& signature) {
  const int64_t n = ctx.recipe.latent_pool;
  const int size = ctx.recipe.image_size;
  const fs::path dir = ctx.out / "latents";
  fs::create_directories(dir);
  const auto ds = ctx.dataset();
  std::vector<torch::Tensor> chunks;
  const int64_t n_chunks = (n + kChunk - 1) / kChunk;
  const auto t0 = std::chrono::steady_clock::now();
  int64_t encoded = 0;
  for (int64_t c = 0; c < n_chunks; ++c) {
    const int64_t begin = c * kChunk, count = std::min(kChunk, n - begin);
    char name[64];
    std::snprintf(name, sizeof name, "chunk-%05lld.safetensors", static_cast<long long>(c));
    const fs::path path = dir / name;
    if (chunk_usable(path, signature, size, count)) {
      chunks.push_back(load_tensors(path).at("mean").clone());
      continue;
    }
    if (ctx.stop_requested() || ctx.out_of_time()) return {};
    std::vector<torch::Tensor> parts;
    torch::NoGradGuard no_grad;
    for (int64_t s = 0; s < count; s += kEncodeBatch) {
      std::vector<cv::Mat> imgs;
      for (int64_t i = s; i < std::min(count, s + kEncodeBatch); ++i)
        imgs.push_back(render(ds.sample(static_cast<uint64_t>(begin + i)).scene, size));
      AutocastScope ac(ctx.encode_bf16, ctx.device);
      parts.push_back(vae->encode(images_to_batch(imgs).to(ctx.device)).mean.to(torch::kCPU, torch::kHalf));
      encoded += static_cast<int64_t>(imgs.size());
      if (ctx.callbacks.on_progress) {
        TrainProgress p;
        p.stage = "latents";
        p.phase = "cache";
        p.step = begin + s + static_cast<int64_t>(imgs.size());
        p.total = n;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        p.seconds_per_step = elapsed / static_cast<double>(encoded);
        p.eta_seconds = p.seconds_per_step * static_cast<double>(n - p.step);
        ctx.callbacks.on_progress(p);
      }
    }
    auto mean = torch::cat(parts);
    save_tensors(path, {{"mean", mean}},
                 {{"vae", signature}, {"image_size", std::to_string(size)}, {"count", std::to_string(count)}});
    chunks.push_back(mean);
  }
  if (encoded > 0) ctx.message("latents: encoded " + std::to_string(encoded) + " images into " + dir.string());
  return torch::cat(chunks);
}

}  // namespace stipple::train
