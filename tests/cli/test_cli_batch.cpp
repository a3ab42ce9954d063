// stipple-cli batch as a user runs it: a 3-prompt x 4-seed batch on the tiny golden model,
// resume after SIGKILL mid-batch, JPEG parameters in EXIF, errors with line numbers.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "golden.h"
#include "image/image_encode.h"
#include "pipeline/batch_folder.h"
#include "process.h"

namespace fs = std::filesystem;
using stipple::test::run_process;

namespace {

const std::string kCli = stipple::test::cli_path();

class CliBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto dir = stipple::test::golden_dir();
    if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
    model_ = (*dir / "tiny-sd1.safetensors").string();
    tmp_ = fs::temp_directory_path() / ("stipple-cli-batch-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(tmp_);
    fs::create_directories(tmp_);
    prompts_ = tmp_ / "prompts.txt";
    std::ofstream(prompts_) << "# three prompts\na red circle\n\na blue square on grass\nune maison près de la mer\n";
    out_ = tmp_ / "out";
  }
  void TearDown() override {
    std::error_code ec;
    if (!tmp_.empty()) fs::remove_all(tmp_, ec);
  }
  std::vector<std::string> batch_args(std::vector<std::string> extra = {}) const {
    std::vector<std::string> a = {kCli,     "batch",   "--model",  model_,  "--prompts", prompts_.string(),
                                  "--per-prompt", "4", "--width",  "64",    "--height",  "64",
                                  "--steps", "4",      "--sampler", "euler", "--seed",    "1000",
                                  "--out",   out_.string()};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
  std::set<std::string> files(const std::string& ext) const {
    std::set<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(out_, ec))
      if (e.path().extension() == ext) out.insert(e.path().filename().string());
    return out;
  }
  // Rows of the manifest, checking that every row is a distinct image with its file present.
  std::vector<stipple::ManifestEntry> checked_manifest() const {
    const auto rows = stipple::read_batch_manifest(out_);
    std::set<std::string> keys, names;
    std::set<std::pair<std::string, uint64_t>> prompt_seed;
    for (const auto& e : rows) {
      EXPECT_TRUE(keys.insert(e.key()).second) << "duplicate row for " << e.file();
      EXPECT_TRUE(names.insert(e.file()).second) << "file listed twice: " << e.file();
      EXPECT_TRUE(prompt_seed.insert({e.row.at("prompt"), e.row.at("seed").get<uint64_t>()}).second) << e.file();
      EXPECT_TRUE(fs::exists(out_ / e.file())) << e.file();
    }
    return rows;
  }
  void expect_no_temporary_files() const {
    for (const auto& e : fs::directory_iterator(out_))
      EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  }

  std::string model_;
  fs::path tmp_, prompts_, out_;
};

// Starts argv with stdout/stderr to files; returns the pid.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& log) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

}  // namespace

TEST_F(CliBatch, ThreePromptsTimesFourSeeds) {
  const auto t0 = std::chrono::steady_clock::now();
  auto r = run_process(batch_args());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files(".png").size(), 12u);
  const auto rows = checked_manifest();
  ASSERT_EQ(rows.size(), 12u);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 12) << "one written path per line on stdout";
  EXPECT_NE(r.err.find("12 images: 12 written, 0 already done, 0 skipped, 0 failed"), std::string::npos) << r.err;
  EXPECT_TRUE(files(".png").count("0001-1000-a-red-circle.png"));
  EXPECT_TRUE(files(".png").count("0012-1003-une-maison-pres-de-la-mer.png"));
  for (const auto& e : rows) {
    EXPECT_EQ(e.row.at("width"), 64);
    EXPECT_EQ(e.row.at("steps"), 4);
    EXPECT_EQ(e.row.at("sampler"), "euler");
  }
  std::cout << "[ throughput ] 3x4 batch at 64x64, 4 steps: " << 12 * 60.0 / seconds
            << " images/min including model load (" << seconds << " s)\n";

  // The same command again continues the same batch: nothing to do.
  r = run_process(batch_args());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("0 written, 12 already done"), std::string::npos) << r.err;
  EXPECT_EQ(files(".png").size(), 12u);
}

