#pragma once
// Allocation failures during a generation, told in the user's terms. LibTorch reports them as
// c10::Error with texts such as
//   "DefaultCPUAllocator: can't allocate memory: you tried to allocate 4398046511104 bytes"
//   "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 79.15 GiB total capacity; ...)"
// and the standard library as std::bad_alloc. Torch-free: the text is all that is needed.
#include <cstdint>
#include <optional>
#include <string>

namespace stipple {

// What failed, without advice: on which device, and "an allocation of 2.00 GiB failed".
struct AllocationFailure {
  bool gpu = false;
  std::string what;
};
std::optional<AllocationFailure> allocation_failure(const std::string& what);

// nullopt when `what` is no allocation failure; otherwise a message naming the device and the
// size that failed, with what to try instead.
std::optional<std::string> out_of_memory_message(const std::string& what);

// "3.2 GiB" and the like.
std::string human_bytes(double bytes);

// Host memory a new allocation can get without the kernel's out-of-memory killer stepping in:
// MemAvailable plus free swap, capped by the process's control group limit (v2 memory.max or v1
// memory.limit_in_bytes, less what the group uses) and by STIPPLE_MEMORY_LIMIT (bytes, or with a
// K/M/G/T suffix: how much Stipple may use, for shared machines). nullopt when nothing is known.
std::optional<uint64_t> available_memory_bytes();

// Parses a size such as "512M", "2.5G" or "1048576"; nullopt for anything else.
std::optional<uint64_t> parse_memory_size(const std::string& text);

// The refusal when loading `what` would need `needed` bytes and only `available` are free.
std::string memory_shortfall_message(const std::string& what, uint64_t needed, uint64_t available);

}  // namespace stipple
