// safetensors reader/writer (torch-free): round trips, hostile files, sharded
// indexes, atomic writes, and the golden checkpoints' key lists.
// The LibTorch bridge is covered by test_tensor_io.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "golden.h"
#include "io/safetensors.h"
#include "safetensors_test_util.h"

namespace {

namespace fs = std::filesystem;
using stipple::DType;
using stipple::SafetensorsBundle;
using stipple::SafetensorsFile;
using stipple::TensorBlob;
using stipple::test::has_temp_files;
using stipple::test::read_bytes;
using stipple::test::throws_with;
using stipple::test::write_raw;
using Safetensors = stipple::test::SafetensorsTest;

const DType kAllDTypes[] = {DType::F64, DType::F32,  DType::F16,     DType::BF16,
                            DType::I64, DType::I32,  DType::I16,     DType::I8,
                            DType::U8,  DType::BOOL, DType::F8_E4M3, DType::F8_E5M2};

// ---------------------------------------------------------------- round trips

TEST_F(Safetensors, RoundTripEveryDtypeKeepsBytesAndMetadata) {
  std::vector<std::string> storage;
  std::vector<TensorBlob> blobs;
  storage.reserve(std::size(kAllDTypes));
  for (DType d : kAllDTypes) {
    const std::vector<int64_t> shape = {2, 3};
    std::string bytes(6 * stipple::dtype_size(d), '\0');
    for (size_t i = 0; i < bytes.size(); ++i)
      bytes[i] =
          static_cast<char>(d == DType::BOOL ? i % 2 : (i * 37 + static_cast<int>(d)) & 0xFF);
    storage.push_back(bytes);
    blobs.push_back({"t." + std::string(stipple::dtype_name(d)), d, shape, storage.back().data(),
                     bytes.size()});
  }
  const std::map<std::string, std::string> meta = {{"format", "pt"}, {"note", "caf\xC3\xA9"}};
  const fs::path p = at("all.safetensors");
  stipple::write_safetensors(p, blobs, meta);

  const auto f = SafetensorsFile::open(p);
  EXPECT_EQ(f->metadata(), meta);
  EXPECT_EQ(f->header_size() % 8, 0u);
  EXPECT_EQ(f->file_size(), fs::file_size(p));
  ASSERT_EQ(f->tensors().size(), blobs.size());
  for (size_t i = 1; i < f->tensors().size(); ++i)  // listed by name
    EXPECT_LT(f->tensors()[i - 1].name, f->tensors()[i].name);
  // Data packed without gaps, larger elements first, each tensor aligned to its element size.
  std::vector<stipple::TensorInfo> by_offset = f->tensors();
  std::sort(by_offset.begin(), by_offset.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  for (size_t i = 0; i < by_offset.size(); ++i) {
    EXPECT_EQ(by_offset[i].begin % stipple::dtype_size(by_offset[i].dtype), 0u) << by_offset[i].name;
    if (i > 0) {
      EXPECT_EQ(by_offset[i - 1].end, by_offset[i].begin);
      EXPECT_GE(stipple::dtype_size(by_offset[i - 1].dtype), stipple::dtype_size(by_offset[i].dtype));
    }
  }
  for (size_t k = 0; k < blobs.size(); ++k) {
    SCOPED_TRACE(blobs[k].name);
    const auto* info = f->find(blobs[k].name);
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->dtype, blobs[k].dtype);
    EXPECT_EQ(info->shape, blobs[k].shape);
    EXPECT_EQ(info->numel(), 6);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(f->data(*info)), info->nbytes()),
              storage[k]);
  }
  EXPECT_EQ(f->find("nope"), nullptr);
  EXPECT_FALSE(has_temp_files(dir_));
}

TEST_F(Safetensors, ZeroLengthAndScalarTensors) {
  const double scalar = 2.5;
  const float row[2] = {1.f, 2.f};
  stipple::write_safetensors(at("z.safetensors"), {{"empty", DType::F32, {0, 4}, nullptr, 0},
                                                   {"scalar", DType::F64, {}, &scalar, 8},
                                                   {"row", DType::F32, {2}, row, 8}});
  const auto f = SafetensorsFile::open(at("z.safetensors"));
  const auto* e = f->find("empty");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->numel(), 0);
  EXPECT_EQ(e->nbytes(), 0u);
  const auto* s = f->find("scalar");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->shape.empty());
  EXPECT_EQ(s->numel(), 1);
  double back = 0;
  std::memcpy(&back, f->data(*s), 8);
  EXPECT_EQ(back, scalar);
}

// ---------------------------------------------------------------- hostile files

