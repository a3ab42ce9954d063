// ClipTokenizer and clean_prompt_text against the reference tokenizers:
// every golden prompt (openai/CLIP SimpleTokenizer + ftfy 6.1.1, recorded in
// ../shared/golden/tiny-sd{1,2}.golden.json and the padded ids in
// *.golden.safetensors) must give the same cleaned text, ids and tokens.
#include <gtest/gtest.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "golden.h"
#include "io/safetensors.h"
#include "text/clip_tokenizer.h"
#include "text/text_clean.h"

namespace fs = std::filesystem;
using stipple::clean_prompt_text;
using stipple::ClipTokenizer;

namespace {

// Loaded once: parsing 49k merges per test would dominate the run time.
const ClipTokenizer* gz_tokenizer() {
  static const std::optional<ClipTokenizer> tok = []() -> std::optional<ClipTokenizer> {
    const auto dir = stipple::test::golden_dir();
    if (!dir) return std::nullopt;
    return ClipTokenizer::from_bpe_gz((*dir / "bpe_simple_vocab_16e6.txt.gz").string());
  }();
  return tok ? &*tok : nullptr;
}

nlohmann::json load_golden(const std::string& stem) {
  std::ifstream in(*stipple::test::golden_dir() / (stem + ".golden.json"));
  return nlohmann::json::parse(in);
}

// Row-major [26, 77] int64 ids the reference model actually consumed.
std::vector<std::vector<int64_t>> golden_padded_ids(const std::string& stem) {
  const auto file =
      stipple::SafetensorsFile::open(*stipple::test::golden_dir() / (stem + ".golden.safetensors"));
  const stipple::TensorInfo* info = file->find("tokenizer.ids");
  if (!info || info->dtype != stipple::DType::I64 || info->shape.size() != 2) return {};
  std::vector<std::vector<int64_t>> rows(static_cast<size_t>(info->shape[0]));
  const uint8_t* data = file->data(*info);
  for (size_t r = 0; r < rows.size(); ++r) {
    rows[r].resize(static_cast<size_t>(info->shape[1]));
    std::memcpy(rows[r].data(), data + r * rows[r].size() * sizeof(int64_t),
                rows[r].size() * sizeof(int64_t));
  }
  return rows;
}

std::vector<int64_t> expected_padded(const std::vector<int>& bpe, int64_t bos, int64_t eos,
                                     int64_t pad) {
  std::vector<int64_t> out{bos};
  for (size_t i = 0; i < bpe.size() && i < 75; ++i) out.push_back(bpe[i]);
  out.push_back(eos);
  out.resize(77, pad);
  return out;
}

// Checks every prompt of one golden file; returns how many fully matched.
int check_golden_prompts(const ClipTokenizer& tok, const std::string& stem) {
  const nlohmann::json t = load_golden(stem).at("tokenizer");
  const int64_t bos = t.at("bos"), eos = t.at("eos"), pad = t.at("pad");
  EXPECT_EQ(tok.bos_id(), bos);
  EXPECT_EQ(tok.eos_id(), eos);
  const auto reference_rows = golden_padded_ids(stem);
  const auto& prompts = t.at("prompts");
  EXPECT_EQ(prompts.size(), 26u);
  int matched = 0;
  for (size_t i = 0; i < prompts.size(); ++i) {
    const auto& p = prompts[i];
    const std::string name = p.at("name"), text = p.at("text");
    SCOPED_TRACE(stem + " prompt '" + name + "'");
    const std::vector<int> want = p.at("bpe_ids");
    const std::vector<std::string> want_tokens = p.at("bpe_tokens");
    const std::string cleaned = clean_prompt_text(text);
    const std::vector<int> ids = tok.encode(text);
    const std::vector<int64_t> padded = tok.encode_padded(text, pad);
    EXPECT_EQ(cleaned, p.at("cleaned_text").get<std::string>());
    EXPECT_EQ(ids, want);
    EXPECT_EQ(tok.tokens(text), want_tokens);
    EXPECT_EQ(padded, expected_padded(want, bos, eos, pad));
    if (i < reference_rows.size()) {
      EXPECT_EQ(padded, reference_rows[i]) << "vs tokenizer.ids row " << i;
    }
    if (cleaned == p.at("cleaned_text").get<std::string>() && ids == want && padded.size() == 77 &&
        (i >= reference_rows.size() || padded == reference_rows[i]))
      ++matched;
  }
  EXPECT_FALSE(reference_rows.empty())
      << "tokenizer.ids missing from " << stem << ".golden.safetensors";
  return matched;
}

// A unique scratch folder, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ =
        fs::temp_directory_path() / ("stipple_tok_" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

void write_gzip(const fs::path& path, const std::string& text) {
  gzFile gz = gzopen(path.string().c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  ASSERT_EQ(gzwrite(gz, text.data(), static_cast<unsigned>(text.size())),
            static_cast<int>(text.size()));
  gzclose(gz);
}

std::string read_gzip_lines(const fs::path& path, size_t count) {
  gzFile gz = gzopen(path.string().c_str(), "rb");
  std::string out;
  char buf[4096];
  size_t lines = 0;
  while (lines < count && gzgets(gz, buf, sizeof buf)) {
    out += buf;
    ++lines;
  }
  gzclose(gz);
  return out;
}

// Expects `fn` to throw std::runtime_error whose message contains every needle.
template <typename Fn>
void expect_error(Fn&& fn, const std::vector<std::string>& needles) {
  try {
    fn();
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& e) {
    for (const auto& n : needles)
      EXPECT_NE(std::string(e.what()).find(n), std::string::npos) << e.what();
  }
}

// Skips (rather than fails) where ../shared/golden is absent; the message
// says where it looked and how to point the tests elsewhere.
#define REQUIRE_GOLDEN()                     \
  const ClipTokenizer* tok = gz_tokenizer(); \
  if (!tok) GTEST_SKIP() << stipple::test::golden_missing_message();

}  // namespace

TEST(ClipTokenizerGolden, Sd1PromptsMatchReference) {
  REQUIRE_GOLDEN();
  const int matched = check_golden_prompts(*tok, "tiny-sd1");
  RecordProperty("matched", matched);
  EXPECT_EQ(matched, 26);
}

TEST(ClipTokenizerGolden, Sd2PromptsMatchReference) {
  REQUIRE_GOLDEN();
  const int matched = check_golden_prompts(*tok, "tiny-sd2");
  RecordProperty("matched", matched);
  EXPECT_EQ(matched, 26);
}

TEST(ClipTokenizerGolden, VocabularyLayout) {
  REQUIRE_GOLDEN();
  EXPECT_EQ(tok->vocab_size(), 49408u);
  EXPECT_EQ(tok->bos_id(), 49406);
  EXPECT_EQ(tok->eos_id(), 49407);
  EXPECT_EQ(tok->token_string(0), "!");
  EXPECT_EQ(tok->token_string(256), "!</w>");
  EXPECT_EQ(tok->token_string(49406), "<|startoftext|>");
  EXPECT_EQ(tok->encode("a"), std::vector<int>{320});
}

TEST(ClipTokenizerGolden, TruncatesToContextLength) {
  REQUIRE_GOLDEN();
  const nlohmann::json prompts = load_golden("tiny-sd1").at("tokenizer").at("prompts");
  for (const auto& p : prompts) {
    const std::string name = p.at("name");
    const std::vector<int> bpe = p.at("bpe_ids");
    const auto sd1 = tok->encode_padded(p.at("text").get<std::string>(), 49407);
    const auto sd2 = tok->encode_padded(p.at("text").get<std::string>(), 0);
    if (name == "exact_75_tokens") {
      ASSERT_EQ(bpe.size(), 75u);
      EXPECT_EQ(std::vector<int64_t>(sd1.begin() + 1, sd1.begin() + 76),
                std::vector<int64_t>(bpe.begin(), bpe.end()));
      EXPECT_EQ(sd1[76], 49407);
      EXPECT_EQ(sd2[76], 49407);  // EOS, not padding: nothing was cut
    } else if (name == "76_tokens_truncated") {
      ASSERT_EQ(bpe.size(), 76u);
      EXPECT_EQ(std::vector<int64_t>(sd2.begin() + 1, sd2.begin() + 76),
                std::vector<int64_t>(bpe.begin(), bpe.begin() + 75));
      EXPECT_EQ(sd2[76], 49407);  // the 76th token is dropped for EOS
    } else if (name == "empty") {
      EXPECT_EQ(sd2[0], 49406);
      EXPECT_EQ(sd2[1], 49407);
      EXPECT_EQ(sd2[2], 0);
      EXPECT_EQ(sd1[2], 49407);
    }
  }
  EXPECT_EQ(tok->encode_padded("a cat", 0, 4), (std::vector<int64_t>{49406, 320, 2368, 49407}));
  EXPECT_EQ(tok->encode_padded("a cat", 0, 3), (std::vector<int64_t>{49406, 320, 49407}));
  EXPECT_THROW(tok->encode_padded("a", 0, 1), std::invalid_argument);
}

TEST(ClipTokenizerGolden, SpecialTokensAndOddCharacters) {
  REQUIRE_GOLDEN();
  // SimpleTokenizer's cache holds the special tokens, so typed ones map to ids.
  EXPECT_EQ(tok->encode("a <|endoftext|> b"), (std::vector<int>{320, 49407, 321}));
  EXPECT_EQ(tok->encode("<|startoftext|>"), std::vector<int>{49406});
  // U+0345 matches no alternative of the IGNORECASE pattern and is dropped.
  EXPECT_EQ(tok->encode("a \u0345 b"), tok->encode("a b"));
  // The contraction alternatives split words: "'sun" -> "'s" + "un".
  EXPECT_EQ(tok->tokens("'sun"), (std::vector<std::string>{"'s</w>", "un</w>"}));
  EXPECT_EQ(tok->encode("astronaut astronaut"), (std::vector<int>{18376, 18376}));
}

TEST(ClipTokenizerGolden, ConcurrentEncodeIsConsistent) {
  REQUIRE_GOLDEN();
  // encode() is const and shared across threads; its BPE cache must cope.
  const nlohmann::json prompts = load_golden("tiny-sd1").at("tokenizer").at("prompts");
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round)
        for (size_t i = 0; i < prompts.size(); ++i) {
          const auto& p = prompts[(i + static_cast<size_t>(t) * 7) % prompts.size()];
          if (tok->encode(p.at("text").get<std::string>()) !=
              p.at("bpe_ids").get<std::vector<int>>())
            ++mismatches;
        }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(ClipTokenizerHf, RoundTripMatchesGz) {
  REQUIRE_GOLDEN();
  TempDir tmp;
  nlohmann::json vocab = nlohmann::json::object();
  for (int id = 0; id < static_cast<int>(tok->vocab_size()); ++id)
    vocab[tok->token_string(id)] = id;
  write_text(tmp / "vocab.json", vocab.dump());
  // merges.txt as HF ships it: the same header line and merge lines.
  const fs::path gz = *stipple::test::golden_dir() / "bpe_simple_vocab_16e6.txt.gz";
  write_text(tmp / "merges.txt",
             "#version: 0.2\n" + read_gzip_lines(gz, ClipTokenizer::kMergeCount + 1)
                                     .substr(read_gzip_lines(gz, 1).size()));
  const ClipTokenizer hf =
      ClipTokenizer::from_hf_files((tmp / "vocab.json").string(), (tmp / "merges.txt").string());
  EXPECT_EQ(hf.vocab_size(), tok->vocab_size());
  EXPECT_EQ(hf.bos_id(), tok->bos_id());
  EXPECT_EQ(hf.eos_id(), tok->eos_id());
  for (const std::string stem : {"tiny-sd1", "tiny-sd2"}) {
    const nlohmann::json golden = load_golden(stem);  // outlives the loop
    for (const auto& p : golden.at("tokenizer").at("prompts")) {
      SCOPED_TRACE(p.at("name").get<std::string>());
      const std::string text = p.at("text");
      EXPECT_EQ(hf.encode(text), tok->encode(text));
      EXPECT_EQ(hf.encode(text), p.at("bpe_ids").get<std::vector<int>>());
    }
  }
}

TEST(ClipTokenizerErrors, GzFileProblemsNameTheFile) {
  TempDir tmp;
  const std::string missing = (tmp / "nope.txt.gz").string();
  expect_error([&] { ClipTokenizer::from_bpe_gz(missing); }, {missing, "not found"});

  const std::string plain = (tmp / "plain.txt.gz").string();
  write_text(plain, "this is not gzip\na b\n");
  expect_error([&] { ClipTokenizer::from_bpe_gz(plain); }, {plain, "not a gzip"});

  const std::string bad_lines = (tmp / "bad_lines.txt.gz").string();
  write_gzip(bad_lines, "#version: 0.2\ni n\nt h\na n d extra\n");
  expect_error([&] { ClipTokenizer::from_bpe_gz(bad_lines); },
               {bad_lines, "malformed merges line 4"});

  const std::string short_file = (tmp / "short.txt.gz").string();
  write_gzip(short_file, "#version: 0.2\ni n\nt h\n");
  expect_error([&] { ClipTokenizer::from_bpe_gz(short_file); }, {short_file, "too few merges"});

  if (const auto dir = stipple::test::golden_dir()) {
    // A gzip stream cut in the middle, and one with damaged deflate data.
    std::ifstream in(*dir / "bpe_simple_vocab_16e6.txt.gz", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string truncated = (tmp / "truncated.txt.gz").string();
    write_text(truncated, bytes.substr(0, bytes.size() / 2));
    expect_error([&] { ClipTokenizer::from_bpe_gz(truncated); }, {truncated, "gzip"});
    const std::string corrupt = (tmp / "corrupt.txt.gz").string();
    for (size_t i = 200; i < 400; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    write_text(corrupt, bytes);
    expect_error([&] { ClipTokenizer::from_bpe_gz(corrupt); }, {corrupt, "gzip"});
  }
}

TEST(ClipTokenizerErrors, HfFileProblemsNameTheFile) {
  TempDir tmp;
  const std::string vocab = (tmp / "vocab.json").string(), merges = (tmp / "merges.txt").string();
  write_text(merges, "#version: 0.2\ni n\n");
  expect_error([&] { ClipTokenizer::from_hf_files(vocab, merges); }, {vocab, "not found"});

  write_text(vocab, "{\"a\": 1,");
  expect_error([&] { ClipTokenizer::from_hf_files(vocab, merges); }, {vocab, "bad json"});
  write_text(vocab, "{\"a\": \"x\"}");
  expect_error([&] { ClipTokenizer::from_hf_files(vocab, merges); }, {vocab, "bad json"});
  write_text(vocab, "{\"a</w>\": 0}");
  expect_error([&] { ClipTokenizer::from_hf_files(vocab, merges); }, {vocab, "<|startoftext|>"});

  write_text(vocab, "{\"a</w>\": 0, \"<|startoftext|>\": 1, \"<|endoftext|>\": 2}");
  const std::string missing = (tmp / "missing.txt").string();
  expect_error([&] { ClipTokenizer::from_hf_files(vocab, missing); }, {missing, "not found"});
  write_text(merges, "#version: 0.2\ni n\nthree part line\n");
  expect_error([&] { ClipTokenizer::from_hf_files(vocab, merges); },
               {merges, "malformed merges line 3"});
  write_text(merges, "i n\n");
  expect_error([&] { ClipTokenizer::from_hf_files(vocab, merges); }, {merges, "header"});

  // A consistent tiny vocabulary works, and a piece missing from it is reported.
  write_text(merges, "#version: 0.2\na </w>\n");
  const ClipTokenizer tiny = ClipTokenizer::from_hf_files(vocab, merges);
  EXPECT_EQ(tiny.encode("a"), std::vector<int>{0});
  EXPECT_EQ(tiny.encode_padded("a", 0, 5), (std::vector<int64_t>{1, 0, 2, 0, 0}));
  EXPECT_THROW(tiny.encode("b"), std::runtime_error);
}

// Cleaning rules the golden prompts do not reach, worked out from ftfy 6.1.1
// and CPython's html/str semantics.
TEST(CleanPromptText, FtfyAndHtmlDetails) {
  EXPECT_EQ(clean_prompt_text("it&rsquo;s"), "it's");  // ftfy unescapes, then uncurls
  EXPECT_EQ(clean_prompt_text("<i>it&rsquo;s</i>"), "<i>it\u2019s</i>");  // '<': only html.unescape
  EXPECT_EQ(clean_prompt_text("P&EACUTE;REZ"), "p\u00e9rez");  // ftfy's upper-case entities
  EXPECT_EQ(clean_prompt_text("&amp;amp;lt;"), "<");
  EXPECT_EQ(clean_prompt_text("fish &amp chips &notit; &#x41;&#66;"), "fish & chips \u00acit; ab");
  EXPECT_EQ(clean_prompt_text("a\xc2\x85"
                              "b"),
            "a\u2026b");  // C1 control read as cp1252
  EXPECT_EQ(clean_prompt_text("\xef\xbc\xa1\xef\xbc\xa2\xe3\x80\x80x"),
            "ab x");                                                    // fullwidth + U+3000
  EXPECT_EQ(clean_prompt_text("\xef\xac\x80 \xc7\x85"), "ff d\u017e");  // ligature, digraph
  EXPECT_EQ(clean_prompt_text("e\xcc\x81"), "\u00e9");                  // NFC
  EXPECT_EQ(clean_prompt_text("\x1b[1;31mred\x1b[0m\x01"), "red");      // escapes and controls
  EXPECT_EQ(clean_prompt_text("\xce\xa3\xce\x91\xce\xa3 \xc4\xb0"),
            "\u03c3\u03b1\u03c2 i\u0307");  // final sigma, İ
  EXPECT_EQ(clean_prompt_text(" a\u2029b\u200bc\u3000 "), "a b\u200bc");
  EXPECT_EQ(clean_prompt_text("bad \xff utf8"), "bad \ufffd utf8");
}
