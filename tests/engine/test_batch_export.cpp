// Batch export on the tiny golden model: no overwriting, the manifest matches the files,
// resume after a cancel or a kill, other batches' folders refused, models per row, batch
// inpainting keeps every pixel outside the mask, JPEG/WebP parameters, contact sheets.
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <optional>
#include <set>

#include "golden.h"
#include "image/image_encode.h"
#include "image/image_io.h"
#include "image/mask.h"
#include "io/atomic_file.h"
#include "pipeline/batch_export.h"
#include "pipeline/batch_folder.h"

using namespace stipple;
namespace fs = std::filesystem;

namespace {

class BatchExportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto dir = test::golden_dir();
    if (!dir) return;
    model_ = *dir / "tiny-sd1.safetensors";
    EngineModelSpec spec;
    spec.model = model_;
    engine_ = Engine::load(spec).release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  void SetUp() override {
    if (!engine_) GTEST_SKIP() << test::golden_missing_message();
    dir_ = fs::temp_directory_path() /
           ("stipple-batch-" + std::to_string(::getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    options_.out_dir = dir_ / "out";
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  static GenerationRequest defaults() {
    GenerationRequest r;
    r.width = r.height = 64;
    r.steps = 2;
    r.sampler = "euler";
    r.seed = 1;
    r.preview = PreviewMode::Off;
    return r;
  }
  BatchPlan plan(const std::string& prompts, int per_prompt = 1, std::vector<std::string> sweeps = {},
                 const GenerationRequest& d = defaults()) {
    BatchSettings s;
    s.per_prompt = per_prompt;
    for (const auto& sw : sweeps) s.sweeps.push_back(parse_sweep(sw));
    return expand_batch(parse_prompt_list(prompts, PromptFileFormat::Auto, "p", dir_), d, s);
  }
  BatchModels models() const {
    BatchModels m;
    m.engine = engine_;
    m.spec.model = model_;
    return m;
  }
  std::set<std::string> files(const std::string& ext = ".png") const {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(options_.out_dir))
      if (e.path().extension() == ext) out.insert(e.path().filename().string());
    return out;
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  static Engine* engine_;
  static fs::path model_;
  fs::path dir_;
  BatchExportOptions options_;
};
Engine* BatchExportTest::engine_ = nullptr;
fs::path BatchExportTest::model_;

// Cancels after `after` images; counts previews and progress calls.
struct Canceller : BatchObserver {
  int after = 1 << 30, written = 0, progress_calls = 0;
  double last_eta = -2;
  void on_image_written(const BatchItem&, const fs::path&, const cv::Mat&) override { ++written; }
  void on_batch_progress(const BatchProgress& p) override {
    ++progress_calls;
    last_eta = p.eta;
  }
  bool cancelled() override { return written >= after; }
};

}  // namespace

TEST_F(BatchExportTest, ManifestMatchesTheFiles) {
  const auto p = plan("a red circle\na blue square\n", 2);
  Canceller obs;
  const auto summary = run_batch_export(p, options_, models(), &obs);
  ASSERT_TRUE(summary.ok()) << summary_line(summary);
  EXPECT_EQ(summary.written, 4);
  EXPECT_GT(obs.progress_calls, 4);
  EXPECT_EQ(obs.last_eta, 0);
  EXPECT_EQ(files(), (std::set<std::string>{"0001-1-a-red-circle.png", "0002-2-a-red-circle.png",
                                            "0003-1-a-blue-square.png", "0004-2-a-blue-square.png"}));
  const auto rows = read_batch_manifest(options_.out_dir);
  ASSERT_EQ(rows.size(), 4u);
  std::set<std::string> keys, names;
  for (const auto& e : rows) {
    keys.insert(e.key());
    names.insert(e.file());
    const auto text = read_png_text(options_.out_dir / e.file());
    EXPECT_EQ(text.at("parameters"), e.row.at("parameters").get<std::string>());
    EXPECT_NE(e.row.at("parameters").get<std::string>().find("Seed: " + std::to_string(e.row.at("seed").get<uint64_t>())),
              std::string::npos);
    EXPECT_EQ(e.row.at("model_name"), "tiny-sd1");
    EXPECT_EQ(e.row.at("steps"), 2);
    EXPECT_FALSE(e.row.at("time").get<std::string>().empty());
  }
  EXPECT_EQ(keys.size(), 4u);
  EXPECT_EQ(names, files());
  EXPECT_TRUE(fs::exists(options_.out_dir / "batch.json"));
  EXPECT_FALSE(fs::exists(options_.out_dir / ".stipple-pending.json"));
}

TEST_F(BatchExportTest, NeverOverwrites) {
  const auto p = plan("a cat\n");
  fs::create_directories(options_.out_dir);
  const fs::path mine = options_.out_dir / "0001-1-a-cat.png";
  std::ofstream(mine) << "my own file";
  auto summary = run_batch_export(p, options_, models());
  ASSERT_TRUE(summary.ok()) << summary_line(summary);
  EXPECT_EQ(read(mine), "my own file");
  ASSERT_EQ(summary.files.size(), 1u);
  EXPECT_EQ(summary.files[0].filename(), "0001-1-a-cat-1.png");

  // Skip: a second folder holding the name, nothing generated.
  options_.out_dir = dir_ / "skip";
  options_.existing = ExistingFilePolicy::Skip;
  fs::create_directories(options_.out_dir);
  std::ofstream(options_.out_dir / "0001-1-a-cat.png") << "mine too";
  summary = run_batch_export(p, options_, models());
  EXPECT_EQ(summary.written, 0);
  EXPECT_EQ(summary.skipped_existing, 1);
  EXPECT_EQ(read(options_.out_dir / "0001-1-a-cat.png"), "mine too");

  // A template without {index}: names repeat, the rename policy keeps them apart.
  options_.out_dir = dir_ / "same-name";
  options_.existing = ExistingFilePolicy::Rename;
  options_.name_template = "{prompt}";
  summary = run_batch_export(plan("a cat\n", 3), options_, models());
  EXPECT_EQ(files(), (std::set<std::string>{"a-cat.png", "a-cat-1.png", "a-cat-2.png"}));
}

TEST_F(BatchExportTest, ResumesAfterCancelAndAfterAKill) {
  const auto p = plan("one\ntwo\nthree\n", 2);
  // The whole batch in one go, for reference.
  BatchExportOptions ref = options_;
  ref.out_dir = dir_ / "ref";
  ASSERT_TRUE(run_batch_export(p, ref, models()).ok());
  const auto ref_rows = read_batch_manifest(ref.out_dir);
  ASSERT_EQ(ref_rows.size(), 6u);

  Canceller obs;
  obs.after = 2;
  auto summary = run_batch_export(p, options_, models(), &obs);
  EXPECT_TRUE(summary.cancelled);
  EXPECT_EQ(summary.written, 2);
  EXPECT_EQ(summary.not_done(), 4);
  EXPECT_EQ(files().size(), 2u);

  // What a kill leaves: a temporary file, a torn manifest line, and image 3 renamed into place
  // with only its pending row written. Also: the user deleted image 2.
  std::ofstream(options_.out_dir / "0004-2-two.png.tmp-abc123") << "partial";
  std::ofstream(options_.out_dir / kManifestName, std::ios::app) << "{\"batch\":\"torn";
  const auto& third = ref_rows[2];
  ASSERT_EQ(third.row.at("index"), 3);
  fs::copy_file(ref.out_dir / third.file(), options_.out_dir / third.file());
  write_file_atomic(options_.out_dir / ".stipple-pending.json", third.row.dump() + "\n");
  fs::remove(options_.out_dir / ref_rows[1].file());

  EXPECT_EQ(inspect_batch_folder(p, options_, models()).done, 1) << "inspecting changes nothing";
  summary = run_batch_export(p, options_, models());
  ASSERT_TRUE(summary.ok()) << summary_line(summary);
  EXPECT_EQ(summary.removed_temporary_files, 1);
  EXPECT_TRUE(summary.recovered_pending);
  EXPECT_EQ(summary.already_done, 2);
  EXPECT_EQ(summary.written, 4);

  const auto rows = read_batch_manifest(options_.out_dir);
  ASSERT_EQ(rows.size(), 6u);
  std::set<std::string> names, keys;
  for (const auto& e : rows) {
    EXPECT_TRUE(names.insert(e.file()).second) << "listed twice: " << e.file();
    EXPECT_TRUE(keys.insert(e.key()).second) << "image listed twice: " << e.file();
  }
  EXPECT_EQ(names, files());
  for (const auto& e : ref_rows) {
    // The same images under the same names as the uninterrupted run.
    ASSERT_TRUE(fs::exists(options_.out_dir / e.file())) << e.file();
    EXPECT_EQ(cv::norm(load_image_rgb(options_.out_dir / e.file()), load_image_rgb(ref.out_dir / e.file()), cv::NORM_INF),
              0)
        << e.file();
  }
  for (const auto& e : fs::directory_iterator(options_.out_dir))
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
  EXPECT_EQ(read(options_.out_dir / kManifestName).find("torn"), std::string::npos);
  EXPECT_FALSE(fs::exists(options_.out_dir / ".stipple-pending.json"));

  // Once complete, a rerun writes nothing.
  summary = run_batch_export(p, options_, models());
  EXPECT_EQ(summary.written, 0);
  EXPECT_EQ(summary.already_done, 6);
  EXPECT_EQ(inspect_batch_folder(p, options_, models()).done, 6);
}

TEST_F(BatchExportTest, RandomSeedsSurviveAResume) {
  BatchSettings s;
  s.per_prompt = 3;
  s.seed_mode = SeedMode::Random;
  const auto list = parse_prompt_list("a\n", PromptFileFormat::Text);
  Canceller obs;
  obs.after = 1;
  run_batch_export(expand_batch(list, defaults(), s), options_, models(), &obs);
  const auto first = read_batch_manifest(options_.out_dir).at(0).row.at("seed").get<uint64_t>();
  const auto again = expand_batch(list, defaults(), s);  // draws other seeds
  EXPECT_TRUE(inspect_batch_folder(again, options_, models()).same_batch);
  const auto summary = run_batch_export(again, options_, models());
  EXPECT_EQ(summary.already_done, 1);
  EXPECT_EQ(summary.written, 2);
  const auto rows = read_batch_manifest(options_.out_dir);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].row.at("seed").get<uint64_t>(), first);
  const nlohmann::json info = nlohmann::json::parse(read(options_.out_dir / "batch.json"));
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(rows[i].row.at("seed"), info.at("seeds")[rows[i].row.at("index").get<int>() - 1]);
}

