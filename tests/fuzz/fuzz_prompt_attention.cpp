// A1111's prompt syntax ("(word:1.2)", "[word]", "\(", "BREAK") on arbitrary text: never throws,
// always returns at least one piece, and the weights stay finite unless the text asked for it.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "pipeline/prompt_syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto pieces = stipple::parse_prompt_attention(text);
  if (pieces.empty()) __builtin_trap();
  size_t chars = 0;
  for (const auto& [piece, weight] : pieces) {
    chars += piece.size();
    if (std::isnan(weight)) __builtin_trap();
  }
  if (chars > text.size() + 5 * pieces.size()) __builtin_trap();  // pieces come from the text ("BREAK" markers aside)
  stipple::fuzz::keep(chars);
  return 0;
}
