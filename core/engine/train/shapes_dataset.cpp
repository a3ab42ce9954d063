#include "train/shapes_dataset.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace stipple::train {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kSupersample = 4;        // drawn at 4x, reduced with INTER_AREA: 16 coverage samples
constexpr double kMinContrast = 30.0;  // CIE76 distance an object keeps from every background colour
constexpr float kMargin = 0.04f;       // objects stay this far (fraction of the side) from the border

cv::Vec3f to_lab(const cv::Vec3b& rgb) {
  cv::Mat3f px(1, 1, cv::Vec3f(rgb[0] / 255.f, rgb[1] / 255.f, rgb[2] / 255.f));
  cv::Mat3f lab;
  cv::cvtColor(px, lab, cv::COLOR_RGB2Lab);
  return lab(0, 0);
}

// The base tints of the light texture; the seed picks one.
const std::array<cv::Vec3b, 3> kTextureTints = {cv::Vec3b(236, 228, 208), cv::Vec3b(224, 224, 220),
                                                cv::Vec3b(218, 226, 234)};

cv::Vec3b texture_tint(uint32_t seed) { return kTextureTints[seed % kTextureTints.size()]; }

// Background colours an object must stand out from, sampled along a gradient.
std::vector<cv::Vec3b> background_colours(const Background& bg) {
  switch (bg.kind) {
    case BackgroundKind::Plain: return {palette_rgb(bg.colour)};
    case BackgroundKind::Texture: return {kTextureTints.begin(), kTextureTints.end()};
    case BackgroundKind::Gradient: {
      std::vector<cv::Vec3b> out;
      const cv::Vec3b a = palette_rgb(bg.colour), b = palette_rgb(bg.bottom);
      for (int i = 0; i <= 8; ++i) {
        const double t = i / 8.0;
        cv::Vec3b c;
        for (int k = 0; k < 3; ++k) c[k] = cv::saturate_cast<uchar>(a[k] * (1 - t) + b[k] * t);
        out.push_back(c);
      }
      return out;
    }
  }
  return {};
}

// Background at the supersampled size.
cv::Mat3f draw_background(const Background& bg, int side) {
  cv::Mat3f img(side, side);
  if (bg.kind == BackgroundKind::Plain) {
    const cv::Vec3b c = palette_rgb(bg.colour);
    img.setTo(cv::Vec3f(c[0], c[1], c[2]));
  } else if (bg.kind == BackgroundKind::Gradient) {
    const cv::Vec3b a = palette_rgb(bg.colour), b = palette_rgb(bg.bottom);
    for (int y = 0; y < side; ++y) {
      const float t = side > 1 ? static_cast<float>(y) / (side - 1) : 0.f;
      img.row(y).setTo(cv::Vec3f(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t));
    }
  } else {
    // Paper-like: a tint, soft low-frequency blotches and a fine grain, a few levels each, so
    // it reads as texture without competing with the objects.
    const cv::Vec3b tint = texture_tint(bg.texture_seed);
    cv::RNG rng(0x9e3779b9u ^ bg.texture_seed);
    cv::Mat1f coarse(std::max(2, side / 32), std::max(2, side / 32)), fine(std::max(2, side / 4), std::max(2, side / 4));
    rng.fill(coarse, cv::RNG::NORMAL, 0.0, 5.0);
    rng.fill(fine, cv::RNG::NORMAL, 0.0, 2.5);
    cv::Mat1f low, grain;
    cv::resize(coarse, low, {side, side}, 0, 0, cv::INTER_CUBIC);
    cv::resize(fine, grain, {side, side}, 0, 0, cv::INTER_LINEAR);
    cv::Mat1f noise = low + grain;
    for (int y = 0; y < side; ++y)
      for (int x = 0; x < side; ++x) {
        const float n = noise(y, x);
        img(y, x) = cv::Vec3f(tint[0] + n, tint[1] + n, tint[2] + n);
      }
  }
  return img;
}