TEST_F(BatchExportTest, AnotherBatchsFolderNeedsResume) {
  run_batch_export(plan("a cat\n"), options_, models());
  const auto other = plan("a dog\n");
  EXPECT_FALSE(inspect_batch_folder(other, options_, models()).same_batch);
  EXPECT_THROW(run_batch_export(other, options_, models()), BatchFolderInUse);
  EXPECT_EQ(files().size(), 1u);
  options_.resume = true;
  const auto summary = run_batch_export(other, options_, models());
  EXPECT_EQ(summary.written, 1);
  EXPECT_EQ(files().size(), 2u);
  EXPECT_EQ(read_batch_manifest(options_.out_dir).size(), 2u);
}

TEST_F(BatchExportTest, BadOptionsAndUnwritableFolders) {
  options_.name_template = "{index}/{prompt}";
  EXPECT_THROW(run_batch_export(plan("a\n"), options_, models()), std::invalid_argument);
  options_.name_template = "{index}";
  std::ofstream(dir_ / "a-file") << "x";
  options_.out_dir = dir_ / "a-file";
  EXPECT_THROW(run_batch_export(plan("a\n"), options_, models()), FileWriteError);
  options_.out_dir = dir_ / "a-file" / "sub";
  EXPECT_THROW(run_batch_export(plan("a\n"), options_, models()), FileWriteError);
}

