#include "io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>
#include <utility>

namespace stipple {

AtomicFile::AtomicFile(const std::filesystem::path& target) : target_(target) {
  // Own random suffix + O_EXCL instead of mkstemp: mkstemp creates 0600 files, and fixing that
  // up needs umask(), which is not thread-safe.
  std::random_device rd;
  std::mt19937_64 rng((static_cast<uint64_t>(rd()) << 32) ^ rd() ^ static_cast<uint64_t>(::getpid()));
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string suffix = ".tmp-";
    for (int i = 0; i < 6; ++i) suffix += kChars[rng() % (sizeof kChars - 1)];
    path_ = target.string() + suffix;
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ >= 0) return;
    if (errno != EEXIST) break;
  }
  const int err = errno;
  throw FileWriteError(target_.string() + ": cannot create temporary file '" + path_.string() +
                       "': " + std::strerror(err));
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(path_.c_str());
}

void AtomicFile::write(const void* data, size_t n) {
  const auto* p = static_cast<const char*>(data);
  while (n > 0) {
    // Linux caps a single write at ~2 GiB; stay well below.
    const ssize_t got = ::write(fd_, p, std::min<size_t>(n, size_t{1} << 30));
    if (got < 0) {
      if (errno == EINTR) continue;
      fail_errno("cannot write");
    }
    p += got;
    n -= static_cast<size_t>(got);
  }
}

void AtomicFile::commit() {
  // fsync before rename: otherwise a crash can leave the new name pointing at an empty or
  // partial file on some filesystems.
  if (::fsync(fd_) != 0) fail_errno("cannot fsync");
  const int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) fail_errno("cannot close");  // NFS reports write errors here
  if (::rename(path_.c_str(), target_.c_str()) != 0) fail_errno("cannot rename temporary file into place");
  committed_ = true;
  // Persist the rename itself. The data is already safe, so a failure here is not worth
  // failing the save over.
  std::filesystem::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void AtomicFile::fail_errno(const std::string& what) {
  const int err = errno;
  throw FileWriteError(target_.string() + ": " + what + " (temporary file '" + path_.string() +
                       "'): " + std::strerror(err));
}

void write_file_atomic(const std::filesystem::path& target, const std::string& bytes) {
  AtomicFile f(target);
  f.write(bytes.data(), bytes.size());
  f.commit();
}

}  // namespace stipple
