// Stage "import": a run folder rebuilt from exported models, so training can go on from the
// models in the repository on a machine that never held the original run folder.
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "pipeline/batch_identity.h"
#include "pipeline/sd_model.h"
#include "train/train_loop.h"
#include "train/training_record.h"
#include "train/vae_io.h"

namespace stipple::train {

namespace fs = std::filesystem;

namespace {

using Modules = std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>>;

constexpr const char* kBaseName = "stipple-shapes";
constexpr const char* kInpaintName = "stipple-shapes-inpainting";

fs::path imports_file(const RunContext& ctx) { return ctx.out / "imported.json"; }

// Copies every parameter of `src` into the same-named one of `dst`; every name or shape that
// differs is named (the exported model is not of this preset's architecture).
void copy_weights(torch::nn::Module& dst, const torch::nn::Module& src, const std::string& what) {
  torch::NoGradGuard no_grad;
  const auto from = src.named_parameters();
  std::vector<std::string> problems;
  std::set<std::string> used;
  auto to = dst.named_parameters();
  for (auto& p : to) {
    const torch::Tensor* t = from.find(p.key());
    if (!t) {
      problems.push_back("missing " + p.key());
    } else if (!t->sizes().equals(p.value().sizes())) {
      problems.push_back(p.key() + " is " + c10::str(t->sizes()) + ", this preset's " + c10::str(p.value().sizes()));
    } else {
      p.value().copy_(t->to(p.value().device(), p.value().scalar_type()));
      used.insert(p.key());
    }
  }
  for (const auto& p : from)
    if (!used.count(p.key()) && !to.find(p.key())) problems.push_back("unexpected " + p.key());
  if (!problems.empty()) {
    std::string msg = what + " does not match the architecture of this preset (" + std::to_string(problems.size()) +
                      " difference(s)):";
    for (size_t i = 0; i < problems.size() && i < 8; ++i) msg += "\n  " + problems[i];
    throw std::runtime_error(msg);
  }
}

CheckpointState state_of(const StageReport& s) {
  CheckpointState st;
  st.step = s.step;
  st.total = s.total;
  st.seconds = s.seconds;
  st.loss_avg = s.final_loss;
  st.bf16 = s.bf16;
  return st;
}

void write_schedule(const RunContext& ctx, const StageReport& s) {
  const fs::path csv = ctx.out / ("schedule-" + s.stage + ".csv");
  fs::remove(csv);
  if (s.schedule.empty()) record_schedule_run(csv, 0, s.total);
  for (const auto& seg : s.schedule) record_schedule_run(csv, seg.from, seg.total, seg.object_masks);
}

void copy_if_absent(const fs::path& from, const fs::path& to) {
  if (fs::exists(from) && !fs::exists(to)) fs::copy_file(from, to);
}

struct ImportPlan {
  fs::path base_dir, inpaint_dir;
  TrainingRecord base;
  std::optional<TrainingRecord> inpaint;
};

ImportPlan plan_import(const TrainOptions& o, const TrainRecipe& recipe) {
  if (!o.from) throw std::invalid_argument("stage import needs --from DIR (the folder holding stipple-shapes/)");
  ImportPlan p;
  p.base_dir = *o.from / kBaseName;
  p.inpaint_dir = *o.from / kInpaintName;
  if (!fs::is_regular_file(p.base_dir / "model_index.json"))
    throw std::runtime_error(o.from->string() + ": no " + kBaseName +
                             "/ model folder in it (--from names the folder holding the exported models, e.g. models)");
  p.base = read_training_record(p.base_dir / kTrainingRecordFile);
  if (fs::is_regular_file(p.inpaint_dir / "model_index.json"))
    p.inpaint = read_training_record(p.inpaint_dir / kTrainingRecordFile);
  for (const TrainingRecord* r : {&p.base, p.inpaint ? &*p.inpaint : nullptr}) {
    if (!r) continue;
    auto mismatch = [&](const std::string& what, const std::string& have, const std::string& want,
                        const std::string& option) {
      throw std::runtime_error(r->model + " was trained with " + what + " " + have + ", this run has " + want +
                               "; pass " + option + " " + have);
    };
    if (r->preset != recipe.preset) mismatch("preset", r->preset, recipe.preset, "--preset");
    if (r->image_size != recipe.image_size)
      mismatch("image size", std::to_string(r->image_size), std::to_string(recipe.image_size), "--size");
    if (r->seed != o.seed) mismatch("seed", std::to_string(r->seed), std::to_string(o.seed), "--seed");
    if (r->latent_pool != recipe.latent_pool)
      mismatch("latent pool", std::to_string(r->latent_pool), std::to_string(recipe.latent_pool), "--latent-pool");
    for (const char* stage : {"vae", "unet"})
      if (!find_stage(*r, stage)) throw std::runtime_error(r->model + ": its training.json has no " + stage + " stage");
  }
  if (p.inpaint && !find_stage(*p.inpaint, "inpaint"))
    throw std::runtime_error(std::string(kInpaintName) + ": its training.json has no inpaint stage");
  return p;
}

}  // namespace

void check_import(const TrainOptions& options, const TrainRecipe& recipe) { plan_import(options, recipe); }

void import_models(RunContext& ctx) {
  const ImportPlan plan = plan_import(ctx.options, ctx.recipe);
  for (const char* stage : {"vae", "decoder", "unet", "inpaint"})
    if (fs::exists(checkpoint_path(ctx, stage)))
      throw std::runtime_error(ctx.out.string() + ": already holds " + stage +
                               ".ckpt; import into a new run folder (--out)");
  // The tokenizer is rebuilt from the caption vocabulary; the model's must be the same one.
  for (const char* f : {"vocab.json", "merges.txt"}) {
    auto slurp = [](const fs::path& path) {
      std::ifstream in(path, std::ios::binary);
      return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    if (slurp(plan.base_dir / "tokenizer" / f) != slurp(ctx.tokenizer_dir / f))
      throw std::runtime_error((plan.base_dir / "tokenizer" / f).string() +
                               ": differs from the tokenizer this trainer builds from its caption vocabulary");
  }
  torch::NoGradGuard no_grad;
  ModelLoadOptions lo;  // fp32 on the host: the weights are converted once, then saved
  const auto base = load_stable_diffusion(plan.base_dir, lo);
  const ModelConfig& cfg = ctx.recipe.model;
  const std::string now = batch_detail::utc_now();
  nlohmann::json imports = nlohmann::json::object(), precision = nlohmann::json::object();
  auto note_import = [&](const StageReport& s) {
    std::vector<int64_t> at = s.imported_at;
    if (at.empty() || at.back() != s.step) at.push_back(s.step);
    imports[s.stage] = at;
    precision[s.stage] = s.precision;
  };

  // The autoencoder: the exported one has the fine-tuned decoder (when the record has that
  // stage); its encoder, the one the UNets learnt the latents of, is the VAE stage's.
  nn::AutoencoderKL vae(cfg.vae);
  copy_weights(*vae, *base->vae, (plan.base_dir / "vae").string());
  std::map<std::string, std::string> meta = plan.base.vae_metadata;
  meta["imported_from"] = plan.base.model + " exported " + plan.base.exported;
  const Modules vae_modules = {{"vae", vae.ptr()}};
  for (const char* stage : {"vae", "decoder"}) {
    const StageReport* s = find_stage(plan.base, stage);
    if (!s) continue;
    save_vae_weights(std::string(stage) == "vae" ? vae_weights_path(ctx) : decoder_weights_path(ctx), *vae, meta);
    save_checkpoint(checkpoint_path(ctx, stage), state_of(*s), vae_modules, nullptr, nullptr);
    write_schedule(ctx, *s);
    note_import(*s);
  }

  // The base UNet with its text encoder (exported as their EMA weights: the EMA starts there).
  nn::UNet unet(cfg.unet);
  nn::HfClipText text(cfg.text);
  copy_weights(*unet, *base->unet, (plan.base_dir / "unet").string());
  copy_weights(*text, *base->text_module, (plan.base_dir / "text_encoder").string());
  {
    const Modules modules = {{"unet", unet.ptr()}, {"text", text.ptr()}};
    const StageReport& s = *find_stage(plan.base, "unet");
    const Ema ema(named_params(modules), ctx.recipe.unet.ema_decay);
    save_checkpoint(checkpoint_path(ctx, "unet"), state_of(s), modules, &ema, nullptr);
    write_schedule(ctx, s);
    note_import(s);
  }
  copy_if_absent(plan.base_dir / "loss-vae.png", ctx.out / "loss-vae.png");
  copy_if_absent(plan.base_dir / "loss-unet.png", ctx.out / "loss-unet.png");

  if (plan.inpaint) {
    const auto inp = load_stable_diffusion(plan.inpaint_dir, lo);
    UNetConfig ucfg = cfg.unet;
    ucfg.in_channels = 9;
    nn::UNet unet9(ucfg);
    nn::HfClipText text9(cfg.text);
    copy_weights(*unet9, *inp->unet, (plan.inpaint_dir / "unet").string());
    copy_weights(*text9, *inp->text_module, (plan.inpaint_dir / "text_encoder").string());
    const Modules modules = {{"unet", unet9.ptr()}, {"text", text9.ptr()}};
    const StageReport& s = *find_stage(*plan.inpaint, "inpaint");
    const Ema ema(named_params(Modules{modules[0]}), ctx.recipe.inpaint.ema_decay);  // the text encoder is frozen there
    save_checkpoint(checkpoint_path(ctx, "inpaint"), state_of(s), modules, &ema, nullptr);
    write_schedule(ctx, s);
    note_import(s);
    copy_if_absent(plan.inpaint_dir / "loss-inpaint.png", ctx.out / "loss-inpaint.png");
    // The base this inpainting UNet started from is the one its own record names, which need not
    // be the base imported above (the base may have trained on after the inpainting stage began).
    write_training_record(inpaint_base_record_path(ctx), *plan.inpaint);
    copy_if_absent(plan.inpaint_dir / "loss-unet.png", inpaint_base_loss_path(ctx));
  }
  write_file_atomic(imports_file(ctx),
                    nlohmann::json{{"from", fs::absolute(*ctx.options.from).string()},
                                   {"date", now},
                                   {"machine", plan.base.machine},
                                   {"stages", imports},
                                   {"precision", precision}}
                            .dump(2) +
                        "\n");
  std::string stages;
  for (const auto& [stage, at] : imports.items()) stages += (stages.empty() ? "" : ", ") + stage + " " + at.back().dump();
  ctx.message("imported " + ctx.options.from->string() + " into " + ctx.out.string() + " (" + stages +
              "); continue a stage with --stage S --steps N --resume");
}

ImportRecord read_imports(const RunContext& ctx) {
  ImportRecord r;
  std::ifstream in(imports_file(ctx));
  if (!in) return r;
  try {
    const auto j = nlohmann::json::parse(in);
    r.machine = j.value("machine", "");
    r.stages = j.at("stages").get<std::map<std::string, std::vector<int64_t>>>();
    r.precision = j.value("precision", std::map<std::string, std::string>{});  // absent before it was recorded
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(imports_file(ctx).string() + ": unreadable (" + e.what() + ")");
  }
  return r;
}

}  // namespace stipple::train
