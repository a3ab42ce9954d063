// Captions of the shapes dataset: the templates, what each states, and the parser that reads
// a caption (or a user's prompt in the same vocabulary) back into attributes.
#include <algorithm>
#include <cctype>
#include <set>

#include "train/shapes_dataset.h"

namespace stipple::train {

namespace {

enum class BgStyle { None, Long, Short, Comma };

// One caption template: which attributes it states and how it phrases them.
struct Form {
  bool size;
  bool position;
  BgStyle background;
  bool comma;  // "red circle, large, top left corner, white background"
};

const std::vector<Form>& forms(size_t objects) {
  static const std::vector<Form> one = {
      {false, false, BgStyle::None, false},   // a red circle
      {false, false, BgStyle::Long, false},   // a red circle on a white background
      {true, true, BgStyle::None, false},     // a large red circle in the top left corner
      {true, true, BgStyle::Short, false},    // a large red circle in the top left corner on white
      {false, true, BgStyle::None, false},    // a red circle in the top left corner
      {true, true, BgStyle::Comma, true},     // red circle, large, top left corner, white background
      {true, false, BgStyle::Short, false},   // a large red circle on white
  };
  static const std::vector<Form> two = {
      {false, false, BgStyle::None, false},   // a red circle and a blue square
      {false, false, BgStyle::Short, false},  // a red circle and a blue square on white
      {false, true, BgStyle::None, false},    // a red circle on the left and a blue square on the right
      {true, true, BgStyle::Long, false},     // a large red circle on the left and a small blue ... on a white background
      {false, true, BgStyle::Comma, true},    // red circle, left, blue square, right, white background
  };
  return objects >= 2 ? two : one;
}

const Form& form_of(const SceneSpec& scene, int template_id) {
  const auto& f = forms(scene.objects.size());
  return f[static_cast<size_t>(std::clamp(template_id, 0, static_cast<int>(f.size()) - 1))];
}

std::string position_phrase(Position p, bool comma) {
  if (comma) return p == Position::TopLeft || p == Position::TopRight || p == Position::BottomLeft ||
                            p == Position::BottomRight
                        ? std::string(name(p)) + " corner"
                        : name(p);
  switch (p) {
    case Position::Centre: return "in the centre";
    case Position::Left: return "on the left";
    case Position::Right: return "on the right";
    case Position::Top: return "at the top";
    case Position::Bottom: return "at the bottom";
    default: return std::string("in the ") + name(p) + " corner";
  }
}

std::string background_phrase(const Background& bg, BgStyle style) {
  const std::string gradient = std::string(name(bg.colour)) + " to " + name(bg.bottom) + " gradient";
  switch (bg.kind) {
    case BackgroundKind::Plain:
      if (style == BgStyle::Long) return std::string("a ") + name(bg.colour) + " background";
      if (style == BgStyle::Short) return name(bg.colour);
      return std::string(name(bg.colour)) + " background";
    case BackgroundKind::Gradient: return style == BgStyle::Comma ? gradient : "a " + gradient;
    case BackgroundKind::Texture:
      if (style == BgStyle::Long) return "a light textured background";
      if (style == BgStyle::Short) return "light texture";
      return "light textured background";
  }
  return {};
}

std::string article_for(const std::string& word) { return std::string("aeiou").find(word[0]) != std::string::npos ? "an" : "a"; }

std::string object_phrase(const ObjectSpec& o, const Form& f) {
  if (f.comma) {
    std::string s = std::string(name(o.colour)) + " " + name(o.shape);
    if (f.size) s += std::string(", ") + name(o.size);
    if (f.position) s += ", " + position_phrase(o.position, true);
    return s;
  }
  const std::string first = f.size ? name(o.size) : name(o.colour);
  std::string s = article_for(first) + " ";
  if (f.size) s += std::string(name(o.size)) + " ";
  s += std::string(name(o.colour)) + " " + name(o.shape);
  if (f.position) s += " " + position_phrase(o.position, false);
  return s;
}

// --- parsing ---

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (char ch : text) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (std::isalnum(u)) {
      cur += static_cast<char>(std::tolower(u));
    } else {
      flush();
      if (ch == ',' || ch == ';') out.emplace_back(",");
    }
  }
  flush();
  return out;
}

std::optional<Colour> colour_word(const std::string& w) {
  for (int i = 0; i < kColourCount; ++i)
    if (w == name(static_cast<Colour>(i))) return static_cast<Colour>(i);
  if (w == "grey") return Colour::Gray;
  return std::nullopt;
}

std::optional<Shape> shape_word(const std::string& w) {
  for (int i = 0; i < kShapeCount; ++i) {
    const std::string n = name(static_cast<Shape>(i));
    if (w == n || w == n + "s") return static_cast<Shape>(i);
  }
  return std::nullopt;
}

std::optional<SizeClass> size_word(const std::string& w) {
  if (w == "small" || w == "tiny" || w == "little") return SizeClass::Small;
  if (w == "large" || w == "big" || w == "huge") return SizeClass::Large;
  return std::nullopt;
}

