#pragma once
// Atomic file writes: data goes to "<target>.tmp-XXXXXX", is fsynced, then renamed over the
// target. A killed or failed write never leaves a partial file under the target's name, and
// any exception before commit() removes the temporary file.
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace stipple {

// Message: "<target>: <what failed>: <strerror>".
struct FileWriteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class AtomicFile {
 public:
  explicit AtomicFile(const std::filesystem::path& target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(const void* data, size_t n);
  void commit();  // fsync, close, rename into place, fsync the folder

 private:
  [[noreturn]] void fail_errno(const std::string& what);
  std::filesystem::path target_;
  std::filesystem::path path_;
  int fd_ = -1;
  bool committed_ = false;
};

// Writes `bytes` to `target` atomically.
void write_file_atomic(const std::filesystem::path& target, const std::string& bytes);

}  // namespace stipple
