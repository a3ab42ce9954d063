#pragma once
// "Shapes": the procedural dataset the bundled model (models/stipple-shapes) is trained on.
// One or two flat-coloured objects on a plain, gradient or lightly textured background, each
// scene with captions from several templates. Everything is a pure function of (seed, index),
// drawn on the fly with OpenCV (anti-aliased: drawn at 4x, reduced with INTER_AREA), so the
// dataset needs no files and a resumed training sees exactly the samples it would have seen.
//
// Held-out split. Some attribute combinations are never drawn in training, so that evaluation
// measures whether the model composes attributes rather than recalls pictures:
//   colour x shape:   red star, green ring, blue triangle, yellow cross, orange circle,
//                     purple square, white star, black triangle (each colour once);
//   shape x position: circle top left, square bottom right, triangle right, star bottom,
//                     ring top right, cross left (each shape once).
// A training scene contains no object with either kind of pair; the held-out split draws scenes
// in which at least one object has one (see is_held_out()).
// Torch-free.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace stipple::train {

enum class Shape { Circle, Square, Triangle, Star, Ring, Cross };
// Object colours are the first eight; Gray only appears as a background.
enum class Colour { Red, Green, Blue, Yellow, Orange, Purple, White, Black, Gray };
enum class SizeClass { Small, Large };
enum class Position { Centre, Left, Right, Top, Bottom, TopLeft, TopRight, BottomLeft, BottomRight };
enum class BackgroundKind { Plain, Gradient, Texture };

constexpr int kShapeCount = 6;
constexpr int kObjectColourCount = 8;
constexpr int kColourCount = 9;
constexpr int kPositionCount = 9;

const char* name(Shape s);
const char* name(Colour c);
const char* name(SizeClass s);
const char* name(Position p);           // "top left", "centre", ...
cv::Vec3b palette_rgb(Colour c);        // the colour objects and plain backgrounds are drawn in

struct Background {
  BackgroundKind kind = BackgroundKind::Plain;
  Colour colour = Colour::White;   // Plain: the colour; Gradient: the top colour
  Colour bottom = Colour::Black;   // Gradient only
  uint32_t texture_seed = 0;       // Texture only: picks the base tint and the noise
  bool operator==(const Background& o) const;  // compares what a caption can say (not the seed)
};

// One object, fully determined: class attributes plus the small jitter that makes pictures vary.
struct ObjectSpec {
  Shape shape = Shape::Circle;
  Colour colour = Colour::Red;
  SizeClass size = SizeClass::Large;
  Position position = Position::Centre;
  float dx = 0, dy = 0;      // offset from the position's anchor, fraction of the image side
  float scale = 1;           // size jitter (0.92 .. 1.08)
  float rotation = 0;        // degrees (not used for circles and rings)
};

struct SceneSpec {
  Background background;
  std::vector<ObjectSpec> objects;  // one or two
};

// What a caption (or a user's prompt) says: attributes it does not mention stay empty.
struct ObjectQuery {
  std::optional<Shape> shape;
  std::optional<Colour> colour;
  std::optional<SizeClass> size;
  std::optional<Position> position;
  bool operator==(const ObjectQuery& o) const;
};

struct PromptSpec {
  std::vector<ObjectQuery> objects;
  std::optional<Background> background;
  bool operator==(const PromptSpec& o) const;
};

// --- rendering -------------------------------------------------------------------------------

// CV_8UC3 RGB, size x size. `object_masks` (optional) receives one CV_8UC1 coverage mask per
// object (255 inside), at the output size.
cv::Mat render(const SceneSpec& scene, int size, std::vector<cv::Mat>* object_masks = nullptr);

// Anchor of a position (x, y as fractions of the side) and an object's circumradius fraction.
cv::Point2f position_anchor(Position p);
float object_radius(const ObjectSpec& o);  // fraction of the image side
cv::Point2f object_centre(const ObjectSpec& o);

// --- captions ---------------------------------------------------------------------------------

// Templates per object count (the forms "a red circle", "a large red circle in the top left
// corner on white", "red circle, large, top left corner, white background", ...).
int template_count(const SceneSpec& scene);
std::string caption(const SceneSpec& scene, int template_id);
// The attributes the caption of `template_id` states: parse_caption(caption(s, t)) == described(s, t).
PromptSpec described(const SceneSpec& scene, int template_id);
// Every attribute of the scene (the judge's ground truth for a render).
PromptSpec full_description(const SceneSpec& scene);

// Best-effort parse of a caption or prompt in the dataset's vocabulary (also "center", "grey",
// "big", "tiny", "middle"). Objects are split at "and" and at commas that start a new object.
PromptSpec parse_caption(const std::string& text);

// Every word the templates use, for the tokenizer builder.
std::vector<std::string> caption_vocabulary();

// --- sampling ----------------------------------------------------------------------------------

enum class Split { Train, HeldOut };

bool is_held_out(Colour c, Shape s);
bool is_held_out(Shape s, Position p);
bool is_held_out(const ObjectSpec& o);

// False when the object would be hard to see on the background (too close in colour anywhere on
// it): such scenes are never drawn, so neither the model nor the judge has to deal with them.
bool visible_on(Colour c, const Background& bg);

struct Sample {
  SceneSpec scene;
  int template_id = 0;
  std::string caption;
};

class ShapesDataset {
 public:
  explicit ShapesDataset(uint64_t seed, Split split = Split::Train) : seed_(seed), split_(split) {}
  // Deterministic in (seed, split, index); independent of call order and thread.
  Sample sample(uint64_t index) const;
  // A random caption template for `scene` drawn from `draw` (lets training re-caption an image).
  static int random_template(const SceneSpec& scene, uint64_t draw);
  uint64_t seed() const { return seed_; }
  Split split() const { return split_; }

 private:
  uint64_t seed_;
  Split split_;
};

// Small deterministic RNG (splitmix64 seeding + xoshiro-style mixing) whose output is the same on
// every platform, unlike std::uniform_*_distribution.
class SceneRng {
 public:
  explicit SceneRng(uint64_t seed) : state_(seed) {}
  uint64_t next();
  double uniform();                          // [0, 1)
  double uniform(double lo, double hi);
  int below(int n);                          // [0, n)
  bool chance(double p) { return uniform() < p; }

 private:
  uint64_t state_;
};

uint64_t mix_seed(uint64_t a, uint64_t b);

}  // namespace stipple::train