TEST_F(CliBatch, ResumeAfterSigkill) {
  const pid_t pid = spawn(batch_args(), tmp_ / "first.log");
  ASSERT_GT(pid, 0);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  bool killed = false;
  while (std::chrono::steady_clock::now() < deadline) {
    if (files(".png").size() >= 5) {
      ::kill(pid, SIGKILL);
      killed = true;
      break;
    }
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) FAIL() << "the batch ended before it could be killed";
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(killed);
  ASSERT_TRUE(WIFSIGNALED(status));
  const size_t after_kill = files(".png").size();
  EXPECT_GE(after_kill, 5u);
  ASSERT_LT(after_kill, 12u) << "killed too late to test resuming";

  const auto r = run_process(batch_args({"--resume"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files(".png").size(), 12u) << "exactly 12 images, none duplicated";
  EXPECT_EQ(checked_manifest().size(), 12u);
  expect_no_temporary_files();
  EXPECT_FALSE(fs::exists(out_ / ".stipple-pending.json"));
  EXPECT_NE(r.err.find("already done"), std::string::npos) << r.err;
  // The names are those of an uninterrupted run: no "-1" copies.
  for (const auto& f : files(".png")) EXPECT_EQ(f.find("-1.png"), std::string::npos) << f;
}

TEST_F(CliBatch, JpegCarriesParametersInExif) {
  const auto r = run_process(batch_args({"--format", "jpg", "--quality", "90", "--per-prompt", "1"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files(".jpg").size(), 3u);
  EXPECT_TRUE(files(".png").empty());
  for (const auto& e : checked_manifest()) {
    const auto comment = stipple::read_exif_user_comment(out_ / e.file());
    ASSERT_TRUE(comment.has_value()) << e.file();
    EXPECT_EQ(*comment, e.row.at("parameters").get<std::string>());
    EXPECT_NE(comment->find("Steps: 4, Sampler: Euler, CFG scale: 7, Seed: " + std::to_string(e.row.at("seed").get<uint64_t>())),
              std::string::npos)
        << *comment;
  }
}

TEST_F(CliBatch, SweepWithContactSheet) {
  std::ofstream(prompts_) << "a red circle\n";
  const auto r = run_process(batch_args({"--per-prompt", "1", "--sweep", "cfg=3,9", "--sweep", "steps=2,3",
                                         "--contact-sheet", "--template", "{index}-cfg{cfg}-steps{steps}"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files(".png"), (std::set<std::string>{"0001-cfg3-steps2.png", "0002-cfg9-steps2.png", "0003-cfg3-steps3.png",
                                                  "0004-cfg9-steps3.png", "contact-sheet.png"}));
}

TEST_F(CliBatch, InvalidRowsAreListedWithTheirLinesBeforeAnythingRuns) {
  const fs::path csv = tmp_ / "bad.csv";
  std::ofstream(csv) << "prompt,cfg,sampler\nfine,7,euler\nbad,high,euler\nalso bad,7,nope\n";
  const auto r = run_process({kCli, "batch", "--model", model_, "--prompts", csv.string(), "--out", out_.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("2 problems"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 3: cfg: 'high' is not a number"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 4: sampler"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out_)) << "nothing was started";
  const auto s = run_process({kCli, "batch", "--model", model_, "--prompts", prompts_.string(), "--sweep", "cfg=a",
                              "--out", out_.string()});
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_NE(s.err.find("'a' is not a number"), std::string::npos) << s.err;
}

TEST_F(CliBatch, AnotherBatchsFolderNeedsResume) {
  ASSERT_EQ(run_process(batch_args({"--per-prompt", "1"})).exit_code, 0);
  auto r = run_process(batch_args({"--per-prompt", "1", "--seed", "5"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("already holds another batch"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--resume"), std::string::npos) << r.err;
  EXPECT_EQ(files(".png").size(), 3u);
  r = run_process(batch_args({"--per-prompt", "1", "--seed", "5", "--resume"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files(".png").size(), 6u);
}
