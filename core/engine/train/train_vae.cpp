// Stage 1: the KL autoencoder (ldm AutoencoderKL architecture at small width). Loss: L1 plus a
// small L2, both weighted up near edges (the images are mostly flat colour; the judge and the
// viewer care about outlines), plus SD's small KL term. No GAN or LPIPS: flat synthetic shapes
// reconstruct sharply without them. Trained on crops (as SD's autoencoder was, at 256 px), which
// cost a quarter of whole images; it is checked on whole images at the end.
#include <cmath>
#include <cstdio>
#include <optional>

#include "image/image_io.h"
#include "nn/vae.h"
#include "train/judge.h"
#include "train/train_loop.h"
#include "train/vae_io.h"

namespace stipple::train {

namespace fs = std::filesystem;

namespace {

// 1 + w near edges: pixels within 1 px of a colour step of the target.
torch::Tensor edge_weights(const torch::Tensor& x, double weight) {
  torch::NoGradGuard no_grad;
  auto gx = (x.narrow(3, 1, x.size(3) - 1) - x.narrow(3, 0, x.size(3) - 1)).abs().sum(1, true);
  auto gy = (x.narrow(2, 1, x.size(2) - 1) - x.narrow(2, 0, x.size(2) - 1)).abs().sum(1, true);
  gx = torch::constant_pad_nd(gx, {0, 1, 0, 0});
  gy = torch::constant_pad_nd(gy, {0, 0, 0, 1});
  auto edge = (torch::maximum(gx, gy) > 0.1).to(torch::kFloat);
  edge = torch::max_pool2d(edge, 3, 1, 1);
  return 1.0 + weight * edge;
}

// A crop of `scene`'s render: centred on one of its objects (jittered) 70% of the time, since
// mostly-background crops teach little.
cv::Mat training_crop(const SceneSpec& scene, int size, int crop, uint64_t draw) {
  const cv::Mat full = render(scene, size);
  if (crop <= 0 || crop >= size) return full;
  SceneRng rng(mix_seed(draw, 0xc0));
  double cx, cy;
  if (!scene.objects.empty() && rng.chance(0.7)) {
    const cv::Point2f c = object_centre(scene.objects[static_cast<size_t>(rng.below(static_cast<int>(scene.objects.size())))]);
    cx = c.x * size + rng.uniform(-0.25, 0.25) * crop;
    cy = c.y * size + rng.uniform(-0.25, 0.25) * crop;
  } else {
    cx = rng.uniform(0, size);
    cy = rng.uniform(0, size);
  }
  const int x = std::clamp(static_cast<int>(cx) - crop / 2, 0, size - crop);
  const int y = std::clamp(static_cast<int>(cy) - crop / 2, 0, size - crop);
  return full(cv::Rect(x, y, crop, crop)).clone();
}

struct VaeCheck {
  double scale = 0, posterior_ratio = 0, recon_l1 = 0, recon_judge = 0;
};

// After training, on whole images: SD's latent scale (1 / std of posterior samples), the mean
// reconstruction error, and how often the judge still reads every object right after a round
// trip through the autoencoder (an upper bound for what the diffusion model can reach).
VaeCheck check_vae(RunContext& ctx, nn::AutoencoderKL& vae) {
  torch::NoGradGuard no_grad;
  vae->eval();
  const auto ds = ctx.dataset();
  const int size = ctx.recipe.image_size;
  const int count = ctx.options.preset == "tiny" ? 16 : 512;
  std::vector<torch::Tensor> zs, stds;
  double l1 = 0;
  int judged = 0, judged_ok = 0;
  cv::Mat sheet;
  torch::manual_seed(mix_seed(ctx.options.seed, 0x5ca1e));
  for (int start = 0; start < count; start += 32) {
    std::vector<cv::Mat> imgs;
    std::vector<SceneSpec> scenes;
    for (int i = start; i < std::min(count, start + 32); ++i) {
      scenes.push_back(ds.sample(1'000'000'000ull + static_cast<uint64_t>(i)).scene);
      imgs.push_back(render(scenes.back(), size));
    }
    const auto x = images_to_batch(imgs).to(ctx.device);
    AutocastScope ac(ctx.encode_bf16, ctx.device);
    auto m = vae->encode(x);
    const auto mean = m.mean.to(torch::kFloat), std = torch::exp(0.5 * m.logvar.to(torch::kFloat));
    zs.push_back((mean + std * torch::randn_like(mean)).cpu());
    stds.push_back(std.cpu());
    if (start < 128) {  // reconstructions of the first 128
      const auto rec = vae->decode(mean).to(torch::kFloat).clamp(-1, 1);
      l1 += (rec - x).abs().mean().item<double>() * static_cast<double>(imgs.size());
      const auto u8 = ((rec + 1) * 127.5).round().clamp(0, 255).to(torch::kUInt8).permute({0, 2, 3, 1}).contiguous().cpu();
      for (size_t i = 0; i < imgs.size(); ++i) {
        const cv::Mat img(size, size, CV_8UC3, u8[static_cast<int64_t>(i)].data_ptr());
        const Verdict v = judge(img, full_description(scenes[i]));
        judged_ok += v.all() && v.count_matches;
        ++judged;
        if (start == 0 && i < 8) {  // originals above reconstructions, for a look
          if (sheet.empty()) sheet = cv::Mat(2 * size, 8 * size, CV_8UC3, cv::Scalar(0, 0, 0));
          imgs[i].copyTo(sheet(cv::Rect(static_cast<int>(i) * size, 0, size, size)));
          img.copyTo(sheet(cv::Rect(static_cast<int>(i) * size, size, size, size)));
        }
      }
    }
  }
  vae->train();
  if (!sheet.empty()) write_png(ctx.out / "vae-reconstructions.png", sheet);
  VaeCheck c;
  const auto z = torch::cat(zs);
  const double s = z.std().item<double>();
  if (!(s > 0) || !std::isfinite(s)) throw std::runtime_error("VAE latents have no spread (std " + std::to_string(s) + ")");
  c.scale = 1.0 / s;
  c.posterior_ratio = torch::cat(stds).mean().item<double>() / s;
  c.recon_l1 = judged ? l1 / judged : 0;
  c.recon_judge = judged ? static_cast<double>(judged_ok) / judged : 0;
  return c;
}

// Stage "vae" trains the whole autoencoder; stage "decoder" then fine-tunes only its decoder
// (post_quant_conv + decoder) on whole images, starting from the finished VAE. The encoder stays
// frozen, so the latents the UNets learn from are unchanged and a decoder fine-tuned after the
// UNets is still theirs.
StageReport train_autoencoder(RunContext& ctx, bool decoder_only) {
  const std::string stage = decoder_only ? "decoder" : "vae";
  const StageRecipe& sr = decoder_only ? ctx.recipe.decoder : ctx.recipe.vae;
  const int size = ctx.recipe.image_size;
  torch::manual_seed(mix_seed(ctx.options.seed, 0x1a17));  // the initial weights, too, come from the seed
  nn::AutoencoderKL vae(ctx.recipe.model.vae);
  vae->to(ctx.device);
  vae->train();
  const std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> modules = {{"vae", vae.ptr()}};
  const fs::path ckpt = checkpoint_path(ctx, stage);
  VaeFile start;  // the decoder stage's starting point (its scale factor is kept)
  if (decoder_only) {
    start = load_vae_weights(vae_weights_path(ctx), *vae);
    for (auto& p : vae->encoder->parameters()) p.set_requires_grad(false);
    for (auto& p : vae->quant_conv->parameters()) p.set_requires_grad(false);
    vae->encoder->eval();
  } else if (!fs::exists(ckpt)) {
    // Start the posterior nearly deterministic (log-variance -6): at SD's KL weight nothing pulls
    // it towards 1 anyway, and the decoder need not first learn through unit-variance noise.
    torch::NoGradGuard no_grad;
    const int64_t e = ctx.recipe.model.vae.embed_dim;
    vae->quant_conv->bias.narrow(0, e, e).fill_(-6.0);
  }
  std::vector<torch::Tensor> params;
  for (const auto& p : vae->parameters())
    if (p.requires_grad()) params.push_back(p);
  auto optimizer = make_adamw(params, sr);
  Ema ema(named_params(modules), sr.ema_decay);
  CheckpointState st;
  st.total = sr.steps;
  if (fs::exists(ckpt)) {
    st = load_checkpoint(ckpt, modules, &ema, optimizer.get());
    st.total = sr.steps;
    ctx.message(stage + ": resumed at step " + std::to_string(st.step) + " of " + std::to_string(st.total) +
                (st.optimizer_restored ? "" : " (imported weights: fresh optimizer state, learning rate re-warmed over " +
                                                  std::to_string(sr.warmup) + " steps)"));
  }
  StageReport report;
  report.stage = stage;
  report.total = st.total;
  const auto ds = ctx.dataset();

  // The loss of one batch; random streams are functions of (seed, step), so a resumed run
  // draws the same crops and noise.
  auto compute_loss = [&](int64_t step) {
    torch::manual_seed(mix_seed(ctx.options.seed, static_cast<uint64_t>(step) * 8 + (decoder_only ? 5 : 1)));
    const bool whole =
        decoder_only || static_cast<double>(step) >= (1.0 - ctx.recipe.vae_full_fraction) * static_cast<double>(st.total);
    const int crop = whole ? 0 : ctx.recipe.vae_crop;
    // The decoder stage draws other images than the VAE stage did.
    const uint64_t base = decoder_only ? 3'000'000'000ull : 0;
    std::vector<cv::Mat> imgs;
    for (int i = 0; i < sr.batch; ++i) {
      const uint64_t index = base + static_cast<uint64_t>(step) * static_cast<uint64_t>(sr.batch) + static_cast<uint64_t>(i);
      imgs.push_back(training_crop(ds.sample(index).scene, size, crop, mix_seed(ctx.options.seed, index)));
    }
    const auto x = images_to_batch(imgs).to(ctx.device);
    torch::Tensor rec, mean, logvar;
    {
      AutocastScope ac(ctx.bf16, ctx.device);
      {
        std::optional<torch::NoGradGuard> frozen;
        if (decoder_only) frozen.emplace();
        auto m = vae->encode(x);
        mean = m.mean.to(torch::kFloat);
        logvar = m.logvar.to(torch::kFloat);
      }
      // Posterior samples, as the UNet's latents were drawn.
      const auto z = mean + torch::exp(0.5 * logvar) * torch::randn_like(mean);
      rec = vae->decode(z).to(torch::kFloat);
    }
    const auto w = edge_weights(x, ctx.recipe.edge_weight);
    const auto diff = rec - x;
    const auto l1 = (w * diff.abs()).mean();
    const auto l2 = (w * diff.square()).mean();
    const auto recon = l1 + ctx.recipe.l2_weight * l2;
    if (decoder_only) return recon;
    // SD sums both terms per sample; per pixel element that is kl_weight * KL_sum / (3 H W).
    const auto kl = 0.5 * (mean.square() + logvar.exp() - 1.0 - logvar).sum({1, 2, 3}).mean();
    return recon + ctx.recipe.kl_weight * kl / static_cast<double>(x[0].numel());
  };

  begin_stage_run(ctx, stage, st, -1, [&](bool bf16) {
    ctx.bf16 = bf16;
    compute_loss(st.step).backward();
    optimizer->zero_grad();
  });
  LossLog log(ctx.out / ("loss-" + stage + ".csv"), st.step);
  StepClock clock(ctx, stage, st.total);
  auto save = [&] {
    save_checkpoint(ckpt, st, modules, &ema, optimizer.get());
    plot_losses(read_loss_csv(log.path()), ctx.out / ("loss-" + stage + ".png"),
                decoder_only ? "VAE decoder: L1 + 0.1 L2 (edge-weighted), encoder frozen"
                             : "VAE: L1 + 0.1 L2 (edge-weighted) + KL");
    clock.checkpointed();
  };

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
  if (report.finished) {
    if (ema.enabled()) ema.copy_to(named_params(modules));
    ctx.encode_bf16 = decoder_only ? start.number("encode_bf16") != 0 && bf16_fast(ctx) : pick_encode_bf16(ctx, vae);
    const VaeCheck c = check_vae(ctx, vae);
    std::map<std::string, std::string> meta;
    if (decoder_only) {
      // Same encoder, same latents: the VAE stage's metadata stays (its scale factor trained the
      // UNets), its figures kept as vae_*.
      meta = start.metadata;
      meta["decoder_step"] = std::to_string(st.step);
      meta["vae_recon_l1"] = meta["recon_l1"];
      meta["vae_recon_judge"] = meta["recon_judge"];
    } else {
      meta = {{"scale_factor", std::to_string(c.scale)},
              {"step", std::to_string(st.step)},
              {"posterior_std_ratio", std::to_string(c.posterior_ratio)},
              {"encode_bf16", ctx.encode_bf16 ? "1" : "0"}};
    }
    meta["recon_l1"] = std::to_string(c.recon_l1);
    meta["recon_judge"] = std::to_string(c.recon_judge);
    save_vae_weights(decoder_only ? decoder_weights_path(ctx) : vae_weights_path(ctx), *vae, meta);
    char line[240];
    std::snprintf(line, sizeof line,
                  "%s: done; latent scale factor %.5f (posterior std / latent std %.3f); on whole images: "
                  "reconstruction L1 %.4f, judge on reconstructions %.1f%%",
                  stage.c_str(), decoder_only ? start.scale_factor : c.scale, c.posterior_ratio, c.recon_l1,
                  100 * c.recon_judge);
    ctx.message(line);
  }
  return report;
}

}  // namespace

StageReport run_vae_stage(RunContext& ctx) { return train_autoencoder(ctx, false); }
StageReport run_decoder_stage(RunContext& ctx) { return train_autoencoder(ctx, true); }

}  // namespace stipple::train
