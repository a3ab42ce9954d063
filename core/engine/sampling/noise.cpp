#include "sampling/noise.h"

#include <cmath>
#include <memory>

namespace stipple {

namespace {

uint64_t splitmix64(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Uniform in (0, 1]: 53 random bits, never 0 so the logarithm is finite.
double uniform(uint64_t seed, uint64_t k) {
  const uint64_t bits = splitmix64(splitmix64(seed) ^ (k * 0xD1B54A32D192ED03ull)) >> 11;
  return (static_cast<double>(bits) + 1.0) * (1.0 / 9007199254740992.0);
}

}  // namespace

torch::Tensor gaussian_noise(const std::vector<int64_t>& shape, uint64_t seed, uint64_t offset) {
  auto out = torch::empty(shape, torch::kFloat);
  float* p = out.data_ptr<float>();
  const int64_t n = out.numel();
  // Value k uses the Box-Muller pair (2*(k/2), 2*(k/2)+1): cosine for even k, sine for odd k.
  for (int64_t i = 0; i < n; ++i) {
    const uint64_t k = offset + static_cast<uint64_t>(i);
    const uint64_t pair = k / 2;
    const double r = std::sqrt(-2.0 * std::log(uniform(seed, 2 * pair)));
    const double theta = 2.0 * M_PI * uniform(seed, 2 * pair + 1);
    p[i] = static_cast<float>((k % 2 == 0) ? r * std::cos(theta) : r * std::sin(theta));
  }
  return out;
}

torch::Tensor NoiseStreams::next(const std::vector<int64_t>& per_item) {
  int64_t numel = 1;
  for (auto d : per_item) numel *= d;
  std::vector<torch::Tensor> items;
  for (size_t b = 0; b < seeds_.size(); ++b) {
    items.push_back(gaussian_noise(per_item, seeds_[b], offsets_[b]));
    offsets_[b] += static_cast<uint64_t>(numel);
  }
  return torch::stack(items);
}

NoiseFn NoiseStreams::noise_fn() {
  return [this](const torch::Tensor& like, double, double) {
    auto sizes = like.sizes().vec();
    sizes.erase(sizes.begin());
    return next(sizes).to(like.device(), like.scalar_type());
  };
}

}  // namespace stipple
