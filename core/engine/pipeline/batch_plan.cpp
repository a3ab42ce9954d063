// Batch expansion: prompt rows x images per prompt x sweep cells -> single-image requests, with
// seeds by mode and every item validated before anything runs.
#include <algorithm>
#include <cctype>
#include <map>
#include <random>
#include <set>

#include "pipeline/batch_spec.h"

namespace stipple {

namespace {

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

const std::vector<std::string>& sweep_parameters() {
  static const std::vector<std::string> names = {"cfg",  "steps",    "sampler", "schedule",  "seed",
                                                 "width", "height", "size",    "strength", "clip_skip",
                                                 "guidance_rescale"};
  return names;
}

// Applies a sweep value; "size" sets width and height from "WxH".
std::string apply_sweep_value(GenerationRequest& r, const std::string& parameter, const std::string& value) {
  if (parameter == "size") {
    const auto x = value.find_first_of("xX");
    if (x == std::string::npos) return "size: '" + value + "' is not WIDTHxHEIGHT";
    if (auto p = apply_request_field(r, "width", value.substr(0, x)); !p.empty()) return "size: '" + value + "': " + p;
    if (auto p = apply_request_field(r, "height", value.substr(x + 1)); !p.empty())
      return "size: '" + value + "': " + p;
    return {};
  }
  return apply_request_field(r, parameter, value);
}

}  // namespace

std::string to_string(SeedMode mode) {
  switch (mode) {
    case SeedMode::Fixed: return "fixed";
    case SeedMode::Random: return "random";
    case SeedMode::Increment: break;
  }
  return "increment";
}

SeedMode seed_mode_from_string(const std::string& name) {
  if (name == "fixed") return SeedMode::Fixed;
  if (name == "increment") return SeedMode::Increment;
  if (name == "random") return SeedMode::Random;
  throw std::invalid_argument("unknown seed mode '" + name + "' (expected fixed, increment, random)");
}

SweepAxis parse_sweep(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos)
    throw std::invalid_argument("sweep '" + text + "': expected PARAMETER=V1,V2,... (e.g. cfg=5,7,9)");
  SweepAxis axis;
  axis.parameter = trim(text.substr(0, eq));
  for (auto& c : axis.parameter) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (axis.parameter == "cfg_scale") axis.parameter = "cfg";
  if (axis.parameter == "scheduler") axis.parameter = "schedule";
  const auto& names = sweep_parameters();
  if (std::find(names.begin(), names.end(), axis.parameter) == names.end()) {
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("sweep '" + text + "': cannot sweep '" + axis.parameter + "' (can: " + known + ")");
  }
  const std::string list = text.substr(eq + 1);
  size_t start = 0;
  while (start <= list.size()) {
    const auto comma = list.find(',', start);
    const std::string v = trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (v.empty()) throw std::invalid_argument("sweep '" + text + "': empty value");
    GenerationRequest scratch;
    if (auto p = apply_sweep_value(scratch, axis.parameter, v); !p.empty())
      throw std::invalid_argument("sweep '" + text + "': " + p);
    if (std::find(axis.values.begin(), axis.values.end(), v) != axis.values.end())
      throw std::invalid_argument("sweep '" + text + "': '" + v + "' appears twice");
    axis.values.push_back(v);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return axis;
}

BatchPlan expand_batch(const PromptList& list, const GenerationRequest& defaults, const BatchSettings& settings) {
  std::vector<BatchSpecProblem> problems;
  std::set<std::pair<int, std::string>> seen;  // one report per (line, message)
  auto problem = [&](int line, const std::string& message) {
    if (seen.insert({line, message}).second) problems.push_back({line, message});
  };
  if (settings.per_prompt < 1 || settings.per_prompt > 100000)
    problem(0, "images per prompt: " + std::to_string(settings.per_prompt) + " must be between 1 and 100000");
  if (settings.sweeps.size() > 2) problem(0, "at most two sweeps (X and Y), got " + std::to_string(settings.sweeps.size()));
  if (settings.sweeps.size() == 2) {
    const auto& a = settings.sweeps[0].parameter;
    const auto& b = settings.sweeps[1].parameter;
    const bool size_clash = (a == "size" && (b == "width" || b == "height")) || (b == "size" && (a == "width" || a == "height"));
    if (a == b || size_clash) problem(0, "the two sweeps both set " + b);
  }
  for (const auto& s : settings.sweeps)
    if (s.values.empty()) problem(0, "sweep of " + s.parameter + " has no values");
  if (!problems.empty()) throw BatchSpecError("batch settings", std::move(problems));

  BatchPlan plan;
  plan.settings = settings;
  plan.row_count = static_cast<int>(list.rows.size());
  const SweepAxis* ax = settings.sweeps.size() > 0 ? &settings.sweeps[0] : nullptr;
  const SweepAxis* ay = settings.sweeps.size() > 1 ? &settings.sweeps[1] : nullptr;
  if (ax)
    for (const auto& v : ax->values) plan.x_labels.push_back(ax->parameter + "=" + v);
  if (ay)
    for (const auto& v : ay->values) plan.y_labels.push_back(ay->parameter + "=" + v);
  const int nx = ax ? static_cast<int>(ax->values.size()) : 1;
  const int ny = ay ? static_cast<int>(ay->values.size()) : 1;

  std::mt19937_64 rng(settings.random_seed ? *settings.random_seed : std::random_device{}());
  // 32-bit seeds, as A1111 draws them, so the infotext reads the same in other tools.
  std::uniform_int_distribution<uint64_t> draw(0, 0xFFFFFFFFull);

  for (size_t r = 0; r < list.rows.size(); ++r) {
    const PromptRow& row = list.rows[r];
    GenerationRequest base = defaults;
    base.prompt = row.prompt;
    base.batch_count = base.batch_size = 1;
    std::string model;
    std::filesystem::path init, mask;
    bool row_seed = false, row_size = false;
    for (const auto& [key, value] : row.fields) {
      if (key == "model") model = value == "default" ? "" : value;
      else if (key == "init") init = value;
      else if (key == "mask") mask = value;
      else if (auto p = apply_request_field(base, key, value); !p.empty()) problem(row.line, p);
      row_seed = row_seed || key == "seed";
      row_size = row_size || key == "width" || key == "height";
    }
    const bool has_init = !init.empty() || !base.init_image.empty();
    if (!mask.empty() && !has_init) problem(row.line, "mask: a mask needs an init image (an 'init' column or --init)");
    for (int k = 0; k < settings.per_prompt; ++k) {
      // One seed per image k, shared by its sweep cells so the grid compares like with like.
      uint64_t seed = base.seed;
      bool drawn = false;
      if (settings.seed_mode == SeedMode::Random && !row_seed) {
        seed = draw(rng);
        drawn = true;
      } else if (settings.seed_mode != SeedMode::Fixed) {
        seed = base.seed + static_cast<uint64_t>(k);
      }
      for (int y = 0; y < ny; ++y) {
        for (int x = 0; x < nx; ++x) {
          BatchItem item;
          item.index = static_cast<int>(plan.items.size());
          item.row = static_cast<int>(r);
          item.line = row.line;
          item.repeat = k;
          item.x = ax ? x : -1;
          item.y = ay ? y : -1;
          item.request = base;
          item.request.seed = seed;
          item.random_seed = drawn;
          item.explicit_size = row_size;
          item.model = model;
          item.init_image = init;
          item.mask = mask;
          auto sweep = [&](const SweepAxis* a, int i) {
            if (!a) return;
            const std::string& v = a->values[static_cast<size_t>(i)];
            item.sweep_values.emplace_back(a->parameter, v);
            if (a->parameter == "width" || a->parameter == "height" || a->parameter == "size") item.explicit_size = true;
            if (auto p = apply_sweep_value(item.request, a->parameter, v); !p.empty()) problem(0, p);
            if (a->parameter == "seed") {
              // A swept seed is the base; increment and random (rows without a seed) add k.
              if (settings.seed_mode != SeedMode::Fixed) item.request.seed += static_cast<uint64_t>(k);
              item.random_seed = false;
            }
          };
          sweep(ax, x);
          sweep(ay, y);
          // Validate with stand-ins for per-row images (loaded, and their sizes checked, when the
          // item runs).
          GenerationRequest check = item.request;
          if (!init.empty() || !mask.empty()) {
            const bool any_mask = !mask.empty() || !check.mask.empty();
            check.init_image = cv::Mat(8, 8, CV_8UC3, cv::Scalar::all(0));
            check.mask = any_mask ? cv::Mat(8, 8, CV_8UC1, cv::Scalar::all(0)) : cv::Mat();
          }
          if (auto p = validate_request(check); !p.empty()) {
            std::string where;
            for (const auto& [name, value] : item.sweep_values) where += (where.empty() ? " (with " : ", ") + name + "=" + value;
            problem(row.line, p + (where.empty() ? "" : where + ")"));
          }
          plan.items.push_back(std::move(item));
        }
      }
    }
  }
  if (!problems.empty()) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const BatchSpecProblem& a, const BatchSpecProblem& b) { return a.line < b.line; });
    throw BatchSpecError(list.source, std::move(problems));
  }
  return plan;
}

}  // namespace stipple
