// Batch specifications: prompt list parsing (text, CSV, JSON Lines) with line-numbered errors,
// expansion (seeds, sweeps), file name templates and slugs, EXIF UserComment in JPEG and WebP.
// No model needed; the export itself is tested in test_batch_export.cpp.
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include <set>

#include "image/image_encode.h"
#include "pipeline/batch_spec.h"
#include "pipeline/file_naming.h"

using namespace stipple;

namespace {

// The message of the BatchSpecError that `f` throws (fails the test when it does not throw).
template <typename F>
BatchSpecError spec_error(F&& f) {
  try {
    f();
  } catch (const BatchSpecError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a BatchSpecError";
  return BatchSpecError("none", {});
}

bool has_problem(const BatchSpecError& e, int line, const std::string& part) {
  for (const auto& p : e.problems)
    if (p.line == line && p.message.find(part) != std::string::npos) return true;
  return false;
}

GenerationRequest defaults() {
  GenerationRequest r;
  r.width = r.height = 64;
  r.steps = 4;
  r.seed = 100;
  r.sampler = "euler";
  return r;
}

}  // namespace

TEST(PromptList, TextSkipsCommentsAndBlankLinesAndKeepsLineNumbers) {
  const auto list = parse_prompt_list("# my prompts\n\na cat\n  # indented comment\r\na dog  \r\n\n", PromptFileFormat::Auto,
                                      "p.txt");
  EXPECT_EQ(list.format, PromptFileFormat::Text);
  ASSERT_EQ(list.rows.size(), 2u);
  EXPECT_EQ(list.rows[0].prompt, "a cat");
  EXPECT_EQ(list.rows[0].line, 3);
  EXPECT_EQ(list.rows[1].prompt, "a dog");
  EXPECT_EQ(list.rows[1].line, 5);
}

TEST(PromptList, EmptyListIsAnError) {
  const auto e = spec_error([] { parse_prompt_list("# nothing\n\n", PromptFileFormat::Text); });
  EXPECT_NE(std::string(e.what()).find("no prompts"), std::string::npos);
}

// Found by fuzzing: a number JSON cannot hold escaped as a bare nlohmann exception.
TEST(PromptList, JsonNumbersOutOfRangeAreAProblemOfTheirLine) {
  const auto e = spec_error([] {
    parse_prompt_list("{\"prompt\": \"a\", \"seed\": 1}\n{\"prompt\": \"b\", \"cfg\": 1e999999}\n", PromptFileFormat::JsonLines);
  });
  EXPECT_TRUE(has_problem(e, 2, "number overflow")) << e.what();
  EXPECT_EQ(e.problems.size(), 1u) << e.what();
}

TEST(PromptList, RowsMustBeUtf8) {
  const auto e = spec_error([] { parse_prompt_list("caf\xC3\xA9 ok\ncaf\xE9 latin-1\n\xF0\x9F\x90\n", PromptFileFormat::Text, "p.txt"); });
  EXPECT_TRUE(has_problem(e, 2, "not valid UTF-8")) << e.what();
  EXPECT_TRUE(has_problem(e, 3, "not valid UTF-8")) << e.what();
  EXPECT_EQ(e.problems.size(), 2u) << e.what();
}

TEST(PromptList, CsvQuotingCommasNewlinesAndEscapedQuotes) {
  const std::string csv =
      "\xEF\xBB\xBFprompt,negative,seed,cfg,sampler\n"
      "\"a cat, sitting\",blurry,5,7.5,euler\n"
      "\"a \"\"quoted\"\" word\nover two lines\",,,,\n"
      "plain, ugly , 9 , , dpmpp_2m\n";
  const auto list = parse_prompt_list(csv, PromptFileFormat::Auto, "p.csv");
  EXPECT_EQ(list.format, PromptFileFormat::Csv);
  ASSERT_EQ(list.rows.size(), 3u);
  EXPECT_EQ(list.rows[0].prompt, "a cat, sitting");
  EXPECT_EQ(list.rows[0].line, 2);
  ASSERT_NE(list.rows[0].field("cfg"), nullptr);
  EXPECT_EQ(*list.rows[0].field("cfg"), "7.5");
  EXPECT_EQ(*list.rows[0].field("negative"), "blurry");
  EXPECT_EQ(list.rows[1].prompt, "a \"quoted\" word\nover two lines");
  EXPECT_EQ(list.rows[1].line, 3);
  EXPECT_EQ(list.rows[1].field("seed"), nullptr) << "an empty cell means the default";
  EXPECT_EQ(list.rows[2].line, 5) << "the row after a two-line field starts on line 5";
  EXPECT_EQ(*list.rows[2].field("sampler"), "dpmpp_2m");

  const auto plan = expand_batch(list, defaults(), {});
  ASSERT_EQ(plan.items.size(), 3u);
  EXPECT_EQ(plan.items[0].request.cfg, 7.5);
  EXPECT_EQ(plan.items[0].request.seed, 5u);
  EXPECT_EQ(plan.items[0].request.negative_prompt, "blurry");
  EXPECT_EQ(plan.items[1].request.seed, 100u) << "the default seed";
  EXPECT_EQ(plan.items[1].request.cfg, 7.0);
  EXPECT_EQ(plan.items[2].request.sampler, "dpmpp_2m");
  EXPECT_EQ(plan.items[2].request.negative_prompt, "ugly") << "unquoted cells are trimmed";
}

TEST(PromptList, CsvReportsEveryBadRowWithItsLine) {
  const std::string csv =
      "prompt,cfg,steps,sampler,width\n"
      "ok,7,4,euler,64\n"
      "bad cfg,seven,4,euler,64\n"
      "bad sampler,7,4,eulr,64\n"
      "too,many,fields,here,64,extra\n"
      ",7,4,euler,64\n"
      "bad steps,7,4.5,euler,64\n"
      "\"unterminated,7,4,euler,64\n";
  const auto e = spec_error([&] { parse_prompt_list(csv, PromptFileFormat::Csv, "p.csv"); });
  EXPECT_TRUE(has_problem(e, 3, "cfg: 'seven' is not a number")) << e.what();
  EXPECT_TRUE(has_problem(e, 4, "sampler")) << e.what();
  EXPECT_TRUE(has_problem(e, 4, "eulr")) << e.what();
  EXPECT_TRUE(has_problem(e, 5, "6 fields, but the header has 5 columns")) << e.what();
  EXPECT_TRUE(has_problem(e, 6, "prompt is empty")) << e.what();
  EXPECT_TRUE(has_problem(e, 7, "steps: '4.5' is not an integer")) << e.what();
  EXPECT_TRUE(has_problem(e, 8, "not closed")) << e.what();
  EXPECT_EQ(e.problems.size(), 6u) << e.what();
  const std::string what = e.what();
  EXPECT_NE(what.find("p.csv: 6 problems"), std::string::npos) << what;
  EXPECT_LT(what.find("line 3:"), what.find("line 7:")) << "problems in line order";
}

TEST(PromptList, CsvHeaderProblems) {
  const auto e = spec_error([] { parse_prompt_list("text,cfgg\na,7\n", PromptFileFormat::Csv, "p.csv"); });
  EXPECT_TRUE(has_problem(e, 1, "unknown column 'text'")) << e.what();
  EXPECT_TRUE(has_problem(e, 1, "unknown column 'cfgg'")) << e.what();
  EXPECT_TRUE(has_problem(e, 1, "no 'prompt' column")) << e.what();
  // Aliases are accepted.
  const auto list = parse_prompt_list("Prompt,Negative_Prompt,CFG_Scale\na,b,5\n", PromptFileFormat::Csv);
  EXPECT_EQ(*list.rows[0].field("negative"), "b");
  EXPECT_EQ(*list.rows[0].field("cfg"), "5");
}

TEST(PromptList, JsonLines) {
  const std::string jsonl =
      "{\"prompt\": \"a cat\", \"seed\": 3, \"cfg\": 6.5, \"sampler\": \"heun\"}\n"
      "\n"
      "{\"prompt\": \"a dog\", \"negative\": \"cat\", \"steps\": \"3\", \"width\": null}\n";
  const auto list = parse_prompt_list(jsonl, PromptFileFormat::Auto, "p.data");
  EXPECT_EQ(list.format, PromptFileFormat::JsonLines) << "detected from the content";
  ASSERT_EQ(list.rows.size(), 2u);
  EXPECT_EQ(list.rows[1].line, 3);
  const auto plan = expand_batch(list, defaults(), {});
  EXPECT_EQ(plan.items[0].request.seed, 3u);
  EXPECT_EQ(plan.items[0].request.cfg, 6.5);
  EXPECT_EQ(plan.items[0].request.sampler, "heun");
  EXPECT_EQ(plan.items[1].request.steps, 3);
  EXPECT_EQ(plan.items[1].request.negative_prompt, "cat");
  EXPECT_EQ(plan.items[1].request.width, 64);
}

TEST(PromptList, JsonLinesReportsEveryBadLine) {
  const std::string jsonl =
      "{\"prompt\": \"ok\"}\n"
      "{\"prompt\": \"broken\",\n"
      "[1, 2]\n"
      "{\"negative\": \"no prompt\"}\n"
      "{\"prompt\": \"x\", \"steps\": [4]}\n"
      "{\"prompt\": \"x\", \"colour\": \"red\"}\n"
      "{\"prompt\": \"x\", \"seed\": -1}\n"
      "{\"prompt\": 5}\n";
  const auto e = spec_error([&] { parse_prompt_list(jsonl, PromptFileFormat::JsonLines, "p.jsonl"); });
  EXPECT_TRUE(has_problem(e, 2, "not valid JSON")) << e.what();
  EXPECT_TRUE(has_problem(e, 3, "expected a JSON object")) << e.what();
  EXPECT_TRUE(has_problem(e, 4, "no \"prompt\"")) << e.what();
  EXPECT_TRUE(has_problem(e, 5, "steps: expected a string or a number")) << e.what();
  EXPECT_TRUE(has_problem(e, 6, "unknown key 'colour'")) << e.what();
  EXPECT_TRUE(has_problem(e, 7, "seed: '-1' is not a non-negative integer")) << e.what();
  EXPECT_TRUE(has_problem(e, 8, "prompt: expected a string")) << e.what();
}

TEST(PromptList, FormatFromExtensionAndContent) {
  EXPECT_EQ(parse_prompt_list("prompt,cfg\na,7\n", PromptFileFormat::Auto, "x.txt").format, PromptFileFormat::Text);
  EXPECT_EQ(parse_prompt_list("prompt,cfg\na,7\n", PromptFileFormat::Auto, "x").format, PromptFileFormat::Csv);
  EXPECT_EQ(parse_prompt_list("a cat, a hat\n", PromptFileFormat::Auto, "x").format, PromptFileFormat::Text)
      << "a prompt with commas is not a CSV header";
  EXPECT_EQ(parse_prompt_list("{\"prompt\":\"a\"}\n", PromptFileFormat::Auto, "x.ndjson").format,
            PromptFileFormat::JsonLines);
}

TEST(PromptList, RowPathsAreCheckedAndResolvedAgainstTheFile) {
  const auto dir = std::filesystem::temp_directory_path() / ("stipple-batch-paths-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  cv::imwrite((dir / "init.png").string(), cv::Mat(64, 64, CV_8UC3, cv::Scalar::all(9)));
  const auto list = parse_prompt_list("prompt,init,mask\na,init.png,\n", PromptFileFormat::Csv, "p.csv", dir);
  EXPECT_EQ(*list.rows[0].field("init"), (dir / "init.png").string());
  const auto e = spec_error([&] { parse_prompt_list("prompt,init,mask\na,init.png,nope.png\n", PromptFileFormat::Csv, "p.csv", dir); });
  EXPECT_TRUE(has_problem(e, 2, "mask: 'nope.png' does not exist")) << e.what();
  const auto e2 = spec_error([&] {
    expand_batch(parse_prompt_list("prompt,mask\na,init.png\n", PromptFileFormat::Csv, "p.csv", dir), defaults(), {});
  });
  EXPECT_TRUE(has_problem(e2, 2, "a mask needs an init image")) << e2.what();
  std::filesystem::remove_all(dir);
}

TEST(BatchExpand, SeedModes) {
  const auto list = parse_prompt_list("a\nb\n", PromptFileFormat::Text);
  BatchSettings s;
  s.per_prompt = 3;
  auto seeds = [&](const BatchPlan& plan) {
    std::vector<uint64_t> v;
    for (const auto& i : plan.items) v.push_back(i.request.seed);
    return v;
  };
  s.seed_mode = SeedMode::Increment;
  EXPECT_EQ(seeds(expand_batch(list, defaults(), s)), (std::vector<uint64_t>{100, 101, 102, 100, 101, 102}));
  s.seed_mode = SeedMode::Fixed;
  EXPECT_EQ(seeds(expand_batch(list, defaults(), s)), (std::vector<uint64_t>{100, 100, 100, 100, 100, 100}));
  s.seed_mode = SeedMode::Random;
  s.random_seed = 7;
  const auto a = expand_batch(list, defaults(), s), b = expand_batch(list, defaults(), s);
  EXPECT_EQ(seeds(a), seeds(b)) << "reproducible with a random_seed";
  const auto drawn = seeds(a);
  EXPECT_EQ(std::set<uint64_t>(drawn.begin(), drawn.end()).size(), 6u);
  for (const auto& item : a.items) {
    EXPECT_TRUE(item.random_seed);
    EXPECT_LE(item.request.seed, 0xFFFFFFFFull);
    EXPECT_EQ(item.request.batch_count, 1);
  }
  // A row's own seed wins over random and is incremented.
  const auto rows = parse_prompt_list("prompt,seed\na,50\nb,\n", PromptFileFormat::Csv);
  const auto c = expand_batch(rows, defaults(), s);
  EXPECT_EQ(c.items[0].request.seed, 50u);
  EXPECT_EQ(c.items[2].request.seed, 52u);
  EXPECT_FALSE(c.items[0].random_seed);
  EXPECT_TRUE(c.items[3].random_seed);
}

TEST(BatchExpand, SweepIsAnXYGridSharingTheSeed) {
  const auto list = parse_prompt_list("a\nb\n", PromptFileFormat::Text);
  BatchSettings s;
  s.per_prompt = 2;
  s.seed_mode = SeedMode::Random;
  s.random_seed = 1;
  s.sweeps = {parse_sweep("cfg=5,7,9"), parse_sweep("sampler=euler,dpmpp_2m")};
  const auto plan = expand_batch(list, defaults(), s);
  ASSERT_EQ(plan.items.size(), 2u * 2 * 2 * 3);
  EXPECT_EQ(plan.x_labels, (std::vector<std::string>{"cfg=5", "cfg=7", "cfg=9"}));
  EXPECT_EQ(plan.y_labels, (std::vector<std::string>{"sampler=euler", "sampler=dpmpp_2m"}));
  // X fastest, then Y, then the image of the prompt, then the prompt.
  EXPECT_EQ(plan.items[1].request.cfg, 7.0);
  EXPECT_EQ(plan.items[1].x, 1);
  EXPECT_EQ(plan.items[3].request.sampler, "dpmpp_2m");
  EXPECT_EQ(plan.items[3].y, 1);
  EXPECT_EQ(plan.items[6].repeat, 1);
  EXPECT_EQ(plan.items[12].row, 1);
  for (int i = 1; i < 6; ++i) EXPECT_EQ(plan.items[i].request.seed, plan.items[0].request.seed) << "one seed per grid";
  EXPECT_NE(plan.items[6].request.seed, plan.items[0].request.seed);
  EXPECT_EQ(plan.items[5].sweep_values, (std::vector<std::pair<std::string, std::string>>{{"cfg", "9"}, {"sampler", "dpmpp_2m"}}));

  // Steps, seed and size sweeps.
  s = {};
  s.sweeps = {parse_sweep("steps=2,3"), parse_sweep("size=64x64,128x64")};
  const auto p2 = expand_batch(list, defaults(), s);
  EXPECT_EQ(p2.items[3].request.steps, 3);
  EXPECT_EQ(p2.items[3].request.width, 128);
  EXPECT_TRUE(p2.items[3].explicit_size);
  s.sweeps = {parse_sweep("seed=1,2")};
  s.per_prompt = 2;
  const auto p3 = expand_batch(list, defaults(), s);
  EXPECT_EQ(p3.items[0].request.seed, 1u);
  EXPECT_EQ(p3.items[1].request.seed, 2u);
  EXPECT_EQ(p3.items[3].request.seed, 3u) << "increment adds k to the swept seed";
}

TEST(BatchExpand, SweepAndRowProblems) {
  EXPECT_THROW(parse_sweep("cfg"), std::invalid_argument);
  EXPECT_THROW(parse_sweep("colour=1,2"), std::invalid_argument);
  EXPECT_THROW(parse_sweep("cfg=5,,7"), std::invalid_argument);
  EXPECT_THROW(parse_sweep("steps=2,x"), std::invalid_argument);
  EXPECT_THROW(parse_sweep("sampler=euler,nope"), std::invalid_argument);
  EXPECT_THROW(parse_sweep("cfg=5,5"), std::invalid_argument);
  try {
    parse_sweep("steps=2,x");
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'x' is not an integer"), std::string::npos) << e.what();
  }
  const auto list = parse_prompt_list("prompt,width,steps\na,64,4\nb,100,4\nc,64,0\n", PromptFileFormat::Csv, "p.csv");
  const auto e = spec_error([&] { expand_batch(list, defaults(), {}); });
  EXPECT_TRUE(has_problem(e, 3, "width: 100 must be a multiple of 8")) << e.what();
  EXPECT_TRUE(has_problem(e, 4, "steps: 0")) << e.what();
  BatchSettings s;
  s.per_prompt = 3;  // the same problem is reported once per row, not per image
  const auto e2 = spec_error([&] { expand_batch(list, defaults(), s); });
  EXPECT_EQ(e2.problems.size(), 2u) << e2.what();
  s.sweeps = {parse_sweep("cfg=5,7"), parse_sweep("cfg=1,2")};
  const auto e3 = spec_error([&] { expand_batch(parse_prompt_list("a\n"), defaults(), s); });
  EXPECT_NE(std::string(e3.what()).find("both set cfg"), std::string::npos) << e3.what();
}

TEST(FileNaming, SlugTransliteratesAndDrops) {
  EXPECT_EQ(slug("A Red Circle!"), "a-red-circle");
  EXPECT_EQ(slug("Café crème brûlée"), "cafe-creme-brulee");
  EXPECT_EQ(slug("Straße, Æsir, Øre, Łódź"), "strasse-aesir-ore-lodz");
  EXPECT_EQ(slug("猫 a cat 🐱 on a mat"), "a-cat-on-a-mat");
  EXPECT_EQ(slug("日本語だけ"), "untitled");
  EXPECT_EQ(slug(""), "untitled");
  EXPECT_EQ(slug("don't stop"), "dont-stop");
  EXPECT_EQ(slug("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(slug("a\\b/c:d*e?f\"g<h>i|j"), "a-b-c-d-e-f-g-h-i-j");
  EXPECT_EQ(slug("(masterpiece:1.2), [best] quality"), "masterpiece-1-2-best-quality");
}

TEST(FileNaming, SlugAvoidsWindowsReservedNames) {
  EXPECT_EQ(slug("CON"), "con-x");
  EXPECT_EQ(slug("nul"), "nul-x");
  EXPECT_EQ(slug("Com1"), "com1-x");
  EXPECT_EQ(slug("LPT9!"), "lpt9-x");
  EXPECT_EQ(slug("console"), "console");
  EXPECT_EQ(slug("com10"), "com10");
  EXPECT_TRUE(is_windows_reserved_name("aux.png"));
  EXPECT_FALSE(is_windows_reserved_name("auxiliary"));
}

TEST(FileNaming, SlugOfAVeryLongPrompt) {
  std::string prompt;
  for (int i = 0; i < 200; ++i) prompt += "word" + std::to_string(i) + ", ";
  const std::string s = slug(prompt);
  EXPECT_LE(s.size(), 60u);
  EXPECT_GE(s.size(), 30u);
  EXPECT_NE(s.back(), '-');
  EXPECT_EQ(s.rfind("word0-word1-", 0), 0u);
  EXPECT_EQ(slug(std::string(500, 'x')).size(), 60u) << "one long word is cut hard";
  EXPECT_EQ(slug(std::string(300, 'e') + "\xCC\x81").size(), 60u);
}

TEST(FileNaming, Templates) {
  EXPECT_EQ(check_name_template("{index}-{seed}-{prompt}"), "");
  EXPECT_NE(check_name_template("{index}/{prompt}").find("'/'"), std::string::npos);
  EXPECT_NE(check_name_template("{idx}").find("unknown placeholder {idx}"), std::string::npos);
  EXPECT_NE(check_name_template("{index").find("without '}'"), std::string::npos);
  EXPECT_NE(check_name_template("a:b").find("':'"), std::string::npos);
  EXPECT_NE(check_name_template("").find("empty"), std::string::npos);
  EXPECT_NE(check_name_template("..").find("no name"), std::string::npos);
  FileNameFields f;
  f.index = 7;
  f.index_width = 4;
  f.seed = 42;
  f.prompt = "Ünïcode / Prompt";
  f.model = "v1-5-pruned-emaonly";
  f.date = "20240102";
  f.sampler = "dpmpp_2m";
  f.steps = 20;
  f.cfg = 7.5;
  f.width = 512;
  f.height = 768;
  EXPECT_EQ(expand_name_template("{index}-{seed}-{prompt}", f), "0007-42-unicode-prompt");
  EXPECT_EQ(expand_name_template("{date}_{model}_{sampler}_{steps}_{cfg}_{width}x{height}", f),
            "20240102_v1-5-pruned-emaonly_dpmpp_2m_20_7.5_512x768");
  f.index = 12345;
  EXPECT_EQ(expand_name_template("{index}", f), "12345");
  EXPECT_EQ(expand_name_template("nul", f), "nul-x");
  EXPECT_EQ(expand_name_template("con.{cfg}", f), "con-x.7.5");
  EXPECT_EQ(expand_name_template("x{prompt}. ", f), "xunicode-prompt");
}

TEST(ImageEncode, JpegCarriesParametersInExifUserComment) {
  cv::Mat rgb(48, 64, CV_8UC3, cv::Scalar(200, 40, 10));
  for (const std::string& text : {std::string("a cat\nSteps: 4, Sampler: Euler, Seed: 1"),
                                 std::string("猫 café 🐱\nNegative prompt: ugly\nSteps: 20")}) {
    const std::string jpg = encode_jpeg(rgb, 90, text);
    EXPECT_EQ(read_exif_user_comment_bytes(jpg), text);
    const cv::Mat back = cv::imdecode(cv::Mat(1, static_cast<int>(jpg.size()), CV_8U, const_cast<char*>(jpg.data())),
                                      cv::IMREAD_COLOR);
    ASSERT_FALSE(back.empty()) << "still a valid JPEG";
    EXPECT_EQ(back.size(), rgb.size());
  }
  // The charset tag: ASCII for ASCII text, UNICODE otherwise.
  EXPECT_NE(encode_jpeg(rgb, 90, "abc").find(std::string("ASCII\0\0\0abc", 11)), std::string::npos);
  EXPECT_NE(encode_jpeg(rgb, 90, "é").find(std::string("UNICODE\0\0\xE9", 10)), std::string::npos);
  EXPECT_FALSE(read_exif_user_comment_bytes(encode_jpeg(rgb, 90)).has_value());
  // A comment longer than one APP1 segment is cut, the file stays valid.
  const std::string jpg = encode_jpeg(rgb, 90, std::string(100000, 'a'));
  EXPECT_GT(read_exif_user_comment_bytes(jpg)->size(), 60000u);
}

TEST(ImageEncode, WebpCarriesParametersInAnExifChunk) {
  if (!webp_supported()) GTEST_SKIP() << "OpenCV without WebP";
  cv::Mat rgb(40, 56, CV_8UC3, cv::Scalar(10, 120, 240));
  const std::string text = "a dog 🐶\nSteps: 3, Seed: 9";
  const std::string webp = encode_webp(rgb, 80, text);
  EXPECT_EQ(webp.compare(12, 4, "VP8X"), 0);
  EXPECT_EQ(read_exif_user_comment_bytes(webp), text);
  const cv::Mat back = cv::imdecode(cv::Mat(1, static_cast<int>(webp.size()), CV_8U, const_cast<char*>(webp.data())),
                                    cv::IMREAD_COLOR);
  ASSERT_FALSE(back.empty()) << "still a valid WebP";
  EXPECT_EQ(back.size(), rgb.size());
}