// The folder disappears mid-batch (as a full or unplugged disk would fail writes): the export
// stops with the reason and keeps the images it finished.
TEST_F(BatchExportTest, StopsWhenWritesFailAndKeepsFinishedImages) {
  struct Remover : BatchObserver {
    fs::path dir, moved;
    void on_image_written(const BatchItem&, const fs::path&, const cv::Mat&) override {
      if (fs::exists(moved)) return;
      fs::rename(dir, moved);
      std::ofstream(dir) << "not a folder any more";
    }
  } obs;
  obs.dir = options_.out_dir;
  obs.moved = dir_ / "moved";
  const auto summary = run_batch_export(plan("a\nb\nc\n"), options_, models(), &obs);
  EXPECT_EQ(summary.written, 1);
  EXPECT_FALSE(summary.stopped.empty());
  EXPECT_NE(summary.stopped.find(options_.out_dir.string()), std::string::npos) << summary.stopped;
  EXPECT_FALSE(summary.ok());
  EXPECT_EQ(read_batch_manifest(obs.moved).size(), 1u);
  EXPECT_TRUE(fs::exists(obs.moved / "0001-1-a.png"));
}

TEST_F(BatchExportTest, ModelPerRowAndModelsThatFail) {
  // A copy with what the loader finds beside the original: its config and the vocabulary.
  fs::copy_file(model_, dir_ / "copy.safetensors");
  fs::copy_file(model_.parent_path() / "tiny-sd1.golden.json", dir_ / "copy.golden.json");
  fs::copy_file(model_.parent_path() / "bpe_simple_vocab_16e6.txt.gz", dir_ / "bpe_simple_vocab_16e6.txt.gz");
  std::ofstream(dir_ / "broken.safetensors") << "not a model";
  const auto p = plan("prompt,model\nfirst,copy.safetensors\nsecond,\nthird,broken.safetensors\nfourth,copy.safetensors\n");
  EXPECT_EQ(p.items[0].model, (dir_ / "copy.safetensors").string());
  const auto summary = run_batch_export(p, options_, models());
  EXPECT_EQ(summary.written, 3);
  ASSERT_EQ(summary.failed, 1);
  EXPECT_EQ(summary.failures[0].index, 2);
  EXPECT_NE(summary.failures[0].reason.find("broken.safetensors"), std::string::npos) << summary.failures[0].reason;
  for (const auto& e : read_batch_manifest(options_.out_dir)) {
    const bool copy = e.row.at("prompt") != "second";
    EXPECT_EQ(e.row.at("model_name"), copy ? "copy" : "tiny-sd1") << e.row.dump();
  }
}

