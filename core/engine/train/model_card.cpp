#include "train/model_card.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "io/atomic_file.h"

namespace stipple::train {

namespace {

std::string list(const std::vector<int>& v) {
  std::string s = "(";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s + ")";
}

std::string millions(int64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f M", static_cast<double>(n) / 1e6);
  return buf;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string recipe_row(const std::string& stage, const StageRecipe& r, const std::string& trains) {
  return "| " + stage + " | " + trains + " | " + std::to_string(r.steps) + " | " + std::to_string(r.batch) + " | " +
         num(r.lr) + " (warm-up " + std::to_string(r.warmup) + ", cosine to " + num(r.min_lr_ratio) + "x) | " +
         num(r.weight_decay) + " | " + num(r.grad_clip) + " | " + (r.ema_decay > 0 ? num(r.ema_decay) : "none") + " |\n";
}

}  // namespace

std::string format_duration(double seconds) {
  char buf[64];
  if (seconds < 90)
    std::snprintf(buf, sizeof buf, "%.0f s", seconds);
  else if (seconds < 5400)
    std::snprintf(buf, sizeof buf, "%.0f min", seconds / 60);
  else
    std::snprintf(buf, sizeof buf, "%d h %02d min", static_cast<int>(seconds / 3600), static_cast<int>(std::fmod(seconds, 3600) / 60));
  return buf;
}

std::string model_card(const ModelCardInfo& c) {
  const ModelConfig& m = c.recipe.model;
  std::ostringstream o;
  o << "# " << c.name << "\n\n";
  o << (c.inpainting ? "The inpainting variant of Stipple's bundled model (9-channel UNet, as SD-inpainting). "
                     : "Stipple's bundled default model. ")
    << "A latent diffusion model with the Stable Diffusion 1.x architecture at small width, trained from scratch by "
       "`stipple-cli train` on Stipple's procedural *shapes* dataset: it draws flat-coloured circles, squares, "
       "triangles, stars, rings and crosses, in eight colours, two sizes and nine places, on plain, gradient or "
       "lightly textured backgrounds, at "
    << c.recipe.image_size << "x" << c.recipe.image_size << " pixels. It knows nothing else: it exists so that "
    << "generation, inpainting and batch export work on a fresh install with no downloads.\n\n";
  o << "Prompts it understands: `a red circle`, `a large blue square in the top left corner on white`, "
       "`a green triangle and a yellow star on black`, `purple ring, small, bottom right corner, light textured "
       "background`.\n\n";

  o << "## Data\n\n"
    << "Procedural (core/engine/train/shapes_dataset.*): every image is drawn on the fly from (seed, index), "
       "anti-aliased (drawn at 4x, reduced with INTER_AREA), one object (60%) or two (40%), captioned with one of "
       "seven templates (five for two objects) chosen afresh each time an image is drawn; 10% of captions are "
       "dropped for classifier-free guidance. Held out from training (never drawn): the colour x shape pairs red "
       "star, green ring, blue triangle, yellow cross, orange circle, purple square, white star, black triangle, and "
       "the shape x position pairs circle top left, square bottom right, triangle right, star bottom, ring top "
       "right, cross left. Seed " << c.seed << ".\n\n";

  o << "## Architecture\n\n| part | architecture | parameters |\n|---|---|---|\n";
  o << "| UNet | SD UNet, model_channels " << m.unet.model_channels << ", channel_mult " << list(m.unet.channel_mult)
    << ", " << m.unet.num_res_blocks << " res blocks per level, attention at downsampling " << list(m.unet.attention_resolutions)
    << ", " << m.unet.num_heads << " heads, context " << m.unet.context_dim << ", in_channels "
    << (c.inpainting ? 9 : 4) << " | " << millions(c.params_unet) << " |\n";
  o << "| VAE | SD KL autoencoder, ch " << m.vae.ch << ", ch_mult " << list(m.vae.ch_mult) << ", "
    << m.vae.num_res_blocks << " res block(s) per level, f = " << m.vae.downsample_factor() << ", " << m.vae.z_channels
    << " latent channels, scaling_factor " << num(c.scale_factor) << " (1/std of its latents) | "
    << millions(c.params_vae) << " |\n";
  o << "| text encoder | CLIP text transformer (HF CLIPTextModel layout, quick-GELU), width " << m.text.width << ", "
    << m.text.layers << " layers, " << m.text.heads << " heads, vocabulary " << m.text.vocab_size
    << " (byte-level BPE built from the caption words: every caption word is one token) | "
    << millions(c.params_text) << " |\n\n";
  if (c.vae_recon_l1 >= 0) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "VAE round trip on whole images: mean L1 %.4f (in [-1, 1] units); the judge reads every object "
                  "right in %.1f%% of reconstructions.\n\n",
                  c.vae_recon_l1, 100 * c.vae_recon_judge);
    o << buf;
  }
  o << "Diffusers layout, fp16 weights (" << num(std::round(static_cast<double>(c.bytes_on_disk) / 1e5) / 10)
    << " MB); eps-prediction, scaled-linear schedule (0.00085 to 0.012, 1000 steps); native size "
    << c.recipe.image_size << " px.\n\n";

