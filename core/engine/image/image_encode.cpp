// EXIF UserComment in JPEG (APP1) and WebP (EXIF chunk), after the TIFF 6.0 and Exif 2.3
// specifications and Google's WebP container specification (RIFF, VP8X).
#include "image/image_encode.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "image/image_io.h"
#include "text/text_clean.h"

namespace stipple {

namespace {

constexpr uint16_t kExifIfdPointer = 0x8769, kExifVersion = 0x9000, kUserComment = 0x9286;

void put16(std::string& s, uint16_t v) {
  s += static_cast<char>(v >> 8);
  s += static_cast<char>(v & 0xFF);
}
void put32(std::string& s, uint32_t v) {
  put16(s, static_cast<uint16_t>(v >> 16));
  put16(s, static_cast<uint16_t>(v & 0xFFFF));
}
void put32le(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put24le(std::string& s, uint32_t v) {
  for (int i = 0; i < 3; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

bool is_ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// The 8-byte charset code and the encoded text, at most `room` bytes of text.
std::string user_comment_value(const std::string& utf8, size_t room) {
  if (is_ascii(utf8)) return std::string("ASCII\0\0\0", 8) + utf8.substr(0, room);
  std::string text;
  for (char32_t c : text_detail::utf8_to_utf32(utf8)) {
    std::string unit;
    if (c >= 0x10000) {
      const char32_t v = c - 0x10000;
      put16(unit, static_cast<uint16_t>(0xD800 + (v >> 10)));
      put16(unit, static_cast<uint16_t>(0xDC00 + (v & 0x3FF)));
    } else {
      put16(unit, static_cast<uint16_t>(c));
    }
    if (text.size() + unit.size() > room) break;  // never split a surrogate pair
    text += unit;
  }
  return std::string("UNICODE\0", 8) + text;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads integers in the TIFF block's own byte order, with bounds checks.
struct TiffReader {
  const std::string& b;
  bool big = true;
  bool ok(size_t at, size_t n) const { return at <= b.size() && n <= b.size() - at; }
  uint32_t u16(size_t at) const {
    const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
    return big ? (p[0] << 8 | p[1]) : (p[1] << 8 | p[0]);
  }
  uint32_t u32(size_t at) const {
    return big ? (u16(at) << 16 | u16(at + 2)) : (u16(at + 2) << 16 | u16(at));
  }
  // Offset of the value of `tag` in the IFD at `ifd` and its count; false when absent.
  bool find(size_t ifd, uint16_t tag, uint32_t* count, size_t* value_at) const {
    if (!ok(ifd, 2)) return false;
    const uint32_t n = u16(ifd);
    if (!ok(ifd + 2, size_t{n} * 12)) return false;
    for (uint32_t i = 0; i < n; ++i) {
      const size_t e = ifd + 2 + size_t{i} * 12;
      if (u16(e) != tag) continue;
      *count = u32(e + 4);
      // UNDEFINED/ASCII bytes: inline when they fit in 4 bytes, else at the offset.
      *value_at = *count <= 4 ? e + 8 : u32(e + 8);
      return true;
    }
    return false;
  }
};

std::optional<std::string> user_comment_from_tiff(const std::string& tiff) {
  if (tiff.size() < 8) return std::nullopt;
  TiffReader r{tiff};
  if (tiff.compare(0, 2, "II") == 0) r.big = false;
  else if (tiff.compare(0, 2, "MM") != 0) return std::nullopt;
  if (r.u16(2) != 42) return std::nullopt;
  uint32_t count = 0;
  size_t at = 0;
  if (!r.find(r.u32(4), kExifIfdPointer, &count, &at) || !r.ok(at, 4)) return std::nullopt;
  const size_t exif_ifd = r.u32(at);
  if (!r.find(exif_ifd, kUserComment, &count, &at) || count < 8 || !r.ok(at, count)) return std::nullopt;
  const std::string code = tiff.substr(at, 8);
  std::string data = tiff.substr(at + 8, count - 8);
  if (code == std::string("UNICODE\0", 8)) {
    bool big = r.big;
    size_t i = 0;
    if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0xFE && static_cast<unsigned char>(data[1]) == 0xFF)
      big = true, i = 2;
    else if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0xFF && static_cast<unsigned char>(data[1]) == 0xFE)
      big = false, i = 2;
    std::u32string text;
    TiffReader u{data, big};
    for (; i + 1 < data.size(); i += 2) {
      char32_t c = u.u16(i);
      if (c >= 0xD800 && c < 0xDC00 && i + 3 < data.size()) {
        const char32_t lo = u.u16(i + 2);
        if (lo >= 0xDC00 && lo < 0xE000) {
          c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
          i += 2;
        }
      }
      text += c;
    }
    while (!text.empty() && text.back() == 0) text.pop_back();
    return text_detail::utf32_to_utf8(text);
  }
  while (!data.empty() && data.back() == '\0') data.pop_back();
  return data;  // ASCII, or undefined (commonly UTF-8)
}

}  // namespace

std::string exif_with_user_comment(const std::string& utf8, size_t max_bytes) {
  // Layout (big-endian): header 8 | IFD0 (1 entry) 18 @8 | Exif IFD (2 entries) 30 @26 | value @56.
  constexpr uint32_t kIfd0 = 8, kExifIfd = 26, kValue = 56;
  const size_t room = max_bytes > kValue + 8 ? max_bytes - kValue - 8 : 0;
  const std::string value = user_comment_value(utf8, room);
  std::string t = "MM";
  put16(t, 42);
  put32(t, kIfd0);
  put16(t, 1);  // IFD0: the pointer to the Exif IFD
  put16(t, kExifIfdPointer), put16(t, 4), put32(t, 1), put32(t, kExifIfd);
  put32(t, 0);
  put16(t, 2);  // Exif IFD, tags ascending
  put16(t, kExifVersion), put16(t, 7), put32(t, 4);
  t += "0230";
  put16(t, kUserComment), put16(t, 7), put32(t, static_cast<uint32_t>(value.size())), put32(t, kValue);
  put32(t, 0);
  if (t.size() != kValue) throw std::logic_error("EXIF layout");
  return t + value;
}

std::string encode_jpeg(const cv::Mat& rgb, int quality, const std::string& comment) {
  if (rgb.empty() || rgb.type() != CV_8UC3) throw std::invalid_argument("encode_jpeg: expected an 8-bit RGB image");
  if (quality < 1 || quality > 100) throw std::invalid_argument("JPEG quality " + std::to_string(quality) + " must be 1..100");
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  std::vector<uchar> jpg;
  if (!cv::imencode(".jpg", bgr, jpg, {cv::IMWRITE_JPEG_QUALITY, quality})) throw std::runtime_error("JPEG encoding failed");
  std::string out(reinterpret_cast<const char*>(jpg.data()), jpg.size());
  if (comment.empty()) return out;
  // APP1 = FFE1, length (itself + "Exif\0\0" + TIFF) <= 65535.
  const std::string tiff = exif_with_user_comment(comment, 65535 - 2 - 6);
  std::string app1 = "\xFF\xE1";
  put16(app1, static_cast<uint16_t>(2 + 6 + tiff.size()));
  app1 += std::string("Exif\0\0", 6) + tiff;
  // After SOI, and after a JFIF APP0 if there is one (JFIF requires APP0 first).
  size_t at = 2;
  if (out.size() > 6 && static_cast<unsigned char>(out[2]) == 0xFF && static_cast<unsigned char>(out[3]) == 0xE0)
    at = 4 + ((static_cast<unsigned char>(out[4]) << 8) | static_cast<unsigned char>(out[5]));
  out.insert(at, app1);
  return out;
}

bool webp_supported() { return cv::haveImageWriter(".webp"); }

std::string encode_webp(const cv::Mat& rgb, int quality, const std::string& comment) {
  if (rgb.empty() || rgb.type() != CV_8UC3) throw std::invalid_argument("encode_webp: expected an 8-bit RGB image");
  if (quality < 1 || quality > 100) throw std::invalid_argument("WebP quality " + std::to_string(quality) + " must be 1..100");
  if (!webp_supported()) throw std::runtime_error("this build of OpenCV cannot write WebP");
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  std::vector<uchar> buf;
  if (!cv::imencode(".webp", bgr, buf, {cv::IMWRITE_WEBP_QUALITY, quality})) throw std::runtime_error("WebP encoding failed");
  const std::string simple(reinterpret_cast<const char*>(buf.data()), buf.size());
  if (comment.empty()) return simple;
  if (simple.size() < 20 || simple.compare(0, 4, "RIFF") != 0 || simple.compare(8, 4, "WEBP") != 0)
    throw std::runtime_error("WebP encoding gave an unexpected container");
  if (simple.compare(12, 4, "VP8X") == 0) throw std::runtime_error("WebP encoder already wrote an extended file");
  // Extended format: VP8X (flags: EXIF), the image chunk(s) as encoded, then EXIF.
  std::string body = "WEBP";
  body += "VP8X";
  put32le(body, 10);
  body += static_cast<char>(0x08);  // EXIF metadata present
  body += std::string(3, '\0');
  put24le(body, static_cast<uint32_t>(rgb.cols - 1));
  put24le(body, static_cast<uint32_t>(rgb.rows - 1));
  body.append(simple, 12, std::string::npos);
  const std::string exif = exif_with_user_comment(comment, 16u << 20);
  body += "EXIF";
  put32le(body, static_cast<uint32_t>(exif.size()));
  body += exif;
  if (exif.size() % 2) body += '\0';  // chunks are padded to even sizes
  std::string out = "RIFF";
  put32le(out, static_cast<uint32_t>(body.size()));
  return out + body;
}

std::optional<std::string> read_exif_user_comment_bytes(const std::string& b) {
  const auto* u = reinterpret_cast<const unsigned char*>(b.data());
  if (b.size() > 4 && u[0] == 0xFF && u[1] == 0xD8) {
    size_t i = 2;
    while (i + 4 <= b.size() && u[i] == 0xFF) {
      const unsigned marker = u[i + 1];
      if (marker == 0xDA || marker == 0xD9) break;  // image data / end: no more metadata
      const size_t len = (size_t{u[i + 2]} << 8) | u[i + 3];
      if (len < 2 || i + 2 + len > b.size()) break;
      if (marker == 0xE1 && len >= 8 && b.compare(i + 4, 6, std::string("Exif\0\0", 6)) == 0)
        if (auto c = user_comment_from_tiff(b.substr(i + 10, len - 8))) return c;
      i += 2 + len;
    }
    return std::nullopt;
  }
  if (b.size() >= 12 && b.compare(0, 4, "RIFF") == 0 && b.compare(8, 4, "WEBP") == 0) {
    size_t i = 12;
    while (i + 8 <= b.size()) {
      const uint32_t len = u[i + 4] | u[i + 5] << 8 | u[i + 6] << 16 | static_cast<uint32_t>(u[i + 7]) << 24;
      if (len > b.size() - i - 8) break;
      if (b.compare(i, 4, "EXIF") == 0) {
        std::string tiff = b.substr(i + 8, len);
        if (tiff.compare(0, 6, std::string("Exif\0\0", 6)) == 0) tiff.erase(0, 6);  // some writers add it
        return user_comment_from_tiff(tiff);
      }
      i += 8 + len + (len % 2);
    }
  }
  return std::nullopt;
}

std::optional<std::string> read_exif_user_comment(const std::filesystem::path& path) {
  return read_exif_user_comment_bytes(read_file(path));
}

std::optional<std::string> read_image_parameters(const std::filesystem::path& path) {
  const auto text = read_png_text(path);
  if (auto it = text.find("parameters"); it != text.end()) return it->second;
  return read_exif_user_comment(path);
}

}  // namespace stipple
