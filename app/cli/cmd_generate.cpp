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
#include "request_options.h"

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
    return addOption(parser, name, help, value, def);
  };
  const auto prompt = opt("prompt", "What to draw.", "TEXT", "");
  RequestOptions ro;
  ro.addTo(parser);
  const auto batchCount = opt("batch-count", "Number of images.", "N", "1");
  const auto previewEvery = opt("preview-every", "Write a preview every N steps (with --preview-dir).", "N", "1");
  const auto previewDir = opt("preview-dir", "Folder for step previews.", "DIR");
  const auto previewFull = opt("preview-full", "Decode previews with the VAE instead of the fast approximation.");
  const auto out = opt("out", "Output PNG (several images: numbered files).", "FILE", "stipple.png");
  const auto initNoise = opt("init-noise", "Tensor 'noise' [B,4,h,w] replacing the seeded noise (checks).", "FILE");
  const auto saveLatent = opt("save-latent", "Write tensor 'latent', the final sampler output (checks).", "FILE");
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("generate"),
                          QStringLiteral("Generate images from a prompt (txt2img), from an init image (img2img) or "
                                         "into a masked region (inpainting). PNGs carry A1111 'parameters'."),
                          &code))
    return code;
  ModelSource source;
  if (const int c = mo.read(parser, &source, QStringLiteral("generate"))) return c;

  GenerationRequest r;
  if (const int c = ro.read(parser, &r)) return c;
  r.prompt = parser.value(prompt).toStdString();
  bool ok = true;
  r.batch_count = parser.value(batchCount).toInt(&ok);
  if (!ok) return fail(QStringLiteral("--batch-count must be an integer, not '%1'").arg(parser.value(batchCount)), kUsage);
  r.preview_every = parser.value(previewEvery).toInt(&ok);
  if (!ok)
    return fail(QStringLiteral("--preview-every must be an integer, not '%1'").arg(parser.value(previewEvery)), kUsage);
  r.preview = parser.isSet(previewDir) ? (parser.isSet(previewFull) ? PreviewMode::Full : PreviewMode::Approximate)
                                       : PreviewMode::Off;
  if (parser.isSet(previewDir)) QDir().mkpath(parser.value(previewDir));
  // The output folder is made (or found unusable) before minutes of sampling, not after.
  const QString outFolder = QFileInfo(parser.value(out)).absolutePath();
  if (!QDir().mkpath(outFolder) || !QFileInfo(outFolder).isDir())
    return fail(QStringLiteral("--out: cannot create the folder %1").arg(QDir::toNativeSeparators(outFolder)));
  if (!QFileInfo(outFolder).isWritable())
    return fail(QStringLiteral("--out: the folder %1 is not writable").arg(QDir::toNativeSeparators(outFolder)));

  const EngineModelSpec spec = ro.engineSpec(parser, source);
  const auto t0 = std::chrono::steady_clock::now();
  auto engine = Engine::load(spec);
  if (!engine->load_notice().empty()) std::fprintf(stderr, "note: %s\n", engine->load_notice().c_str());
  const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // Size: given, else the init image's (rounded down to a multiple of 8), else the model's own.
  if (const int c = ro.readSize(parser, &r, engine->default_size())) return c;
  ro.applyModelSampling(parser, &r, engine->sampling_defaults());
  if (const std::string problem = validate_request(r); !problem.empty())
    return fail(QString::fromStdString(problem), kUsage);

  GenerationDebug debug;
  if (parser.isSet(initNoise)) debug.init_noise = parser.value(initNoise).toStdString();
  if (parser.isSet(saveLatent)) debug.save_latent = parser.value(saveLatent).toStdString();
  std::fprintf(stderr, "model %s loaded in %.1f s on %s (%s)\n", engine->identity().name.c_str(), loadSeconds,
               engine->device_name().c_str(), engine->precision_name().c_str());
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
