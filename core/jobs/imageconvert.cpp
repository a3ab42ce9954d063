#include "jobs/imageconvert.h"

#include <cstring>

#include <QPainter>

#include <opencv2/core.hpp>

namespace stipple::jobs {

QImage imageFromMat(const cv::Mat& mat) {
  if (mat.empty()) return {};
  QImage::Format format;
  if (mat.type() == CV_8UC3)
    format = QImage::Format_RGB888;
  else if (mat.type() == CV_8UC1)
    format = QImage::Format_Grayscale8;
  else
    return {};
  QImage image(mat.cols, mat.rows, format);
  const size_t rowBytes = static_cast<size_t>(mat.cols) * mat.elemSize();
  for (int y = 0; y < mat.rows; ++y) std::memcpy(image.scanLine(y), mat.ptr(y), rowBytes);
  return image;
}

QImage flattenToRgb(const QImage& image, const QColor& background) {
  if (image.isNull()) return {};
  if (!image.hasAlphaChannel()) return image.convertToFormat(QImage::Format_RGB888);
  QImage out(image.size(), QImage::Format_RGB888);
  out.setDevicePixelRatio(image.devicePixelRatio());
  out.fill(background);
  QPainter painter(&out);
  painter.drawImage(0, 0, image);
  painter.end();
  for (const QString& key : image.textKeys()) out.setText(key, image.text(key));
  return out;
}

cv::Mat rgbMatFromImage(const QImage& image) {
  if (image.isNull()) return {};
  const QImage rgb = flattenToRgb(image);
  cv::Mat mat(rgb.height(), rgb.width(), CV_8UC3);
  const size_t rowBytes = static_cast<size_t>(rgb.width()) * 3;
  for (int y = 0; y < rgb.height(); ++y) std::memcpy(mat.ptr(y), rgb.constScanLine(y), rowBytes);
  return mat;
}

cv::Mat grayMatFromImage(const QImage& image) {
  if (image.isNull()) return {};
  const QImage gray = image.format() == QImage::Format_Grayscale8
                          ? image
                          : image.convertToFormat(QImage::Format_Grayscale8);
  cv::Mat mat(gray.height(), gray.width(), CV_8UC1);
  for (int y = 0; y < gray.height(); ++y)
    std::memcpy(mat.ptr(y), gray.constScanLine(y), static_cast<size_t>(gray.width()));
  return mat;
}

}  // namespace stipple::jobs
