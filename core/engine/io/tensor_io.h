// LibTorch bridge for safetensors.h. Only APIs common to LibTorch 1.13 and
// 2.x are used (no float8 dtypes: 1.13 has none).
#pragma once

#include "io/safetensors.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace stipple {

// Zero-copy view of a tensor in a mapped file. The returned tensor's deleter
// holds `file`, so the mapping stays alive as long as the tensor (or any view
// of it) does, even after the caller drops its own shared_ptr.
//
// The mapping is read-only: the result MUST NOT be modified in place (add_,
// copy_, index_put_, ...), which would crash with SIGSEGV. Call .clone() for
// a writable copy; out-of-place ops (x * 2, .to(kHalf), .to(kCUDA)) are fine.
// Data that is not aligned to its element size (legal in the format, but
// never produced by the reference writer) is copied instead, so that
// vectorised kernels never see a misaligned pointer.
// F8_E4M3 / F8_E5M2 throw SafetensorsError ("not supported").
torch::Tensor to_torch(const std::shared_ptr<SafetensorsFile>& file, const TensorInfo& info);

// Every tensor of a single .safetensors file or a sharded *.index.json, as
// read-only zero-copy views (see to_torch).
std::map<std::string, torch::Tensor> load_tensors(const std::filesystem::path& path);

// Writes tensors atomically (see write_safetensors). Each tensor is detached,
// moved to CPU and made contiguous first. Supported dtypes: float64/32/16,
// bfloat16, int64/32/16/8, uint8, bool; anything else throws naming the tensor.
void save_tensors(const std::filesystem::path& path,
                  const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                  const std::map<std::string, std::string>& metadata = {});

// The torch dtype used for a safetensors dtype; throws for F8 types.
torch::ScalarType to_scalar_type(DType dtype);

}  // namespace stipple