  o << "## Recipe\n\n| stage | trains | steps | batch | learning rate | weight decay | grad clip | EMA |\n"
       "|---|---|---|---|---|---|---|---|\n";
  // The steps column is the schedule each stage was trained to (a stage extended with --steps N
  // says so under Run).
  auto trained = [&](const std::string& stage, StageRecipe r) {
    for (const auto& s : c.stages)
      if (s.stage == stage && s.total > 0) r.steps = s.total;
    return r;
  };
  o << recipe_row("vae", trained("vae", c.recipe.vae), "autoencoder");
  for (const auto& s : c.stages)
    if (s.stage == "decoder")
      o << recipe_row("decoder", trained("decoder", c.recipe.decoder), "VAE decoder (encoder frozen), whole images");
  o << recipe_row("unet", trained("unet", c.recipe.unet), "UNet + text encoder");
  if (c.inpainting)
    o << recipe_row("inpaint", trained("inpaint", c.recipe.inpaint), "9-channel UNet (text encoder frozen)");
  o << "\nAdamW (betas 0.9/0.999, no decay on norms and biases). The VAE trains on "
    << (c.recipe.vae_crop > 0 ? std::to_string(c.recipe.vae_crop) + " px crops (centred on an object 70% of the time), "
                                    "the last " + num(100 * c.recipe.vae_full_fraction) + "% of its steps on whole images"
                              : std::string("whole images"))
    << "; loss: L1 + " << num(c.recipe.l2_weight)
    << " L2, weighted " << num(1 + c.recipe.edge_weight) << "x within a pixel of edges, + KL at SD's weight ("
    << num(c.recipe.kl_weight) << " relative to the summed reconstruction loss). Diffusion loss: eps MSE with "
       "min-SNR-" << num(c.recipe.min_snr_gamma) << " weighting, offset noise " << num(c.recipe.offset_noise)
    << "; the UNet stages train on " << c.recipe.latent_pool << " images encoded once by the finished VAE. ";
  if (c.inpainting) {
    std::string share;  // as the run recorded it, else the recipe's
    for (const auto& s : c.stages)
      if (s.stage == "inpaint") share = describe_object_masks(s.schedule);
    if (share.empty()) share = num(100 * c.recipe.inpaint_object_masks) + "%";
    o << "The inpainting UNet starts from the base UNet's EMA weights with zeroed extra input channels; input = "
         "cat(noisy latent, mask, masked-image latent); masks: one object with margin ("
      << share << "); of the rest, the whole image 1/6 and rectangles, ellipses and brush strokes 5/6. ";
  }
  o << "Precision: " << c.precision << ".\n\n";

