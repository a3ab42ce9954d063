// stipple-cli bench: timing of every stage of a generation, as medians with min/max.
#include <cstdio>

#include "command.h"
#include "pipeline/bench.h"

namespace stipple::cli {

int runBench(const QStringList& args) {
  QCommandLineParser parser;
  const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Checkpoint or diffusers folder to time, or 'default' for the bundled model (default: --arch with random weights)."), QStringLiteral("PATH"));
  const QCommandLineOption arch(QStringLiteral("arch"), QStringLiteral("sd15, sd15-inpaint or sd21 with random weights."), QStringLiteral("ARCH"), QStringLiteral("sd15"));
  const QCommandLineOption width(QStringLiteral("width"), QStringLiteral("Width in pixels."), QStringLiteral("PX"), QStringLiteral("512"));
  const QCommandLineOption height(QStringLiteral("height"), QStringLiteral("Height in pixels."), QStringLiteral("PX"), QStringLiteral("512"));
  const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("Timed sampling steps per repeat."), QStringLiteral("N"), QStringLiteral("3"));
  const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Images per step."), QStringLiteral("N"), QStringLiteral("1"));
  const QCommandLineOption cfg(QStringLiteral("cfg"), QStringLiteral("Guidance scale (CFG doubles the UNet batch)."), QStringLiteral("S"), QStringLiteral("7"));
  const QCommandLineOption precision(QStringLiteral("precision"), QStringLiteral("auto, fp32, bf16 or fp16."), QStringLiteral("NAME"), QStringLiteral("auto"));
  const QCommandLineOption vaePrecision(QStringLiteral("vae-precision"), QStringLiteral("auto (what generation uses), fp32 or bf16 for the VAE."), QStringLiteral("NAME"), QStringLiteral("auto"));
  const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."), QStringLiteral("NAME"), QStringLiteral("auto"));
  const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("CPU threads (0: all)."), QStringLiteral("N"), QStringLiteral("0"));
  const QCommandLineOption repeat(QStringLiteral("repeat"), QStringLiteral("Repeats of each measurement."), QStringLiteral("N"), QStringLiteral("3"));
  const QCommandLineOption noVae(QStringLiteral("no-vae"), QStringLiteral("Skip the VAE timings."));
  const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
  const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("Also show where one sampling step and one VAE decode spend their time, op by op."));
  parser.addOptions({model, arch, width, height, steps, batch, cfg, precision, vaePrecision, device, threads, repeat, noVae, json, profile});
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("bench"),
                          QStringLiteral("Time model load, text encoding, sampling steps (with CFG), VAE decode and "
                                         "encode and previews; report medians, peak memory and UNet GFLOP/s. Run it "
                                         "on an idle machine."),
                          &code))
    return code;
  BenchOptions o;
  if (parser.isSet(model)) {
    o.model = parser.value(model).toStdString();
    if (const int c = resolveModelPath(&*o.model)) return c;
  }
  o.arch = parser.value(arch).toStdString();
  bool ok = true;
  auto num = [&](const QCommandLineOption& opt) {
    bool good = false;
    const int v = parser.value(opt).toInt(&good);
    ok = ok && good && v >= 0;
    return v;
  };
  o.width = num(width);
  o.height = num(height);
  o.steps = num(steps);
  o.batch = num(batch);
  o.threads = num(threads);
  o.repeat = num(repeat);
  o.cfg = parser.value(cfg).toDouble(&ok);
  if (!ok || o.steps < 1 || o.batch < 1 || o.repeat < 1 || o.width % 8 || o.height % 8 || o.width < 64 || o.height < 64)
    return fail(QStringLiteral("bench: sizes must be multiples of 8 (>= 64); steps, batch and repeat at least 1"), kUsage);
  o.precision = parser.value(precision).toStdString();
  o.vae_precision = parser.value(vaePrecision).toStdString();
  o.device = parser.value(device).toStdString();
  o.vae = !parser.isSet(noVae);
  o.profile = parser.isSet(profile);
  const bool asJson = parser.isSet(json);
  const auto report = run_bench(o, [&](const std::string& line) {
    if (!asJson) std::fprintf(stderr, "bench: %s\n", line.c_str());
  });
  printOut(QString::fromStdString(asJson ? bench_report_json(report) : bench_report_text(report)));
  return kOk;
}

}  // namespace stipple::cli
