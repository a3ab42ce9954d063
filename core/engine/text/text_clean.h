// Prompt text cleaning that must match, character for character, what the
// reference tokenizers do before BPE, because any difference changes token ids
// and so the conditioning of every image:
//
//   openai/CLIP clip/simple_tokenizer.py (d05afc4):
//     SimpleTokenizer.encode: whitespace_clean(basic_clean(text)).lower()
//     basic_clean:            ftfy.fix_text -> html.unescape(html.unescape()) -> strip()
//     whitespace_clean:       re.sub(r'\s+', ' ', text).strip()
//
// with ftfy 6.1.1 fix_text under its default TextFixerConfig. Pure C++ + ICU
// (no Qt, no torch) so it can be tested and reused outside the engine.
#pragma once

#include <string>
#include <string_view>

namespace stipple {

// Cleans a UTF-8 prompt exactly as CLIP's SimpleTokenizer does before
// pre-tokenization (see above). Implemented parts of ftfy.fix_text, in its
// order, repeated per line until nothing changes: unescape_html (disabled for
// the rest of the text once a line contains '<', as ftfy's "auto" does),
// fix_c1_controls, fix_latin_ligatures, fix_character_width, uncurl_quotes,
// fix_line_breaks, remove_terminal_escapes, remove_control_chars, NFC.
// Not implemented: ftfy's mojibake detection (fix_encoding), which only acts on
// text that already looks broken. Invalid UTF-8 bytes become U+FFFD (Python
// would never see them; ftfy's fix_surrogates does the same for lone
// surrogates). Named HTML entities come from a table of the HTML 4 set plus
// common HTML 5 names, not Python's full html5 table.
std::string clean_prompt_text(std::string_view utf8);

namespace text_detail {

// UTF-8 <-> UTF-32 helpers shared by the cleaner and the tokenizer. Decoding
// replaces each invalid byte (and encoded surrogates) by U+FFFD.
std::u32string utf8_to_utf32(std::string_view utf8);
std::string utf32_to_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t cp);

// Python's str.isspace() / re `\s` for str patterns (Py_UNICODE_ISSPACE):
// Unicode White_Space plus U+001C..U+001F, which are bidi separators.
bool is_python_space(char32_t cp);

}  // namespace text_detail
}  // namespace stipple
