#pragma once
// Allocation failures during a generation, told in the user's terms. LibTorch reports them as
// c10::Error with texts such as
//   "DefaultCPUAllocator: can't allocate memory: you tried to allocate 4398046511104 bytes"
//   "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 79.15 GiB total capacity; ...)"
// and the standard library as std::bad_alloc. Torch-free: the text is all that is needed.
#include <optional>
#include <string>

namespace stipple {

// nullopt when `what` is no allocation failure; otherwise a message naming the device and the
// size that failed, with what to try instead.
std::optional<std::string> out_of_memory_message(const std::string& what);

}  // namespace stipple
