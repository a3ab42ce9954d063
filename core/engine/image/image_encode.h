#pragma once
// JPEG and WebP files that carry A1111's generation parameters the way A1111 writes them: in the
// EXIF UserComment tag (JPEG: an APP1 "Exif" segment; WebP: an EXIF chunk in the extended
// format). OpenCV encodes the pixels; the metadata is written here, byte by byte.
#include <filesystem>
#include <optional>
#include <string>

#include <opencv2/core/mat.hpp>

namespace stipple {

// CV_8UC3 RGB -> JPEG bytes, quality 1..100. A non-empty comment goes into EXIF UserComment,
// charset "ASCII" when it is pure ASCII, else "UNICODE" (UTF-16, big-endian like the TIFF
// header), truncated to fit the 64 KiB segment.
std::string encode_jpeg(const cv::Mat& rgb, int quality, const std::string& user_comment = {});
// CV_8UC3 RGB -> lossy WebP bytes, quality 1..100; the comment as for JPEG, in an EXIF chunk
// (VP8X extended format). Throws when this OpenCV build cannot write WebP.
std::string encode_webp(const cv::Mat& rgb, int quality, const std::string& user_comment = {});
bool webp_supported();

// The EXIF block itself: a big-endian TIFF structure (IFD0 -> Exif IFD -> ExifVersion,
// UserComment), without the "Exif\0\0" prefix.
std::string exif_with_user_comment(const std::string& utf8, size_t max_bytes = 65000);

// UserComment of a JPEG or WebP file (either TIFF byte order; ASCII, UNICODE or undefined
// charsets), as UTF-8; nullopt when there is none.
std::optional<std::string> read_exif_user_comment(const std::filesystem::path& path);
std::optional<std::string> read_exif_user_comment_bytes(const std::string& file_bytes);

// The A1111 parameters of an image file: the PNG "parameters" text, else the EXIF UserComment.
std::optional<std::string> read_image_parameters(const std::filesystem::path& path);

}  // namespace stipple
