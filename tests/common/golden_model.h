#pragma once
// A golden configuration loaded once per test binary: the model from ../shared/golden and
// the reference tensors computed with the original implementations.
#include <map>
#include <memory>
#include <string>

#include <torch/torch.h>

#include "golden.h"
#include "io/tensor_io.h"
#include "pipeline/sd_model.h"

namespace stipple::test {

struct Golden {
  std::shared_ptr<StableDiffusionModel> model;
  std::map<std::string, torch::Tensor> t;
};

// config: "tiny-sd1" or "tiny-sd2". Call only after checking golden_dir().
inline Golden& golden(const std::string& config) {
  static std::map<std::string, Golden> cache;
  auto it = cache.find(config);
  if (it != cache.end()) return it->second;
  const auto dir = *golden_dir();
  Golden g{load_stable_diffusion(dir / (config + ".safetensors")), load_tensors(dir / (config + ".golden.safetensors"))};
  return cache.emplace(config, std::move(g)).first->second;
}

}  // namespace stipple::test
