// The .safetensors reader on arbitrary bytes: open() validates the header (length, JSON, dtypes,
// shapes, offsets inside the file, no overlaps) and throws SafetensorsError for every problem;
// any other exception, a crash or a read outside the mapping is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "io/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace stipple;
  static const auto path = fuzz::scratch_dir() / "input.safetensors";
  fuzz::write_file(path, std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    const auto file = SafetensorsFile::open(path);
    uint64_t sum = file->metadata().size();
    for (const TensorInfo& t : file->tensors()) {
      if (file->find(t.name) != &t) __builtin_trap();
      if (t.nbytes() != static_cast<uint64_t>(t.numel()) * dtype_size(t.dtype)) __builtin_trap();
      const uint8_t* bytes = file->data(t);
      if (t.nbytes() > 0) sum += bytes[0] + bytes[t.nbytes() - 1];  // the first and last byte are in the file
    }
    fuzz::keep(sum);
  } catch (const SafetensorsError&) {
  }
  return 0;
}
