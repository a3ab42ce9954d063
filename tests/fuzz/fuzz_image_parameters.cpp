// Generation parameters read back from an image file, as opening or dropping a picture does:
// PNG tEXt/zTXt/iTXt chunks (CRCs, zlib bombs, truncation), the EXIF UserComment of JPEG and
// WebP files (TIFF offsets and counts), then A1111's infotext parser on what was found.
// Unreadable files are "no parameters" or a std::runtime_error; nothing else may escape.
#include <QString>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "fuzz_util.h"
#include "image/image_encode.h"
#include "jobs/infotext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace stipple;
  static const auto path = fuzz::scratch_dir() / "input.png";
  fuzz::write_file(path, std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    if (const auto text = read_image_parameters(path)) {
      const auto info = jobs::parseInfotext(QString::fromStdString(*text));
      fuzz::keep(static_cast<uint64_t>(info.prompt.size() + info.fields.size()));
    }
  } catch (const std::runtime_error&) {
  }
  return 0;
}
