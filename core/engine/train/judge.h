#pragma once
// An OpenCV judge for pictures of the shapes dataset: finds the objects in an image and scores
// it against what a prompt asked for. Used to measure the bundled model's prompt adherence
// (stipple-cli eval-model, tests/e2e) without a learned classifier that could share the
// generator's blind spots.
//
// Method: the background is estimated per row from the left and right border strips (plain,
// vertical gradient and light texture alike); pixels far from it in CIE Lab are foreground;
// connected components are the objects. Shape from the outer contour (holes: ring; convexity
// defects and solidity: star, cross; area against the minimum enclosing circle, rectangle and
// triangle: circle, square, triangle); colour as the nearest palette colour of the component's
// interior median in Lab; position from the centroid on a 3x3 grid; size from the enclosing
// circle. Torch-free.
#include <optional>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "train/shapes_dataset.h"

namespace stipple::train {

struct DetectedObject {
  Shape shape = Shape::Circle;
  Colour colour = Colour::Red;
  SizeClass size = SizeClass::Small;
  Position position = Position::Centre;
  cv::Point2d centroid;  // fractions of width and height
  double radius = 0;     // minimum enclosing circle, fraction of the side
  double area = 0;       // fraction of the image
  cv::Rect box;          // pixels of the input image
  // Features behind the shape decision, for debugging a misjudgement.
  double solidity = 0, hole_fraction = 0, circle_fill = 0, rect_fill = 0, triangle_fill = 0;
  int defects = 0;
};

struct ObjectVerdict {
  bool found = false;        // some detected object was assigned to this prompt object
  int detected_index = -1;
  bool colour = false, shape = false, position = false, size = false;  // true when not asked for
  bool colour_and_shape() const { return found && colour && shape; }
  bool all() const { return found && colour && shape && position && size; }
};

struct Verdict {
  std::vector<DetectedObject> detected;
  std::vector<ObjectVerdict> objects;  // one per prompt object, in prompt order
  int significant = 0;                 // detections of at least kSignificant x the largest one's area
  bool count_matches = false;          // as many significant objects as asked for
  // More than one significant object beyond those asked for: the picture is clutter, and any
  // match in it is luck (a noise image with ten blobs "contains" most prompts), so it fails.
  bool cluttered = false;
  // Median Lab distance of the border pixels to the background estimate: ~0-1 for the dataset's
  // backgrounds (flat, gradient, light texture). Above kMaxBackgroundSpread the picture has no
  // clean background (noise, texture soup) and fails: blobs cut out of it by a high threshold
  // would otherwise match prompts by luck.
  double background_spread = 0;
  bool messy_background() const;
  bool all() const;                    // every object: every attribute it asked for
  bool colour_and_shape() const;       // every object: colour and shape
};

// Area fraction of the largest detection below which a detection is a speck, not an object (a
// small star next to a large circle is about 0.12).
constexpr double kSignificant = 0.08;
constexpr double kMaxBackgroundSpread = 6.0;

// Objects in an RGB image (CV_8UC3), largest first. Components smaller than 0.3% of the image
// are ignored (noise, stray pixels).
std::vector<DetectedObject> detect_objects(const cv::Mat& rgb, double* background_spread = nullptr);

// Scores `rgb` against `prompt`: prompt objects are matched to the significant detected objects
// by the assignment that agrees on the most attributes (shape and colour first).
Verdict judge(const cv::Mat& rgb, const PromptSpec& prompt);

// Position of a point given as fractions of the side (3x3 grid, cuts at 0.4 and 0.6).
Position position_of(double x, double y);

}  // namespace stipple::train