TEST_F(Safetensors, RejectsEmptyFile) {
  std::ofstream(at("e.safetensors"));
  EXPECT_TRUE(throws_with([&] { SafetensorsFile::open(at("e.safetensors")); },
                          {"e.safetensors", "file is empty (0 bytes)"}));
}

TEST_F(Safetensors, RejectsFourByteFile) {
  std::ofstream(at("f.safetensors"), std::ios::binary) << "abcd";
  EXPECT_TRUE(throws_with([&] { SafetensorsFile::open(at("f.safetensors")); },
                          {"f.safetensors", "only 4 bytes"}));
}

TEST_F(Safetensors, RejectsMissingFileAndDirectory) {
  EXPECT_TRUE(throws_with([&] { SafetensorsFile::open(at("none.safetensors")); },
                          {"cannot open: No such file"}));
  EXPECT_TRUE(throws_with([&] { SafetensorsFile::open(dir_); }, {"not a regular file"}));
}

TEST_F(Safetensors, RejectsHeaderLengthPastEof) {
  write_raw(at("b.safetensors"), "{}", "", 1000);
  EXPECT_TRUE(throws_with([&] { SafetensorsFile::open(at("b.safetensors")); },
                          {"header length 1000 runs past the end of the file (10 bytes"}));
}

TEST_F(Safetensors, RejectsHugeHeaderLength) {
  write_raw(at("b.safetensors"), "{}", "", 200ull << 20);
  EXPECT_TRUE(throws_with([&] { SafetensorsFile::open(at("b.safetensors")); },
                          {"header length 209715200 exceeds the limit of 104857600"}));
}

TEST_F(Safetensors, RejectsHeaderNotJson) {
  EXPECT_TRUE(rejects("{not json}", "", "header is not valid JSON"));
}

TEST_F(Safetensors, RejectsHeaderNotObject) {
  EXPECT_TRUE(rejects("[1, 2]", "", "header is not a JSON object (got array)"));
}

TEST_F(Safetensors, RejectsTruncatedDataArea) {
  const std::vector<float> v(16, 1.f);
  stipple::write_safetensors(at("t.safetensors"), {{"a", DType::F32, {16}, v.data(), 64}});
  fs::resize_file(at("t.safetensors"), fs::file_size(at("t.safetensors")) - 20);
  EXPECT_TRUE(throws_with([&] { SafetensorsFile::open(at("t.safetensors")); },
                          {"tensor 'a': data_offsets [0, 64) extend past the end of the data area "
                           "(44 bytes; file truncated?)"}));
}

TEST_F(Safetensors, RejectsOffsetsOutOfRange) {
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"F32","shape":[3,4],"data_offsets":[100,148]}})",
                      std::string(48, '\0'),
                      "data_offsets [100, 148) extend past the end of the data area (48 bytes"));
}

TEST_F(Safetensors, RejectsBeginAfterEnd) {
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"U8","shape":[0],"data_offsets":[8,0]}})",
                      std::string(8, '\0'),
                      "tensor 'a': data_offsets [8, 0): begin is greater than end"));
}

TEST_F(Safetensors, RejectsOverlappingTensors) {
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},)"
                      R"("b":{"dtype":"F32","shape":[4],"data_offsets":[8,24]}})",
                      std::string(24, '\0'), "tensors 'a' [0, 16) and 'b' [8, 24) overlap"));
}

TEST_F(Safetensors, RejectsSizeNotMatchingShape) {
  EXPECT_TRUE(rejects(
      R"({"a.weight":{"dtype":"F32","shape":[3,4],"data_offsets":[0,100]}})",
      std::string(100, '\0'),
      "tensor 'a.weight': data_offsets [0, 100) do not match shape [3,4] x F32 = 48 bytes"));
}

TEST_F(Safetensors, RejectsUnknownDtype) {
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"F128","shape":[1],"data_offsets":[0,16]}})",
                      std::string(16, '\0'), "tensor 'a': unknown dtype 'F128'"));
}

TEST_F(Safetensors, RejectsNegativeDimension) {
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"F32","shape":[2,-3],"data_offsets":[0,0]}})", "",
                      "negative dimension -3 at index 1"));
}

TEST_F(Safetensors, RejectsNonIntegerDimensionAndHighRank) {
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"F32","shape":[2.5],"data_offsets":[0,0]}})", "",
                      "is not a non-negative integer"));
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"U8","shape":[1,1,1,1,1,1,1,1,1],"data_offsets":[0,1]}})",
                      "x", "shape has rank 9, more than the supported 8"));
}

