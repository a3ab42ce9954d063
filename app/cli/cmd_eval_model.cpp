// stipple-cli eval-model: prompt adherence of a shapes model, judged with OpenCV.
#include <unistd.h>

#include <cstdio>

#include "command.h"
#include "pipeline/engine.h"
#include "train/evaluate.h"

#include <nlohmann/json.hpp>

namespace stipple::cli {

int runEvalModel(const QStringList& args) {
  QCommandLineParser parser;
  auto opt = [&](const char* name, const char* help, const char* value = nullptr, const char* def = nullptr) {
    return addOption(parser, name, help, value, def);
  };
  const auto model = opt("model", "Diffusers folder of a shapes model, or 'default' for the bundled one.", "PATH",
                         "default");
  const auto prompts = opt("prompts", "heldout (48 combinations never trained on), train (48 training-split prompts) "
                                      "or N (N sampled held-out prompts).", "SET", "heldout");
  const auto seeds = opt("seeds", "Seeds per prompt.", "K", "1");
  const auto steps = opt("steps", "Sampling steps.", "N", "20");
  const auto cfg = opt("cfg", "Classifier-free guidance scale (default: the model's recommendation, else 7).", "F", "0");
  const auto sampler = opt("sampler", "Sampler (see generate --help; default: the model's recommendation, else euler_a).",
                           "NAME", "");
  const auto size = opt("size", "Image size (default: the model's native size).", "PX", "0");
  const auto inpainting = opt("inpainting", "Paint each prompt's first object into a mask on the rest of the scene.");
  const auto json = opt("json", "Print the summary as JSON.");
  const auto save = opt("save-images", "Write every image into DIR (names say ok/miss).", "DIR");
  const auto device = opt("device", "auto|cpu|cuda.", "NAME", "auto");
  const auto precision = opt("precision", "auto|fp32|bf16|fp16.", "NAME", "auto");
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("eval-model"),
                          QStringLiteral("Generate prompts of the shapes domain with a model and score colour, shape, "
                                         "position and (with --inpainting) mask adherence with Stipple's OpenCV judge."),
                          &code))
    return code;
  train::EvalOptions o;
  o.model = parser.value(model).toStdString();
  if (const int c = resolveModelPath(&o.model)) return c;
  bool ok1 = true, ok2 = true, ok3 = true, ok4 = true;
  o.seeds = parser.value(seeds).toInt(&ok1);
  o.steps = parser.value(steps).toInt(&ok2);
  o.cfg = parser.value(cfg).toDouble(&ok3);
  o.size = parser.value(size).toInt(&ok4);
  if (!ok1 || !ok2 || !ok3 || !ok4 || o.seeds < 1 || o.steps < 1 || o.size < 0)
    return fail(QStringLiteral("--seeds, --steps, --cfg and --size must be numbers (seeds and steps at least 1)"), kUsage);
  o.prompts = parser.value(prompts).toStdString();
  o.sampler = parser.value(sampler).toStdString();
  o.inpainting = parser.isSet(inpainting);
  o.device = parser.value(device).toStdString();
  o.precision = parser.value(precision).toStdString();
  if (parser.isSet(save)) o.save_dir = parser.value(save).toStdString();
  const bool tty = isatty(fileno(stderr)) != 0;
  o.on_progress = [tty](int done, int total) {
    if (!tty && done != total) return;
    std::fprintf(stderr, tty ? "\r%d/%d images" : "%d/%d images", done, total);
    if (done == total || !tty) std::fputc('\n', stderr);
    std::fflush(stderr);
  };
  const auto summary = train::evaluate_model(o);
  if (parser.isSet(json))
    printOut(QString::fromStdString(train::summary_json(summary).dump(2)));
  else
    printOut(QString::fromStdString(train::format_summary(summary)));
  return kOk;
}

}  // namespace stipple::cli
