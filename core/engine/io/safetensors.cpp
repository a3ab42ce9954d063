// Reader side of safetensors.h: mapping, header validation, the bundle.
// The writer lives in safetensors_write.cpp; helpers shared by both are in
// safetensors_detail.h.
#include "io/safetensors.h"

#include "io/safetensors_detail.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

namespace stipple {

using detail::fail;
using detail::printable;
using detail::shape_string;
using nlohmann::json;

namespace {

// Closes the descriptor on every exit path of open(); the mapping outlives it.
struct FdGuard {
  int fd;
  ~FdGuard() {
    if (fd >= 0) ::close(fd);
  }
};

std::string tensor_prefix(const std::string& name) { return "tensor '" + printable(name) + "': "; }

uint64_t parse_offset(const json& value, const std::filesystem::path& path,
                      const std::string& name) {
  if (!value.is_number_unsigned())
    fail(path, tensor_prefix(name) + "data_offsets entries must be non-negative integers, got " +
                   printable(value.dump()));
  return value.get<uint64_t>();
}

// Validates one header entry; `data_size` is the number of bytes after the header.
TensorInfo parse_tensor(const std::string& name, const json& entry, uint64_t data_size,
                        const std::filesystem::path& path) {
  const std::string where = tensor_prefix(name);
  if (name.empty()) fail(path, "tensor name is empty");
  if (!entry.is_object())
    fail(path, where + "entry is not an object (got " + entry.type_name() + ")");
  for (const auto& [key, unused] : entry.items()) {
    (void)unused;
    if (key != "dtype" && key != "shape" && key != "data_offsets")
      fail(path, where + "unexpected field '" + printable(key) + "'");
  }
  for (const char* field : {"dtype", "shape", "data_offsets"})
    if (!entry.contains(field)) fail(path, where + "missing field '" + field + "'");

  TensorInfo info;
  info.name = name;

  const json& dtype = entry.at("dtype");
  if (!dtype.is_string())
    fail(path, where + "dtype is not a string (got " + dtype.type_name() + ")");
  const auto parsed = dtype_from_name(dtype.get_ref<const std::string&>());
  if (!parsed)
    fail(path, where + "unknown dtype '" + printable(dtype.get_ref<const std::string&>()) + "'");
  info.dtype = *parsed;

  const json& shape = entry.at("shape");
  if (!shape.is_array())
    fail(path, where + "shape is not an array (got " + shape.type_name() + ")");
  if (shape.size() > kMaxRank)
    fail(path, where + "shape has rank " + std::to_string(shape.size()) +
                   ", more than the supported " + std::to_string(kMaxRank));
  for (size_t i = 0; i < shape.size(); ++i) {
    const json& dim = shape[i];
    if (dim.is_number_integer() && !dim.is_number_unsigned())
      fail(path, where + "negative dimension " + std::to_string(dim.get<int64_t>()) + " at index " +
                     std::to_string(i) + " of shape " + printable(shape.dump()));
    if (!dim.is_number_unsigned())
      fail(path, where + "dimension " + std::to_string(i) + " of shape " + printable(shape.dump()) +
                     " is not a non-negative integer");
    const uint64_t d = dim.get<uint64_t>();
    if (d > static_cast<uint64_t>(INT64_MAX))
      fail(path, where + "dimension " + std::to_string(d) + " at index " + std::to_string(i) +
                     " is too large");
    info.shape.push_back(static_cast<int64_t>(d));
  }
  const auto expected = detail::checked_nbytes(info.shape, info.dtype);
  if (!expected)
    fail(path, where + "shape " + shape_string(info.shape) + " x " +
                   std::string(dtype_name(info.dtype)) +
                   " overflows: the byte size does not fit in 63 bits");

  const json& offsets = entry.at("data_offsets");
  if (!offsets.is_array() || offsets.size() != 2)
    fail(path,
         where + "data_offsets must be an array [begin, end], got " + printable(offsets.dump()));
  info.begin = parse_offset(offsets[0], path, name);
  info.end = parse_offset(offsets[1], path, name);
  const std::string range =
      "data_offsets [" + std::to_string(info.begin) + ", " + std::to_string(info.end) + ")";
  if (info.begin > info.end) fail(path, where + range + ": begin is greater than end");
  if (info.end - info.begin != *expected)
    fail(path, where + range + " do not match shape " + shape_string(info.shape) + " x " +
                   std::string(dtype_name(info.dtype)) + " = " + std::to_string(*expected) +
                   " bytes");
  if (info.end > data_size)
    fail(path, where + range + " extend past the end of the data area (" +
                   std::to_string(data_size) + " bytes; file truncated?)");
  return info;
}

// Tensors may leave gaps (some writers align data) but must never share bytes.
// Empty tensors own no bytes, so they cannot overlap anything.
void check_overlaps(const std::vector<TensorInfo>& tensors, const std::filesystem::path& path) {
  std::vector<const TensorInfo*> order;
  for (const auto& t : tensors)
    if (t.begin != t.end) order.push_back(&t);
  std::sort(order.begin(), order.end(), [](const TensorInfo* a, const TensorInfo* b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
  });
  for (size_t i = 1; i < order.size(); ++i) {
    const TensorInfo& prev = *order[i - 1];
    const TensorInfo& cur = *order[i];
    if (cur.begin < prev.end)
      fail(path, "tensors '" + printable(prev.name) + "' [" + std::to_string(prev.begin) + ", " +
                     std::to_string(prev.end) + ") and '" + printable(cur.name) + "' [" +
                     std::to_string(cur.begin) + ", " + std::to_string(cur.end) + ") overlap");
  }
}

}  // namespace

size_t dtype_size(DType dtype) {
  switch (dtype) {
    case DType::F64:
    case DType::I64: return 8;
    case DType::F32:
    case DType::I32: return 4;
    case DType::F16:
    case DType::BF16:
    case DType::I16: return 2;
    case DType::I8:
    case DType::U8:
    case DType::BOOL:
    case DType::F8_E4M3:
    case DType::F8_E5M2: return 1;
  }
  throw SafetensorsError("dtype_size: invalid DType value " +
                         std::to_string(static_cast<int>(dtype)));
}

std::string_view dtype_name(DType dtype) {
  switch (dtype) {
    case DType::F64: return "F64";
    case DType::F32: return "F32";
    case DType::F16: return "F16";
    case DType::BF16: return "BF16";
    case DType::I64: return "I64";
    case DType::I32: return "I32";
    case DType::I16: return "I16";
    case DType::I8: return "I8";
    case DType::U8: return "U8";
    case DType::BOOL: return "BOOL";
    case DType::F8_E4M3: return "F8_E4M3";
    case DType::F8_E5M2: return "F8_E5M2";
  }
  throw SafetensorsError("dtype_name: invalid DType value " +
                         std::to_string(static_cast<int>(dtype)));
}

std::optional<DType> dtype_from_name(std::string_view name) {
  for (DType d : {DType::F64, DType::F32, DType::F16, DType::BF16, DType::I64, DType::I32,
                  DType::I16, DType::I8, DType::U8, DType::BOOL, DType::F8_E4M3, DType::F8_E5M2})
    if (dtype_name(d) == name) return d;
  return std::nullopt;
}

int64_t TensorInfo::numel() const {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;  // open() guarantees this cannot overflow
  return n;
}

std::shared_ptr<SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& path) {
  // O_NONBLOCK: opening a FIFO (or a device) must not wait for a writer; it is refused below.
  FdGuard fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (fd.fd < 0) fail(path, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd.fd, &st) != 0) fail(path, std::string("cannot stat: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) fail(path, "not a regular file");
  const auto size = static_cast<uint64_t>(st.st_size);
  // mmap of length 0 fails with a confusing EINVAL, so catch empty files first.
  if (size == 0)
    fail(path, "file is empty (0 bytes); a safetensors file starts with an 8-byte header length");
  if (size < 8)
    fail(path, "file is only " + std::to_string(size) +
                   " bytes; a safetensors file starts with an 8-byte header length");
  if (size > static_cast<uint64_t>(SIZE_MAX))
    fail(path, "file is too large to map on this platform");

  std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
  file->path_ = path;
  void* map = ::mmap(nullptr, static_cast<size_t>(size), PROT_READ, MAP_PRIVATE, fd.fd, 0);
  if (map == MAP_FAILED)
    fail(path, "cannot map " + std::to_string(size) + " bytes: " + std::strerror(errno));
  file->map_ = static_cast<const uint8_t*>(map);
  file->file_size_ = size;

  uint64_t header_len = 0;
  for (int i = 7; i >= 0; --i) header_len = (header_len << 8) | file->map_[i];
  if (header_len > kMaxHeaderBytes)
    fail(path, "header length " + std::to_string(header_len) + " exceeds the limit of " +
                   std::to_string(kMaxHeaderBytes) + " bytes (100 MiB)");
  if (header_len > size - 8)
    fail(path, "header length " + std::to_string(header_len) + " runs past the end of the file (" +
                   std::to_string(size) + " bytes, so at most " + std::to_string(size - 8) + ")");
  file->header_size_ = header_len;

  const std::string_view text(reinterpret_cast<const char*>(file->map_ + 8),
                              static_cast<size_t>(header_len));
  const json header = detail::parse_json_guarded(text, path, "header");
  if (!header.is_object())
    fail(path, std::string("header is not a JSON object (got ") + header.type_name() + ")");

  const uint64_t data_size = size - 8 - header_len;
  for (const auto& [key, value] : header.items()) {
    if (key == "__metadata__") {
      if (!value.is_object())
        fail(path, std::string("__metadata__ is not an object (got ") + value.type_name() + ")");
      for (const auto& [mkey, mvalue] : value.items()) {
        if (!mvalue.is_string())
          fail(path, "__metadata__ value for key '" + printable(mkey) + "' is not a string (got " +
                         mvalue.type_name() + ")");
        file->metadata_.emplace(mkey, mvalue.get<std::string>());
      }
      continue;
    }
    // nlohmann's object is a std::map, so this loop yields names sorted.
    file->tensors_.push_back(parse_tensor(key, value, data_size, path));
  }
  check_overlaps(file->tensors_, path);
  return file;
}

SafetensorsFile::~SafetensorsFile() { release(); }

SafetensorsFile::SafetensorsFile(SafetensorsFile&& other) noexcept { *this = std::move(other); }

SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&& other) noexcept {
  if (this != &other) {
    release();
    path_ = std::move(other.path_);
    map_ = std::exchange(other.map_, nullptr);
    file_size_ = std::exchange(other.file_size_, 0);
    header_size_ = std::exchange(other.header_size_, 0);
    tensors_ = std::move(other.tensors_);
    metadata_ = std::move(other.metadata_);
  }
  return *this;
}

