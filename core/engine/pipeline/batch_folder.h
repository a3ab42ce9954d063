#pragma once
// The bookkeeping of a batch export folder, so that a killed export loses nothing and resumes:
//   manifest.jsonl         one JSON object per finished image, appended and fsynced after each
//   batch.json             the batch: id, start date, settings, drawn random seeds
//   .stipple-pending.json  the manifest row of the image being committed (crash recovery)
//   .stipple-batch.lock    flock()ed while an export writes here
// Images are written atomically (temporary file + rename), so a kill leaves either the whole
// image or a "*.tmp-XXXXXX" file, which the next export into the folder removes.
// Order per image: pending row -> image renamed into place -> manifest row -> pending removed.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace stipple {

inline constexpr const char* kManifestName = "manifest.jsonl";
inline constexpr const char* kBatchInfoName = "batch.json";

// One finished image as the manifest records it (the row holds every parameter).
struct ManifestEntry {
  nlohmann::json row;
  std::string key() const { return row.value("key", ""); }
  std::string file() const { return row.value("file", ""); }
  std::string batch() const { return row.value("batch", ""); }
};

// Parsed rows of DIR/manifest.jsonl (lines that do not parse are left out); empty if none.
std::vector<ManifestEntry> read_batch_manifest(const std::filesystem::path& dir);

class BatchFolder {
 public:
  // Creates the folder, takes the lock (throws when another export holds it), removes temporary
  // files a killed export left, reads the manifest and batch.json, and recovers the image that
  // was being committed. Throws FileWriteError naming the folder when it cannot be written.
  explicit BatchFolder(const std::filesystem::path& dir);
  ~BatchFolder();
  BatchFolder(const BatchFolder&) = delete;
  BatchFolder& operator=(const BatchFolder&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  const std::vector<ManifestEntry>& entries() const { return entries_; }
  const std::optional<nlohmann::json>& batch_info() const { return info_; }
  void write_batch_info(const nlohmann::json& info);
  int removed_temporary_files() const { return removed_tmp_; }
  bool recovered_pending() const { return recovered_pending_; }

  // The file of a finished image with this key, if the manifest has it and it still exists.
  std::optional<std::string> done_file(const std::string& key) const;
  // The finished file of each item, matching manifest rows to items one to one (identical
  // items, e.g. a fixed seed repeated, each need a row of their own).
  std::vector<std::optional<std::string>> done_files(const std::vector<std::string>& keys) const;
  // True when `name` exists in the folder or is recorded in the manifest.
  bool name_taken(const std::string& name) const;

  // Commit protocol for one image (see the top of this file); `row` must hold "key" and "file".
  void begin(const nlohmann::json& row);
  void commit_file(const std::string& name, const std::string& bytes);
  void finish(const nlohmann::json& row);
  // The image of the pending row was not written: forget the row (best effort).
  void abandon();

 private:
  void read_manifest();
  void recover_pending();
  void append_manifest(const nlohmann::json& row);
  std::filesystem::path dir_;
  int lock_fd_ = -1;
  int manifest_fd_ = -1;
  std::vector<ManifestEntry> entries_;
  std::set<std::string> names_;
  std::optional<nlohmann::json> info_;
  int removed_tmp_ = 0;
  bool recovered_pending_ = false;
};

}  // namespace stipple
