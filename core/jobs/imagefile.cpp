#include "jobs/imagefile.h"

#include <QFile>
#include <cstring>
#include <QFileInfo>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "jobs/imageconvert.h"

namespace stipple::jobs {

namespace {

std::string localPath(const QString& path) { return QFile::encodeName(path).toStdString(); }

std::string suffixOf(const QString& path) {
  return "." + QFileInfo(path).suffix().toLower().toStdString();
}

}  // namespace

bool openCvCanRead(const QString& path) {
  try {
    return QFileInfo(path).isFile() && cv::haveImageReader(localPath(path));
  } catch (const cv::Exception&) {
    return false;
  }
}

bool openCvCanWrite(const QString& path) {
  try {
    return cv::haveImageWriter(suffixOf(path));
  } catch (const cv::Exception&) {
    return false;
  }
}

QImage readWithOpenCv(const QString& path, QString* error) {
  try {
    cv::Mat raw = cv::imread(localPath(path), cv::IMREAD_UNCHANGED);
    if (raw.empty()) {
      if (error) *error = QStringLiteral("cannot decode the file");
      return {};
    }
    if (raw.depth() == CV_8U && raw.channels() == 4) {
      cv::Mat rgba;
      cv::cvtColor(raw, rgba, cv::COLOR_BGRA2RGBA);
      QImage image(rgba.cols, rgba.rows, QImage::Format_RGBA8888);
      for (int y = 0; y < rgba.rows; ++y)
        std::memcpy(image.scanLine(y), rgba.ptr(y), static_cast<size_t>(rgba.cols) * 4);
      return image;
    }
    // Without alpha, read again as colour so EXIF orientation is applied and depth is 8 bit.
    cv::Mat bgr = cv::imread(localPath(path), cv::IMREAD_COLOR);
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return imageFromMat(rgb);
  } catch (const cv::Exception& e) {
    if (error) *error = QString::fromStdString(e.msg);
    return {};
  }
}

QByteArray encodeWithOpenCv(const QImage& image, const QString& path, int quality, QString* error) {
  try {
    const cv::Mat rgb = rgbMatFromImage(image);
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<int> params;
    const std::string suffix = suffixOf(path);
    if (suffix == ".webp") params = {cv::IMWRITE_WEBP_QUALITY, quality};
    if (suffix == ".jpg" || suffix == ".jpeg") params = {cv::IMWRITE_JPEG_QUALITY, quality};
    std::vector<uchar> bytes;
    if (!cv::imencode(suffix, bgr, bytes, params) || bytes.empty()) {
      if (error) *error = QStringLiteral("cannot encode %1").arg(QString::fromStdString(suffix));
      return {};
    }
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
  } catch (const cv::Exception& e) {
    if (error) *error = QString::fromStdString(e.msg);
    return {};
  }
}

}  // namespace stipple::jobs
