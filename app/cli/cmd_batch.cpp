// stipple-cli batch: prompt lists x seeds x sweeps into a folder, resumable, never overwriting.
#include <unistd.h>

#include <csignal>
#include <cstdio>

#include "command.h"
#include "pipeline/batch_export.h"
#include "request_options.h"

namespace stipple::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void onInterrupt(int) { g_interrupted = 1; }

std::string clock(double seconds) {
  if (seconds < 0) return "--:--";
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

// Progress on stderr: a redrawn line on a terminal, a line per image otherwise. Paths of
// written images on stdout, one per line.
class BatchPrinter : public BatchObserver {
 public:
  BatchPrinter() : m_tty(isatty(fileno(stderr))) {}
  void on_batch_progress(const BatchProgress& p) override {
    m_last = p;
    if (!m_tty) return;
    const int width = 24, filled = p.total > 0 ? p.done * width / p.total : width;
    std::string step;
    if (p.current >= 0 && p.steps > 0) step = "  step " + std::to_string(p.step) + "/" + std::to_string(p.steps);
    std::fprintf(stderr, "\r\033[K[%s%s] %d/%d  ETA %s%s  %s", std::string(filled, '#').c_str(),
                 std::string(width - filled, ' ').c_str(), p.done, p.total, clock(p.eta).c_str(), step.c_str(),
                 p.status.substr(0, 48).c_str());
    std::fflush(stderr);
  }
  void on_image_written(const BatchItem&, const std::filesystem::path& file, const cv::Mat&) override {
    if (m_tty) std::fprintf(stderr, "\r\033[K");  // the path goes where the progress line was
    std::printf("%s\n", file.string().c_str());
    std::fflush(stdout);
    if (!m_tty)
      std::fprintf(stderr, "%d/%d %s  ETA %s\n", m_last.done + 1, m_last.total, file.filename().string().c_str(),
                   clock(m_last.eta).c_str());
  }
  void on_item_failed(const BatchItem& item, const std::string& reason) override {
    std::fprintf(stderr, "%sfailed: image %d (line %d): %s\n", m_tty ? "\r\033[K" : "", item.index + 1, item.line,
                 reason.c_str());
  }
  bool cancelled() override { return g_interrupted != 0; }
  void finish() {
    if (m_tty) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool m_tty;
  BatchProgress m_last;
};

void printPlan(const BatchPlan& plan) {
  for (const auto& item : plan.items) {
    const auto& r = item.request;
    char settings[160];
    std::snprintf(settings, sizeof settings, "seed %llu\t%dx%d %d steps cfg %g %s %s",
                  static_cast<unsigned long long>(r.seed), r.width, r.height, r.steps, r.cfg, r.sampler.c_str(),
                  r.schedule.c_str());
    std::string line = std::to_string(item.index + 1) + "\tline " + std::to_string(item.line) + "\t" + settings;
    if (!item.model.empty()) line += " model " + item.model;
    std::printf("%s\t%s\n", line.c_str(), r.prompt.c_str());
  }
}

}  // namespace

int runBatch(const QStringList& args) {
  QCommandLineParser parser;
  ModelOptions mo;
  mo.addTo(parser);
  RequestOptions ro;
  ro.addTo(parser);
  auto opt = [&](const char* name, const char* help, const char* value = nullptr, const char* def = nullptr) {
    return addOption(parser, name, help, value, def);
  };
  const auto prompts = opt("prompts", "Prompt list: text (one per line, # comments), CSV with a header (prompt, "
                                      "negative, seed, steps, cfg, sampler, schedule, width, height, strength, model, "
                                      "init, mask, ...) or JSON Lines with the same keys.", "FILE");
  const auto promptsFormat = opt("prompts-format", "auto|text|csv|jsonl (auto: from the extension or content).",
                                 "FORMAT", "auto");
  const auto perPrompt = opt("per-prompt", "Images per prompt.", "N", "1");
  const auto seedMode = opt("seed-mode", "fixed|increment|random: seeds of the images of a prompt (increment: "
                                         "seed, seed+1, ...; random: drawn once, recorded in batch.json).",
                            "MODE", "increment");
  const auto sweep = opt("sweep", "X/Y grid: PARAM=V1,V2,... for cfg, steps, sampler, schedule, seed, width, height, "
                                  "size (WxH), strength, clip_skip. Once for X, again for Y.", "SPEC");
  const auto nameTemplate = opt("template", "File names: {index} {seed} {prompt} {model} {date} {sampler} {steps} "
                                            "{cfg} {width} {height}.", "T", "{index}-{seed}-{prompt}");
  const auto format = opt("format", "png|jpg|webp (parameters: PNG text chunk, EXIF UserComment).", "FORMAT", "png");
  const auto quality = opt("quality", "JPEG/WebP quality 1..100.", "Q", "95");
  const auto existing = opt("existing", "rename|skip: what to do when a file name is taken (never overwrite).",
                            "POLICY", "rename");
  const auto resume = opt("resume", "Continue into a folder whose manifest.jsonl belongs to another batch (the "
                                    "same batch always continues).");
  const auto contactSheet = opt("contact-sheet", "Also write contact-sheet.png: thumbnails on the sweep grid.");
  const auto dryRun = opt("dry-run", "Print the images the batch would make (before the model sets the default size) "
                                     "and exit.");
  const auto out = opt("out", "Output folder.", "DIR");
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("batch"),
                          QStringLiteral("Generate a prompt list x images per prompt x an optional X/Y sweep into a "
                                         "folder. Writes manifest.jsonl (one row per image); rerun to resume. "
                                         "The generate options set the defaults that rows override."),
                          &code))
    return code;
  if (!parser.isSet(prompts)) return fail(QStringLiteral("batch needs --prompts FILE"), kUsage);
  if (!parser.isSet(out) && !parser.isSet(dryRun)) return fail(QStringLiteral("batch needs --out DIR"), kUsage);

  BatchSettings settings;
  BatchExportOptions options;
  PromptFileFormat listFormat = PromptFileFormat::Auto;
  try {
    const std::string lf = parser.value(promptsFormat).toStdString();
    if (lf == "text") listFormat = PromptFileFormat::Text;
    else if (lf == "csv") listFormat = PromptFileFormat::Csv;
    else if (lf == "jsonl") listFormat = PromptFileFormat::JsonLines;
    else if (lf != "auto") throw std::invalid_argument("--prompts-format must be auto, text, csv or jsonl");
    bool ok = false;
    settings.per_prompt = parser.value(perPrompt).toInt(&ok);
    if (!ok || settings.per_prompt < 1) throw std::invalid_argument("--per-prompt must be a positive integer");
    settings.seed_mode = seed_mode_from_string(parser.value(seedMode).toStdString());
    for (const QString& s : parser.values(sweep)) settings.sweeps.push_back(parse_sweep(s.toStdString()));
    settings.size_from_init = !ro.sizeGiven(parser);
    options.out_dir = parser.value(out).toStdString();
    options.name_template = parser.value(nameTemplate).toStdString();
    options.format = export_format_from_string(parser.value(format).toStdString());
    options.quality = parser.value(quality).toInt(&ok);
    if (!ok) throw std::invalid_argument("--quality must be an integer 1..100");
    options.existing = existing_file_policy_from_string(parser.value(existing).toStdString());
    options.resume = parser.isSet(resume);
    options.contact_sheet = parser.isSet(contactSheet);
    if (!parser.isSet(dryRun))
      if (const std::string p = check_export_options(options); !p.empty()) throw std::invalid_argument(p);
  } catch (const std::invalid_argument& e) {
    return fail(QString::fromStdString(e.what()), kUsage);
  }

  GenerationRequest defaults;
  if (const int c = ro.read(parser, &defaults)) return c;
  defaults.preview = PreviewMode::Off;
  PromptList list;
  BatchPlan plan;
  try {
    list = load_prompt_list(parser.value(prompts).toStdString(), listFormat);
    // Every row checked before the model loads; the native size is not known yet, so a size
    // that is not given stands in as 512 (any model's native size is valid).
    GenerationRequest check = defaults;
    if (const int c = ro.readSize(parser, &check, 512)) return c;
    plan = expand_batch(list, check, settings);
  } catch (const BatchSpecError& e) {
    return fail(QString::fromStdString(e.what()), kUsage);
  }
  if (parser.isSet(dryRun)) {
    printPlan(plan);
    std::fprintf(stderr, "%zu image%s from %zu prompt%s (%s)\n", plan.items.size(), plan.items.size() == 1 ? "" : "s",
                 list.rows.size(), list.rows.size() == 1 ? "" : "s", to_string(list.format).c_str());
    return kOk;
  }

  ModelSource source;
  if (const int c = mo.read(parser, &source, QStringLiteral("batch"))) return c;
  BatchModels models;
  models.spec = ro.engineSpec(parser, source);
  auto engine = Engine::load(models.spec);
  models.engine = engine.get();
  std::fprintf(stderr, "model %s loaded on %s\n", engine->identity().name.c_str(), engine->device_name().c_str());
  if (!engine->load_notice().empty()) std::fprintf(stderr, "note: %s\n", engine->load_notice().c_str());
  if (const int c = ro.readSize(parser, &defaults, engine->default_size())) return c;
  ro.applyModelSampling(parser, &defaults, engine->sampling_defaults());
  try {
    plan = expand_batch(list, defaults, settings);
  } catch (const BatchSpecError& e) {
    return fail(QString::fromStdString(e.what()), kUsage);
  }

  const BatchFolderState state = inspect_batch_folder(plan, options, models);
  if (state.same_batch && state.done > 0)
    std::fprintf(stderr, "resuming: %d of %zu images already in %s\n", state.done, plan.items.size(),
                 options.out_dir.string().c_str());
  BatchPrinter printer;
  g_interrupted = 0;
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  BatchSummary summary;
  try {
    summary = run_batch_export(plan, options, models, &printer);
  } catch (const BatchFolderInUse& e) {
    return fail(QStringLiteral("%1; use --resume to continue into it, or choose another --out folder")
                    .arg(QString::fromStdString(e.what())));
  }
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  printer.finish();
  if (summary.removed_temporary_files > 0)
    std::fprintf(stderr, "removed %d temporary file%s left by an interrupted export\n", summary.removed_temporary_files,
                 summary.removed_temporary_files == 1 ? "" : "s");
  if (summary.contact_sheet) std::fprintf(stderr, "contact sheet: %s\n", summary.contact_sheet->string().c_str());
  std::fprintf(stderr, "%s\n", summary_line(summary).c_str());
  if (summary.cancelled) {
    std::fprintf(stderr, "interrupted: rerun the same command to continue\n");
    return 130;
  }
  if (!summary.stopped.empty())
    return fail(QStringLiteral("the batch stopped early; every finished image is kept; rerun the same command to "
                               "continue once the problem is fixed"));
  return summary.failed > 0 ? kFailed : kOk;
}

}  // namespace stipple::cli
