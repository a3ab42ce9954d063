// stipple-cli generate: txt2img, img2img and inpainting from the command line.
#include <unistd.h>

#include <QDir>
#include <QFileInfo>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "command.h"
#include "image/image_io.h"
#include "pipeline/engine.h"

namespace stipple::cli {

namespace {

// Terminal progress on stderr: a redrawn bar on a terminal, a line per 10% otherwise.
class ProgressPrinter : public GenerationObserver {
 public:
  ProgressPrinter(QString previewDir, int previewEvery) : m_previewDir(std::move(previewDir)), m_every(previewEvery) {}
  void on_progress(int step, int total, double spi) override {
    const bool tty = isatty(fileno(stderr));
    const int pct = total > 0 ? step * 100 / total : 100;
    if (!tty && pct / 10 == m_lastDecile && step != total) return;
    m_lastDecile = pct / 10;
    const int width = 30, filled = total > 0 ? step * width / total : width;
    const double eta = spi * (total - step);
    std::fprintf(stderr, "%s[%s%s] %d/%d  %.2f s/it  ETA %d:%02d%s", tty ? "\r" : "", std::string(filled, '#').c_str(),
                 std::string(width - filled, ' ').c_str(), step, total, spi, static_cast<int>(eta) / 60,
                 static_cast<int>(eta) % 60, tty ? (step == total ? "\n" : "") : "\n");
    std::fflush(stderr);
  }
  void on_preview(const cv::Mat& rgb, int index, int step) override {
    if (m_previewDir.isEmpty() || step % m_every != 0) return;
    const QString file = QDir(m_previewDir).filePath(QStringLiteral("preview-%1-step%2.png")
                                                         .arg(index + 1, 4, 10, QLatin1Char('0'))
                                                         .arg(step + 1, 3, 10, QLatin1Char('0')));
    write_png(file.toStdString(), rgb);
  }