TEST_F(BatchExportTest, BatchInpaintingKeepsEveryPixelOutsideTheMask) {
  cv::Mat image(64, 72, CV_8UC3);
  cv::randu(image, 0, 255);
  cv::Mat mask = cv::Mat::zeros(image.size(), CV_8UC1);
  cv::rectangle(mask, {24, 16, 20, 24}, 255, -1);
  cv::Mat mask2 = cv::Mat::zeros(image.size(), CV_8UC1);
  cv::circle(mask2, {20, 40}, 10, 255, -1);
  write_png(dir_ / "init.png", image);
  cv::imwrite((dir_ / "mask.png").string(), mask);
  cv::imwrite((dir_ / "mask2.png").string(), mask2);
  // Rows with their own init and mask, and rows taking them from the defaults.
  auto d = defaults();
  d.init_image = image;
  d.mask = mask;
  d.strength = 0.9;
  d.mask_blur = 3;
  const auto p = plan(
      "prompt,init,mask,strength\nred,init.png,mask.png,0.8\nblue,init.png,mask2.png,\ngreen,,,\nyellow,,,0.5\n", 1, {},
      d);
  const auto summary = run_batch_export(p, options_, models());
  ASSERT_TRUE(summary.ok()) << summary_line(summary);
  ASSERT_EQ(summary.files.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    const cv::Mat out = load_image_rgb(summary.files[i]);
    ASSERT_EQ(out.size(), image.size());
    const cv::Mat& m = i == 1 ? mask2 : mask;
    const cv::Mat outside = blur_mask(m, 3) == 0;
    cv::Mat diff, channels[3];
    cv::absdiff(out, image, diff);
    cv::split(diff, channels);
    const cv::Mat changed = (channels[0] > 0) | (channels[1] > 0) | (channels[2] > 0);
    EXPECT_EQ(cv::countNonZero(changed & outside), 0) << "image " << i << ": pixels changed outside the mask";
    EXPECT_GT(cv::countNonZero(changed & (m > 0)), 50) << "image " << i << ": the mask was not repainted";
  }
  const auto rows = read_batch_manifest(options_.out_dir);
  EXPECT_EQ(rows[0].row.at("mask"), (dir_ / "mask.png").string());
  EXPECT_EQ(rows[0].row.at("strength"), 0.8);
  EXPECT_EQ(rows[2].row.at("mask").get<std::string>().rfind("sha256:", 0), 0u);
}

TEST_F(BatchExportTest, JpegAndWebpCarryTheParameters) {
  options_.format = ExportFormat::Jpeg;
  options_.quality = 85;
  auto summary = run_batch_export(plan("a jpeg cat\n"), options_, models());
  ASSERT_EQ(summary.files.size(), 1u);
  EXPECT_EQ(summary.files[0].extension(), ".jpg");
  const auto row = read_batch_manifest(options_.out_dir).at(0).row;
  EXPECT_EQ(read_exif_user_comment(summary.files[0]), row.at("parameters").get<std::string>());
  EXPECT_EQ(read_image_parameters(summary.files[0]), row.at("parameters").get<std::string>());
  EXPECT_EQ(row.at("quality"), 85);
  if (!webp_supported()) return;
  options_.out_dir = dir_ / "webp";
  options_.format = ExportFormat::Webp;
  summary = run_batch_export(plan("a webp cat\n"), options_, models());
  ASSERT_EQ(summary.files.size(), 1u);
  EXPECT_NE(read_exif_user_comment(summary.files[0])->find("a webp cat\nSteps: 2"), std::string::npos);
  EXPECT_FALSE(load_image_rgb(summary.files[0]).empty());
}

