#pragma once
// Pickle checkpoints (.ckpt/.pt) can execute arbitrary code when loaded; Stipple never opens them.
#include <filesystem>

namespace stipple {

// Throws an error saying how to convert the file if `path` is a pickle checkpoint, judged by
// its extension or its first bytes (a torch zip archive or a raw pickle stream).
void refuse_pickle(const std::filesystem::path& path);

}  // namespace stipple
