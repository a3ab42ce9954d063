#pragma once
// Image files that Qt's plugins cannot handle on this system go through OpenCV's codecs instead:
// WebP needs the optional qt6-image-formats-plugins package, while OpenCV's imgcodecs (which the
// engine links anyway) reads and writes it.
#include <QImage>
#include <QString>

namespace stipple::jobs {

// By file name suffix.
bool openCvCanRead(const QString& path);
bool openCvCanWrite(const QString& path);

// RGB888, or RGBA8888 when the file has alpha; EXIF orientation applied for files without alpha.
QImage readWithOpenCv(const QString& path, QString* error);
// The file bytes for `image` in the format of `path`'s suffix; `quality` 0..100 for lossy formats.
// Empty with `error` set on failure.
QByteArray encodeWithOpenCv(const QImage& image, const QString& path, int quality, QString* error);

}  // namespace stipple::jobs
