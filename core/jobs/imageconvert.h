#pragma once
// The one place where OpenCV matrices and QImages meet. Every function deep-copies, so the
// result never aliases memory owned by the other side (a worker-thread cv::Mat, a GUI QImage).
#include <QImage>

#include <opencv2/core/mat.hpp>

namespace stipple::jobs {

// CV_8UC3 (RGB order, as the engine uses) -> Format_RGB888; CV_8UC1 -> Format_Grayscale8.
// An empty matrix gives a null QImage.
QImage imageFromMat(const cv::Mat& mat);

// Any QImage -> CV_8UC3 RGB. Alpha is flattened onto white, as the canvas does.
cv::Mat rgbMatFromImage(const QImage& image);

// Any QImage -> CV_8UC1 (grey value; for Format_Grayscale8 the bytes themselves).
cv::Mat grayMatFromImage(const QImage& image);

// Drops the alpha channel by compositing onto `background`; returns Format_RGB888.
QImage flattenToRgb(const QImage& image, const QColor& background = Qt::white);

}  // namespace stipple::jobs
