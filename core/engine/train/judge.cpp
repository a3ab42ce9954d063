#include "train/judge.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <opencv2/imgproc.hpp>

namespace stipple::train {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kWorkSide = 256;          // analysis resolution: contour features need a few pixels per edge
constexpr double kMinArea = 0.003;      // of the image: smaller components are noise
constexpr double kLargeRadius = 0.145;  // enclosing-circle radius between small (~0.11) and large (~0.20)

float median_of(std::vector<float>& v) {
  if (v.empty()) return 0.f;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// Per-row background colour (Lab) from the left and right border strips, taken over a few
// neighbouring rows so that texture grain and an object near the border do not bias it.
std::vector<cv::Vec3f> row_background(const cv::Mat3f& lab, int strip, int window) {
  const int h = lab.rows, w = lab.cols;
  std::vector<cv::Vec3f> bg(static_cast<size_t>(h));
  std::vector<float> ch[3];
  for (int y = 0; y < h; ++y) {
    for (auto& c : ch) c.clear();
    for (int yy = std::max(0, y - window); yy <= std::min(h - 1, y + window); ++yy)
      for (int x = 0; x < strip; ++x)
        for (int xx : {x, w - 1 - x}) {
          const cv::Vec3f& p = lab(yy, xx);
          for (int k = 0; k < 3; ++k) ch[k].push_back(p[k]);
        }
    for (int k = 0; k < 3; ++k) bg[static_cast<size_t>(y)][k] = median_of(ch[k]);
  }
  return bg;
}

Colour nearest_colour(const cv::Vec3b& rgb) {
  cv::Mat3f px(1, 1, cv::Vec3f(rgb[0] / 255.f, rgb[1] / 255.f, rgb[2] / 255.f)), lab;
  cv::cvtColor(px, lab, cv::COLOR_RGB2Lab);
  Colour best = Colour::Red;
  double best_d = 1e30;
  for (int i = 0; i < kObjectColourCount; ++i) {
    const cv::Vec3b p = palette_rgb(static_cast<Colour>(i));
    cv::Mat3f q(1, 1, cv::Vec3f(p[0] / 255.f, p[1] / 255.f, p[2] / 255.f)), ql;
    cv::cvtColor(q, ql, cv::COLOR_RGB2Lab);
    const double d = cv::norm(lab(0, 0) - ql(0, 0));
    if (d < best_d) best_d = d, best = static_cast<Colour>(i);
  }
  return best;
}

Shape classify_shape(DetectedObject& d) {
  if (d.hole_fraction > 0.08) return Shape::Ring;
  if (d.solidity < 0.88) {
    // Star (5 notches, solidity ~0.56) vs cross (4 notches, ~0.71).
    if (d.defects >= 5) return Shape::Star;
    if (d.defects == 4) return Shape::Cross;
    return d.solidity < 0.64 ? Shape::Star : Shape::Cross;
  }
  // Convex: how well the area fills its minimum enclosing circle, rectangle and triangle
  // (circle ~1/0.79/0.6, square ~0.64/1/0.5, triangle ~0.41/0.5/1).
  if (d.circle_fill >= d.rect_fill && d.circle_fill >= d.triangle_fill) return Shape::Circle;
  return d.rect_fill >= d.triangle_fill ? Shape::Square : Shape::Triangle;
}

// Shape features of one component (CV_8UC1 mask at the working resolution).
void measure(const cv::Mat1b& component, double side, DetectedObject& d) {
  std::vector<std::vector<cv::Point>> contours;
  std::vector<cv::Vec4i> hierarchy;
  cv::findContours(component.clone(), contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_NONE);
  int outer = -1;
  double outer_area = 0;
  for (size_t i = 0; i < contours.size(); ++i) {
    if (hierarchy[i][3] >= 0) continue;
    const double a = cv::contourArea(contours[i]);
    if (a > outer_area) outer_area = a, outer = static_cast<int>(i);
  }
  if (outer < 0 || outer_area <= 0) return;
  double holes = 0;
  for (size_t i = 0; i < contours.size(); ++i)
    if (hierarchy[i][3] == outer) holes += cv::contourArea(contours[i]);
  const auto& c = contours[static_cast<size_t>(outer)];
  d.hole_fraction = holes / outer_area;

  cv::Point2f centre;
  float radius = 0;
  cv::minEnclosingCircle(c, centre, radius);
  d.radius = radius / side;
  std::vector<cv::Point> hull;
  cv::convexHull(c, hull);
  d.solidity = outer_area / std::max(1.0, cv::contourArea(hull));
  d.circle_fill = outer_area / (kPi * radius * radius);
  const cv::RotatedRect rect = cv::minAreaRect(c);
  d.rect_fill = outer_area / std::max(1.0, static_cast<double>(rect.size.area()));
  std::vector<cv::Point2f> triangle;
  const double tri_area = cv::minEnclosingTriangle(c, triangle);
  d.triangle_fill = outer_area / std::max(1.0, tri_area);
  try {
    std::vector<int> hull_idx;
    cv::convexHull(c, hull_idx, false, false);
    std::vector<cv::Vec4i> defects;
    if (hull_idx.size() > 3) cv::convexityDefects(c, hull_idx, defects);
    for (const auto& df : defects)
      if (df[3] / 256.0 > 0.15 * radius) ++d.defects;
  } catch (const cv::Exception&) {
    d.defects = 0;  // non-monotonic hull of a ragged contour: fall back on solidity
  }
}

}  // namespace

Position position_of(double x, double y) {
  const int col = x < 0.4 ? 0 : x > 0.6 ? 2 : 1;
  const int row = y < 0.4 ? 0 : y > 0.6 ? 2 : 1;
  static const Position grid[3][3] = {{Position::TopLeft, Position::Top, Position::TopRight},
                                      {Position::Left, Position::Centre, Position::Right},
                                      {Position::BottomLeft, Position::Bottom, Position::BottomRight}};
  return grid[row][col];
}

std::vector<DetectedObject> detect_objects(const cv::Mat& rgb_in, double* background_spread) {
  CV_Assert(rgb_in.type() == CV_8UC3 && !rgb_in.empty());
  const double up = static_cast<double>(kWorkSide) / std::max(rgb_in.cols, rgb_in.rows);
  cv::Mat rgb;
  if (up > 1.0)
    cv::resize(rgb_in, rgb, {}, up, up, cv::INTER_CUBIC);
  else
    rgb = rgb_in;
  const double scale_back = up > 1.0 ? up : 1.0;
  cv::Mat3f f, lab;
  rgb.convertTo(f, CV_32FC3, 1.0 / 255.0);
  cv::GaussianBlur(f, f, {5, 5}, 0);  // texture grain and sampling noise
  cv::cvtColor(f, lab, cv::COLOR_RGB2Lab);
  const int w = lab.cols, h = lab.rows;
  const int strip = std::max(2, w / 40);
  const auto bg = row_background(lab, strip, std::max(2, h / 64));

  cv::Mat1f dist(h, w);
  std::vector<float> border;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float d = static_cast<float>(cv::norm(lab(y, x) - bg[static_cast<size_t>(y)]));
      dist(y, x) = d;
      if (x < strip || x >= w - strip) border.push_back(d);
    }
  // Threshold above the background's own spread (texture, a model's uneven fill), never below
  // a distance every palette colour keeps from every background it is drawn on.
  const float spread = median_of(border);
  if (background_spread) *background_spread = spread;
  const float threshold = std::max(14.f, 4.f * spread);
  cv::Mat1b fg = dist > threshold;
  cv::morphologyEx(fg, fg, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}));

  cv::Mat1i labels;
  cv::Mat stats, centroids;
  const int n = cv::connectedComponentsWithStats(fg, labels, stats, centroids, 8, CV_32S);
  std::vector<DetectedObject> out;
  const double side = std::max(w, h);
  for (int i = 1; i < n; ++i) {
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (area < kMinArea * w * h) continue;
    const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    const cv::Rect padded = (box + cv::Size(4, 4) - cv::Point(2, 2)) & cv::Rect(0, 0, w, h);
    cv::Mat1b component = labels(padded) == i;
    DetectedObject d;
    d.area = static_cast<double>(area) / (w * h);
    d.centroid = {centroids.at<double>(i, 0) / w, centroids.at<double>(i, 1) / h};
    d.box = cv::Rect(cvFloor(box.x / scale_back), cvFloor(box.y / scale_back), cvCeil(box.width / scale_back),
                     cvCeil(box.height / scale_back));
    measure(component, side, d);
    d.shape = classify_shape(d);
    d.size = d.radius > kLargeRadius ? SizeClass::Large : SizeClass::Small;
    d.position = position_of(d.centroid.x, d.centroid.y);

    // Colour: median of the interior (anti-aliased edges eroded away) in the unblurred image.
    cv::Mat1b inner;
    cv::erode(component, inner, cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
    if (cv::countNonZero(inner) < 10) inner = component;
    std::vector<float> ch[3];
    const cv::Mat roi = rgb(padded);
    for (int y = 0; y < inner.rows; ++y)
      for (int x = 0; x < inner.cols; ++x)
        if (inner(y, x)) {
          const cv::Vec3b p = roi.at<cv::Vec3b>(y, x);
          for (int k = 0; k < 3; ++k) ch[k].push_back(p[k]);
        }
    d.colour = nearest_colour(cv::Vec3b(cv::saturate_cast<uchar>(median_of(ch[0])),
                                        cv::saturate_cast<uchar>(median_of(ch[1])),
                                        cv::saturate_cast<uchar>(median_of(ch[2]))));
    out.push_back(d);
  }
  std::sort(out.begin(), out.end(), [](const DetectedObject& a, const DetectedObject& b) { return a.area > b.area; });
  return out;
}

