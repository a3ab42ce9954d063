#include "document/pngtext.h"

#include <array>

namespace stipple::ui {

namespace {

// CRC-32 (ISO 3309, as the PNG specification defines it), table-driven.
quint32 crc32(const QByteArray& bytes) {
  static const std::array<quint32, 256> table = [] {
    std::array<quint32, 256> t{};
    for (quint32 n = 0; n < 256; ++n) {
      quint32 c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  quint32 c = 0xFFFFFFFFu;
  for (char byte : bytes) c = table[(c ^ static_cast<quint8>(byte)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void appendBigEndian(QByteArray& out, quint32 v) {
  out.append(static_cast<char>(v >> 24)).append(static_cast<char>(v >> 16));
  out.append(static_cast<char>(v >> 8)).append(static_cast<char>(v));
}

bool isLatin1(const QString& text) {
  for (QChar c : text)
    if (c.unicode() > 0xFF) return false;
  return true;
}

}  // namespace

QByteArray withPngText(const QByteArray& png, const QString& key, const QString& text) {
  static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
  // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC).
  constexpr int kIhdrEnd = 8 + 25;
  if (!png.startsWith(signature) || png.size() < kIhdrEnd || png.mid(12, 4) != "IHDR") return {};

  QByteArray typeAndData;
  if (isLatin1(text)) {
    typeAndData = "tEXt" + key.toLatin1() + '\0' + text.toLatin1();
  } else {
    // keyword, 0, compression flag 0, method 0, empty language tag, 0, empty translated keyword, 0, text.
    typeAndData = "iTXt" + key.toLatin1() + QByteArray("\0\0\0\0\0", 5) + text.toUtf8();
  }
  QByteArray chunk;
  appendBigEndian(chunk, static_cast<quint32>(typeAndData.size() - 4));
  chunk += typeAndData;
  appendBigEndian(chunk, crc32(typeAndData));
  return png.left(kIhdrEnd) + chunk + png.mid(kIhdrEnd);
}

}  // namespace stipple::ui
