// A1111/Forge/sd.cpp infotext ("parameters") on arbitrary text, and the same bytes as ComfyUI's
// "prompt" graph and InvokeAI's metadata: never throws, never loops (graph links are followed a
// bounded number of hops); whatever is recognised is in range (positive steps and sizes).
#include <QString>
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "jobs/foreignmetadata.h"
#include "jobs/infotext.h"

namespace {

void check(const QString& text) {
  const auto info = stipple::jobs::parseInfotext(text);
  if (info.steps && *info.steps <= 0) __builtin_trap();
  if (info.size && (info.size->width() <= 0 || info.size->height() <= 0)) __builtin_trap();
  stipple::fuzz::keep(static_cast<uint64_t>(info.prompt.size() + info.negativePrompt.size() + info.fields.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
  check(text);
  check(stipple::jobs::infotextFromComfyUi(text));
  check(stipple::jobs::infotextFromInvokeAi(text));
  return 0;
}
