#pragma once
// Reproducible Gaussian noise that does not depend on the device, thread count or LibTorch
// version: value k of the stream for `seed` comes from SplitMix64 (Steele et al. 2014) over
// (seed, k), turned into a normal deviate by the Box-Muller transform in double precision.
// Generated on the CPU, then moved to the compute device.
#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "sampling/samplers.h"

namespace stipple {

// float32 [shape] of N(0,1), values offset .. offset+numel-1 of the stream for `seed`.
torch::Tensor gaussian_noise(const std::vector<int64_t>& shape, uint64_t seed, uint64_t offset = 0);

// One stream per batch element (element b uses seeds[b]), so image b of a batch equals the
// same seed rendered alone. Each call continues where the last one stopped.
class NoiseStreams {
 public:
  explicit NoiseStreams(std::vector<uint64_t> seeds) : seeds_(std::move(seeds)), offsets_(seeds_.size(), 0) {}
  // [B, ...per_item] noise; per_item excludes the batch dimension.
  torch::Tensor next(const std::vector<int64_t>& per_item);
  // A NoiseFn for ancestral/SDE samplers drawing from these streams.
  NoiseFn noise_fn();

 private:
  std::vector<uint64_t> seeds_;
  std::vector<uint64_t> offsets_;
};

}  // namespace stipple