std::vector<cv::Point2d> shape_polygon(Shape shape, double r, double rotation_deg) {
  std::vector<cv::Point2d> pts;
  const double rot = rotation_deg * kPi / 180.0;
  auto polar = [&](double radius, double angle) {
    pts.emplace_back(radius * std::cos(angle + rot), radius * std::sin(angle + rot));
  };
  switch (shape) {
    case Shape::Square:
      for (int i = 0; i < 4; ++i) polar(r * 0.7 * std::sqrt(2.0), kPi / 4 + i * kPi / 2);
      break;
    case Shape::Triangle:  // equilateral, pointing up, circumcentre at the anchor
      for (int i = 0; i < 3; ++i) polar(r, -kPi / 2 + i * 2 * kPi / 3);
      break;
    case Shape::Star:  // five points, inner radius 0.45 r
      for (int i = 0; i < 10; ++i) polar(i % 2 ? r * 0.45 : r, -kPi / 2 + i * kPi / 5);
      break;
    case Shape::Cross: {  // a plus sign: arms 0.9 r long, 0.6 r wide
      const double a = 0.9 * r, w = 0.3 * r;
      const double xy[12][2] = {{w, -a}, {w, -w}, {a, -w}, {a, w}, {w, w}, {w, a},
                                {-w, a}, {-w, w}, {-a, w}, {-a, -w}, {-w, -w}, {-w, -a}};
      for (const auto& p : xy)
        pts.emplace_back(p[0] * std::cos(rot) - p[1] * std::sin(rot), p[0] * std::sin(rot) + p[1] * std::cos(rot));
      break;
    }
    default: break;
  }
  return pts;
}

// Coverage mask (255 inside) of one object at the supersampled size.
cv::Mat1b draw_object_mask(const ObjectSpec& o, int side) {
  constexpr int kShift = 4;  // sub-pixel vertex precision for OpenCV's drawing
  constexpr double kOne = 1 << kShift;
  cv::Mat1b mask(side, side, uchar(0));
  const cv::Point2f c = object_centre(o);
  const double cx = c.x * side, cy = c.y * side, r = object_radius(o) * side;
  const cv::Point centre(cvRound(cx * kOne), cvRound(cy * kOne));
  if (o.shape == Shape::Circle || o.shape == Shape::Ring) {
    cv::circle(mask, centre, cvRound(0.9 * r * kOne), 255, cv::FILLED, cv::LINE_AA, kShift);
    if (o.shape == Shape::Ring) cv::circle(mask, centre, cvRound(0.5 * r * kOne), 0, cv::FILLED, cv::LINE_AA, kShift);
    return mask;
  }
  std::vector<cv::Point> poly;
  for (const auto& p : shape_polygon(o.shape, r, o.rotation))
    poly.emplace_back(cvRound((cx + p.x) * kOne), cvRound((cy + p.y) * kOne));
  cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{poly}, 255, cv::LINE_AA, kShift);
  return mask;
}

Background random_background(SceneRng& rng) {
  Background bg;
  const double u = rng.uniform();
  if (u < 0.60) {
    bg.kind = BackgroundKind::Plain;
    const double v = rng.uniform();
    if (v < 0.35)
      bg.colour = Colour::White;
    else if (v < 0.60)
      bg.colour = Colour::Black;
    else if (v < 0.75)
      bg.colour = Colour::Gray;
    else
      bg.colour = static_cast<Colour>(rng.below(6));  // red .. purple
  } else if (u < 0.85) {
    static const Colour ends[] = {Colour::White, Colour::Black, Colour::Gray, Colour::Blue, Colour::Purple, Colour::Green};
    bg.kind = BackgroundKind::Gradient;
    bg.colour = ends[rng.below(6)];
    do bg.bottom = ends[rng.below(6)];
    while (bg.bottom == bg.colour);
  } else {
    bg.kind = BackgroundKind::Texture;
    bg.texture_seed = static_cast<uint32_t>(rng.next());
  }
  return bg;
}

