#pragma once
// A copy of a tiny golden model whose first UNet convolution is scaled by 1e36: every weight is
// finite (the loader accepts it), but the activations overflow float range at the first step, as
// a model run in fp16 past its range or a broken fine-tune does. The group norm after it turns
// the infinities into NaN.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "io/safetensors.h"
#include "io/tensor_io.h"

namespace stipple::test {

inline void write_overflowing_model(const std::filesystem::path& source, const std::filesystem::path& out) {
  const auto metadata = SafetensorsFile::open(source)->metadata();
  std::vector<std::pair<std::string, torch::Tensor>> tensors;
  for (auto& [name, tensor] : load_tensors(source)) {
    torch::Tensor t = tensor.clone();
    if (name == "model.diffusion_model.input_blocks.0.0.weight") t = t * 1e36;
    tensors.emplace_back(name, t);
  }
  save_tensors(out, tensors, metadata);
}

}  // namespace stipple::test
