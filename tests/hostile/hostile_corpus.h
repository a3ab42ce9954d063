#pragma once
// A corpus of hostile model files and images, generated from the golden tiny SD1 checkpoint and
// from hand-built PNG/JPEG/BMP bytes: each case writes its file (or folder, or link) into a
// scratch folder and says what a user must be told. Shared by the engine-level test and the CLI
// test, so both assert the same message for the same file.
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace stipple::hostile {

enum class Kind { Model, Image };

struct Case {
  std::string name;
  Kind kind = Kind::Model;
  // Writes the case under `dir` (from the golden checkpoint `golden`) and returns the path a
  // user would open.
  std::function<std::filesystem::path(const std::filesystem::path& dir, const std::filesystem::path& golden)> make;
  // Substring of the error message; empty: the file is unusual but valid and must load.
  std::string expect;
  // Images that load: the colour every pixel must have (RGB, within a JPEG's tolerance).
  std::array<int, 3> rgb = {255, 128, 0};
  // Models: run with the golden tokenizer given explicitly (false: the folder's own must serve).
  bool tokenizer_override = true;
};

// Diffusers-folder cases start from a folder this writes (the golden checkpoint saved in
// diffusers layout); the test sets it, so the corpus itself needs no torch.
void set_diffusers_writer(std::function<void(const std::filesystem::path& golden, const std::filesystem::path& folder)> writer);

// gtest prints a case by its name.
inline void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::vector<Case> model_cases();
std::vector<Case> image_cases();
std::vector<Case> all_cases();

}  // namespace stipple::hostile