// Removes the background phrase from `w` (marking its words used) and returns it.
std::optional<Background> take_background(std::vector<std::string>& w) {
  const std::string used = "";
  for (size_t i = 0; i + 3 < w.size(); ++i) {
    const auto top = colour_word(w[i]), bottom = colour_word(w[i + 2]);
    if (top && bottom && w[i + 1] == "to" && w[i + 3] == "gradient") {
      for (size_t k = i; k < i + 4; ++k) w[k] = used;
      Background bg;
      bg.kind = BackgroundKind::Gradient;
      bg.colour = *top;
      bg.bottom = *bottom;
      return bg;
    }
  }
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == "textured" || w[i] == "texture") {
      if (i > 0 && w[i - 1] == "light") w[i - 1] = used;
      if (i + 1 < w.size() && w[i + 1] == "background") w[i + 1] = used;
      w[i] = used;
      Background bg;
      bg.kind = BackgroundKind::Texture;
      return bg;
    }
  }
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (auto c = colour_word(w[i]); c && w[i + 1] == "background") {
      w[i] = w[i + 1] = used;
      return Background{BackgroundKind::Plain, *c};
    }
  }
  // "... on white" at the end of the text or of a comma clause.
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] != "on") continue;
    size_t j = i + 1;
    if (j < w.size() && (w[j] == "a" || w[j] == "an")) ++j;
    if (j >= w.size()) continue;
    const auto c = colour_word(w[j]);
    if (c && (j + 1 == w.size() || w[j + 1] == ",")) {
      for (size_t k = i; k <= j; ++k) w[k] = used;
      return Background{BackgroundKind::Plain, *c};
    }
  }
  return std::nullopt;
}

ObjectQuery parse_object(const std::vector<std::string>& clause) {
  ObjectQuery q;
  bool top = false, bottom = false, left = false, right = false, centre = false;
  for (const auto& w : clause) {
    if (!q.shape) q.shape = shape_word(w);
    if (auto c = colour_word(w); c && !q.colour) q.colour = c;
    if (auto s = size_word(w); s && !q.size) q.size = s;
    top |= w == "top" || w == "upper";
    bottom |= w == "bottom" || w == "lower";
    left |= w == "left";
    right |= w == "right";
    centre |= w == "centre" || w == "center" || w == "middle";
  }
  const bool vertical = top != bottom, horizontal = left != right;
  if (vertical && horizontal)
    q.position = top ? (left ? Position::TopLeft : Position::TopRight) : (left ? Position::BottomLeft : Position::BottomRight);
  else if (vertical)
    q.position = top ? Position::Top : Position::Bottom;
  else if (horizontal)
    q.position = left ? Position::Left : Position::Right;
  else if (centre)
    q.position = Position::Centre;
  return q;
}

}  // namespace

int template_count(const SceneSpec& scene) { return static_cast<int>(forms(scene.objects.size()).size()); }

std::string caption(const SceneSpec& scene, int template_id) {
  const Form& f = form_of(scene, template_id);
  std::string s;
  for (size_t i = 0; i < scene.objects.size(); ++i) {
    if (i) s += f.comma ? ", " : " and ";
    s += object_phrase(scene.objects[i], f);
  }
  if (f.background == BgStyle::Comma)
    s += ", " + background_phrase(scene.background, BgStyle::Comma);
  else if (f.background != BgStyle::None)
    s += " on " + background_phrase(scene.background, f.background);
  return s;
}

PromptSpec described(const SceneSpec& scene, int template_id) {
  const Form& f = form_of(scene, template_id);
  PromptSpec p;
  for (const auto& o : scene.objects) {
    ObjectQuery q;
    q.shape = o.shape;
    q.colour = o.colour;
    if (f.size) q.size = o.size;
    if (f.position) q.position = o.position;
    p.objects.push_back(q);
  }
  if (f.background != BgStyle::None) p.background = scene.background;
  return p;
}

PromptSpec full_description(const SceneSpec& scene) {
  PromptSpec p;
  for (const auto& o : scene.objects) p.objects.push_back({o.shape, o.colour, o.size, o.position});
  p.background = scene.background;
  return p;
}

PromptSpec parse_caption(const std::string& text) {
  std::vector<std::string> w = words_of(text);
  PromptSpec p;
  p.background = take_background(w);
  // Clauses split at "and" and commas; a clause without a shape word (", large", "on the left")
  // belongs to the object before it, or to the next one when it comes first.
  std::vector<std::vector<std::string>> clauses(1);
  for (const auto& word : w) {
    if (word.empty()) continue;
    if (word == "and" || word == ",") {
      if (!clauses.back().empty()) clauses.emplace_back();
      continue;
    }
    clauses.back().push_back(word);
  }
  std::vector<std::vector<std::string>> objects;
  std::vector<std::string> pending;
  for (const auto& c : clauses) {
    const bool has_shape = std::any_of(c.begin(), c.end(), [](const std::string& x) { return shape_word(x).has_value(); });
    if (has_shape) {
      objects.push_back(pending);
      objects.back().insert(objects.back().end(), c.begin(), c.end());
      pending.clear();
    } else if (!objects.empty()) {
      objects.back().insert(objects.back().end(), c.begin(), c.end());
    } else {
      pending.insert(pending.end(), c.begin(), c.end());
    }
  }
  for (const auto& o : objects) p.objects.push_back(parse_object(o));
  return p;
}

std::vector<std::string> caption_vocabulary() {
  std::set<std::string> words = {"a", "an", "and", "on", "in", "the", "at", "to", "corner", "background",
                                 "gradient", "light", "textured", "texture", "top", "bottom", "left", "right",
                                 "centre", "center", "middle", "grey", "big", "tiny", ","};
  for (int i = 0; i < kShapeCount; ++i) words.insert(name(static_cast<Shape>(i)));
  for (int i = 0; i < kColourCount; ++i) words.insert(name(static_cast<Colour>(i)));
  words.insert(name(SizeClass::Small));
  words.insert(name(SizeClass::Large));
  return {words.begin(), words.end()};
}

}  // namespace stipple::train