TEST_F(BatchExportTest, ContactSheetOfASweep) {
  options_.contact_sheet = true;
  const auto p = plan("a\nb\n", 1, {"cfg=3,7,9", "steps=1,2"});
  auto summary = run_batch_export(p, options_, models());
  ASSERT_TRUE(summary.ok()) << summary_line(summary);
  ASSERT_TRUE(summary.contact_sheet.has_value());
  EXPECT_EQ(summary.contact_sheet->filename(), "contact-sheet.png");
  const cv::Mat sheet = load_image_rgb(*summary.contact_sheet);
  // 3 columns, 2 prompts x 2 step values = 4 rows of 96 px cells (+ labels).
  EXPECT_GT(sheet.cols, 3 * 96);
  EXPECT_GT(sheet.rows, 4 * 96);
  EXPECT_EQ(summary.written, 12);
  // A rerun replaces its own contact sheet instead of adding another.
  summary = run_batch_export(p, options_, models());
  EXPECT_EQ(summary.contact_sheet->filename(), "contact-sheet.png");
  EXPECT_EQ(files().size(), 13u);
}

namespace {
// Pauses before image `pause_at` (0-based count of images written) and reports item 1 as a
// failure carried over from an earlier run.
struct Pauser : BatchObserver {
  int pause_at = 1 << 30, written = 0, failures_reported = 0, final_progress = 0;
  std::optional<std::string> known;  // reason for item 1
  void on_image_written(const BatchItem&, const fs::path&, const cv::Mat&) override { ++written; }
  void on_item_failed(const BatchItem&, const std::string&) override { ++failures_reported; }
  void on_batch_progress(const BatchProgress& p) override { final_progress += p.status.find(" images/min") != std::string::npos; }
  bool pause_requested() override { return written >= pause_at; }
  std::optional<std::string> known_failure(const BatchItem& item) override {
    return item.index == 1 ? known : std::nullopt;
  }
};
}  // namespace

TEST_F(BatchExportTest, PauseStopsBeforeAnImageAndIdenticalItemsEachGetAFile) {
  // A fixed seed repeated: three identical items; each needs its own file across runs.
  BatchSettings s;
  s.per_prompt = 3;
  s.seed_mode = SeedMode::Fixed;
  const auto p = expand_batch(parse_prompt_list("same\n", PromptFileFormat::Auto, "p", dir_), defaults(), s);
  ASSERT_EQ(p.items.size(), 3u);
  Pauser first;
  first.pause_at = 1;
  auto summary = run_batch_export(p, options_, models(), &first);
  EXPECT_TRUE(summary.paused);
  EXPECT_FALSE(summary.ok());
  EXPECT_FALSE(summary.cancelled);
  EXPECT_EQ(summary.written, 1);
  EXPECT_EQ(first.final_progress, 0) << "a paused run does not report its end";
  EXPECT_EQ(files().size(), 1u);
  EXPECT_EQ(inspect_batch_folder(p, options_, models()).done, 1);

  // The next run writes the two others, not zero: one manifest row per identical item.
  Pauser second;
  summary = run_batch_export(p, options_, models(), &second);
  ASSERT_TRUE(summary.ok()) << summary_line(summary);
  EXPECT_EQ(summary.already_done, 1);
  EXPECT_EQ(summary.written, 2);
  EXPECT_EQ(files().size(), 3u);
  EXPECT_EQ(read_batch_manifest(options_.out_dir).size(), 3u);
}

TEST_F(BatchExportTest, AKnownFailureIsReportedNotRetried) {
  const auto p = plan("one\ntwo\nthree\n");
  Pauser obs;
  obs.known = "failed earlier: out of memory";
  const auto summary = run_batch_export(p, options_, models(), &obs);
  EXPECT_EQ(summary.written, 2);
  EXPECT_EQ(summary.failed, 1);
  ASSERT_EQ(summary.failures.size(), 1u);
  EXPECT_EQ(summary.failures[0].index, 1);
  EXPECT_EQ(summary.failures[0].reason, "failed earlier: out of memory");
  EXPECT_EQ(obs.failures_reported, 1);
  EXPECT_EQ(files().size(), 2u);
}
