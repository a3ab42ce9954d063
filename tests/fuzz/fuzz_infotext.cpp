// A1111/Forge/sd.cpp infotext ("parameters") on arbitrary text: never throws; whatever it
// recognises is in range (positive steps and sizes, a known sampler name).
#include <QString>
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "jobs/infotext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto info = stipple::jobs::parseInfotext(QString::fromUtf8(reinterpret_cast<const char*>(data),
                                                                   static_cast<qsizetype>(size)));
  if (info.steps && *info.steps <= 0) __builtin_trap();
  if (info.size && (info.size->width() <= 0 || info.size->height() <= 0)) __builtin_trap();
  stipple::fuzz::keep(static_cast<uint64_t>(info.prompt.size() + info.negativePrompt.size() + info.fields.size()));
  return 0;
}
