#include "pipeline/request.h"

#include <cmath>
#include <sstream>

#include "sampling/samplers.h"
#include "sampling/schedule.h"
#include "stipple/version.h"

namespace stipple {

namespace {

// Shortest text for a number as A1111 prints it: 7 -> "7", 7.5 -> "7.5", 0.75 -> "0.75".
std::string number(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::ostringstream os;
  os.precision(6);
  os << v;
  return os.str();
}

}  // namespace

std::string validate_request(const GenerationRequest& r) {
  auto bad = [](const std::string& field, const std::string& why) { return field + ": " + why; };
  if (r.width < 64 || r.width > 4096 || r.width % 8 != 0)
    return bad("width", std::to_string(r.width) + " must be a multiple of 8 between 64 and 4096");
  if (r.height < 64 || r.height > 4096 || r.height % 8 != 0)
    return bad("height", std::to_string(r.height) + " must be a multiple of 8 between 64 and 4096");
  // 20,000 characters is some 60 chunks of 75 tokens, far beyond any prompt written by hand; a
  // pasted book would only make the text encoder and cross-attention run for nothing.
  for (const auto& [field, text] : {std::pair<const char*, const std::string*>{"prompt", &r.prompt},
                                    std::pair<const char*, const std::string*>{"negative prompt", &r.negative_prompt}})
    if (text->size() > kMaxPromptBytes)
      return bad(field, std::to_string(text->size()) + " bytes is too long (at most " + std::to_string(kMaxPromptBytes) + ")");
  if (r.steps < 1 || r.steps > 1000) return bad("steps", std::to_string(r.steps) + " must be between 1 and 1000");
  if (!(r.cfg >= 0 && r.cfg <= 100)) return bad("cfg", number(r.cfg) + " must be between 0 and 100");
  if (!(r.guidance_rescale >= 0 && r.guidance_rescale <= 1))
    return bad("guidance rescale", number(r.guidance_rescale) + " must be between 0 and 1");
  if (r.eta > 10) return bad("eta", number(r.eta) + " must be between 0 and 10 (negative: the sampler's default)");
  try {
    sampler_spec(r.sampler);
  } catch (const std::exception& e) {
    return bad("sampler", e.what());
  }
  try {
    sigma_schedule_from_string(r.schedule);
  } catch (const std::exception& e) {
    return bad("schedule", e.what());
  }
  if (r.batch_count < 1 || r.batch_count > 10000)
    return bad("batch count", std::to_string(r.batch_count) + " must be between 1 and 10000");
  if (r.batch_size < 1 || r.batch_size > 64)
    return bad("batch size", std::to_string(r.batch_size) + " must be between 1 and 64");
  if (r.clip_skip < 0 || r.clip_skip > 12) return bad("clip skip", std::to_string(r.clip_skip) + " must be 0..12");
  if (!(r.strength >= 0 && r.strength <= 1)) return bad("strength", number(r.strength) + " must be between 0 and 1");
  if (!r.init_image.empty() && r.init_image.type() != CV_8UC3) return bad("init image", "must be 8-bit RGB");
  if (!r.mask.empty()) {
    if (r.init_image.empty()) return bad("mask", "a mask needs an init image to inpaint");
    if (r.mask.type() != CV_8UC1) return bad("mask", "must be 8-bit grayscale");
    if (r.mask.size() != r.init_image.size())
      return bad("mask", std::to_string(r.mask.cols) + "x" + std::to_string(r.mask.rows) +
                             " does not match the image's " + std::to_string(r.init_image.cols) + "x" +
                             std::to_string(r.init_image.rows));
  }
  if (r.mask_blur < 0 || r.mask_blur > 256) return bad("mask blur", std::to_string(r.mask_blur) + " must be 0..256");
  if (std::abs(r.mask_grow) > 1024) return bad("mask grow", std::to_string(r.mask_grow) + " must be -1024..1024");
  if (r.padding < 0 || r.padding > 4096) return bad("padding", std::to_string(r.padding) + " must be 0..4096");
  if (r.preview_every < 1) return bad("preview every", "must be at least 1");
  return {};
}

std::string format_infotext(const GenerationRequest& r, const ModelIdentity& model, int index) {
  std::ostringstream os;
  os << r.prompt;
  if (!r.negative_prompt.empty()) os << "\nNegative prompt: " << r.negative_prompt;
  os << "\nSteps: " << r.steps << ", Sampler: " << sampler_spec(r.sampler).a1111_name;
  const auto schedule = sigma_schedule_from_string(r.schedule);
  if (schedule == SigmaSchedule::Karras)
    os << ", Schedule type: Karras";
  else if (schedule == SigmaSchedule::Exponential)
    os << ", Schedule type: Exponential";
  else if (schedule == SigmaSchedule::Uniform)
    os << ", Schedule type: Uniform";
  os << ", CFG scale: " << number(r.cfg) << ", Seed: " << (r.seed + static_cast<uint64_t>(index))
     << ", Size: " << r.width << "x" << r.height;
  if (!model.hash.empty()) os << ", Model hash: " << model.hash;
  if (!model.name.empty()) os << ", Model: " << model.name;
  if (r.is_img2img()) os << ", Denoising strength: " << number(r.strength);
  if (r.is_inpaint()) {
    os << ", Mask blur: " << r.mask_blur;
    if (r.inpaint_area == InpaintArea::Masked) os << ", Inpaint area: Only masked, Masked area padding: " << r.padding;
  }
  if (r.clip_skip > 1) os << ", Clip skip: " << r.clip_skip;
  if (r.guidance_rescale > 0) os << ", Guidance rescale: " << number(r.guidance_rescale);
  if (r.eta >= 0) os << ", Eta: " << number(r.eta);
  if (r.zero_terminal_snr) os << ", Zero terminal SNR: True";
  if (r.batch_size > 1) os << ", Batch size: " << r.batch_size << ", Batch pos: " << (index % r.batch_size);
  os << ", Version: stipple-" << STIPPLE_VERSION_STRING;
  return os.str();
}

}  // namespace stipple
