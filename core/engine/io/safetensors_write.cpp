// Writer side of safetensors.h: validation, header layout, atomic replace.
#include "io/safetensors.h"

#include "io/safetensors_detail.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

namespace stipple {

using detail::fail;
using detail::printable;

namespace {

// Owns the temp file until commit(): any exception on the way removes it, so
// a failed save never leaves "<name>.tmp-*" litter next to the user's models.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& target) : target_(target) {
    // Own random suffix + O_EXCL instead of mkstemp: mkstemp creates 0600
    // files, and fixing that up needs umask(), which is not thread-safe.
    std::random_device rd;
    std::mt19937_64 rng((static_cast<uint64_t>(rd()) << 32) ^ rd() ^
                        static_cast<uint64_t>(::getpid()));
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
    fail(target_, "cannot create temporary file '" + path_.string() + "': " + std::strerror(err));
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write(const void* data, size_t n) {
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

  void commit() {
    // fsync before rename: otherwise a crash can leave the new name
    // pointing at an empty or partial file on some filesystems.
    if (::fsync(fd_) != 0) fail_errno("cannot fsync");
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) fail_errno("cannot close");  // NFS reports write errors here
    if (::rename(path_.c_str(), target_.c_str()) != 0)
      fail_errno("cannot rename temporary file into place");
    committed_ = true;
    // Persist the rename itself. The data is already safe, so a failure
    // here is not worth failing the save over.
    std::filesystem::path dir = target_.parent_path();
    if (dir.empty()) dir = ".";
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
  }

 private:
  [[noreturn]] void fail_errno(const std::string& what) {
    const int err = errno;
    fail(target_, what + " (temporary file '" + path_.string() + "'): " + std::strerror(err));
  }

  std::filesystem::path target_;
  std::filesystem::path path_;
  int fd_ = -1;
  bool committed_ = false;
};

void check_utf8(const std::filesystem::path& path, const std::string& s, const std::string& what) {
  if (const auto bad = detail::find_invalid_utf8(s))
    fail(path,
         what + " '" + printable(s) + "' is not valid UTF-8 (offset " + std::to_string(*bad) + ")");
}

// Returns the byte size of the blob after checking it is self-consistent.
uint64_t validate_blob(const std::filesystem::path& path, const TensorBlob& blob) {
  const std::string where = "tensor '" + printable(blob.name) + "': ";
  if (blob.name.empty()) fail(path, "tensor name is empty");
  check_utf8(path, blob.name, "tensor name");
  if (blob.name == "__metadata__")
    fail(path, "'__metadata__' is reserved and cannot be a tensor name");
  if (static_cast<unsigned>(blob.dtype) > static_cast<unsigned>(DType::F8_E5M2))
    fail(path, where + "invalid DType value " + std::to_string(static_cast<int>(blob.dtype)));
  // Never write what open() would refuse to read back.
  if (blob.shape.size() > kMaxRank)
    fail(path, where + "rank " + std::to_string(blob.shape.size()) + " exceeds the supported " +
                   std::to_string(kMaxRank));
  for (size_t i = 0; i < blob.shape.size(); ++i)
    if (blob.shape[i] < 0)
      fail(path, where + "negative dimension " + std::to_string(blob.shape[i]) + " at index " +
                     std::to_string(i) + " of shape " + detail::shape_string(blob.shape));
  const auto expected = detail::checked_nbytes(blob.shape, blob.dtype);
  if (!expected) fail(path, where + "shape " + detail::shape_string(blob.shape) + " overflows");
  if (blob.nbytes != *expected)
    fail(path, where + "nbytes " + std::to_string(blob.nbytes) + " does not match shape " +
                   detail::shape_string(blob.shape) + " x " + std::string(dtype_name(blob.dtype)) +
                   " = " + std::to_string(*expected) + " bytes");
  if (blob.nbytes > 0 && blob.data == nullptr)
    fail(path, where + "data is null but nbytes is " + std::to_string(blob.nbytes));
  return *expected;
}

}  // namespace

void write_safetensors(const std::filesystem::path& path, const std::vector<TensorBlob>& tensors,
                       const std::map<std::string, std::string>& metadata) {
  // Validate everything before touching the file system.
  for (const auto& [key, value] : metadata) {
    check_utf8(path, key, "metadata key");
    check_utf8(path, value, "metadata value for key");
  }
  std::vector<const TensorBlob*> order;
  order.reserve(tensors.size());
  for (const auto& blob : tensors) {
    validate_blob(path, blob);
    order.push_back(&blob);
  }
  // Duplicate check in name order.
  std::sort(order.begin(), order.end(),
            [](const TensorBlob* a, const TensorBlob* b) { return a->name < b->name; });
  for (size_t i = 1; i < order.size(); ++i)
    if (order[i]->name == order[i - 1]->name)
      fail(path, "duplicate tensor name '" + printable(order[i]->name) + "'");
  // Layout: larger element sizes first, then by name (as the reference writer does), so every
  // tensor starts aligned to its element size and readers can map it without copying.
  std::stable_sort(order.begin(), order.end(), [](const TensorBlob* a, const TensorBlob* b) {
    return dtype_size(a->dtype) > dtype_size(b->dtype);
  });

  nlohmann::json header = nlohmann::json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  uint64_t offset = 0;
  for (const TensorBlob* blob : order) {
    header[blob->name] = {{"dtype", std::string(dtype_name(blob->dtype))},
                          {"shape", blob->shape},
                          {"data_offsets", {offset, offset + blob->nbytes}}};
    offset += blob->nbytes;
  }
  std::string text = header.dump();
  // Pad with spaces (valid trailing JSON whitespace) so the data area starts
  // 8-byte aligned, as the reference implementation does.
  text.append((8 - text.size() % 8) % 8, ' ');
  if (text.size() > kMaxHeaderBytes)
    fail(path, "header would be " + std::to_string(text.size()) +
                   " bytes, more than the limit of " + std::to_string(kMaxHeaderBytes));

  unsigned char prefix[8];
  for (int i = 0; i < 8; ++i)
    prefix[i] = static_cast<unsigned char>(static_cast<uint64_t>(text.size()) >> (8 * i));

  TempFile tmp(path);
  tmp.write(prefix, sizeof prefix);
  tmp.write(text.data(), text.size());
  for (const TensorBlob* blob : order)
    if (blob->nbytes > 0) tmp.write(blob->data, blob->nbytes);
  tmp.commit();
}

}  // namespace stipple