bool Verdict::messy_background() const { return background_spread > kMaxBackgroundSpread; }

bool Verdict::all() const {
  return !objects.empty() && !cluttered && !messy_background() && std::all_of(objects.begin(), objects.end(), [](const ObjectVerdict& o) { return o.all(); });
}

bool Verdict::colour_and_shape() const {
  return !objects.empty() && !cluttered && !messy_background() &&
         std::all_of(objects.begin(), objects.end(), [](const ObjectVerdict& o) { return o.colour_and_shape(); });
}

Verdict judge(const cv::Mat& rgb, const PromptSpec& prompt) {
  Verdict v;
  v.detected = detect_objects(rgb, &v.background_spread);  // largest first
  const auto& det = v.detected;
  while (v.significant < static_cast<int>(det.size()) && det[static_cast<size_t>(v.significant)].area >= kSignificant * det.front().area)
    ++v.significant;
  const int asked = static_cast<int>(prompt.objects.size());
  v.count_matches = v.significant == asked;
  v.cluttered = v.significant > asked + 1;

  auto verdict_for = [&](const ObjectQuery& q, int index) {
    ObjectVerdict o;
    if (index < 0) return o;
    const DetectedObject& d = det[static_cast<size_t>(index)];
    o.found = true;
    o.detected_index = index;
    o.shape = !q.shape || *q.shape == d.shape;
    o.colour = !q.colour || *q.colour == d.colour;
    o.position = !q.position || *q.position == d.position;
    o.size = !q.size || *q.size == d.size;
    return o;
  };
  auto score = [](const ObjectVerdict& o) {
    if (!o.found) return 0.0;
    return 0.5 + 4.0 * o.shape + 4.0 * o.colour + 2.0 * o.position + 1.0 * o.size;
  };

  // Exhaustive search over assignments (prompts have one to three objects); ties keep the
  // earlier, larger detections.
  const size_t n = prompt.objects.size();
  std::vector<int> current(n, -1), best(n, -1);
  std::vector<bool> taken(static_cast<size_t>(v.significant), false);
  double best_score = -1;
  std::function<void(size_t, double)> search = [&](size_t k, double total) {
    if (k == n) {
      if (total > best_score) best_score = total, best = current;
      return;
    }
    for (int i = -1; i < v.significant; ++i) {
      if (i >= 0 && taken[static_cast<size_t>(i)]) continue;
      if (i >= 0) taken[static_cast<size_t>(i)] = true;
      current[k] = i;
      search(k + 1, total + score(verdict_for(prompt.objects[k], i)));
      if (i >= 0) taken[static_cast<size_t>(i)] = false;
    }
  };
  search(0, 0.0);
  for (size_t k = 0; k < n; ++k) v.objects.push_back(verdict_for(prompt.objects[k], best[k]));
  return v;
}

}  // namespace stipple::train