void SafetensorsFile::release() noexcept {
  if (map_) ::munmap(const_cast<uint8_t*>(map_), static_cast<size_t>(file_size_));
  map_ = nullptr;
}

const TensorInfo* SafetensorsFile::find(std::string_view name) const {
  auto it = std::lower_bound(
      tensors_.begin(), tensors_.end(), name,
      [](const TensorInfo& t, std::string_view n) { return std::string_view(t.name) < n; });
  return it != tensors_.end() && it->name == name ? &*it : nullptr;
}

const uint8_t* SafetensorsFile::data(const TensorInfo& info) const {
  // Guard against a TensorInfo from another file: it could point anywhere.
  const std::less<const TensorInfo*> before;
  if (tensors_.empty() || before(&info, tensors_.data()) ||
      !before(&info, tensors_.data() + tensors_.size()))
    fail(path_, tensor_prefix(info.name) + "TensorInfo does not belong to this file");
  return map_ + 8 + header_size_ + info.begin;
}

void SafetensorsFile::prefetch() const {
  const uint64_t data_start = 8 + header_size_;
  if (!map_ || data_start >= file_size_) return;
  // madvise needs a page-aligned start; round down into the header, which is harmless.
  const auto page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
  const uint64_t start = data_start / page * page;
  ::madvise(const_cast<uint8_t*>(map_) + start, static_cast<size_t>(file_size_ - start),
            MADV_WILLNEED);
}

