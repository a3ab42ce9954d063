#include "pipeline/batch_folder.h"

#include <map>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "io/atomic_file.h"

namespace stipple {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPendingName = ".stipple-pending.json";
constexpr const char* kLockName = ".stipple-batch.lock";

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

[[noreturn]] void fail(const fs::path& path, const std::string& what, int err) {
  throw FileWriteError(path.string() + ": " + what + ": " + std::strerror(err));
}

// "name.png.tmp-ab12cd": what AtomicFile leaves when its process is killed.
bool is_stale_temporary(const std::string& name) {
  const auto at = name.rfind(".tmp-");
  if (at == std::string::npos || at == 0 || name.size() != at + 11) return false;
  for (size_t i = at + 5; i < name.size(); ++i)
    if (!std::isalnum(static_cast<unsigned char>(name[i]))) return false;
  return true;
}

std::optional<nlohmann::json> parse_row(const std::string& line) {
  try {
    auto j = nlohmann::json::parse(line);
    if (j.is_object()) return j;
  } catch (const nlohmann::json::exception&) {
  }
  return std::nullopt;
}

}  // namespace

std::vector<ManifestEntry> read_batch_manifest(const fs::path& dir) {
  std::vector<ManifestEntry> out;
  std::istringstream in(read_all(dir / kManifestName));
  std::string line;
  while (std::getline(in, line))
    if (auto row = parse_row(line)) out.push_back({*row});
  return out;
}

BatchFolder::BatchFolder(const fs::path& dir) : dir_(dir) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw FileWriteError(dir_.string() + ": cannot create the folder: " + ec.message());
  if (!fs::is_directory(dir_, ec)) throw FileWriteError(dir_.string() + ": not a folder");
  const fs::path lock = dir_ / kLockName;
  lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (lock_fd_ < 0) fail(dir_, "cannot write into the folder", errno);
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw std::runtime_error(dir_.string() + ": another batch export is writing into this folder");
  }
  // We hold the lock, so no other export is writing: temporary files are leftovers of a kill.
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    if (e.is_regular_file(ec) && is_stale_temporary(e.path().filename().string()) && fs::remove(e.path(), ec))
      ++removed_tmp_;
  }
  if (fs::exists(dir_ / kBatchInfoName, ec)) {
    if (auto info = parse_row(read_all(dir_ / kBatchInfoName))) info_ = *info;
  }
  read_manifest();
  recover_pending();
}

BatchFolder::~BatchFolder() {
  if (manifest_fd_ >= 0) ::close(manifest_fd_);
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

void BatchFolder::read_manifest() {
  const fs::path path = dir_ / kManifestName;
  std::error_code ec;
  if (!fs::exists(path, ec)) return;
  std::string text = read_all(path);
  // A kill during an append leaves a partial last line: cut it (its image is recovered from
  // the pending row, or regenerated).
  const bool torn = !text.empty() && text.back() != '\n';
  if (torn) text.resize(text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1);
  std::istringstream in(text);
  std::string line, kept;
  bool dropped = false;
  while (std::getline(in, line)) {
    auto row = parse_row(line);
    if (row && !row->value("file", "").empty() && !fs::exists(dir_ / row->value("file", ""), ec)) {
      dropped = true;  // its image is gone: not done any more, and it must not be listed twice
      continue;
    }
    kept += line + "\n";
    if (row) {
      entries_.push_back({*row});
      names_.insert(row->value("file", ""));
    }
  }
  if (torn || dropped) write_file_atomic(path, kept);
}

void BatchFolder::recover_pending() {
  const fs::path pending = dir_ / kPendingName;
  std::error_code ec;
  if (!fs::exists(pending, ec)) return;
  if (auto row = parse_row(read_all(pending))) {
    const std::string file = row->value("file", ""), key = row->value("key", "");
    bool recorded = false;
    for (const auto& e : entries_) recorded = recorded || (e.key() == key && e.file() == file);
    // Killed after the image was renamed into place but before its manifest row: adopt it.
    if (!file.empty() && !recorded && fs::exists(dir_ / file, ec)) {
      append_manifest(*row);
      entries_.push_back({*row});
      names_.insert(file);
      recovered_pending_ = true;
    }
  }
  fs::remove(pending, ec);
}

void BatchFolder::write_batch_info(const nlohmann::json& info) {
  write_file_atomic(dir_ / kBatchInfoName, info.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  info_ = info;
}

std::optional<std::string> BatchFolder::done_file(const std::string& key) const {
  std::error_code ec;
  for (const auto& e : entries_)
    if (e.key() == key && fs::exists(dir_ / e.file(), ec)) return e.file();
  return std::nullopt;
}

std::vector<std::optional<std::string>> BatchFolder::done_files(const std::vector<std::string>& keys) const {
  std::error_code ec;
  std::map<std::string, std::vector<std::string>> files;  // key -> finished files, manifest order
  for (const auto& e : entries_)
    if (fs::exists(dir_ / e.file(), ec)) files[e.key()].push_back(e.file());
  std::map<std::string, size_t> used;
  std::vector<std::optional<std::string>> out(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    auto it = files.find(keys[i]);
    if (it == files.end()) continue;
    size_t& n = used[keys[i]];
    if (n < it->second.size()) out[i] = it->second[n++];
  }
  return out;
}

bool BatchFolder::name_taken(const std::string& name) const {
  std::error_code ec;
  return names_.count(name) > 0 || fs::exists(dir_ / name, ec) || fs::is_symlink(dir_ / name, ec);
}

void BatchFolder::begin(const nlohmann::json& row) { write_file_atomic(dir_ / kPendingName, row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"); }

void BatchFolder::commit_file(const std::string& name, const std::string& bytes) {
  write_file_atomic(dir_ / name, bytes);
  names_.insert(name);
}

void BatchFolder::finish(const nlohmann::json& row) {
  append_manifest(row);
  entries_.push_back({row});
  std::error_code ec;
  fs::remove(dir_ / kPendingName, ec);
}

void BatchFolder::abandon() {
  std::error_code ec;
  fs::remove(dir_ / kPendingName, ec);
}

void BatchFolder::append_manifest(const nlohmann::json& row) {
  const fs::path path = dir_ / kManifestName;
  if (manifest_fd_ < 0) {
    std::error_code ec;
    const bool created = !fs::exists(path, ec);
    manifest_fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    if (manifest_fd_ < 0) fail(path, "cannot open for appending", errno);
    if (created) {
      const int dfd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (dfd >= 0) ::fsync(dfd), ::close(dfd);
    }
  }
  struct stat st {};
  const off_t before = ::fstat(manifest_fd_, &st) == 0 ? st.st_size : -1;
  // dump() escapes line breaks: one line per row; invalid UTF-8 (from a file name) becomes U+FFFD.
  const std::string line = row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  const char* p = line.data();
  size_t n = line.size();
  while (n > 0) {
    const ssize_t got = ::write(manifest_fd_, p, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      const int err = got < 0 ? errno : ENOSPC;
      if (before >= 0 && ::ftruncate(manifest_fd_, before) != 0) {
        // nothing more to do: the torn line is cut when the folder is opened next time
      }
      fail(path, "cannot append to the manifest", err);
    }
    p += got;
    n -= static_cast<size_t>(got);
  }
  if (::fsync(manifest_fd_) != 0) fail(path, "cannot fsync the manifest", errno);
}

}  // namespace stipple
