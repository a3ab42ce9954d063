#include "train/evaluate.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "image/image_io.h"
#include "image/mask.h"
#include "pipeline/engine.h"
#include "train/inpaint_masks.h"
#include "train/judge.h"

namespace stipple::train {

namespace fs = std::filesystem;

namespace {

std::vector<EvalCase> cases_for(const std::string& prompts) {
  if (prompts == "heldout") return heldout_cases();
  if (prompts == "train") return sampled_cases(Split::Train, 48, 777);
  try {
    size_t used = 0;
    const int n = std::stoi(prompts, &used);
    if (used == prompts.size() && n > 0) return sampled_cases(Split::HeldOut, n, 777);
  } catch (const std::exception&) {
  }
  throw std::invalid_argument("prompts must be heldout, train or a positive number, not '" + prompts + "'");
}

std::string percent(const Rate& r) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f%% (%d/%d)", 100.0 * r.value(), r.ok, r.n);
  return buf;
}

Rate& group_rate(EvalSummary& s, const std::string& group) {
  for (auto& [name, rate] : s.groups)
    if (name == group) return rate;
  s.groups.emplace_back(group, Rate{});
  return s.groups.back().second;
}

}  // namespace

EvalSummary evaluate_model(const EvalOptions& o) {
  EngineModelSpec spec;
  spec.model = o.model;
  spec.device = o.device;
  spec.precision = o.precision;
  auto engine = Engine::load(spec);
  const auto cases = cases_for(o.prompts);
  EvalSummary s;
  s.model = engine->identity().name;
  s.mode = o.inpainting ? "inpainting" : "txt2img";
  s.prompts = o.prompts;
  // Unset: what the model recommends (model_index.json), else the application's defaults.
  const SamplingDefaults& recommended = engine->sampling_defaults();
  s.sampler = !o.sampler.empty() ? o.sampler : !recommended.sampler.empty() ? recommended.sampler : GenerationRequest{}.sampler;
  s.steps = o.steps;
  s.seeds = o.seeds;
  s.cfg = o.cfg > 0 ? o.cfg : recommended.cfg > 0 ? recommended.cfg : GenerationRequest{}.cfg;
  s.size = o.size > 0 ? o.size : engine->default_size();
  if (o.save_dir) fs::create_directories(*o.save_dir);

  const int total = static_cast<int>(cases.size()) * o.seeds;
  double seconds = 0;
  int done = 0;
  for (size_t ci = 0; ci < cases.size(); ++ci) {
    const EvalCase& c = cases[ci];
    for (int k = 0; k < o.seeds; ++k) {
      GenerationRequest r;
      r.prompt = c.prompt;
      r.width = r.height = s.size;
      r.steps = o.steps;
      r.cfg = s.cfg;
      r.sampler = s.sampler;
      r.seed = 1000 + static_cast<uint64_t>(k) * 100003 + ci;
      r.preview = PreviewMode::Off;
      cv::Mat mask;
      if (o.inpainting) {
        SceneSpec context = c.scene;
        context.objects.erase(context.objects.begin());  // the first object is painted in
        r.init_image = render(context, s.size);
        mask = object_mask(c.scene.objects.front(), s.size);
        r.mask = mask;
        r.mask_blur = 4;
        r.strength = 1.0;
      }
      const auto t0 = std::chrono::steady_clock::now();
      const auto result = engine->generate(r);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const cv::Mat& img = result.images.front().rgb;
      bool good = false;
      if (o.inpainting) {
        // Painted object: right colour and shape, centred inside the mask, and not one of a
        // clutter of blobs there (the judge's rule: at most one significant extra).
        const ObjectSpec& target = c.scene.objects.front();
        std::vector<DetectedObject> inside;
        double spread = 0;
        for (const auto& d : detect_objects(img, &spread)) {
          const cv::Point p(std::clamp(static_cast<int>(d.centroid.x * img.cols), 0, img.cols - 1),
                            std::clamp(static_cast<int>(d.centroid.y * img.rows), 0, img.rows - 1));
          if (mask.at<uchar>(p) > 0) inside.push_back(d);  // largest first, as detected
        }
        int significant = 0;
        for (const auto& d : inside) {
          if (d.area < kSignificant * inside.front().area) break;
          ++significant;
          if (d.colour == target.colour && d.shape == target.shape) good = true;
        }
        good = good && significant <= 2 && spread <= kMaxBackgroundSpread;
        s.object_in_mask.add(good);
        // The pipeline's promise: outside the blurred mask the original pixels, bit for bit.
        const cv::Mat blurred = blur_mask(mask, r.mask_blur);
        cv::Mat diff;
        cv::absdiff(img, r.init_image, diff);
        cv::Mat changed;
        cv::transform(diff, changed, cv::Matx13f(1, 1, 1));
        const int64_t outside = cv::countNonZero((changed > 0) & (blurred == 0));
        s.changed_outside += outside;
        s.changed_outside_max = std::max(s.changed_outside_max, outside);
      } else {
        const Verdict v = judge(img, c.expected);
        s.exact_count.add(v.count_matches);
        s.messy += v.messy_background() ? 1 : 0;
        s.cluttered += v.cluttered ? 1 : 0;
        if (c.expected.objects.size() >= 2) {
          good = v.colour_and_shape();
          s.two_objects.add(good);
        } else {
          // Clutter and backgrounds that are not clean fail every attribute (see Verdict).
          const ObjectVerdict& ov = v.objects.front();
          const ObjectQuery& q = c.expected.objects.front();
          const bool clean = ov.found && !v.cluttered && !v.messy_background();
          good = v.colour_and_shape();
          s.colour.add(clean && ov.colour);
          s.shape.add(clean && ov.shape);
          s.colour_shape.add(good);
          if (q.size) s.size_class.add(clean && ov.size);
          if (q.position) {
            s.position.add(clean && ov.position);
            s.all_three.add(good && ov.position);
          }
        }
      }
      group_rate(s, c.group).add(good);
      if (o.save_dir) {
        char name[96];
        std::snprintf(name, sizeof name, "%03zu-s%d-%s.png", ci, k, good ? "ok" : "miss");
        write_png(*o.save_dir / name, img, {{"parameters", result.images.front().parameters}});
      }
      ++s.images;
      if (o.on_progress) o.on_progress(++done, total);
    }
  }
  s.seconds_per_image = s.images ? seconds / s.images : 0;
  return s;
}

