// A1111 prompt syntax and chunking beyond 77 tokens.
#include <gtest/gtest.h>

#include "golden.h"
#include "pipeline/prompt.h"

using stipple::parse_prompt_attention;
using Parsed = std::vector<std::pair<std::string, double>>;

namespace {

void expect_parsed(const std::string& prompt, const Parsed& expected) {
  const auto got = parse_prompt_attention(prompt);
  ASSERT_EQ(got.size(), expected.size()) << prompt;
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].first, expected[i].first) << prompt;
    EXPECT_NEAR(got[i].second, expected[i].second, 1e-9) << prompt << " part " << i;
  }
}

}  // namespace

TEST(PromptSyntax, A1111Cases) {
  expect_parsed("normal text", {{"normal text", 1.0}});
  expect_parsed("an (important) word", {{"an ", 1.0}, {"important", 1.1}, {" word", 1.0}});
  expect_parsed("(unbalanced", {{"unbalanced", 1.1}});
  expect_parsed("\\(literal\\]", {{"(literal]", 1.0}});
  expect_parsed("(unnecessary)(parens)", {{"unnecessaryparens", 1.1}});
  expect_parsed("a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).",
                {{"a ", 1.0}, {"house", 1.5730000000000004}, {" ", 1.1}, {"on", 1.0}, {" a ", 1.1}, {"hill", 0.55},
                 {", sun, ", 1.1}, {"sky", 1.4641000000000006}, {".", 1.1}});
  expect_parsed("[[square]]", {{"square", 1 / 1.1 / 1.1}});
  expect_parsed("(cat:1.2) BREAK dog", {{"cat", 1.2}, {"", 1.0}, {"BREAK", -1}, {"dog", 1.0}});
  expect_parsed("", {{"", 1.0}});
  expect_parsed("weight without bracket:1.3)", {{"weight without bracket:1.3)", 1.0}});
  // re.split keeps empty pieces; BREAK only as a whole word; spaces around it go with it.
  expect_parsed("a BREAK", {{"a", 1.0}, {"BREAK", -1}, {"", 1.0}});
  expect_parsed("a BREAK  BREAK\tb", {{"a", 1.0}, {"BREAK", -1}, {"", 1.0}, {"BREAK", -1}, {"b", 1.0}});
  expect_parsed("BREAKfast xBREAK", {{"BREAKfast xBREAK", 1.0}});
  expect_parsed("(x: +1.5 )(y:-.5)", {{"x", 1.5}, {"y", -0.5}});
  expect_parsed("(x:1.5 z)", {{"x:1.5 z", 1.1}});
  expect_parsed("a\\\\b\\", {{"a\\b", 1.0}});  // a pair of backslashes is one; a lone one is dropped
}

// Pasted text can be long: the parser is a loop (a backtracking regex recursed per character
// and overflowed the stack at some 100 KB), and merging equal weights is one pass.
TEST(PromptSyntax, LongInputsParseInLinearTime) {
  const std::string run(4 << 20, 'a');
  auto got = parse_prompt_attention(run);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].first.size(), run.size());
  std::string escapes;
  for (int i = 0; i < 200000; ++i) escapes += "\\(";
  got = parse_prompt_attention(escapes);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].first, std::string(200000, '('));
  std::string spaced(1 << 20, ' ');
  got = parse_prompt_attention(spaced + "BREAK" + spaced);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[1].first, "BREAK");
}

TEST(PromptChunks, LongPromptsSplitIntoChunksOf75) {
  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  const auto tok = stipple::ClipTokenizer::from_bpe_gz((*dir / "bpe_simple_vocab_16e6.txt.gz").string());
  std::string prompt;
  for (int i = 0; i < 100; ++i) prompt += "cat ";
  auto chunks = stipple::tokenize_prompt(tok, prompt, 49407);
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0].token_count, 75);
  EXPECT_EQ(chunks[1].token_count, 25);
  for (const auto& c : chunks) {
    ASSERT_EQ(c.ids.size(), 77u);
    EXPECT_EQ(c.ids.front(), 49406);
  }
  EXPECT_EQ(chunks[1].ids[26], 49407);  // EOS right after the 25 tokens
  // BREAK starts a new chunk; SD2 pads with 0 after EOS.
  chunks = stipple::tokenize_prompt(tok, "a cat BREAK a dog", 0);
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0].token_count, 2);
  EXPECT_EQ(chunks[0].ids[3], 49407);
  EXPECT_EQ(chunks[0].ids[4], 0);
  // Weights land on the tokens they belong to.
  chunks = stipple::tokenize_prompt(tok, "a (red:1.5) cat", 49407);
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_FLOAT_EQ(chunks[0].multipliers[1], 1.0f);
  EXPECT_FLOAT_EQ(chunks[0].multipliers[2], 1.5f);
  EXPECT_FLOAT_EQ(chunks[0].multipliers[3], 1.0f);
  // A comma within 20 tokens of the cut moves the words after it to the next chunk.
  std::string commas;
  for (int i = 0; i < 70; ++i) commas += "cat ";
  commas += ", one two three four five six seven eight";
  chunks = stipple::tokenize_prompt(tok, commas, 49407);
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0].token_count, 71);  // 70 cats and the comma
  EXPECT_EQ(chunks[1].token_count, 8);
}