TEST_F(Safetensors, RejectsShapeProductOverflow) {
  EXPECT_TRUE(
      rejects(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,0]}})",
              "", "shape [4294967296,4294967296,16] x F32 overflows"));
}

TEST_F(Safetensors, RejectsNonUtf8Key) {
  EXPECT_TRUE(rejects("{\"\xFF\xFE\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[0,0]}}", "",
                      "header is not valid UTF-8 (byte 0xFF at offset 2)"));
}

TEST_F(Safetensors, RejectsEmptyTensorName) {
  EXPECT_TRUE(rejects(R"({"":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}})", "",
                      "tensor name is empty"));
}

TEST_F(Safetensors, RejectsDuplicateKeys) {
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},)"
                      R"("a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}})",
                      "xy", "header has duplicate key 'a'"));
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"U8","dtype":"U8","shape":[1],"data_offsets":[0,1]}})", "x",
                      "duplicate key 'dtype'"));
}

TEST_F(Safetensors, RejectsDeeplyNestedJson) {
  const std::string deep = std::string(20, '[') + std::string(20, ']');
  EXPECT_TRUE(
      rejects(R"({"__metadata__":{"x":)" + deep + "}}", "", "nested more than 8 levels deep"));
  // Nesting is rejected while parsing, so even absurd depth cannot exhaust memory or stack.
  EXPECT_TRUE(rejects(std::string(1 << 20, '['), "", "nested more than 8 levels deep"));
}

TEST_F(Safetensors, RejectsBadMetadata) {
  EXPECT_TRUE(rejects(R"({"__metadata__":{"epoch":3}})", "",
                      "__metadata__ value for key 'epoch' is not a string (got number)"));
  EXPECT_TRUE(rejects(R"({"__metadata__":"x"})", "", "__metadata__ is not an object (got string)"));
}

TEST_F(Safetensors, RejectsMalformedEntries) {
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"U8","shape":[1]}})", "x",
                      "tensor 'a': missing field 'data_offsets'"));
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1],"x":1}})", "x",
                      "unexpected field 'x'"));
  EXPECT_TRUE(rejects(R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[0,-1]}})", "x",
                      "must be non-negative integers"));
  EXPECT_TRUE(rejects(R"({"a":[1]})", "", "tensor 'a': entry is not an object (got array)"));
}

// ---------------------------------------------------------------- sharded checkpoints

class SafetensorsIndex : public Safetensors {
 protected:
  void SetUp() override {
    Safetensors::SetUp();
    for (int s = 1; s <= 2; ++s) {
      const float v[2] = {float(s), float(s) * 10};
      stipple::write_safetensors(at("m-" + std::to_string(s) + ".safetensors"),
                                 {{"w" + std::to_string(s), DType::F32, {2}, v, 8},
                                  {"b" + std::to_string(s), DType::F32, {1}, v, 4}});
    }
  }
  void write_index(const std::string& weight_map) {
    std::ofstream(at("m.safetensors.index.json"))
        << R"({"metadata":{"total_size":24},"weight_map":)" << weight_map << "}";
  }
  ::testing::AssertionResult index_rejects(const std::string& weight_map,
                                           const std::string& needle) {
    write_index(weight_map);
    return throws_with([&] { SafetensorsBundle::open(at("m.safetensors.index.json")); },
                       {"m.safetensors.index.json", needle});
  }
};

TEST_F(SafetensorsIndex, OpensEachShardOnce) {
  write_index(R"({"w1":"m-1.safetensors","b1":"./m-1.safetensors","w2":"m-2.safetensors"})");
  const auto bundle = SafetensorsBundle::open(at("m.safetensors.index.json"));
  EXPECT_EQ(bundle.shards().size(), 2u);
  EXPECT_EQ(bundle.names(), (std::vector<std::string>{"b1", "w1", "w2"}));  // b2 is not mapped
  EXPECT_EQ(bundle.metadata().at("total_size"), "24");
  const auto ref = bundle.find("w2");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref.file->path().filename(), "m-2.safetensors");
  EXPECT_FALSE(bundle.find("b2"));
}

TEST_F(SafetensorsIndex, SingleFileBundle) {
  const auto bundle = SafetensorsBundle::open(at("m-1.safetensors"));
  EXPECT_EQ(bundle.names(), (std::vector<std::string>{"b1", "w1"}));
  EXPECT_EQ(bundle.shards().size(), 1u);
}

