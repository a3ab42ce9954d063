#pragma once
// Reading and writing images for the engine (CLI, batch export): RGB 8-bit matrices, decoded
// with limits so a hostile file cannot exhaust memory, and PNG files that carry text chunks
// (A1111's "parameters").
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include <opencv2/core/mat.hpp>

namespace stipple {

struct ImageLimits {
  int64_t max_pixels = 64ll * 1024 * 1024;  // 64 megapixels (8192 x 8192)
};

// Loads PNG/JPEG/WebP/BMP/... as CV_8UC3 RGB, EXIF orientation applied, alpha composited on
// white, 16-bit reduced to 8. Throws naming the file and the problem (missing, not an image,
// truncated, too large: claimed size vs the limit).
cv::Mat load_image_rgb(const std::filesystem::path& path, const ImageLimits& limits = {});
// What load_image_rgb would refuse before decoding, for readers with their own decoders (the
// GUI's Qt image plugins): not a regular file (a folder, a FIFO, a link loop), empty, a claimed
// size of 0 or over the limit, a JPEG or PNG cut short. Empty when the file may be decoded.
std::string check_image_file(const std::filesystem::path& path, const ImageLimits& limits = {});
// Loads a mask as CV_8UC1 (grayscale; for RGBA files the alpha channel is the mask).
cv::Mat load_mask(const std::filesystem::path& path, const ImageLimits& limits = {});

// Writes CV_8UC3 RGB as PNG with text chunks (tEXt for Latin-1, iTXt for other UTF-8),
// atomically. Throws naming the path (unwritable folder, full disk).
void write_png(const std::filesystem::path& path, const cv::Mat& rgb,
               const std::map<std::string, std::string>& text = {});
// PNG bytes in memory, same chunks.
std::string encode_png(const cv::Mat& rgb, const std::map<std::string, std::string>& text = {});

// Text chunks (tEXt, zTXt, iTXt) of a PNG file; empty for other formats.
std::map<std::string, std::string> read_png_text(const std::filesystem::path& path);

}  // namespace stipple
