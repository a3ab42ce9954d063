#include "train/inpaint_masks.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <opencv2/imgproc.hpp>

namespace stipple::train {

cv::Mat object_mask(const ObjectSpec& object, int size) {
  cv::Mat mask(size, size, CV_8UC1, cv::Scalar(0));
  const cv::Point2f c = object_centre(object);
  const double r = 1.45 * object_radius(object) * size;
  cv::circle(mask, cv::Point(cvRound(c.x * size), cvRound(c.y * size)), std::max(2, cvRound(r)), 255, cv::FILLED,
             cv::LINE_8);
  return mask;
}

cv::Mat random_inpaint_mask(const SceneSpec& scene, int size, uint64_t seed, MaskKind* kind_out, double object_share) {
  if (!(object_share >= 0 && object_share <= 1)) throw std::invalid_argument("object mask share must be within 0..1");
  SceneRng rng(mix_seed(seed, 0x6d61736b));  // "mask"
  cv::Mat mask(size, size, CV_8UC1, cv::Scalar(0));
  // `object_share` one object (what the model is used for); of the rest 1/6 everything and the
  // others free-form. At the default share of 0.4 that is 40 / 10 / 17 / 17 / 16 %; a draw maps
  // to the same kind as it did before the share was a setting.
  const double d = rng.uniform(), k = kDefaultObjectMasks;
  const double u = object_share == k ? d : d < object_share ? 0.0 : k + (d - object_share) / (1 - object_share) * (1 - k);
  MaskKind kind = u < 0.40 ? MaskKind::Object
                  : u < 0.50 ? MaskKind::Full
                  : u < 0.67 ? MaskKind::Rectangles
                  : u < 0.84 ? MaskKind::Ellipses
                             : MaskKind::Strokes;
  if (kind == MaskKind::Object && scene.objects.empty()) kind = MaskKind::Ellipses;
  const double s = size;
  switch (kind) {
    case MaskKind::Full: mask.setTo(255); break;
    case MaskKind::Object: {
      const ObjectSpec& o = scene.objects[static_cast<size_t>(rng.below(static_cast<int>(scene.objects.size())))];
      const cv::Point2f c = object_centre(o);
      const double r = object_radius(o) * s * rng.uniform(1.25, 1.8);
      if (rng.chance(0.5)) {
        cv::circle(mask, cv::Point(cvRound(c.x * s), cvRound(c.y * s)), cvRound(r), 255, cv::FILLED);
      } else {
        const cv::Point a(cvRound(c.x * s - r), cvRound(c.y * s - r)), b(cvRound(c.x * s + r), cvRound(c.y * s + r));
        cv::rectangle(mask, a, b, 255, cv::FILLED);
      }
      break;
    }
    case MaskKind::Rectangles: {
      const int n = 1 + rng.below(3);
      for (int i = 0; i < n; ++i) {
        const double w = s * rng.uniform(0.15, 0.6), h = s * rng.uniform(0.15, 0.6);
        const double x = rng.uniform(0, s - w), y = rng.uniform(0, s - h);
        cv::rectangle(mask, cv::Point(cvRound(x), cvRound(y)), cv::Point(cvRound(x + w), cvRound(y + h)), 255, cv::FILLED);
      }
      break;
    }
    case MaskKind::Ellipses: {
      const int n = 1 + rng.below(3);
      for (int i = 0; i < n; ++i) {
        const cv::Point c(cvRound(rng.uniform(0.15, 0.85) * s), cvRound(rng.uniform(0.15, 0.85) * s));
        const cv::Size axes(cvRound(rng.uniform(0.08, 0.3) * s), cvRound(rng.uniform(0.08, 0.3) * s));
        cv::ellipse(mask, c, axes, rng.uniform(0, 180), 0, 360, 255, cv::FILLED);
      }
      break;
    }
    case MaskKind::Strokes: {
      // A few brush strokes: random walks with a thick round brush, as people paint masks.
      const int strokes = 1 + rng.below(4);
      for (int k = 0; k < strokes; ++k) {
        cv::Point2d p(rng.uniform(0.1, 0.9) * s, rng.uniform(0.1, 0.9) * s);
        double angle = rng.uniform(0, 6.2832);
        const int thickness = std::max(2, cvRound(rng.uniform(0.05, 0.14) * s));
        const int segments = 3 + rng.below(6);
        for (int i = 0; i < segments; ++i) {
          angle += rng.uniform(-1.2, 1.2);
          const double len = rng.uniform(0.06, 0.2) * s;
          const cv::Point2d q(std::clamp(p.x + len * std::cos(angle), 0.0, s - 1), std::clamp(p.y + len * std::sin(angle), 0.0, s - 1));
          cv::line(mask, cv::Point(cvRound(p.x), cvRound(p.y)), cv::Point(cvRound(q.x), cvRound(q.y)), 255, thickness,
                   cv::LINE_8);
          p = q;
        }
      }
      break;
    }
  }
  if (kind_out) *kind_out = kind;
  return mask;
}

}  // namespace stipple::train
