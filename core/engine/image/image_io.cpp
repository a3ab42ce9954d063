#include "image/image_io.h"

#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "io/atomic_file.h"

namespace stipple {

namespace {

std::string read_all(const std::filesystem::path& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    throw std::runtime_error(path.string() + ": cannot open (" + ec.message() + ")");  // a link loop, say
  if (!std::filesystem::exists(status)) throw std::runtime_error(path.string() + ": no such file");
  if (std::filesystem::is_directory(status)) throw std::runtime_error(path.string() + ": is a folder, not an image");
  // A FIFO or a device would block or never end.
  if (!std::filesystem::is_regular_file(status)) throw std::runtime_error(path.string() + ": not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

uint32_t be32(const unsigned char* p) { return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3]; }

uint32_t le24(const unsigned char* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16; }

// Width and height from a PNG/JPEG/WebP/BMP header without decoding, to refuse huge claims
// before OpenCV allocates. nullopt when the format or its size field is not recognised (OpenCV
// then decides, under OPENCV_IO_MAX_IMAGE_PIXELS).
std::optional<std::pair<int64_t, int64_t>> claimed_size(const std::string& b) {
  const auto* u = reinterpret_cast<const unsigned char*>(b.data());
  if (b.size() >= 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return std::make_pair<int64_t, int64_t>(be32(u + 16), be32(u + 20));
  if (b.size() >= 26 && b[0] == 'B' && b[1] == 'M')
    return std::make_pair<int64_t, int64_t>(std::abs(int64_t(int32_t(u[18] | u[19] << 8 | u[20] << 16 | uint32_t(u[21]) << 24))),
                                            std::abs(int64_t(int32_t(u[22] | u[23] << 8 | u[24] << 16 | uint32_t(u[25]) << 24))));
  if (b.size() >= 4 && u[0] == 0xFF && u[1] == 0xD8) {
    size_t i = 2;
    while (i + 9 < b.size()) {
      if (u[i] != 0xFF) break;
      const unsigned m = u[i + 1];
      const size_t len = (size_t(u[i + 2]) << 8) | u[i + 3];
      if ((m >= 0xC0 && m <= 0xCF) && m != 0xC4 && m != 0xC8 && m != 0xCC)
        return std::make_pair<int64_t, int64_t>((int64_t(u[i + 7]) << 8) | u[i + 8], (int64_t(u[i + 5]) << 8) | u[i + 6]);
      i += 2 + len;
    }
  }
  if (b.size() >= 30 && b.compare(0, 4, "RIFF") == 0 && b.compare(8, 4, "WEBP") == 0) {
    if (b.compare(12, 4, "VP8X") == 0) return std::make_pair<int64_t, int64_t>(le24(u + 24) + 1, le24(u + 27) + 1);
    if (b.compare(12, 4, "VP8L") == 0 && u[20] == 0x2F) {
      const uint32_t bits = u[21] | uint32_t(u[22]) << 8 | uint32_t(u[23]) << 16 | uint32_t(u[24]) << 24;
      return std::make_pair<int64_t, int64_t>((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }
    if (b.compare(12, 4, "VP8 ") == 0 && u[23] == 0x9D && u[24] == 0x01 && u[25] == 0x2A)
      return std::make_pair<int64_t, int64_t>((u[26] | u[27] << 8) & 0x3FFF, (u[28] | u[29] << 8) & 0x3FFF);
  }
  return std::nullopt;
}

// Truncated files that a decoder would fill in with grey instead of failing: a JPEG must have
// its end-of-image marker after the last start of scan, a PNG its IEND chunk.
std::optional<std::string> truncation(const std::string& b) {
  const auto* u = reinterpret_cast<const unsigned char*>(b.data());
  if (b.size() >= 2 && u[0] == 0xFF && u[1] == 0xD8) {
    const size_t sos = b.rfind("\xFF\xDA");
    if (sos == std::string::npos) return "the JPEG file is truncated (it ends before the image data)";
    if (b.find("\xFF\xD9", sos) == std::string::npos) return "the JPEG file is truncated (no end-of-image marker)";
  }
  if (b.size() >= 8 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 && b.find("IEND", 8) == std::string::npos)
    return "the PNG file is truncated (no IEND chunk)";
  return std::nullopt;
}

void check_bytes(const std::filesystem::path& path, const std::string& bytes, const ImageLimits& limits) {
  if (bytes.empty()) throw std::runtime_error(path.string() + ": the file is empty");
  if (const auto claim = claimed_size(bytes)) {
    const auto [w, h] = *claim;
    if (w == 0 || h == 0)
      throw std::runtime_error(path.string() + ": the image claims " + std::to_string(w) + "x" + std::to_string(h) +
                               " pixels; an image needs at least one");
    if (w > limits.max_pixels || h > limits.max_pixels || w * h > limits.max_pixels)
      throw std::runtime_error(path.string() + ": the image claims " + std::to_string(w) + "x" + std::to_string(h) +
                               " pixels, more than the limit of " + std::to_string(limits.max_pixels) + " pixels");
  }
  if (const auto why = truncation(bytes)) throw std::runtime_error(path.string() + ": " + *why);
}

cv::Mat decode(const std::filesystem::path& path, const std::string& bytes, const ImageLimits& limits, int flags) {
  check_bytes(path, bytes, limits);
  // Formats whose size is not read above (TIFF, PNM, ...) are held to the same limit by OpenCV.
  static const bool opencv_limit = [] { return ::setenv("OPENCV_IO_MAX_IMAGE_PIXELS", "67108864", 0) == 0; }();
  (void)opencv_limit;
  cv::Mat img;
  try {
    img = cv::imdecode(cv::Mat(1, static_cast<int>(bytes.size()), CV_8U, const_cast<char*>(bytes.data())), flags);
  } catch (const cv::Exception& e) {
    throw std::runtime_error(path.string() + ": cannot decode the image (" + e.msg + ")");
  }
  if (img.empty())
    throw std::runtime_error(path.string() + ": not a readable image (unknown format, or the file is damaged)");
  if (img.total() == 0) throw std::runtime_error(path.string() + ": the image has no pixels");
  if (static_cast<int64_t>(img.total()) > limits.max_pixels)
    throw std::runtime_error(path.string() + ": the image has " + std::to_string(img.cols) + "x" +
                             std::to_string(img.rows) + " pixels, more than the limit");
  if (img.depth() == CV_16U) img.convertTo(img, CV_8U, 1.0 / 257.0);
  return img;
}

void append_chunk(std::string& out, const std::string& type, const std::string& data) {
  auto put32 = [&](uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>((v >> s) & 0xFF));
  };
  put32(static_cast<uint32_t>(data.size()));
  const std::string body = type + data;
  out += body;
  put32(static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

bool is_latin1_ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

}  // namespace

std::string check_image_file(const std::filesystem::path& path, const ImageLimits& limits) {
  try {
    check_bytes(path, read_all(path), limits);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return {};
}

cv::Mat load_image_rgb(const std::filesystem::path& path, const ImageLimits& limits) {
  // PNGs with an alpha channel (colour types 4 and 6) keep it so it can be composited;
  // everything else decodes through IMREAD_COLOR, which also applies EXIF orientation.
  const std::string bytes = read_all(path);
  const bool png_alpha = bytes.size() >= 26 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 &&
                         (bytes[25] == 4 || bytes[25] == 6);
  cv::Mat img = decode(path, bytes, limits, png_alpha ? cv::IMREAD_UNCHANGED : cv::IMREAD_COLOR);
  if (img.channels() == 4) {
    // Composite on white: transparent areas become paper, not black.
    cv::Mat bgra;
    img.convertTo(bgra, CV_32F, 1.0 / 255.0);
    std::vector<cv::Mat> ch;
    cv::split(bgra, ch);
    for (int c = 0; c < 3; ++c) ch[c] = ch[c].mul(ch[3]) + (1.0 - ch[3]);
    cv::Mat bgr;
    cv::merge(std::vector<cv::Mat>{ch[0], ch[1], ch[2]}, bgr);
    bgr.convertTo(img, CV_8U, 255.0);
  } else if (img.channels() == 2) {
    cv::Mat ga[2];
    cv::split(img, ga);
    img = ga[0];
  }
  if (img.channels() == 1) cv::cvtColor(img, img, cv::COLOR_GRAY2BGR);
  cv::Mat rgb;
  cv::cvtColor(img, rgb, cv::COLOR_BGR2RGB);
  return rgb;
}

cv::Mat load_mask(const std::filesystem::path& path, const ImageLimits& limits) {
  cv::Mat img = decode(path, read_all(path), limits, cv::IMREAD_UNCHANGED);
  if (img.depth() == CV_16U) img.convertTo(img, CV_8U, 1.0 / 257.0);
  cv::Mat gray;
  if (img.channels() == 4) {
    cv::extractChannel(img, gray, 3);
    double lo = 0, hi = 0;
    cv::minMaxLoc(gray, &lo, &hi);
    if (lo == hi) cv::cvtColor(img, gray, cv::COLOR_BGRA2GRAY);  // opaque RGBA: use the colours
  } else if (img.channels() == 3) {
    cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
  } else {
    gray = img;
  }
  return gray;
}

std::string encode_png(const cv::Mat& rgb, const std::map<std::string, std::string>& text) {
  if (rgb.empty() || rgb.type() != CV_8UC3) throw std::invalid_argument("encode_png: expected an 8-bit RGB image");
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  std::vector<uchar> png;
  if (!cv::imencode(".png", bgr, png)) throw std::runtime_error("PNG encoding failed");
  // Text chunks go right after IHDR (8-byte signature + 25-byte IHDR chunk).
  std::string out(reinterpret_cast<const char*>(png.data()), 33);
  for (const auto& [key, value] : text) {
    if (is_latin1_ascii(value))
      append_chunk(out, "tEXt", key + std::string(1, '\0') + value);
    else  // iTXt: keyword, 0, compression flag 0, method 0, empty language, 0, empty translated keyword, 0, UTF-8 text
      append_chunk(out, "iTXt", key + std::string(1, '\0') + std::string(2, '\0') + std::string(1, '\0') +
                                    std::string(1, '\0') + value);
  }
  out.append(reinterpret_cast<const char*>(png.data()) + 33, png.size() - 33);
  return out;
}

void write_png(const std::filesystem::path& path, const cv::Mat& rgb, const std::map<std::string, std::string>& text) {
  write_file_atomic(path, encode_png(rgb, text));
}

std::map<std::string, std::string> read_png_text(const std::filesystem::path& path) {
  const std::string b = read_all(path);
  std::map<std::string, std::string> out;
  if (b.size() < 8 || b.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return out;
  size_t i = 8;
  while (i + 12 <= b.size()) {
    const uint32_t len = be32(reinterpret_cast<const unsigned char*>(b.data() + i));
    if (len > b.size() - i - 12) break;  // truncated chunk: stop, keep what was read
    const std::string type = b.substr(i + 4, 4);
    const std::string data = b.substr(i + 8, len);
    i += 12 + len;
    const size_t z = data.find('\0');
    if (z == std::string::npos) continue;
    const std::string key = data.substr(0, z);
    if (type == "tEXt") {
      out[key] = data.substr(z + 1);
    } else if (type == "iTXt" && data.size() > z + 2) {
      const bool compressed = data[z + 1] != 0;
      size_t p = data.find('\0', z + 3);             // end of language tag
      if (p == std::string::npos) continue;
      p = data.find('\0', p + 1);                     // end of translated keyword
      if (p == std::string::npos) continue;
      std::string value = data.substr(p + 1);
      if (compressed) {
        uLongf cap = static_cast<uLongf>(std::min<size_t>(value.size() * 20 + 1024, 16u << 20));
        std::string buf(cap, '\0');
        if (uncompress(reinterpret_cast<Bytef*>(buf.data()), &cap, reinterpret_cast<const Bytef*>(value.data()),
                       static_cast<uLong>(value.size())) != Z_OK)
          continue;
        buf.resize(cap);
        value = buf;
      }
      out[key] = value;
    } else if (type == "zTXt" && data.size() > z + 2) {
      const std::string comp = data.substr(z + 2);
      uLongf cap = static_cast<uLongf>(std::min<size_t>(comp.size() * 20 + 1024, 16u << 20));
      std::string buf(cap, '\0');
      if (uncompress(reinterpret_cast<Bytef*>(buf.data()), &cap, reinterpret_cast<const Bytef*>(comp.data()),
                     static_cast<uLong>(comp.size())) == Z_OK) {
        buf.resize(cap);
        out[key] = buf;
      }
    } else if (type == "IEND") {
      break;
    }
  }
  return out;
}

}  // namespace stipple