ObjectSpec random_object(SceneRng& rng) {
  ObjectSpec o;
  o.shape = static_cast<Shape>(rng.below(kShapeCount));
  o.colour = static_cast<Colour>(rng.below(kObjectColourCount));
  o.size = rng.chance(0.5) ? SizeClass::Small : SizeClass::Large;
  o.position = static_cast<Position>(rng.below(kPositionCount));
  o.dx = static_cast<float>(rng.uniform(-0.03, 0.03));
  o.dy = static_cast<float>(rng.uniform(-0.03, 0.03));
  o.scale = static_cast<float>(rng.uniform(0.92, 1.08));
  o.rotation = (o.shape == Shape::Circle || o.shape == Shape::Ring) ? 0.f : static_cast<float>(rng.uniform(-12, 12));
  return o;
}

bool overlaps(const ObjectSpec& a, const ObjectSpec& b) {
  const cv::Point2f ca = object_centre(a), cb = object_centre(b);
  const double d = std::hypot(ca.x - cb.x, ca.y - cb.y);
  return d < object_radius(a) + object_radius(b) + 0.03;
}

}  // namespace

const char* name(Shape s) {
  static const char* n[] = {"circle", "square", "triangle", "star", "ring", "cross"};
  return n[static_cast<int>(s)];
}
const char* name(Colour c) {
  static const char* n[] = {"red", "green", "blue", "yellow", "orange", "purple", "white", "black", "gray"};
  return n[static_cast<int>(c)];
}
const char* name(SizeClass s) { return s == SizeClass::Small ? "small" : "large"; }
const char* name(Position p) {
  static const char* n[] = {"centre", "left", "right", "top", "bottom", "top left", "top right", "bottom left",
                            "bottom right"};
  return n[static_cast<int>(p)];
}

cv::Vec3b palette_rgb(Colour c) {
  static const cv::Vec3b rgb[] = {{215, 35, 35},   {40, 165, 60},   {35, 80, 215},  {245, 210, 30}, {245, 135, 25},
                                  {135, 50, 180},  {245, 245, 245}, {25, 25, 25},   {128, 128, 128}};
  return rgb[static_cast<int>(c)];
}

bool Background::operator==(const Background& o) const {
  if (kind != o.kind) return false;
  if (kind == BackgroundKind::Texture) return true;
  if (kind == BackgroundKind::Gradient) return colour == o.colour && bottom == o.bottom;
  return colour == o.colour;
}

bool ObjectQuery::operator==(const ObjectQuery& o) const {
  return shape == o.shape && colour == o.colour && size == o.size && position == o.position;
}

bool PromptSpec::operator==(const PromptSpec& o) const { return objects == o.objects && background == o.background; }

cv::Point2f position_anchor(Position p) {
  constexpr float lo = 0.27f, mid = 0.5f, hi = 0.73f;
  switch (p) {
    case Position::Centre: return {mid, mid};
    case Position::Left: return {lo, mid};
    case Position::Right: return {hi, mid};
    case Position::Top: return {mid, lo};
    case Position::Bottom: return {mid, hi};
    case Position::TopLeft: return {lo, lo};
    case Position::TopRight: return {hi, lo};
    case Position::BottomLeft: return {lo, hi};
    case Position::BottomRight: return {hi, hi};
  }
  return {mid, mid};
}

float object_radius(const ObjectSpec& o) { return (o.size == SizeClass::Small ? 0.11f : 0.20f) * o.scale; }

cv::Point2f object_centre(const ObjectSpec& o) {
  const cv::Point2f a = position_anchor(o.position);
  const float r = object_radius(o);
  const float lo = r + kMargin, hi = 1.f - r - kMargin;
  return {std::clamp(a.x + o.dx, lo, hi), std::clamp(a.y + o.dy, lo, hi)};
}