void SafetensorsFile::evict(const TensorInfo& info) const {
  if (!map_ || info.nbytes() == 0) return;
  const auto page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
  const uint64_t begin = 8 + header_size_ + info.begin, end = 8 + header_size_ + info.end;
  // Only whole pages inside the tensor: neighbours sharing a page keep theirs.
  const uint64_t first = (begin + page - 1) / page * page, last = end / page * page;
  if (last > first) ::madvise(const_cast<uint8_t*>(map_) + first, static_cast<size_t>(last - first), MADV_DONTNEED);
}

// ---------------------------------------------------------------------------
// SafetensorsBundle

namespace {

bool is_index_path(const std::filesystem::path& path) {
  const std::string s = path.filename().string();
  return s.size() >= 5 && s.compare(s.size() - 5, 5, ".json") == 0;
}

std::string read_small_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    if (!std::filesystem::exists(path, ec))
      fail(path, "cannot open: " + std::string(std::strerror(ENOENT)));
    fail(path, "not a regular file");
  }
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) fail(path, "cannot stat: " + ec.message());
  if (size > kMaxHeaderBytes)
    fail(path, "index is " + std::to_string(size) + " bytes, more than the limit of " +
                   std::to_string(kMaxHeaderBytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) fail(path, "read error");
  return buffer.str();
}

