#include "io/tensor_io.h"

#include "io/safetensors_detail.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace stipple {

namespace {

DType from_scalar_type(torch::ScalarType type, const std::filesystem::path& path,
                       const std::string& name) {
  switch (type) {
    case torch::kDouble: return DType::F64;
    case torch::kFloat: return DType::F32;
    case torch::kHalf: return DType::F16;
    case torch::kBFloat16: return DType::BF16;
    case torch::kLong: return DType::I64;
    case torch::kInt: return DType::I32;
    case torch::kShort: return DType::I16;
    case torch::kChar: return DType::I8;
    case torch::kByte: return DType::U8;
    case torch::kBool: return DType::BOOL;
    default: break;
  }
  throw SafetensorsError(path.string() + ": tensor '" + detail::printable(name) +
                         "': torch dtype " + std::string(c10::toString(type)) +
                         " has no safetensors equivalent here");
}

}  // namespace

torch::ScalarType to_scalar_type(DType dtype) {
  switch (dtype) {
    case DType::F64: return torch::kDouble;
    case DType::F32: return torch::kFloat;
    case DType::F16: return torch::kHalf;
    case DType::BF16: return torch::kBFloat16;
    case DType::I64: return torch::kLong;
    case DType::I32: return torch::kInt;
    case DType::I16: return torch::kShort;
    case DType::I8: return torch::kChar;
    case DType::U8: return torch::kByte;
    case DType::BOOL: return torch::kBool;
    case DType::F8_E4M3:
    case DType::F8_E5M2: break;
  }
  throw SafetensorsError("dtype " + std::string(dtype_name(dtype)) +
                         " is not supported by the LibTorch bridge");
}

torch::Tensor to_torch(const std::shared_ptr<SafetensorsFile>& file, const TensorInfo& info) {
  if (!file)
    throw SafetensorsError("to_torch: null SafetensorsFile for tensor '" +
                           detail::printable(info.name) + "'");
  torch::ScalarType type;
  try {
    type = to_scalar_type(info.dtype);
  } catch (const SafetensorsError& e) {
    detail::fail(file->path(), "tensor '" + detail::printable(info.name) + "': " + e.what());
  }
  const auto options = torch::TensorOptions().dtype(type).device(torch::kCPU);
  const std::vector<int64_t> sizes(info.shape.begin(), info.shape.end());
  const uint8_t* bytes = file->data(info);  // also checks `info` belongs to `file`
  // An empty tensor has no bytes to share; its pointer may be one past the mapping.
  if (info.nbytes() == 0) return torch::empty(sizes, options);
  // torch assumes bool bytes are 0 or 1; anything else makes its kernels
  // disagree with each other (UB in C++ terms), so refuse such files.
  if (info.dtype == DType::BOOL) {
    const auto* bad = std::find_if(bytes, bytes + info.nbytes(), [](uint8_t b) { return b > 1; });
    if (bad != bytes + info.nbytes())
      detail::fail(file->path(), "tensor '" + detail::printable(info.name) + "': BOOL element " +
                                     std::to_string(bad - bytes) + " has byte value " +
                                     std::to_string(*bad) + " (must be 0 or 1)");
  }
  if (reinterpret_cast<uintptr_t>(bytes) % dtype_size(info.dtype) != 0) {
    torch::Tensor copy = torch::empty(sizes, options);
    std::memcpy(copy.data_ptr(), bytes, info.nbytes());
    return copy;
  }
  // from_blob wants a mutable pointer; the const is cast away knowing the
  // page protection still forbids writes (documented in the header).
  std::shared_ptr<SafetensorsFile> keep = file;
  return torch::from_blob(
      const_cast<uint8_t*>(bytes), sizes, [keep](void*) mutable { keep.reset(); }, options);
}

std::map<std::string, torch::Tensor> load_tensors(const std::filesystem::path& path) {
  const SafetensorsBundle bundle = SafetensorsBundle::open(path);
  for (const auto& shard : bundle.shards()) shard->prefetch();
  std::map<std::string, torch::Tensor> out;
  for (const std::string& name : bundle.names()) {
    const auto ref = bundle.find(name);
    out.emplace(name, to_torch(ref.file, *ref.info));
  }
  return out;
}

void save_tensors(const std::filesystem::path& path,
                  const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                  const std::map<std::string, std::string>& metadata) {
  std::vector<torch::Tensor> keep;  // owns the contiguous CPU copies until written
  std::vector<TensorBlob> blobs;
  keep.reserve(tensors.size());
  blobs.reserve(tensors.size());
  for (const auto& [name, tensor] : tensors) {
    const std::string where = path.string() + ": tensor '" + detail::printable(name) + "': ";
    if (!tensor.defined()) throw SafetensorsError(where + "tensor is undefined");
    if (tensor.layout() != torch::kStrided)
      throw SafetensorsError(where + "only dense (strided) tensors can be saved");
    const DType dtype = from_scalar_type(tensor.scalar_type(), path, name);
    torch::Tensor t = tensor.detach().to(torch::kCPU).contiguous();
    TensorBlob blob;
    blob.name = name;
    blob.dtype = dtype;
    blob.shape.assign(t.sizes().begin(), t.sizes().end());
    blob.nbytes = static_cast<size_t>(t.numel()) * t.element_size();
    blob.data = blob.nbytes ? t.data_ptr() : nullptr;
    keep.push_back(std::move(t));
    blobs.push_back(std::move(blob));
  }
  write_safetensors(path, blobs, metadata);
}

}  // namespace stipple
