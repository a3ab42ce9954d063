#pragma once
// Helpers the trainer's tests share (test_train.cpp, test_train_data.cpp).
#include <filesystem>
#include <string>

#include <unistd.h>

#include <opencv2/core.hpp>

namespace stipple::test {

// An empty folder under the temp directory, unique to this process.
inline std::filesystem::path temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("stipple-test-train-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline bool same_pixels(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

}  // namespace stipple::test
