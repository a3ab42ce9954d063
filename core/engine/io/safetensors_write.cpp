// Writer side of safetensors.h: validation, header layout, atomic replace.
#include "io/safetensors.h"

#include "io/atomic_file.h"
#include "io/safetensors_detail.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include <nlohmann/json.hpp>

namespace stipple {

using detail::fail;
using detail::printable;

namespace {


void check_utf8(const std::filesystem::path& path, const std::string& s, const std::string& what) {
  if (const auto bad = detail::find_invalid_utf8(s))
    fail(path,
         what + " '" + printable(s) + "' is not valid UTF-8 (offset " + std::to_string(*bad) + ")");
}

// Returns the byte size of the blob after checking it is self-consistent.
uint64_t validate_blob(const std::filesystem::path& path, const TensorBlob& blob) {
  const std::string where = "tensor '" + printable(blob.name) + "': ";
  if (blob.name.empty()) fail(path, "tensor name is empty");
  check_utf8(path, blob.name, "tensor name");
  if (blob.name == "__metadata__")
    fail(path, "'__metadata__' is reserved and cannot be a tensor name");
  if (static_cast<unsigned>(blob.dtype) > static_cast<unsigned>(DType::F8_E5M2))
    fail(path, where + "invalid DType value " + std::to_string(static_cast<int>(blob.dtype)));
  // Never write what open() would refuse to read back.
  if (blob.shape.size() > kMaxRank)
    fail(path, where + "rank " + std::to_string(blob.shape.size()) + " exceeds the supported " +
                   std::to_string(kMaxRank));
  for (size_t i = 0; i < blob.shape.size(); ++i)
    if (blob.shape[i] < 0)
      fail(path, where + "negative dimension " + std::to_string(blob.shape[i]) + " at index " +
                     std::to_string(i) + " of shape " + detail::shape_string(blob.shape));
  const auto expected = detail::checked_nbytes(blob.shape, blob.dtype);
  if (!expected) fail(path, where + "shape " + detail::shape_string(blob.shape) + " overflows");
  if (blob.nbytes != *expected)
    fail(path, where + "nbytes " + std::to_string(blob.nbytes) + " does not match shape " +
                   detail::shape_string(blob.shape) + " x " + std::string(dtype_name(blob.dtype)) +
                   " = " + std::to_string(*expected) + " bytes");
  if (blob.nbytes > 0 && blob.data == nullptr)
    fail(path, where + "data is null but nbytes is " + std::to_string(blob.nbytes));
  return *expected;
}

}  // namespace

void write_safetensors(const std::filesystem::path& path, const std::vector<TensorBlob>& tensors,
                       const std::map<std::string, std::string>& metadata) {
  // Validate everything before touching the file system.
  for (const auto& [key, value] : metadata) {
    check_utf8(path, key, "metadata key");
    check_utf8(path, value, "metadata value for key");
  }
  std::vector<const TensorBlob*> order;
  order.reserve(tensors.size());
  for (const auto& blob : tensors) {
    validate_blob(path, blob);
    order.push_back(&blob);
  }
  // Duplicate check in name order.
  std::sort(order.begin(), order.end(),
            [](const TensorBlob* a, const TensorBlob* b) { return a->name < b->name; });
  for (size_t i = 1; i < order.size(); ++i)
    if (order[i]->name == order[i - 1]->name)
      fail(path, "duplicate tensor name '" + printable(order[i]->name) + "'");
  // Layout: larger element sizes first, then by name (as the reference writer does), so every
  // tensor starts aligned to its element size and readers can map it without copying.
  std::stable_sort(order.begin(), order.end(), [](const TensorBlob* a, const TensorBlob* b) {
    return dtype_size(a->dtype) > dtype_size(b->dtype);
  });

  nlohmann::json header = nlohmann::json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  uint64_t offset = 0;
  for (const TensorBlob* blob : order) {
    header[blob->name] = {{"dtype", std::string(dtype_name(blob->dtype))},
                          {"shape", blob->shape},
                          {"data_offsets", {offset, offset + blob->nbytes}}};
    offset += blob->nbytes;
  }
  std::string text = header.dump();
  // Pad with spaces (valid trailing JSON whitespace) so the data area starts
  // 8-byte aligned, as the reference implementation does.
  text.append((8 - text.size() % 8) % 8, ' ');
  if (text.size() > kMaxHeaderBytes)
    fail(path, "header would be " + std::to_string(text.size()) +
                   " bytes, more than the limit of " + std::to_string(kMaxHeaderBytes));

  unsigned char prefix[8];
  for (int i = 0; i < 8; ++i)
    prefix[i] = static_cast<unsigned char>(static_cast<uint64_t>(text.size()) >> (8 * i));

  try {
    AtomicFile tmp(path);
    tmp.write(prefix, sizeof prefix);
    tmp.write(text.data(), text.size());
    for (const TensorBlob* blob : order)
      if (blob->nbytes > 0) tmp.write(blob->data, blob->nbytes);
    tmp.commit();
  } catch (const FileWriteError& e) {
    throw SafetensorsError(e.what());
  }
}

}  // namespace stipple
