// stipple-cli train: trains the bundled shapes model (VAE, UNet + text encoder, inpainting UNet)
// into a run folder, resumably, and exports diffusers folders with model cards.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <type_traits>

#include "command.h"
#include "train/model_card.h"
#include "train/trainer.h"

namespace stipple::cli {

namespace {

std::atomic<bool> g_stop{false};

// First Ctrl-C: finish the step, checkpoint, exit. A second one kills as usual.
void onInterrupt(int) {
  g_stop = true;
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

// A redrawn bar on a terminal; in a log file one line every 30 s (and at phase changes).
class TrainPrinter {
 public:
  void progress(const train::TrainProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    const bool phaseChanged = p.stage != m_stage || p.phase != m_phase;
    m_stage = p.stage;
    m_phase = p.phase;
    if (!m_tty && !phaseChanged && p.step != p.total &&
        std::chrono::duration<double>(now - m_lastLine).count() < 30.0)
      return;
    m_lastLine = now;
    const int width = 24;
    const int filled = p.total > 0 ? static_cast<int>(p.step * width / p.total) : width;
    char line[320];
    if (p.phase == "train")
      std::snprintf(line, sizeof line, "%-7s [%s%s] %lld/%lld  loss %.4g  lr %.2e  %.2f s/step  ETA %s", p.stage.c_str(),
                    std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(),
                    static_cast<long long>(p.step), static_cast<long long>(p.total), p.loss, p.lr, p.seconds_per_step,
                    train::format_duration(p.eta_seconds).c_str());
    else
      std::snprintf(line, sizeof line, "%-7s %s [%s%s] %lld/%lld%s%s", p.stage.c_str(), p.phase.c_str(),
                    std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(),
                    static_cast<long long>(p.step), static_cast<long long>(p.total),
                    p.eta_seconds > 0 ? "  ETA " : "", p.eta_seconds > 0 ? train::format_duration(p.eta_seconds).c_str() : "");
    if (m_tty)
      std::fprintf(stderr, "\r\033[K%s", line);
    else
      std::fprintf(stderr, "%s\n", line);
    m_barShown = m_tty;
    std::fflush(stderr);
  }
  void message(const std::string& text) {
    if (m_barShown) std::fputs("\r\033[K", stderr);
    m_barShown = false;
    std::fprintf(stderr, "%s%s", text.c_str(), !text.empty() && text.back() == '\n' ? "" : "\n");
    std::fflush(stderr);
  }
  void finish() {
    if (m_barShown) std::fputc('\n', stderr);
    m_barShown = false;
  }

 private:
  bool m_tty = isatty(fileno(stderr)) != 0;
  bool m_barShown = false;
  std::string m_stage, m_phase;
  std::chrono::steady_clock::time_point m_lastLine{};
};

}  // namespace

int runTrain(const QStringList& args) {
  QCommandLineParser parser;
  auto opt = [&](const char* name, const char* help, const char* value = nullptr, const char* def = nullptr) {
    return addOption(parser, name, help, value, def);
  };
  const auto stage = opt("stage", "vae|decoder|unet|inpaint|all|export|import (export: write the models from the current "
                                  "checkpoints; import: rebuild a run folder from exported models, see --from).",
                         "STAGE", "all");
  const auto from = opt("from", "import: the folder holding the exported stipple-shapes/ (and stipple-shapes-inpainting/), "
                                "e.g. models; a stage then trains on from them with --stage S --steps N --resume.",
                        "DIR");
  const auto out = opt("out", "Run folder: checkpoints, loss logs and curves, latent cache.", "DIR");
  const auto models = opt("models", "Where the models are exported (default: DIR/models; the repository's models/ "
                                    "for the bundled ones).", "DIR");
  const auto steps = opt("steps", "Total steps of each stage run (default: the preset's recipe).", "N");
  const auto batch = opt("batch", "Batch size (default: the recipe's).", "N");
  const auto lr = opt("lr", "Peak learning rate (default: the recipe's).", "F");
  const auto resume = opt("resume", "Continue from the checkpoints in the run folder.");
  const auto minutes = opt("minutes", "Stop after this many minutes (checkpointed; --resume continues).", "M");
  const auto seed = opt("seed", "Seed of the dataset and of every random stream.", "S", "1234");
  const auto preset = opt("preset", "full (the bundled model) or tiny (smoke tests).", "NAME", "full");
  const auto size = opt("size", "Image size in pixels (multiple of 32).", "PX", "128");
  const auto every = opt("checkpoint-minutes", "Minutes between checkpoints.", "M", "10");
  const auto pool = opt("latent-pool", "Images encoded once for the UNet stages (default: the recipe's).", "N");
  const auto objectMasks =
      opt("object-masks", "Inpaint stage: share of training masks that cover one object, 0..1 (default: the recipe's).", "F");
  const auto threads = opt("threads", "CPU threads (0: every available core).", "N", "0");
  const auto device = opt("device", "auto|cpu|cuda.", "NAME", "auto");
  const auto precision = opt("precision", "auto|bf16|fp32 (auto: bf16 autocast where the CPU has it).", "NAME", "auto");
  const auto noEval = opt("no-eval", "Do not evaluate exported models for their model cards.");
  const auto evalSeeds = opt("eval-seeds", "Seeds per prompt in the model-card evaluation.", "K", "1");
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("train"),
                          QStringLiteral("Train Stipple's bundled shapes model from scratch: the VAE, the UNet with its "
                                         "text encoder, and the inpainting UNet. Checkpoints every few minutes; Ctrl-C "
                                         "checkpoints and stops; --resume continues."),
                          &code))
    return code;
  if (!parser.isSet(out)) return fail(QStringLiteral("train needs --out DIR"), kUsage);

