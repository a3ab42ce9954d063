// Stages 2 and 3: the UNet with its text encoder (base), and the 9-channel inpainting UNet.
// Diffusion as in ldm: eps-prediction on x_t = sqrt(acp_t) z0 + sqrt(1 - acp_t) eps with SD's
// scaled-linear schedule (default_alphas_cumprod), t uniform over 1000 steps. Additions, each
// cheap and published: min-SNR-gamma loss weighting (Hang et al. 2023, faster convergence),
// offset noise (Guttenberg 2023, lets flat black/white backgrounds come out), caption dropout
// for classifier-free guidance (Ho & Salimans 2022).
#include <cmath>
#include <cstdio>

#include "nn/clip_text.h"
#include "nn/unet.h"
#include "nn/vae.h"
#include "pipeline/sd_model.h"
#include "train/inpaint_masks.h"
#include "train/latent_pool.h"
#include "train/train_loop.h"
#include "train/vae_io.h"

namespace stipple::train {

namespace fs = std::filesystem;

namespace {

struct Batch {
  torch::Tensor ids;       // [B,77] int64
  torch::Tensor z0;        // [B,4,h,w] scaled latents
  torch::Tensor c_concat;  // inpainting: [B,5,h,w] latent mask + masked-image latent
};

std::string training_caption(const SceneSpec& scene, uint64_t draw, double dropout) {
  SceneRng rng(mix_seed(draw, 0xd0));
  if (rng.chance(dropout)) return "";  // the unconditional branch of classifier-free guidance
  return caption(scene, ShapesDataset::random_template(scene, draw));
}

Batch make_batch(RunContext& ctx, const StageRecipe& sr, int64_t step, const torch::Tensor& pool, nn::AutoencoderKL& vae,
                 double scale, bool inpaint) {
  const auto ds = ctx.dataset();
  const int b = sr.batch, size = ctx.recipe.image_size;
  const auto idx = torch::randint(0, pool.size(0), {b}, torch::kLong);
  const auto* ip = idx.data_ptr<int64_t>();
  std::vector<int64_t> ids;
  std::vector<cv::Mat> images, masks;
  for (int i = 0; i < b; ++i) {
    const SceneSpec scene = ds.sample(static_cast<uint64_t>(ip[i])).scene;
    const uint64_t draw = mix_seed(ctx.options.seed ^ (inpaint ? 0x1a1a : 0x2b2b), static_cast<uint64_t>(step) * b + i);
    const auto t = ctx.tokenizer->encode_padded(training_caption(scene, draw, ctx.recipe.caption_dropout),
                                                ctx.recipe.model.text.pad_id, ctx.recipe.model.text.context_length);
    ids.insert(ids.end(), t.begin(), t.end());
    if (inpaint) {
      images.push_back(render(scene, size));
      masks.push_back(random_inpaint_mask(scene, size, draw, nullptr, ctx.recipe.inpaint_object_masks));
    }
  }
  Batch batch;
  batch.ids = torch::tensor(ids, torch::kLong).view({b, -1}).to(ctx.device);
  batch.z0 = pool.index_select(0, idx).to(ctx.device, torch::kFloat) * scale;
  if (inpaint) {
    // As the pipeline conditions a 9-channel model: the binary mask at latent resolution
    // (area-averaged, > 0.5) and the latent of the image with the masked pixels set to 0 (grey).
    std::vector<torch::Tensor> m;
    for (const auto& mask : masks)
      m.push_back(torch::from_blob(const_cast<uchar*>(mask.data), {1, size, size}, torch::kUInt8).clone());
    const auto pixel_mask = (torch::stack(m).to(ctx.device) >= 128).to(torch::kFloat);
    const auto x = images_to_batch(images).to(ctx.device);
    const int f = ctx.recipe.model.vae.downsample_factor();
    const auto latent_mask = (torch::avg_pool2d(pixel_mask, f) > 0.5).to(torch::kFloat);
    torch::NoGradGuard no_grad;
    AutocastScope ac(ctx.encode_bf16, ctx.device);
    const auto masked = vae->encode(x * (1 - pixel_mask)).mean.to(torch::kFloat) * scale;
    batch.c_concat = torch::cat({latent_mask, masked}, 1);
  }
  return batch;
}

// The inpainting UNet starts as the base UNet (EMA weights) with zeroed extra input channels,
// so at step 0 it behaves exactly like the base model; the text encoder is the base one, frozen.
void init_from_base(RunContext& ctx, nn::UNet& unet9, nn::HfClipText& text) {
  const fs::path base_ckpt = checkpoint_path(ctx, "unet");
  if (!fs::exists(base_ckpt)) throw std::runtime_error(base_ckpt.string() + ": missing; run the unet stage first");
  nn::UNet base(ctx.recipe.model.unet);
  base->to(ctx.device);
  const std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> modules = {{"unet", base.ptr()},
                                                                                            {"text", text.ptr()}};
  Ema ema(named_params(modules), ctx.recipe.unet.ema_decay);
  const auto st = load_checkpoint(base_ckpt, modules, &ema, nullptr);
  if (st.step < st.total)
    ctx.message("inpaint: note: the base UNet is at step " + std::to_string(st.step) + " of " + std::to_string(st.total));
  if (ema.enabled()) ema.copy_to(named_params(modules));
  torch::NoGradGuard no_grad;
  const auto base_params = base->named_parameters();
  for (auto& p : unet9->named_parameters()) {
    const torch::Tensor* src = base_params.find(p.key());
    if (!src) throw std::logic_error("inpaint init: base UNet has no '" + p.key() + "'");
    if (src->sizes().equals(p.value().sizes())) {
      p.value().copy_(*src);
    } else {
      // conv_in: [C,4,3,3] -> [C,9,3,3]; the mask and masked-image channels start at zero.
      p.value().zero_();
      p.value().narrow(1, 0, src->size(1)).copy_(*src);
    }
  }
}

}  // namespace

StageReport run_unet_stage(RunContext& ctx, bool inpaint) {
  const std::string stage = inpaint ? "inpaint" : "unet";
  const StageRecipe& sr = inpaint ? ctx.recipe.inpaint : ctx.recipe.unet;
  const ModelConfig& cfg = ctx.recipe.model;

  nn::AutoencoderKL vae(cfg.vae);
  const VaeFile vae_file = load_vae_weights(vae_weights_path(ctx), *vae);
  const double scale = vae_file.scale_factor;
  vae->to(ctx.device);
  vae->eval();
  ctx.encode_bf16 = pick_encode_bf16(ctx, vae, &vae_file);  // timed again when the record does not apply here
  for (auto& p : vae->parameters()) p.set_requires_grad(false);

  StageReport report;
  report.stage = stage;
  report.total = sr.steps;
  const auto pool = latent_pool(ctx, vae, vae_file.signature);
  if (!pool.defined()) {  // stopped while encoding; the chunks done so far are kept
    if (fs::exists(checkpoint_path(ctx, stage))) {  // and what the stage had trained before
      const CheckpointState st = peek_checkpoint(checkpoint_path(ctx, stage));
      report.step = st.step;
      report.seconds = st.seconds;
      report.final_loss = st.loss_avg;
      report.bf16 = st.bf16;
    }
    return report;
  }

  UNetConfig ucfg = cfg.unet;
  if (inpaint) ucfg.in_channels = 9;
  torch::manual_seed(mix_seed(ctx.options.seed, inpaint ? 0x1a19 : 0x1a18));  // initial weights from the seed
  nn::UNet unet(ucfg);
  nn::HfClipText text(cfg.text);
  unet->to(ctx.device);
  text->to(ctx.device);
  const std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> modules = {{"unet", unet.ptr()},
                                                                                            {"text", text.ptr()}};
  const fs::path ckpt = checkpoint_path(ctx, stage);
  const bool fresh = !fs::exists(ckpt);
  if (inpaint && fresh) init_from_base(ctx, unet, text);
  const auto trained = inpaint ? std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>>{modules[0]}
                               : modules;
  std::vector<torch::Tensor> params;
  for (const auto& p : named_params(trained)) params.push_back(p.second);
  auto optimizer = make_adamw(params, sr);
  Ema ema(named_params(trained), sr.ema_decay);
  CheckpointState st;
  st.total = sr.steps;
  if (!fresh) {
    st = load_checkpoint(ckpt, modules, &ema, optimizer.get());
    st.total = sr.steps;
    ctx.message(stage + ": resumed at step " + std::to_string(st.step) + " of " + std::to_string(st.total) +
                (st.optimizer_restored ? "" : " (imported weights: fresh optimizer state, learning rate re-warmed over " +
                                                  std::to_string(sr.warmup) + " steps)"));
  }
  unet->train();
  text->train();
  if (inpaint) {
    text->eval();
    for (auto& p : text->parameters()) p.set_requires_grad(false);
  }
  report.step = st.step;
  report.total = st.total;

  LossLog log(ctx.out / ("loss-" + stage + ".csv"), st.step);
  StepClock clock(ctx, stage, st.total);
  const auto alphas = default_alphas_cumprod().to(torch::kFloat).to(ctx.device);
  const std::string title = inpaint ? "Inpainting UNet: eps MSE (min-SNR-5 weighted)"
                                    : "UNet + text encoder: eps MSE (min-SNR-5 weighted)";
  auto save = [&] {
    save_checkpoint(ckpt, st, modules, &ema, optimizer.get());
    plot_losses(read_loss_csv(log.path()), ctx.out / ("loss-" + stage + ".png"), title);
    clock.checkpointed();
  };

  // The loss of one batch; random streams are functions of (seed, step).
  auto compute_loss = [&](int64_t step) {
    torch::manual_seed(mix_seed(ctx.options.seed, static_cast<uint64_t>(step) * 8 + (inpaint ? 3 : 2)));
    const Batch batch = make_batch(ctx, sr, step, pool, vae, scale, inpaint);
    const int64_t b = batch.z0.size(0);
    const auto t = torch::randint(0, alphas.size(0), {b}, torch::kLong).to(ctx.device);
    const auto noise = torch::randn_like(batch.z0) +
                       ctx.recipe.offset_noise * torch::randn({b, batch.z0.size(1), 1, 1}).to(ctx.device);
    const auto a = alphas.index_select(0, t).view({b, 1, 1, 1});
    const auto zt = a.sqrt() * batch.z0 + (1 - a).sqrt() * noise;
    const auto input = inpaint ? torch::cat({zt, batch.c_concat}, 1) : zt;
    torch::Tensor eps;
    {
      AutocastScope ac(ctx.bf16, ctx.device);
      torch::Tensor context;
      if (inpaint) {
        torch::NoGradGuard no_grad;
        context = text->encode(batch.ids, 1);
      } else {
        context = text->encode(batch.ids, 1);
      }
      eps = unet->forward(input, t, context).to(torch::kFloat);
    }
    const auto mse = (eps - noise).square().mean({1, 2, 3});
    const auto snr = (a / (1 - a)).view({b});
    const auto weight = torch::clamp_max(snr, ctx.recipe.min_snr_gamma) / snr;
    return (weight * mse).mean();
  };
  begin_stage_run(ctx, stage, st, inpaint ? ctx.recipe.inpaint_object_masks : -1.0, [&](bool bf16) {
    ctx.bf16 = bf16;
    compute_loss(st.step).backward();
    optimizer->zero_grad();
  });
  clock.reset();  // the probe is not training time

  const double run_start_seconds = st.seconds;
  const int64_t resumed_at = st.step;
  while (st.step < st.total && !ctx.stop_requested() && !ctx.out_of_time()) {
    const double lr = lr_after_resume(sr, st.step, resumed_at, st.optimizer_restored);
    set_lr(*optimizer, lr);
    const auto loss = compute_loss(st.step);
    optimizer->zero_grad();
    loss.backward();
    const double grad_norm = torch::nn::utils::clip_grad_norm_(params, sr.grad_clip);
    optimizer->step();
    ema.update(st.step);
    ++st.step;
    const double value = loss.item<double>();
    st.loss_avg = st.loss_avg == 0 ? value : 0.98 * st.loss_avg + 0.02 * value;
    st.seconds = run_start_seconds + clock.run_seconds();
    clock.step_done(st.step, st.loss_avg, lr);
    if (st.step % 10 == 0 || st.step == st.total)
      log.append({st.step, value, st.loss_avg, lr, grad_norm, clock.seconds_per_step()});
    if (clock.checkpoint_due()) save();
  }
  save();
  report.step = st.step;
  report.seconds = st.seconds;
  report.seconds_per_step = clock.seconds_per_step();
  report.cpu_seconds_per_step = clock.cpu_seconds_per_step();
  report.final_loss = st.loss_avg;
  report.bf16 = st.bf16;
  report.finished = st.step >= st.total;
  return report;
}

}  // namespace stipple::train
