// stipple-cli tokenize / eval / init-random: model tools for debugging, parity checks and benchmarks.
#include <QJsonArray>

#include "command.h"

namespace stipple::cli {

int runTokenize(const QStringList& args) {
  QCommandLineParser parser;
  ModelOptions mo;
  mo.addTo(parser);
  parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("Texts to tokenize."), QStringLiteral("TEXT..."));
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("tokenize"),
                          QStringLiteral("Print one JSON array of 77 CLIP token ids per text, with the model's "
                                         "padding (SD1: 49407, SD2: 0)."),
                          &code))
    return code;
  ModelSource source;
  if (const int c = mo.read(parser, &source, QStringLiteral("tokenize"))) return c;
  std::vector<std::string> texts;
  for (const QString& t : parser.positionalArguments()) texts.push_back(t.toStdString());
  if (texts.empty()) return fail(QStringLiteral("tokenize needs at least one TEXT"), kUsage);
  const auto ids = tokenize_texts(source, texts);
  QString out = QStringLiteral("[\n");
  for (size_t i = 0; i < ids.size(); ++i) {
    QStringList row;
    for (auto id : ids[i]) row << QString::number(id);
    out += QStringLiteral("  [") + row.join(QStringLiteral(", ")) + QLatin1Char(']') +
           (i + 1 < ids.size() ? QStringLiteral(",\n") : QStringLiteral("\n"));
  }
  out += QLatin1Char(']');
  printOut(out);
  return kOk;
}

int runEval(const QStringList& args) {
  QCommandLineParser parser;
  ModelOptions mo;
  mo.addTo(parser);
  const QCommandLineOption component(QStringLiteral("component"),
                                     QStringLiteral("text, unet, vae-decode, vae-encode or sampler."),
                                     QStringLiteral("NAME"));
  const QCommandLineOption sampler(QStringLiteral("sampler"), QStringLiteral("Sampler (component sampler)."),
                                   QStringLiteral("NAME"), QStringLiteral("euler"));
  const QCommandLineOption schedule(QStringLiteral("schedule"),
                                    QStringLiteral("default, karras, exponential or uniform (component sampler)."),
                                    QStringLiteral("NAME"), QStringLiteral("default"));
  const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("Sampling steps (component sampler)."),
                                 QStringLiteral("N"), QStringLiteral("20"));
  const QCommandLineOption cfg(QStringLiteral("cfg"), QStringLiteral("Guidance scale (component sampler)."),
                               QStringLiteral("S"), QStringLiteral("7"));
  const QCommandLineOption inputs(QStringLiteral("inputs"), QStringLiteral("Input tensors (.safetensors)."),
                                  QStringLiteral("FILE"));
  const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output tensors (.safetensors)."),
                               QStringLiteral("FILE"));
  parser.addOptions({component, inputs, out, sampler, schedule, steps, cfg});
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("eval"),
                          QStringLiteral("Run one network in fp32 on named tensors and write its outputs.\n"
                                         "  text:       input_ids -> last_hidden_state, penultimate_hidden_state, cond\n"
                                         "  unet:       x, t, context -> out\n"
                                         "  vae-decode: z (raw latent) -> out\n"
                                         "  vae-encode: x (image in [-1,1]) -> mean, logvar\n"
                                         "  sampler:    noise, cond, uncond [, ancestral_noise, c_concat] -> latent"),
                          &code))
    return code;
  ModelSource source;
  if (const int c = mo.read(parser, &source, QStringLiteral("eval"))) return c;
  for (const auto* o : {&component, &inputs, &out})
    if (!parser.isSet(*o)) return fail(QStringLiteral("eval needs --%1").arg(o->names().first()), kUsage);
  if (parser.value(component) == QLatin1String("sampler")) {
    SamplerEvalOptions o;
    o.sampler = parser.value(sampler).toStdString();
    o.schedule = parser.value(schedule).toStdString();
    bool ok1 = false, ok2 = false;
    o.steps = parser.value(steps).toInt(&ok1);
    o.cfg = parser.value(cfg).toDouble(&ok2);
    if (!ok1 || !ok2 || o.steps < 1) return fail(QStringLiteral("--steps and --cfg must be numbers"), kUsage);
    eval_sampler(source, o, parser.value(inputs).toStdString(), parser.value(out).toStdString());
    return kOk;
  }
  eval_component(source, parser.value(component).toStdString(), parser.value(inputs).toStdString(),
                 parser.value(out).toStdString());
  return kOk;
}

int runInitRandom(const QStringList& args) {
  QCommandLineParser parser;
  const QCommandLineOption arch(QStringLiteral("arch"), QStringLiteral("sd15, sd15-inpaint, sd21 or sd21-inpaint."),
                                QStringLiteral("ARCH"));
  const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output checkpoint (.safetensors)."),
                               QStringLiteral("FILE"));
  const QCommandLineOption dtype(QStringLiteral("dtype"), QStringLiteral("Storage dtype: f32 (default), f16, bf16."),
                                 QStringLiteral("DTYPE"), QStringLiteral("f32"));
  const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."),
                                QStringLiteral("N"), QStringLiteral("0"));
  parser.addOptions({arch, out, dtype, seed});
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("init-random"),
                          QStringLiteral("Build a full-size Stable Diffusion architecture with random weights and "
                                         "write it in the original single-file layout."),
                          &code))
    return code;
  if (!parser.isSet(arch) || !parser.isSet(out))
    return fail(QStringLiteral("init-random needs --arch and --out"), kUsage);
  bool ok = false;
  const qulonglong s = parser.value(seed).toULongLong(&ok);
  if (!ok) return fail(QStringLiteral("--seed must be a non-negative integer"), kUsage);
  init_random_model(parser.value(arch).toStdString(), parser.value(out).toStdString(),
                    parser.value(dtype).toStdString(), s);
  std::fprintf(stderr, "wrote %s\n", qPrintable(parser.value(out)));
  return kOk;
}

}  // namespace stipple::cli
