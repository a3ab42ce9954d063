// The diffusers folder reader on arbitrary config files. The input is up to five files
// separated by a line "%%": model_index.json, unet/config.json, vae/config.json,
// text_encoder/config.json, scheduler/scheduler_config.json (a missing part: no such file).
// Every problem must come out as std::runtime_error naming the file; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "fuzz_util.h"
#include "io/diffusers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace fs = std::filesystem;
  using namespace stipple;
  static const char* const files[] = {"model_index.json", "unet/config.json", "vae/config.json",
                                      "text_encoder/config.json", "scheduler/scheduler_config.json"};
  const fs::path folder = fuzz::scratch_dir() / "model";
  std::error_code ec;
  fs::remove_all(folder, ec);
  const auto parts = fuzz::split(std::string_view(reinterpret_cast<const char*>(data), size), "\n%%\n");
  for (size_t i = 0; i < parts.size() && i < 5; ++i) fuzz::write_file(folder / files[i], parts[i]);
  try {
    const DiffusersModel m = read_diffusers(folder);
    fuzz::keep(static_cast<uint64_t>(m.checkpoint.config.unet.model_channels));
  } catch (const std::runtime_error&) {
  }
  return 0;
}
