// The contact sheet of a batch: thumbnails on the sweep's X/Y grid with labels (OpenCV's
// Hershey font, ASCII only).
#include <algorithm>
#include <map>

#include <opencv2/imgproc.hpp>

#include "pipeline/batch_export.h"

namespace stipple {

namespace {

std::string ascii(const std::string& s, size_t max) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x80 && (c & 0xC0) == 0x80) continue;  // UTF-8 continuation: one '?' per character
    out += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
  }
  if (out.size() > max) out = out.substr(0, max - 3) + "...";
  return out;
}

void label(cv::Mat& img, const std::string& text, cv::Point at, double scale = 0.42) {
  cv::putText(img, text, at, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(20, 20, 20), 1, cv::LINE_AA);
}

}  // namespace

cv::Mat render_contact_sheet(const BatchPlan& plan, const std::vector<cv::Mat>& images, int thumb) {
  const bool sweep = !plan.x_labels.empty();
  const int per = std::max(1, plan.settings.per_prompt);
  const int ny = std::max<int>(1, static_cast<int>(plan.y_labels.size()));
  const int cols = sweep ? static_cast<int>(plan.x_labels.size()) : per;
  const int rows = sweep ? plan.row_count * per * ny : plan.row_count;
  if (cols <= 0 || rows <= 0) return {};
  int max_side = 0;
  for (const auto& m : images)
    if (!m.empty()) max_side = std::max({max_side, m.cols, m.rows});
  int cell = std::min(thumb, std::max(96, max_side));
  cell = std::max(32, std::min({cell, 12000 / cols, 12000 / std::max(1, rows)}));
  const int label_w = 230, header_h = 28, gap = 4;
  const cv::Size size(label_w + cols * (cell + gap) + gap, header_h + rows * (cell + gap) + gap);
  cv::Mat sheet(size, CV_8UC3, cv::Scalar::all(255));

  for (int c = 0; c < cols; ++c) {
    const std::string text = sweep ? plan.x_labels[static_cast<size_t>(c)] : "image " + std::to_string(c + 1);
    label(sheet, ascii(text, static_cast<size_t>(std::max(4, cell / 8))), {label_w + gap + c * (cell + gap) + 4, 19});
  }
  std::map<int, bool> row_labelled;
  for (size_t i = 0; i < plan.items.size(); ++i) {
    const BatchItem& item = plan.items[i];
    const int r = sweep ? (item.row * per + item.repeat) * ny + std::max(0, item.y) : item.row;
    const int c = sweep ? std::max(0, item.x) : item.repeat;
    if (r >= rows || c >= cols) continue;
    const cv::Rect box(label_w + gap + c * (cell + gap), header_h + gap + r * (cell + gap), cell, cell);
    const cv::Mat img = i < images.size() ? images[i] : cv::Mat();
    if (img.empty() || img.type() != CV_8UC3) {
      sheet(box).setTo(cv::Scalar::all(200));
      label(sheet, "missing", {box.x + 6, box.y + cell / 2});
    } else {
      // Fit the image in the cell, keeping its aspect ratio (a size sweep mixes shapes).
      const double s = std::min(double(cell) / img.cols, double(cell) / img.rows);
      const cv::Size t(std::max(1, int(img.cols * s + 0.5)), std::max(1, int(img.rows * s + 0.5)));
      cv::Mat small;
      cv::resize(img, small, t, 0, 0, s < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
      small.copyTo(sheet(cv::Rect(box.x + (cell - t.width) / 2, box.y + (cell - t.height) / 2, t.width, t.height)));
    }
    if (!row_labelled[r]) {
      row_labelled[r] = true;
      const int y0 = box.y + 16;
      label(sheet, "#" + std::to_string(item.row + 1) + " " + ascii(item.request.prompt, 24), {6, y0});
      if (sweep) label(sheet, "seed " + std::to_string(item.request.seed), {6, y0 + 18});
      if (item.y >= 0) label(sheet, ascii(plan.y_labels[static_cast<size_t>(item.y)], 28), {6, y0 + 36});
    }
  }
  return sheet;
}

}  // namespace stipple
