// Hardened reader/writer for the safetensors format
// (https://github.com/huggingface/safetensors): 8-byte little-endian header
// length, a JSON header, then a flat data area.
//
// Checkpoints come from the internet, so open() treats every byte as hostile:
// nothing is exposed until the whole header has been validated (sizes,
// offsets, overlaps, UTF-8, JSON depth, duplicate keys). Once open() returns,
// every TensorInfo is guaranteed to describe bytes inside the mapping.
//
// This file is torch-free on purpose; see tensor_io.h for the LibTorch bridge.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace stipple {

// Every problem with a safetensors file (or an index.json) is reported with
// this type; the message names the file, the tensor when there is one, and
// the numbers involved.
class SafetensorsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL, F8_E4M3, F8_E5M2 };

size_t dtype_size(DType dtype);
// The spelling used in safetensors headers ("F32", "BOOL", "F8_E4M3", ...).
std::string_view dtype_name(DType dtype);
// Inverse of dtype_name; nullopt for anything not in DType.
std::optional<DType> dtype_from_name(std::string_view name);

struct TensorInfo {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;  // empty = scalar (numel 1)
  uint64_t begin = 0;          // byte offsets relative to the data area,
  uint64_t end = 0;            // half-open [begin, end)

  int64_t numel() const;
  uint64_t nbytes() const { return end - begin; }
};

// Limits enforced by open(); exposed so tests and callers can refer to them.
inline constexpr uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;
inline constexpr int kMaxJsonDepth = 8;
inline constexpr size_t kMaxRank = 8;

// A validated, read-only memory mapping of one .safetensors file.
// Held through shared_ptr so tensors handed out zero-copy can keep it alive.
class SafetensorsFile {
 public:
  // Maps and validates the file; throws SafetensorsError on any problem.
  static std::shared_ptr<SafetensorsFile> open(const std::filesystem::path& path);

  ~SafetensorsFile();
  SafetensorsFile(SafetensorsFile&& other) noexcept;
  SafetensorsFile& operator=(SafetensorsFile&& other) noexcept;
  SafetensorsFile(const SafetensorsFile&) = delete;
  SafetensorsFile& operator=(const SafetensorsFile&) = delete;

  const std::vector<TensorInfo>& tensors() const { return tensors_; }  // sorted by name
  const TensorInfo* find(std::string_view name) const;                 // nullptr if absent
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  // Start of the tensor's bytes. The memory is mapped PROT_READ: writing
  // through this pointer crashes. Valid while this object is alive.
  // `info` must come from this file's tensors()/find().
  const uint8_t* data(const TensorInfo& info) const;
  const std::filesystem::path& path() const { return path_; }
  uint64_t file_size() const { return file_size_; }
  uint64_t header_size() const { return header_size_; }  // JSON bytes, without the 8-byte prefix
  // Hints the kernel to read the whole data area ahead (MADV_WILLNEED);
  // worth it when every tensor is about to be used, e.g. a full model load.
  void prefetch() const;
  // Drops the pages of one tensor's data from this process (MADV_DONTNEED): after its bytes
  // were copied into a model, the mapped file pages need not count against memory. A later
  // read of the tensor maps them in again from the file, so this is always safe.
  void evict(const TensorInfo& info) const;

 private:
  SafetensorsFile() = default;
  void release() noexcept;

  std::filesystem::path path_;
  const uint8_t* map_ = nullptr;
  uint64_t file_size_ = 0;
  uint64_t header_size_ = 0;
  std::vector<TensorInfo> tensors_;
  std::map<std::string, std::string> metadata_;
};

// One tensor to write. `data` must point to nbytes contiguous bytes in the
// file's little-endian layout; it may be null only when nbytes is 0.
struct TensorBlob {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  const void* data = nullptr;
  size_t nbytes = 0;
};

// Writes atomically: a sibling temp file "<path>.tmp-XXXXXX" is written,
// fsync'ed and renamed over `path`, so readers never see a partial file and
// an existing mapping of the old file stays valid. Validates everything
// first; on failure throws SafetensorsError naming the path and strerror and
// removes the temp file.
void write_safetensors(const std::filesystem::path& path, const std::vector<TensorBlob>& tensors,
                       const std::map<std::string, std::string>& metadata = {});

// A checkpoint that is either one .safetensors file or a sharded HF layout
// described by "*.safetensors.index.json":
//   {"metadata": {...}, "weight_map": {"tensor": "shard-00001-of-00002.safetensors", ...}}
class SafetensorsBundle {
 public:
  struct TensorRef {
    const TensorInfo* info = nullptr;
    std::shared_ptr<SafetensorsFile> file;  // keeps the shard mapped
    explicit operator bool() const { return info != nullptr; }
  };

  // A path ending in ".json" is read as an index; anything else as a single
  // file. Every shard is opened (once) and validated; every mapped tensor
  // must exist in its shard; shard paths may not leave the index's folder.
  static SafetensorsBundle open(const std::filesystem::path& path);

  TensorRef find(std::string_view name) const;  // empty ref if absent
  std::vector<std::string> names() const;       // sorted
  size_t size() const { return entries_.size(); }
  // Single file: its __metadata__. Index: its "metadata" object, with
  // non-string values (HF writes "total_size" as a number) in JSON text.
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  const std::vector<std::shared_ptr<SafetensorsFile>>& shards() const { return shards_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  struct Entry {
    const TensorInfo* info;
    size_t shard;
  };
  std::filesystem::path path_;
  std::vector<std::shared_ptr<SafetensorsFile>> shards_;
  std::map<std::string, Entry, std::less<>> entries_;
  std::map<std::string, std::string> metadata_;
};

}  // namespace stipple