std::string format_summary(const EvalSummary& s) {
  char head[256];
  std::snprintf(head, sizeof head, "%s, %s prompts x %d seed%s, %s, %s %d steps, cfg %g, %dx%d, %.2f s/image\n",
                s.model.c_str(), s.prompts.c_str(), s.seeds, s.seeds == 1 ? "" : "s", s.mode.c_str(),
                s.sampler.c_str(), s.steps, s.cfg, s.size, s.size, s.seconds_per_image);
  std::string out = head;
  if (s.mode == "inpainting") {
    out += "  object painted inside the mask (colour+shape): " + percent(s.object_in_mask) + "\n";
    out += "  pixels changed outside the blurred mask: " + std::to_string(s.changed_outside) + " in total, " +
           std::to_string(s.changed_outside_max) + " in the worst image\n";
  } else {
    if (s.colour_shape.n) {
      out += "  single object: colour " + percent(s.colour) + ", shape " + percent(s.shape) + ", colour+shape " +
             percent(s.colour_shape) + "\n";
      if (s.position.n)
        out += "  single object: position " + percent(s.position) + ", colour+shape+position " + percent(s.all_three) +
               (s.size_class.n ? ", size " + percent(s.size_class) : std::string()) + "\n";
    }
    if (s.two_objects.n) out += "  two objects (both right colour and shape): " + percent(s.two_objects) + "\n";
    out += "  exact object count: " + percent(s.exact_count) + "; failed as clutter " + std::to_string(s.cluttered) +
           ", for a background that is not clean " + std::to_string(s.messy) + "\n";
  }
  out += "  per group:";
  for (const auto& [name, rate] : s.groups) out += " " + name + " " + percent(rate) + ";";
  out.back() = '\n';
  return out;
}

std::vector<TargetCheck> quality_targets(const EvalSummary& s, bool inpainting_model) {
  std::vector<TargetCheck> out;
  if (s.mode == "inpainting") {
    out.push_back({inpainting_model ? "asked object painted inside the mask (inpainting model)"
                                    : "asked object painted inside the mask (latent blending)",
                   s.object_in_mask.value(), inpainting_model ? 0.85 : 0.60, false});
    out.push_back({"pixels changed outside the blurred mask", double(s.changed_outside), 0, true, false});
    return out;
  }
  out.push_back({"single object: colour and shape", s.colour_shape.value(), 0.90, false});
  out.push_back({"single object: position", s.position.value(), 0.80, false});
  out.push_back({"two objects: both right", s.two_objects.value(), 0.60, false});
  if (s.size <= 128 && s.steps == 20) out.push_back({"seconds per 128 px image, 20 steps", s.seconds_per_image, 2.0, true, false});
  return out;
}

std::string format_targets(const std::vector<TargetCheck>& checks) {
  std::string out = "| measure | target | measured | |\n|---|---|---|---|\n";
  char line[256];
  for (const auto& c : checks) {
    if (c.is_rate)
      std::snprintf(line, sizeof line, "| %s | %s %.0f%% | %.1f%% | %s |\n", c.what.c_str(), c.at_most ? "<=" : ">=",
                    100 * c.target, 100 * c.measured, c.met() ? "met" : "not yet");
    else
      std::snprintf(line, sizeof line, "| %s | %s %g | %.3g | %s |\n", c.what.c_str(), c.at_most ? "<=" : ">=",
                    c.target, c.measured, c.met() ? "met" : "not yet");
    out += line;
  }
  return out;
}

nlohmann::json summary_json(const EvalSummary& s) {
  auto rate = [](const Rate& r) { return nlohmann::json{{"ok", r.ok}, {"n", r.n}, {"rate", r.value()}}; };
  nlohmann::json groups = nlohmann::json::object();
  for (const auto& [name, r] : s.groups) groups[name] = rate(r);
  nlohmann::json j = {{"model", s.model},       {"mode", s.mode},   {"prompts", s.prompts},
                      {"sampler", s.sampler},   {"steps", s.steps}, {"seeds", s.seeds},
                      {"cfg", s.cfg},           {"size", s.size},   {"images", s.images},
                      {"seconds_per_image", s.seconds_per_image}, {"groups", groups}};
  if (s.mode == "inpainting") {
    j["object_in_mask"] = rate(s.object_in_mask);
    j["changed_outside_mask_pixels"] = s.changed_outside;
    j["changed_outside_mask_pixels_max"] = s.changed_outside_max;
  } else {
    j["single"] = {{"colour", rate(s.colour)},       {"shape", rate(s.shape)},
                   {"colour_shape", rate(s.colour_shape)}, {"position", rate(s.position)},
                   {"size", rate(s.size_class)},     {"colour_shape_position", rate(s.all_three)}};
    j["two_objects"] = rate(s.two_objects);
    j["exact_count"] = rate(s.exact_count);
    j["failed_cluttered"] = s.cluttered;
    j["failed_messy_background"] = s.messy;
  }
  return j;
}

}  // namespace stipple::train