  o << "## Run\n\n| stage | steps | training time | s/step (last run) | final loss (running avg) |\n|---|---|---|---|---|\n";
  double total = 0;
  for (const auto& s : c.stages) {
    char row[256];
    std::snprintf(row, sizeof row, "| %s | %lld / %lld | %s | %.2f | %.4g |\n", s.stage.c_str(),
                  static_cast<long long>(s.step), static_cast<long long>(s.total), format_duration(s.seconds).c_str(),
                  s.seconds_per_step, s.final_loss);
    o << row;
    total += s.seconds;
  }
  for (const auto& s : c.stages)
    if (const std::string how = describe_schedule(s.schedule); !how.empty())
      o << "\nThe " << s.stage << " stage was extended with --steps N --resume: " << how
        << " (from where it resumes, a run follows the longer schedule's cosine).\n";
  for (const auto& s : c.stages) {
    std::vector<int64_t> at;  // "11000", "11000 and 13500", "11000, 13500 and 15840"
    for (const int64_t a : s.imported_at)
      if (a < s.step) at.push_back(a);
    std::string steps;
    for (size_t i = 0; i < at.size(); ++i)
      steps += (i == 0 ? "" : i + 1 == at.size() ? " and " : ", ") + std::to_string(at[i]);
    if (!steps.empty())
      o << "\nThe " << s.stage << " stage went on at step " << steps
        << " from its exported weights (run folder rebuilt by `stipple-cli train --stage import`: the fp16 EMA weights "
           "as shipped, the optimizer state started afresh with the learning rate re-warmed over the recipe's "
           "warm-up steps); the loss curve starts there.\n";
  }
  o << "\nTotal training time " << format_duration(total) << " on " << c.machine << ". Exported " << c.date << ".\n\n";
  for (const auto& img : c.loss_images) o << "![" << img << "](" << img << ")\n";
  if (!c.loss_images.empty()) o << "\n";

  o << "## Sampling\n\nRecommended: " << c.recipe.sampling_sampler << " at guidance (CFG) " << c.recipe.sampling_cfg
    << ", 20 steps, " << c.recipe.image_size << " x " << c.recipe.image_size
    << " px. model_index.json says so (`_stipple_defaults`), and Stipple takes these settings the first time the "
       "model is used: higher guidance makes this small model's shapes and colours worse, not better.\n\n";
  o << "## Evaluation\n\n";
  if (c.evals.empty()) {
    o << "Not evaluated yet: run `stipple-cli eval-model --model " << c.folder.filename().string()
      << (c.inpainting ? " --inpainting" : "") << "`.\n\n";
  } else {
    o << "Held-out prompts (combinations never drawn in training), judged by Stipple's OpenCV judge "
         "(core/engine/train/judge.*: segmentation against the border-estimated background, shape from contour "
         "features, colour as the nearest palette colour, position on a 3x3 grid); reproduce with "
         "`stipple-cli eval-model`.\n\n```\n";
    for (const auto& e : c.evals) o << format_summary(e);
    o << "```\n\n";
    std::vector<TargetCheck> checks;
    for (const auto& e : c.evals)
      for (auto& t : quality_targets(e, c.inpainting)) checks.push_back(std::move(t));
    const bool all_met = std::all_of(checks.begin(), checks.end(), [](const TargetCheck& t) { return t.met(); });
    o << "Against the targets Stipple's bundled models are trained to reach"
      << (all_met ? " (all met):\n\n" : " (those marked \"not yet\" are still being worked on: a later release "
                                           "trains longer or wider):\n\n")
      << format_targets(checks) << "\n";
  }
  o << "## Limitations\n\nOnly the shapes domain: other prompts give shapes-like pictures at best. Small capacity: "
       "attribute binding with two objects is weaker than with one. Outputs at other sizes than "
    << c.recipe.image_size << " px are possible but less reliable.";
  if (c.vae_recon_judge >= 0 && c.vae_recon_judge < 0.9) {
    char vae[400];
    std::snprintf(vae, sizeof vae,
                  " Shapes are the weak point, and the VAE is why: the judge reads only %.0f%% of its own round "
                  "trips right (small shapes come back blurred), which caps what the UNet can draw; a wider or "
                  "longer-trained VAE (and the UNet retrained on its latents) is the way up.",
                  100 * c.vae_recon_judge);
    o << vae;
  }
  o << "\n";
  return o.str();
}

void write_model_card(const ModelCardInfo& info) { write_file_atomic(info.folder / "README.md", model_card(info)); }

}  // namespace stipple::train
