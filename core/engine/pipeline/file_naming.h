#pragma once
// File names for exported images: a template with placeholders, and prompt slugs that are safe
// on every filesystem (Linux, macOS, Windows). Torch-free and Qt-free.
#include <cstdint>
#include <string>
#include <vector>

namespace stipple {

// Lower-case ASCII letters, digits and '-': Latin letters lose their accents (é -> e, ß -> ss,
// æ -> ae, ø -> o), other characters (CJK, emoji, punctuation, '/', '\') separate words and are
// dropped, runs of '-' collapse, no '-' at the ends. Cut at a word boundary to at most
// max_length characters. Windows device names (con, nul, com1, ...) get "-x" appended.
// "untitled" when nothing is left.
std::string slug(const std::string& utf8, size_t max_length = 60);

// True for names Windows reserves whatever the extension: CON, PRN, AUX, NUL, COM1-9, LPT1-9
// (case-insensitive; `stem` is the part before the first '.').
bool is_windows_reserved_name(const std::string& stem);

// What the placeholders of a template stand for, for one image.
struct FileNameFields {
  int index = 0;          // 1-based number of the image in the batch
  int index_width = 4;    // zero padding of {index}
  uint64_t seed = 0;
  std::string prompt;     // slugged by the template
  std::string model;      // slugged by the template
  std::string date;       // YYYYMMDD
  std::string sampler;
  int steps = 0;
  double cfg = 0;
  int width = 0, height = 0;
};

// Placeholders: {index} {seed} {prompt} {model} {date} {sampler} {steps} {cfg} {width} {height}.
// Returns the problem ("" when usable): unknown placeholder, unbalanced brace, a path separator
// or a character Windows forbids (<>:"|?*), empty.
std::string check_name_template(const std::string& name_template);
std::vector<std::string> name_template_placeholders();

// The file stem (no extension) for `fields`; assumes check_name_template passed. Literal text
// is kept; a stem Windows reserves gets "-x"; trailing dots and spaces are removed (Windows).
std::string expand_name_template(const std::string& name_template, const FileNameFields& fields);

// "YYYYMMDD" in local time.
std::string date_stamp(int64_t unix_seconds);

}  // namespace stipple