 private:
  QString m_previewDir;
  int m_every = 1;
  int m_lastDecile = -1;
};

// "out.png" for one image; "out-0001.png", "out-0002.png", ... for several.
QString numberedPath(const QString& out, int index, int count) {
  if (count == 1) return out;
  const QFileInfo fi(out);
  const QString suffix = fi.suffix().isEmpty() ? QStringLiteral("png") : fi.suffix();
  return fi.dir().filePath(QStringLiteral("%1-%2.%3").arg(fi.completeBaseName()).arg(index + 1, 4, 10, QLatin1Char('0')).arg(suffix));
}

}  // namespace

int runGenerate(const QStringList& args) {
  QCommandLineParser parser;
  ModelOptions mo;
  mo.addTo(parser);
  auto opt = [&](const char* name, const char* help, const char* value = nullptr, const char* def = nullptr) {
    QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
    if (value) o.setValueName(QString::fromLatin1(value));
    if (def) o.setDefaultValue(QString::fromLatin1(def));
    parser.addOption(o);
    return o;
  };
  const auto prompt = opt("prompt", "What to draw.", "TEXT", "");
  const auto negative = opt("negative", "What to avoid.", "TEXT", "");
  const auto width = opt("width", "Width in pixels (multiple of 8; default: the model's size or the init image's).", "PX");
  const auto height = opt("height", "Height in pixels (multiple of 8).", "PX");
  const auto steps = opt("steps", "Sampling steps.", "N", "20");
  const auto cfg = opt("cfg", "Classifier-free guidance scale.", "S", "7");
  const auto sampler = opt("sampler", "euler|euler_a|heun|dpm2|dpm2_a|dpmpp_2m|dpmpp_2m_sde|dpmpp_sde|lms|ddim|ddpm.", "NAME", "euler_a");
  const auto schedule = opt("schedule", "default|karras|exponential|uniform.", "NAME", "default");
  const auto seed = opt("seed", "Seed of the first image (image i uses seed+i).", "N", "0");
  const auto batchCount = opt("batch-count", "Number of images.", "N", "1");
  const auto clipSkip = opt("clip-skip", "Text encoder layer from the end (0: the model's default).", "N", "0");
  const auto init = opt("init", "Init image for img2img or inpainting.", "IMAGE");
  const auto strength = opt("strength", "Denoising strength for img2img (0 keeps the image, 1 ignores it).", "F", "0.75");
  const auto mask = opt("mask", "Inpainting mask (white = repaint).", "IMAGE");
  const auto maskBlur = opt("mask-blur", "Blur of the mask edge in pixels.", "PX", "4");
  const auto maskGrow = opt("mask-grow", "Grow (or, negative, shrink) the mask by pixels.", "PX", "0");
  const auto invertMask = opt("invert-mask", "Repaint the black part of the mask instead.");
  const auto area = opt("inpaint-area", "whole|masked: generate over the whole picture or only the masked region.", "AREA", "whole");
  const auto padding = opt("padding", "Pixels around the mask for --inpaint-area masked.", "PX", "32");
  const auto fill = opt("fill", "original|fill|noise|nothing: what the masked region starts from.", "MODE", "original");
  const auto previewEvery = opt("preview-every", "Write a preview every N steps (with --preview-dir).", "N", "1");
  const auto previewDir = opt("preview-dir", "Folder for step previews.", "DIR");
  const auto previewFull = opt("preview-full", "Decode previews with the VAE instead of the fast approximation.");
  const auto out = opt("out", "Output PNG (several images: numbered files).", "FILE", "stipple.png");
  const auto initNoise = opt("init-noise", "Tensor 'noise' [B,4,h,w] replacing the seeded noise (checks).", "FILE");
  const auto saveLatent = opt("save-latent", "Write tensor 'latent', the final sampler output (checks).", "FILE");
  const auto device = opt("device", "auto|cpu|cuda.", "NAME", "auto");
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("generate"),
                          QStringLiteral("Generate images from a prompt (txt2img), from an init image (img2img) or "
                                         "into a masked region (inpainting). PNGs carry A1111 'parameters'."),
                          &code))
    return code;
  ModelSource source;
  if (const int c = mo.read(parser, &source, QStringLiteral("generate"))) return c;

  GenerationRequest r;
  bool ok = true;
  auto toInt = [&](const QCommandLineOption& o) {
    bool good = false;
    const int v = parser.value(o).toInt(&good);
    if (!good) {
      fail(QStringLiteral("--%1 must be an integer, not '%2'").arg(o.names().first(), parser.value(o)), kUsage);
      ok = false;
    }
    return v;
  };
  auto toDouble = [&](const QCommandLineOption& o) {
    bool good = false;
    const double v = parser.value(o).toDouble(&good);
    if (!good) {
      fail(QStringLiteral("--%1 must be a number, not '%2'").arg(o.names().first(), parser.value(o)), kUsage);
      ok = false;
    }
    return v;
  };
  r.prompt = parser.value(prompt).toStdString();
  r.negative_prompt = parser.value(negative).toStdString();
  r.steps = toInt(steps);
  r.cfg = toDouble(cfg);
  r.sampler = parser.value(sampler).toStdString();
  r.schedule = parser.value(schedule).toStdString();
  r.seed = parser.value(seed).toULongLong(&ok);
  if (!ok) return fail(QStringLiteral("--seed must be a non-negative integer"), kUsage);
  r.batch_count = toInt(batchCount);
  r.clip_skip = toInt(clipSkip);
  r.strength = toDouble(strength);
  r.mask_blur = toInt(maskBlur);
  r.mask_grow = toInt(maskGrow);
  r.invert_mask = parser.isSet(invertMask);
  r.padding = toInt(padding);
  r.preview_every = toInt(previewEvery);
  if (!ok) return kUsage;
  const QString areaName = parser.value(area), fillName = parser.value(fill);
  if (areaName == QLatin1String("whole")) r.inpaint_area = InpaintArea::Whole;
  else if (areaName == QLatin1String("masked")) r.inpaint_area = InpaintArea::Masked;
  else return fail(QStringLiteral("--inpaint-area must be whole or masked"), kUsage);
  if (fillName == QLatin1String("original")) r.masked_content = MaskedContent::Original;
  else if (fillName == QLatin1String("fill")) r.masked_content = MaskedContent::Fill;
  else if (fillName == QLatin1String("noise")) r.masked_content = MaskedContent::LatentNoise;
  else if (fillName == QLatin1String("nothing")) r.masked_content = MaskedContent::LatentNothing;
  else return fail(QStringLiteral("--fill must be original, fill, noise or nothing"), kUsage);
  r.preview = parser.isSet(previewDir) ? (parser.isSet(previewFull) ? PreviewMode::Full : PreviewMode::Approximate)
                                       : PreviewMode::Off;
  if (parser.isSet(init)) r.init_image = load_image_rgb(parser.value(init).toStdString());
  if (parser.isSet(mask)) {
    if (!parser.isSet(init)) return fail(QStringLiteral("--mask needs --init IMAGE"), kUsage);
    r.mask = load_mask(parser.value(mask).toStdString());
  }
  if (parser.isSet(previewDir)) QDir().mkpath(parser.value(previewDir));

  EngineModelSpec spec;
  spec.model = source.model;
  spec.config = source.config;
  spec.tokenizer = source.tokenizer;
  spec.prediction = source.prediction;
  spec.device = parser.value(device).toStdString();
  const auto t0 = std::chrono::steady_clock::now();
  auto engine = Engine::load(spec);
  const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // Size: given, else the init image's (rounded down to a multiple of 8), else the model's own.
  const int native = engine->default_size();
  r.width = parser.isSet(width) ? toInt(width) : (r.is_img2img() ? std::max(64, r.init_image.cols / 8 * 8) : native);
  r.height = parser.isSet(height) ? toInt(height) : (r.is_img2img() ? std::max(64, r.init_image.rows / 8 * 8) : native);
  if (!ok) return kUsage;
  if (const std::string problem = validate_request(r); !problem.empty())
    return fail(QString::fromStdString(problem), kUsage);

  GenerationDebug debug;
  if (parser.isSet(initNoise)) debug.init_noise = parser.value(initNoise).toStdString();
  if (parser.isSet(saveLatent)) debug.save_latent = parser.value(saveLatent).toStdString();
  std::fprintf(stderr, "model %s loaded in %.1f s on %s\n", engine->identity().name.c_str(), loadSeconds,
               engine->device_name().c_str());
  ProgressPrinter progress(parser.value(previewDir), std::max(1, r.preview_every));
  const auto result = engine->generate(r, &progress, &debug);
  for (const auto& img : result.images) {
    const QString path = numberedPath(parser.value(out), img.index, r.image_count());
    write_png(path.toStdString(), img.rgb, {{"parameters", img.parameters}});
    std::printf("%s\n", qPrintable(path));
  }
  std::fprintf(stderr, "%d image%s in %.1f s (%.2f s/step)\n", r.image_count(), r.image_count() == 1 ? "" : "s",
               result.seconds, result.seconds_per_step);
  return kOk;
}

}  // namespace stipple::cli