TEST_F(SafetensorsIndex, RejectsMissingShard) {
  EXPECT_TRUE(index_rejects(R"({"w1":"missing.safetensors"})",
                            "shard 'missing.safetensors' (for tensor 'w1'): "));
  EXPECT_TRUE(index_rejects(R"({"w1":"missing.safetensors"})", "No such file or directory"));
}

TEST_F(SafetensorsIndex, RejectsEscapingShardPaths) {
  EXPECT_TRUE(index_rejects(R"({"w1":"../m-1.safetensors"})",
                            "contains '..' and would escape the index's folder"));
  EXPECT_TRUE(index_rejects(R"({"w1":"sub/../../x.safetensors"})", "contains '..'"));
  EXPECT_TRUE(index_rejects(R"({"w1":"/etc/passwd"})", "shard path '/etc/passwd' is absolute"));
}

TEST_F(SafetensorsIndex, RejectsTensorMissingFromShard) {
  EXPECT_TRUE(
      index_rejects(R"({"w2":"m-1.safetensors"})",
                    "tensor 'w2' is mapped to shard 'm-1.safetensors', which does not contain it"));
  EXPECT_TRUE(index_rejects(R"({"w1":"m-1.safetensors","w1":"m-2.safetensors"})",
                            "index has duplicate key 'w1'"));
  EXPECT_TRUE(index_rejects(R"({"w1":1})", "tensor 'w1': shard is not a string (got number)"));
}

// ---------------------------------------------------------------- writer