cv::Mat render(const SceneSpec& scene, int size, std::vector<cv::Mat>* object_masks) {
  const int side = size * kSupersample;
  cv::Mat3f img = draw_background(scene.background, side);
  if (object_masks) object_masks->clear();
  for (const auto& o : scene.objects) {
    const cv::Mat1b mask = draw_object_mask(o, side);
    const cv::Vec3b c = palette_rgb(o.colour);
    const cv::Vec3f colour(c[0], c[1], c[2]);
    for (int y = 0; y < side; ++y) {
      const uchar* m = mask.ptr<uchar>(y);
      cv::Vec3f* p = img.ptr<cv::Vec3f>(y);
      for (int x = 0; x < side; ++x)
        if (m[x]) {
          const float a = m[x] / 255.f;
          p[x] = p[x] * (1 - a) + colour * a;
        }
    }
    if (object_masks) {
      cv::Mat small;
      cv::resize(mask, small, {size, size}, 0, 0, cv::INTER_AREA);
      object_masks->push_back(small);
    }
  }
  cv::Mat3f small;
  cv::resize(img, small, {size, size}, 0, 0, cv::INTER_AREA);
  cv::Mat out;
  small.convertTo(out, CV_8UC3);  // rounds and saturates
  return out;
}

bool is_held_out(Colour c, Shape s) {
  switch (c) {
    case Colour::Red: return s == Shape::Star;
    case Colour::Green: return s == Shape::Ring;
    case Colour::Blue: return s == Shape::Triangle;
    case Colour::Yellow: return s == Shape::Cross;
    case Colour::Orange: return s == Shape::Circle;
    case Colour::Purple: return s == Shape::Square;
    case Colour::White: return s == Shape::Star;
    case Colour::Black: return s == Shape::Triangle;
    default: return false;
  }
}

bool is_held_out(Shape s, Position p) {
  switch (s) {
    case Shape::Circle: return p == Position::TopLeft;
    case Shape::Square: return p == Position::BottomRight;
    case Shape::Triangle: return p == Position::Right;
    case Shape::Star: return p == Position::Bottom;
    case Shape::Ring: return p == Position::TopRight;
    case Shape::Cross: return p == Position::Left;
  }
  return false;
}

bool is_held_out(const ObjectSpec& o) { return is_held_out(o.colour, o.shape) || is_held_out(o.shape, o.position); }

bool visible_on(Colour c, const Background& bg) {
  const cv::Vec3f lab = to_lab(palette_rgb(c));
  for (const auto& b : background_colours(bg))
    if (cv::norm(lab - to_lab(b)) < kMinContrast) return false;
  return true;
}

uint64_t mix_seed(uint64_t a, uint64_t b) {
  uint64_t z = a * 0x9e3779b97f4a7c15ull + b + 0x632be59bd9b4e019ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

uint64_t SceneRng::next() {  // splitmix64: full period, identical on every platform
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

double SceneRng::uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
double SceneRng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
int SceneRng::below(int n) { return static_cast<int>(uniform() * n); }

int ShapesDataset::random_template(const SceneSpec& scene, uint64_t draw) {
  return static_cast<int>(mix_seed(draw, 0x7e) % static_cast<uint64_t>(template_count(scene)));
}

Sample ShapesDataset::sample(uint64_t index) const {
  SceneRng rng(mix_seed(seed_, index * 2 + (split_ == Split::HeldOut ? 1 : 0)));
  Sample s;
  SceneSpec& scene = s.scene;
  scene.background = random_background(rng);
  const int count = rng.chance(0.4) ? 2 : 1;
  for (int k = 0; k < count; ++k) {
    // Held-out scenes: the first object has a held-out pair, any second one is a training object.
    const bool want_held_out = split_ == Split::HeldOut && k == 0;
    for (int attempt = 0; attempt < 200; ++attempt) {
      ObjectSpec o = random_object(rng);
      if (is_held_out(o) != want_held_out) continue;
      if (!visible_on(o.colour, scene.background)) continue;
      bool clash = false;
      for (const auto& other : scene.objects)
        clash = clash || overlaps(o, other) || o.position == other.position ||
                (o.shape == other.shape && o.colour == other.colour);
      if (clash) continue;
      scene.objects.push_back(o);
      break;
    }
  }
  if (scene.objects.empty()) {
    // Practically unreachable (every background admits many objects); keep the contract anyway.
    scene.background = Background{};
    ObjectSpec o;
    o.shape = split_ == Split::HeldOut ? Shape::Star : Shape::Circle;
    o.colour = Colour::Red;
    scene.objects.push_back(o);
  }
  s.template_id = random_template(scene, rng.next());
  s.caption = caption(scene, s.template_id);
  return s;
}

}  // namespace stipple::train
