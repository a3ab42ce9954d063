#include "request_options.h"

#include <algorithm>

#include "command.h"
#include "image/image_io.h"

namespace stipple::cli {

void RequestOptions::addTo(QCommandLineParser& parser) const {
  parser.addOptions({negative, width, height, steps, cfg, sampler, schedule, seed, clipSkip, init, strength, mask,
                     maskBlur, maskGrow, invertMask, area, padding, fill, eta, guidanceRescale, zeroTerminalSnr,
                     device, precision});
}

namespace {

// Typed option values; the first bad one prints its message and clears `ok`.
struct Reader {
  const QCommandLineParser& parser;
  bool ok = true;
  int toInt(const QCommandLineOption& o) {
    bool good = false;
    const int v = parser.value(o).toInt(&good);
    if (!good && ok) {
      fail(QStringLiteral("--%1 must be an integer, not '%2'").arg(o.names().first(), parser.value(o)), kUsage);
      ok = false;
    }
    return v;
  }
  double toDouble(const QCommandLineOption& o) {
    bool good = false;
    const double v = parser.value(o).toDouble(&good);
    if (!good && ok) {
      fail(QStringLiteral("--%1 must be a number, not '%2'").arg(o.names().first(), parser.value(o)), kUsage);
      ok = false;
    }
    return v;
  }
};

}  // namespace

int RequestOptions::read(const QCommandLineParser& parser, GenerationRequest* request) const {
  GenerationRequest& r = *request;
  Reader in{parser};
  r.negative_prompt = parser.value(negative).toStdString();
  r.steps = in.toInt(steps);
  r.cfg = in.toDouble(cfg);
  r.sampler = parser.value(sampler).toStdString();
  r.schedule = parser.value(schedule).toStdString();
  bool seedOk = false;
  r.seed = parser.value(seed).toULongLong(&seedOk);
  if (!seedOk) return fail(QStringLiteral("--seed must be a non-negative integer"), kUsage);
  r.clip_skip = in.toInt(clipSkip);
  r.strength = in.toDouble(strength);
  r.mask_blur = in.toInt(maskBlur);
  r.mask_grow = in.toInt(maskGrow);
  r.invert_mask = parser.isSet(invertMask);
  r.padding = in.toInt(padding);
  if (parser.isSet(eta)) r.eta = in.toDouble(eta);
  r.guidance_rescale = in.toDouble(guidanceRescale);
  r.zero_terminal_snr = parser.isSet(zeroTerminalSnr);
  if (!in.ok) return kUsage;
  const QString areaName = parser.value(area), fillName = parser.value(fill);
  if (areaName == QLatin1String("whole")) r.inpaint_area = InpaintArea::Whole;
  else if (areaName == QLatin1String("masked")) r.inpaint_area = InpaintArea::Masked;
  else return fail(QStringLiteral("--inpaint-area must be whole or masked"), kUsage);
  if (fillName == QLatin1String("original")) r.masked_content = MaskedContent::Original;
  else if (fillName == QLatin1String("fill")) r.masked_content = MaskedContent::Fill;
  else if (fillName == QLatin1String("noise")) r.masked_content = MaskedContent::LatentNoise;
  else if (fillName == QLatin1String("nothing")) r.masked_content = MaskedContent::LatentNothing;
  else return fail(QStringLiteral("--fill must be original, fill, noise or nothing"), kUsage);
  if (parser.isSet(init)) r.init_image = load_image_rgb(parser.value(init).toStdString());
  if (parser.isSet(mask)) {
    if (!parser.isSet(init)) return fail(QStringLiteral("--mask needs --init IMAGE"), kUsage);
    r.mask = load_mask(parser.value(mask).toStdString());
  }
  return kOk;
}

int RequestOptions::readSize(const QCommandLineParser& parser, GenerationRequest* request, int native) const {
  GenerationRequest& r = *request;
  Reader in{parser};
  r.width = parser.isSet(width) ? in.toInt(width) : (r.is_img2img() ? std::max(64, r.init_image.cols / 8 * 8) : native);
  r.height = parser.isSet(height) ? in.toInt(height) : (r.is_img2img() ? std::max(64, r.init_image.rows / 8 * 8) : native);
  return in.ok ? kOk : kUsage;
}

void RequestOptions::applyModelSampling(const QCommandLineParser& parser, GenerationRequest* request,
                                        const SamplingDefaults& recommended) const {
  if (!parser.isSet(cfg) && recommended.cfg > 0) request->cfg = recommended.cfg;
  if (!parser.isSet(sampler) && !recommended.sampler.empty()) request->sampler = recommended.sampler;
}

EngineModelSpec RequestOptions::engineSpec(const QCommandLineParser& parser, const ModelSource& source) const {
  EngineModelSpec spec;
  spec.model = source.model;
  spec.config = source.config;
  spec.tokenizer = source.tokenizer;
  spec.prediction = source.prediction;
  spec.device = parser.value(device).toStdString();
  spec.precision = parser.value(precision).toStdString();
  return spec;
}

}  // namespace stipple::cli
