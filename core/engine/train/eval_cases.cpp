// The evaluation prompt sets (see evaluate.h): fixed held-out cases and sampled ones.
#include <array>
#include <stdexcept>

#include "train/evaluate.h"

namespace stipple::train {

namespace {

constexpr std::array<std::pair<Colour, Shape>, 8> kColourShape = {{{Colour::Red, Shape::Star},
                                                                   {Colour::Green, Shape::Ring},
                                                                   {Colour::Blue, Shape::Triangle},
                                                                   {Colour::Yellow, Shape::Cross},
                                                                   {Colour::Orange, Shape::Circle},
                                                                   {Colour::Purple, Shape::Square},
                                                                   {Colour::White, Shape::Star},
                                                                   {Colour::Black, Shape::Triangle}}};
constexpr std::array<std::pair<Shape, Position>, 6> kShapePosition = {{{Shape::Circle, Position::TopLeft},
                                                                       {Shape::Square, Position::BottomRight},
                                                                       {Shape::Triangle, Position::Right},
                                                                       {Shape::Star, Position::Bottom},
                                                                       {Shape::Ring, Position::TopRight},
                                                                       {Shape::Cross, Position::Left}}};

// Template ids (see shapes_captions.cpp): single 0 "a red circle", 1 "... on a white background",
// 2 "a large red circle in the top left corner", 3 "... on white"; two 1 "... and ... on white",
// 2 "... on the left and ... on the right".
constexpr int kPlain = 0, kLongBackground = 1, kSizePosition = 2, kEverything = 3;
constexpr int kTwoWithBackground = 1, kTwoWithPositions = 2;

ObjectSpec object(Shape s, Colour c, SizeClass size, Position p) {
  ObjectSpec o;
  o.shape = s;
  o.colour = c;
  o.size = size;
  o.position = p;
  return o;
}

// The first background of a fixed cycle (starting at k) on which every object is visible.
Background background_for(int k, const std::vector<ObjectSpec>& objects) {
  std::array<Background, 4> cycle;
  cycle[0] = {BackgroundKind::Plain, Colour::White};
  cycle[1] = {BackgroundKind::Plain, Colour::Black};
  cycle[2] = {BackgroundKind::Plain, Colour::Gray};
  cycle[3] = {BackgroundKind::Texture, Colour::White, Colour::Black, 1};
  for (int i = 0; i < 4; ++i) {
    const Background& bg = cycle[static_cast<size_t>((k + i) % 4)];
    bool ok = true;
    for (const auto& o : objects) ok = ok && visible_on(o.colour, bg);
    if (ok) return bg;
  }
  throw std::logic_error("eval cases: no background shows every object");
}

EvalCase make_case(const std::string& group, std::vector<ObjectSpec> objects, int bg_k, int template_id) {
  EvalCase c;
  c.group = group;
  c.scene.background = background_for(bg_k, objects);
  c.scene.objects = std::move(objects);
  c.prompt = caption(c.scene, template_id);
  c.expected = described(c.scene, template_id);
  return c;
}

// A colour that is not held out with `s`, `skip` places along the palette from `start`.
Colour training_colour(Shape s, int start, Colour avoid = Colour::Gray) {
  for (int i = 0; i < kObjectColourCount; ++i) {
    const Colour c = static_cast<Colour>((start + i) % kObjectColourCount);
    if (!is_held_out(c, s) && c != avoid) return c;
  }
  return Colour::Red;
}

}  // namespace

std::vector<EvalCase> heldout_cases() {
  std::vector<EvalCase> cases;
  static const Position positions[] = {Position::Left,  Position::TopRight, Position::BottomLeft, Position::Top,
                                       Position::Right, Position::Bottom,   Position::TopLeft,    Position::BottomRight};
  for (int i = 0; i < 8; ++i) {
    const auto [c, s] = kColourShape[static_cast<size_t>(i)];
    cases.push_back(make_case("colour-shape", {object(s, c, SizeClass::Large, Position::Centre)}, i, kLongBackground));
    cases.push_back(make_case("colour-shape", {object(s, c, SizeClass::Large, Position::Centre)}, i + 1, kPlain));
    int k = i;
    while (is_held_out(s, positions[k % 8])) ++k;
    const SizeClass size = i % 2 ? SizeClass::Small : SizeClass::Large;
    cases.push_back(make_case("colour-shape", {object(s, c, size, positions[k % 8])}, i + 2, kEverything));
  }
  for (int j = 0; j < 6; ++j) {
    const auto [s, p] = kShapePosition[static_cast<size_t>(j)];
    const Colour c1 = training_colour(s, 2 * j), c2 = training_colour(s, 2 * j + 3, c1);
    cases.push_back(make_case("shape-position", {object(s, c1, SizeClass::Large, p)}, j, kSizePosition));
    cases.push_back(make_case("shape-position", {object(s, c2, SizeClass::Small, p)}, j + 2, kEverything));
  }
  static const std::pair<Position, Position> places[] = {{Position::Left, Position::Right},
                                                          {Position::Top, Position::Bottom},
                                                          {Position::TopLeft, Position::BottomRight},
                                                          {Position::BottomLeft, Position::TopRight}};
  for (int m = 0; m < 12; ++m) {
    const auto [c1, s1] = kColourShape[static_cast<size_t>(m % 8)];
    const Shape s2 = static_cast<Shape>((static_cast<int>(s1) + 1 + m % 3) % kShapeCount);
    const Colour c2 = training_colour(s2, m + 2, c1);
    // Positions: the first arrangement (either order) that puts neither shape at a held-out place.
    std::pair<Position, Position> at{Position::Left, Position::Right};
    for (int k = 0; k < 8; ++k) {
      auto cand = places[(m + k / 2) % 4];
      if (k % 2) std::swap(cand.first, cand.second);
      if (!is_held_out(s1, cand.first) && !is_held_out(s2, cand.second)) {
        at = cand;
        break;
      }
    }
    cases.push_back(make_case("two-objects",
                              {object(s1, c1, SizeClass::Large, at.first), object(s2, c2, SizeClass::Large, at.second)},
                              m, m % 2 ? kTwoWithPositions : kTwoWithBackground));
  }
  return cases;
}

std::vector<EvalCase> sampled_cases(Split split, int n, uint64_t seed) {
  const ShapesDataset ds(seed, split);
  std::vector<EvalCase> cases;
  for (int i = 0; i < n; ++i) {
    const Sample s = ds.sample(static_cast<uint64_t>(i));
    EvalCase c;
    c.group = split == Split::Train ? "train" : "heldout-sample";
    c.scene = s.scene;
    c.prompt = s.caption;
    c.expected = described(s.scene, s.template_id);
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace stipple::train
