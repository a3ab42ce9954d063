// The batch prompt-file parsers (plain text with "--key value" options, CSV, JSON Lines, with
// the format sniffed from the content) and the expansion into a plan, on arbitrary bytes.
// Problems must come out as BatchSpecError listing them; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "pipeline/batch_spec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace stipple;
  if (size == 0) return 0;
  // The first byte picks the format (auto, text, csv, jsonl), the rest is the file.
  const auto format = static_cast<PromptFileFormat>(data[0] % 4);
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const PromptList list = parse_prompt_list(text, format, "<fuzz>", fuzz::scratch_dir());
    BatchSettings settings;
    settings.random_seed = 1;
    GenerationRequest defaults;
    defaults.prompt = "a red circle";
    const BatchPlan plan = expand_batch(list, defaults, settings);
    fuzz::keep(plan.items.size());
  } catch (const BatchSpecError&) {
  }
  return 0;
}