  train::TrainOptions o;
  o.out = parser.value(out).toStdString();
  if (parser.isSet(models)) o.models = parser.value(models).toStdString();
  o.stage = parser.value(stage).toStdString();
  if (parser.isSet(from)) o.from = parser.value(from).toStdString();
  if (o.stage == "import" && !o.from) return fail(QStringLiteral("--stage import needs --from DIR"), kUsage);
  o.preset = parser.value(preset).toStdString();
  o.resume = parser.isSet(resume);
  o.device = parser.value(device).toStdString();
  o.precision = parser.value(precision).toStdString();
  o.evaluate = !parser.isSet(noEval);
  bool ok = true;
  auto number = [&](const QCommandLineOption& option, auto* target, double lo) -> bool {
    const QString text = parser.value(option);
    const double v = text.toDouble(&ok);
    if (!ok || v < lo) {
      fail(QStringLiteral("--%1 must be a number >= %2, not '%3'").arg(option.names().front()).arg(lo).arg(text), kUsage);
      return false;
    }
    *target = static_cast<std::remove_pointer_t<decltype(target)>>(v);
    return true;
  };
  int64_t steps_v = 0;
  int batch_v = 0, size_v = 0, pool_v = 0, seeds_v = 1;
  double lr_v = 0;
  uint64_t seed_v = 0;
  if (parser.isSet(steps) && !number(steps, &steps_v, 1)) return kUsage;
  if (parser.isSet(batch) && !number(batch, &batch_v, 1)) return kUsage;
  if (parser.isSet(lr) && !number(lr, &lr_v, 0)) return kUsage;
  if (parser.isSet(pool) && !number(pool, &pool_v, 1)) return kUsage;
  if (parser.isSet(objectMasks)) {
    double share = 0;
    if (!number(objectMasks, &share, 0)) return kUsage;
    if (share > 1)
      return fail(QStringLiteral("--object-masks must be a share within 0..1, not '%1'").arg(parser.value(objectMasks)),
                  kUsage);
    o.object_masks = share;
  }
  if (parser.isSet(minutes) && !number(minutes, &o.minutes, 0)) return kUsage;
  if (!number(every, &o.checkpoint_minutes, 0) || !number(size, &size_v, 32) || !number(evalSeeds, &seeds_v, 1))
    return kUsage;
  if (!number(seed, &seed_v, 0) || !number(threads, &o.threads, 0)) return kUsage;
  if (parser.isSet(steps)) o.steps = steps_v;
  if (parser.isSet(batch)) o.batch = batch_v;
  if (parser.isSet(lr)) o.lr = lr_v;
  if (parser.isSet(pool)) o.latent_pool = pool_v;
  o.image_size = size_v;
  o.eval_seeds = seeds_v;
  o.seed = seed_v;

  TrainPrinter printer;
  train::TrainCallbacks callbacks;
  callbacks.on_progress = [&](const train::TrainProgress& p) { printer.progress(p); };
  callbacks.on_message = [&](const std::string& m) { printer.message(m); };
  callbacks.should_stop = [] { return g_stop.load(); };
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  const auto reports = train::run_training(o, callbacks);
  printer.finish();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  bool all_finished = !reports.empty();
  for (const auto& r : reports) {
    char line[400];
    std::snprintf(line, sizeof line, "%s: %lld/%lld steps, %s, %s trained, %.2f s/step (%.2f CPU-s/step, %s), loss %.4g%s%s",
                  r.stage.c_str(), static_cast<long long>(r.step), static_cast<long long>(r.total),
                  r.finished ? "finished" : "paused (resume with --resume)", train::format_duration(r.seconds).c_str(),
                  r.seconds_per_step, r.cpu_seconds_per_step, r.bf16 ? "bf16" : "fp32", r.final_loss,
                  r.exported ? ", exported to " : "",
                  r.exported ? r.exported->string().c_str() : "");
    printOut(QString::fromUtf8(line));
    all_finished = all_finished && r.finished;
  }
  if (g_stop) printOut(QStringLiteral("stopped on request; checkpoints saved"));
  return all_finished || o.stage == "export" || o.stage == "import" ? kOk : 3;  // 3: paused, not failed
}

}  // namespace stipple::cli