// Shard names come from a downloaded file: they must stay inside its folder.
std::filesystem::path checked_shard_path(const std::string& shard, const std::string& tensor,
                                         const std::filesystem::path& index) {
  const std::string where =
      "tensor '" + printable(tensor) + "': shard path '" + printable(shard) + "'";
  if (shard.empty()) fail(index, where + " is empty");
  const std::filesystem::path rel(shard);
  if (rel.is_absolute() || rel.has_root_path())
    fail(index, where + " is absolute; it must be relative to the index");
  for (const auto& part : rel)
    if (part == "..") fail(index, where + " contains '..' and would escape the index's folder");
  return rel.lexically_normal();
}

}  // namespace

SafetensorsBundle SafetensorsBundle::open(const std::filesystem::path& path) {
  SafetensorsBundle bundle;
  bundle.path_ = path;
  if (!is_index_path(path)) {
    bundle.shards_.push_back(SafetensorsFile::open(path));
    for (const auto& t : bundle.shards_[0]->tensors())
      bundle.entries_.emplace(t.name, Entry{&t, 0});
    bundle.metadata_ = bundle.shards_[0]->metadata();
    return bundle;
  }

  const std::string text = read_small_file(path);
  const json index = detail::parse_json_guarded(text, path, "index");
  if (!index.is_object())
    fail(path, std::string("index is not a JSON object (got ") + index.type_name() + ")");
  if (index.contains("metadata")) {
    const json& meta = index.at("metadata");
    if (!meta.is_object())
      fail(path, std::string("\"metadata\" is not an object (got ") + meta.type_name() + ")");
    for (const auto& [key, value] : meta.items())
      bundle.metadata_.emplace(key, value.is_string() ? value.get<std::string>() : value.dump());
  }
  if (!index.contains("weight_map")) fail(path, "index has no \"weight_map\"");
  const json& weight_map = index.at("weight_map");
  if (!weight_map.is_object())
    fail(path, std::string("\"weight_map\" is not an object (got ") + weight_map.type_name() + ")");

  const std::filesystem::path folder = path.parent_path();
  std::map<std::filesystem::path, size_t> shard_ids;  // each shard is mapped once
  for (const auto& [tensor, shard_value] : weight_map.items()) {
    if (tensor.empty()) fail(path, "weight_map has an empty tensor name");
    if (!shard_value.is_string())
      fail(path, "tensor '" + printable(tensor) + "': shard is not a string (got " +
                     shard_value.type_name() + ")");
    const std::string& shard = shard_value.get_ref<const std::string&>();
    const std::filesystem::path rel = checked_shard_path(shard, tensor, path);
    auto it = shard_ids.find(rel);
    if (it == shard_ids.end()) {
      try {
        bundle.shards_.push_back(SafetensorsFile::open(folder / rel));
      } catch (const SafetensorsError& e) {
        fail(path, "shard '" + printable(shard) + "' (for tensor '" + printable(tensor) +
                       "'): " + e.what());
      }
      it = shard_ids.emplace(rel, bundle.shards_.size() - 1).first;
    }
    const TensorInfo* info = bundle.shards_[it->second]->find(tensor);
    if (!info)
      fail(path, "tensor '" + printable(tensor) + "' is mapped to shard '" + printable(shard) +
                     "', which does not contain it");
    bundle.entries_.emplace(tensor, Entry{info, it->second});
  }
  return bundle;
}

SafetensorsBundle::TensorRef SafetensorsBundle::find(std::string_view name) const {
  const auto it = entries_.find(name);
  if (it == entries_.end()) return {};
  return TensorRef{it->second.info, shards_[it->second.shard]};
}

std::vector<std::string> SafetensorsBundle::names() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& [name, entry] : entries_) {
    (void)entry;
    out.push_back(name);
  }
  return out;
}

}  // namespace stipple