TEST_F(Safetensors, WriteIntoMissingOrBogusDirectoryThrowsAndLeavesNothing) {
  const float v = 1.f;
  const fs::path missing = at("no-such-dir") / "x.safetensors";
  EXPECT_TRUE(throws_with(
      [&] {
        stipple::write_safetensors(missing, {{"a", DType::F32, {}, &v, 4}});
      },
      {missing.string(), "cannot create temporary file", "No such file or directory"}));
  std::ofstream(at("plain-file")) << "x";
  const fs::path under_file = at("plain-file") / "x.safetensors";
  EXPECT_TRUE(throws_with(
      [&] {
        stipple::write_safetensors(under_file, {{"a", DType::F32, {}, &v, 4}});
      },
      {under_file.string(), "Not a directory"}));
  EXPECT_FALSE(has_temp_files(dir_));
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(Safetensors, WriteIntoReadOnlyDirectoryThrows) {
  fs::create_directory(at("ro"));
  fs::permissions(at("ro"), fs::perms::owner_read | fs::perms::owner_exec);
  if (::access(at("ro").c_str(), W_OK) == 0)
    GTEST_SKIP() << "running as root: permissions are not enforced";
  const float v = 1.f;
  EXPECT_TRUE(throws_with(
      [&] {
        stipple::write_safetensors(at("ro") / "x.safetensors", {{"a", DType::F32, {}, &v, 4}});
      },
      {"ro/x.safetensors", "Permission denied"}));
}

TEST_F(Safetensors, FailedRenameRemovesTempFile) {
  fs::create_directory(at("target-is-dir"));
  const float v = 1.f;
  EXPECT_TRUE(throws_with(
      [&] {
        stipple::write_safetensors(at("target-is-dir"), {{"a", DType::F32, {}, &v, 4}});
      },
      {"target-is-dir", "cannot rename temporary file into place", "Is a directory"}));
  EXPECT_FALSE(has_temp_files(dir_));
}

TEST_F(Safetensors, FailedWriteMidwayKeepsOldFileAndRemovesTemp) {
  const float old_value = 7.f;
  stipple::write_safetensors(at("m.safetensors"), {{"a", DType::F32, {}, &old_value, 4}});
  const std::string before = read_bytes(at("m.safetensors"));
  // A small file-size limit makes write() fail with EFBIG partway, like a full disk.
  const std::vector<float> big(1 << 16, 1.f);
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  auto* old_handler = ::signal(SIGXFSZ, SIG_IGN);
  rlimit small = saved;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  const auto result = throws_with(
      [&] {
        stipple::write_safetensors(at("m.safetensors"),
                                   {{"a", DType::F32, {1 << 16}, big.data(), big.size() * 4}});
      },
      {"m.safetensors", "cannot write", "File too large"});
  ::setrlimit(RLIMIT_FSIZE, &saved);
  ::signal(SIGXFSZ, old_handler);
  EXPECT_TRUE(result);
  EXPECT_EQ(read_bytes(at("m.safetensors")), before);
  EXPECT_FALSE(has_temp_files(dir_));
}

TEST_F(Safetensors, KilledWriterLeavesNoPartialFile) {
  const float old_value = 7.f;
  stipple::write_safetensors(at("m.safetensors"), {{"a", DType::F32, {}, &old_value, 4}});
  const std::string before = read_bytes(at("m.safetensors"));
  const std::vector<float> big(1 << 16, 1.f);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {  // child: SIGXFSZ (default action: die) hits in the middle of the data
    ::signal(SIGXFSZ, SIG_DFL);
    rlimit small{4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &small);
    try {
      stipple::write_safetensors(at("m.safetensors"),
                                 {{"a", DType::F32, {1 << 16}, big.data(), big.size() * 4}});
    } catch (...) {
    }
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer was expected to be killed";
  EXPECT_EQ(read_bytes(at("m.safetensors")), before);
  EXPECT_EQ(SafetensorsFile::open(at("m.safetensors"))->tensors().size(), 1u);
}

TEST_F(Safetensors, WriterRejectsInconsistentBlobs) {
  const float v[3] = {};
  EXPECT_TRUE(throws_with(
      [&] {
        stipple::write_safetensors(at("w.safetensors"), {{"a", DType::F32, {3}, v, 10}});
      },
      {"w.safetensors", "tensor 'a': nbytes 10 does not match shape [3] x F32 = 12 bytes"}));
  EXPECT_TRUE(throws_with(
      [&] {
        stipple::write_safetensors(at("w.safetensors"),
                                   {{"a", DType::F32, {1}, v, 4}, {"a", DType::F32, {1}, v, 4}});
      },
      {"duplicate tensor name 'a'"}));
  EXPECT_TRUE(throws_with(
      [&] {
        stipple::write_safetensors(at("w.safetensors"), {{"a", DType::F32, {-1}, v, 4}});
      },
      {"negative dimension -1"}));
  EXPECT_TRUE(throws_with(
      [&] {
        stipple::write_safetensors(at("w.safetensors"), {{"__metadata__", DType::U8, {}, v, 1}});
      },
      {"reserved"}));
  EXPECT_FALSE(fs::exists(at("w.safetensors")));
  EXPECT_FALSE(has_temp_files(dir_));
}

TEST_F(Safetensors, OverwriteKeepsExistingMappingValid) {
  const float a = 1.f, b = 2.f;
  stipple::write_safetensors(at("m.safetensors"), {{"x", DType::F32, {}, &a, 4}});
  const auto old_file = SafetensorsFile::open(at("m.safetensors"));
  stipple::write_safetensors(at("m.safetensors"), {{"x", DType::F32, {}, &b, 4}});
  float seen = 0;
  std::memcpy(&seen, old_file->data(*old_file->find("x")), 4);
  EXPECT_EQ(seen, a);  // rename replaced the directory entry; the old inode stays mapped
  const auto new_file = SafetensorsFile::open(at("m.safetensors"));
  std::memcpy(&seen, new_file->data(*new_file->find("x")), 4);
  EXPECT_EQ(seen, b);
}

// ---------------------------------------------------------------- golden checkpoints

struct KeyLine {
  std::string dtype;
  std::vector<int64_t> shape;
};

// keys.txt: "name<TAB>DTYPE<TAB>[d0, d1, ...]" per line.
std::map<std::string, KeyLine> read_keys(const fs::path& p) {
  std::map<std::string, KeyLine> keys;
  std::ifstream in(p);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    KeyLine k{line.substr(t1 + 1, t2 - t1 - 1), {}};
    std::string dims = line.substr(t2 + 1);
    for (char& c : dims)
      if (c == '[' || c == ']' || c == ',') c = ' ';
    std::istringstream ds(dims);
    for (int64_t d; ds >> d;) k.shape.push_back(d);
    keys.emplace(line.substr(0, t1), k);
  }
  return keys;
}

TEST(SafetensorsGolden, TinyCheckpointsMatchKeyLists) {
  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  for (const std::string model : {"tiny-sd1", "tiny-sd2"}) {
    SCOPED_TRACE(model);
    const auto keys = read_keys(*dir / (model + ".keys.txt"));
    ASSERT_GT(keys.size(), 400u);
    const auto f = SafetensorsFile::open(*dir / (model + ".safetensors"));
    EXPECT_EQ(f->metadata().at("format"), "pt");
    ASSERT_EQ(f->tensors().size(), keys.size());
    for (const auto& info : f->tensors()) {
      const auto it = keys.find(info.name);
      ASSERT_NE(it, keys.end()) << info.name;
      EXPECT_EQ(stipple::dtype_name(info.dtype), it->second.dtype) << info.name;
      EXPECT_EQ(info.shape, it->second.shape) << info.name;
    }
  }
}

}  // namespace
