// Export: the finished VAE and the EMA weights of the UNet and text encoder, as a diffusers
// folder with fp16 weights (save_diffusers), the tokenizer, the loss curves and the model card.
#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "pipeline/save_diffusers.h"
#include "pipeline/batch_identity.h"
#include "pipeline/sd_model.h"
#include "runtime.h"
#include "train/model_card.h"
#include "train/train_loop.h"
#include "train/training_record.h"
#include "train/vae_io.h"

namespace stipple::train {

namespace fs = std::filesystem;

namespace {

int64_t count_params(const torch::nn::Module& m) {
  int64_t n = 0;
  for (const auto& p : m.parameters()) n += p.numel();
  return n;
}

}  // namespace

ModelCardInfo export_model(RunContext& ctx, bool inpaint, const std::vector<StageReport>& stages) {
  torch::NoGradGuard no_grad;
  const std::string stage = inpaint ? "inpaint" : "unet";
  const StageRecipe& sr = inpaint ? ctx.recipe.inpaint : ctx.recipe.unet;
  auto model = std::make_shared<StableDiffusionModel>();
  ModelConfig& cfg = model->config;
  cfg = ctx.recipe.model;
  cfg.family = Family::SD1;
  cfg.prediction = Prediction::Epsilon;
  cfg.native_resolution = ctx.recipe.image_size;
  if (inpaint) cfg.unet.in_channels = 9;

  nn::AutoencoderKL vae(cfg.vae);
  const VaeFile vae_file = load_vae_weights(finished_vae_path(ctx), *vae);
  cfg.vae.scale_factor = vae_file.scale_factor;
  vae->config.scale_factor = cfg.vae.scale_factor;
  nn::UNet unet(cfg.unet);
  nn::HfClipText text(cfg.text);
  const std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> modules = {{"unet", unet.ptr()},
                                                                                            {"text", text.ptr()}};
  const auto trained = inpaint ? std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>>{modules[0]}
                               : modules;
  Ema ema(named_params(trained), sr.ema_decay);
  const fs::path ckpt = checkpoint_path(ctx, stage);
  if (!fs::exists(ckpt)) throw std::runtime_error(ckpt.string() + ": missing; nothing to export for stage " + stage);
  load_checkpoint(ckpt, modules, &ema, nullptr);
  if (ema.enabled()) ema.copy_to(named_params(trained));

  model->path = ckpt;
  model->unet = unet;
  model->vae = vae;
  model->text = text.ptr();
  model->text_module = text.ptr();
  model->alphas_cumprod = default_alphas_cumprod();

  ModelCardInfo info;
  info.name = inpaint ? "stipple-shapes-inpainting" : "stipple-shapes";
  info.inpainting = inpaint;
  info.recipe = ctx.recipe;
  info.recipe.model = cfg;
  info.stages = stages;
  info.params_unet = count_params(*unet);
  info.params_vae = count_params(*vae);
  info.params_text = count_params(*text);
  info.scale_factor = cfg.vae.scale_factor;
  info.seed = ctx.options.seed;
  const RuntimeInfo rt = runtime_info();
  info.machine = describe_device(rt) + (rt.cpu_model.empty() ? "" : " (" + rt.cpu_model + ")");
  // A run rebuilt from exported models: the steps before the import ran elsewhere. When no stage
  // of this model trained since its import, this machine only exported it and is not named.
  if (const std::string earlier = read_imports(ctx).machine; !earlier.empty() && earlier != info.machine) {
    const bool trained_here = std::any_of(stages.begin(), stages.end(), [](const StageReport& s) {
      return s.imported_at.empty() || s.imported_at.back() != s.step;
    });
    if (trained_here) {
      std::string since;  // the stages trained on since their import, from which step
      for (const auto& s : stages)
        if (!s.imported_at.empty() && s.imported_at.back() != s.step)
          since += (since.empty() ? " from " : ", ") + s.stage + " step " + std::to_string(s.imported_at.back());
      // An earlier import's record has its own "; the steps before the import on ...": one chain.
      std::string history = earlier;
      const std::string nested = "; the steps before the import on ", chained = "; before that on ";
      for (size_t at = history.find(nested); at != std::string::npos; at = history.find(nested, at + chained.size()))
        history.replace(at, nested.size(), chained);
      info.machine += since + chained + history;
    } else {
      info.machine = earlier;
    }
  }
  info.vae_recon_l1 = vae_file.number("recon_l1", -1);
  info.vae_recon_judge = vae_file.number("recon_judge", -1);
  for (const auto& s : stages)
    info.precision += (info.precision.empty() ? "" : ", ") + s.stage + " " + s.precision;
  info.precision += " (chosen per stage by timing both; norms and losses always fp32)";
  info.date = batch_detail::utc_now();

  const fs::path models = ctx.options.models ? *ctx.options.models : ctx.out / "models";
  fs::create_directories(models);
  const fs::path dir = models / info.name, partial = models / (info.name + ".partial");
  fs::remove_all(partial);
  save_diffusers(*model, partial, torch::kHalf, ctx.tokenizer_dir);
  {
    std::ifstream in(partial / "model_index.json");
    auto index = nlohmann::json::parse(in);
    index["_stipple_defaults"] = {{"guidance_scale", ctx.recipe.sampling_cfg}, {"sampler", ctx.recipe.sampling_sampler}};
    write_file_atomic(partial / "model_index.json", index.dump(2) + "\n");
  }
  {
    // The history a later `train --stage import` continues from.
    TrainingRecord record;
    record.model = info.name;
    record.preset = ctx.recipe.preset;
    record.image_size = ctx.recipe.image_size;
    record.seed = ctx.options.seed;
    record.latent_pool = ctx.recipe.latent_pool;
    record.machine = info.machine;
    record.exported = info.date;
    record.vae_metadata = vae_file.metadata;
    record.stages = stages;
    write_training_record(partial / kTrainingRecordFile, record);
  }
  for (const std::string& s : {std::string("vae"), std::string("unet"), stage}) {
    const std::string png = "loss-" + s + ".png";
    // The inpainting model's base UNet is the one it started from (see inpaint_base_record_path).
    const fs::path from = inpaint && s == "unet" && fs::exists(inpaint_base_loss_path(ctx)) ? inpaint_base_loss_path(ctx)
                                                                                             : ctx.out / png;
    if (fs::exists(from) && !fs::exists(partial / png)) {
      fs::copy_file(from, partial / png);
      info.loss_images.push_back(png);
    }
  }
  // Swap the finished folder in: a crash leaves either the old model or the new one.
  fs::remove_all(dir);
  fs::rename(partial, dir);
  info.folder = dir;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) info.bytes_on_disk += static_cast<int64_t>(e.file_size());
  write_model_card(info);
  ctx.message("exported " + dir.string());
  return info;
}

}  // namespace stipple::train
