#include "pipeline/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

#include "image/convert.h"
#include "image/mask.h"
#include "pipeline/preview.h"
#include "pipeline/prompt.h"
#include "sampling/denoiser.h"
#include "sampling/noise.h"
#include "sampling/samplers.h"
#include "sampling/schedule.h"

namespace stipple {

namespace {

// "NaN", "infinite values" or nullptr when every value is finite (one reduction on the device).
const char* non_finite_kind(const torch::Tensor& t) {
  if (torch::isfinite(t).all().item<bool>()) return nullptr;
  return torch::isnan(t).any().item<bool>() ? "NaN" : "infinite values";
}

using Clock = std::chrono::steady_clock;

// What one batch starts from when there is an init image (after any "only masked" crop).
struct InitLatents {
  torch::Tensor original;  // [1,4,h,w] scaled latent of the (cropped, resized) image
  torch::Tensor start;     // [1,4,h,w] latent the noise is added to (masked-content option applied)
  torch::Tensor mask;      // [1,1,h,w] latent-resolution mask in [0,1]; undefined for img2img
  torch::Tensor c_concat;  // [1,5,h,w] for 9-channel models
};

// Everything about the source image that is independent of the seed.
struct Source {
  cv::Mat image;        // init image at its own size (RGB)
  cv::Mat work_image;   // what is generated over, at width x height
  cv::Mat work_mask;    // adjusted mask at width x height (CV_8UC1), empty for img2img
  cv::Mat blend_mask;   // blurred mask at the image's own size, for the final composite
  cv::Rect region;      // the part of `image` that work_image covers
};

Source prepare_source(const GenerationRequest& r) {
  Source s;
  s.image = r.init_image;
  s.region = {0, 0, r.init_image.cols, r.init_image.rows};
  cv::Mat mask;
  if (r.is_inpaint()) {
    mask = adjust_mask(r.mask, r.mask_grow, r.invert_mask);
    s.blend_mask = blur_mask(mask, r.mask_blur);
    if (r.inpaint_area == InpaintArea::Masked) {
      const cv::Rect region = masked_region(s.blend_mask, r.padding, r.width, r.height);
      if (region.area() > 0) s.region = region;
    }
  }
  cv::resize(s.image(s.region), s.work_image, {r.width, r.height}, 0, 0, cv::INTER_AREA);
  if (!mask.empty()) cv::resize(mask(s.region), s.work_mask, {r.width, r.height}, 0, 0, cv::INTER_LINEAR);
  return s;
}

}  // namespace

Pipeline::Pipeline(std::shared_ptr<StableDiffusionModel> model, std::shared_ptr<const ClipTokenizer> tokenizer,
                   ModelIdentity identity)
    : model_(std::move(model)), tokenizer_(std::move(tokenizer)), identity_(std::move(identity)) {}

int Pipeline::chunk_count(const std::string& prompt) const {
  return static_cast<int>(tokenize_prompt(*tokenizer_, prompt, model_->config.text.pad_id).size());
}

torch::Tensor Pipeline::encode(const std::string& prompt, int clip_skip, int min_chunks) {
  const int64_t pad = model_->config.text.pad_id;
  const auto chunks = tokenize_prompt(*tokenizer_, prompt, pad);
  const auto empty = tokenize_prompt(*tokenizer_, "", pad).front();
  return encode_prompt(chunks, empty, min_chunks,
                       [&](const torch::Tensor& ids) { return model_->encode_text(ids, clip_skip); });
}

GenerationResult Pipeline::run(const GenerationRequest& r, GenerationObserver* observer, const PipelineHooks* hooks) {
  if (const std::string problem = validate_request(r); !problem.empty()) throw std::invalid_argument(problem);
  auto& m = *model_;
  if (!m.unet || !m.vae || !m.text) throw std::logic_error("the model was loaded without all its parts");
  const int factor = m.config.vae.downsample_factor();
  if (r.width % factor || r.height % factor)
    throw std::invalid_argument("width and height must be multiples of " + std::to_string(factor) + " for this model");
  const bool inpaint_model = m.config.unet.in_channels == 9;
  const auto t_start = Clock::now();
  torch::InferenceMode inference;
  const auto device = m.device;
  const auto h = r.height / factor, w = r.width / factor;
  const double scale = m.config.vae.scale_factor;
  // SD's latent-to-RGB factors fit only SD's VAE; other VAEs decode their previews (decided once).
  const bool approximate_fits = approximate_preview_fits(m.config.vae);

  // Conditioning, shared by every batch: prompt and negative padded to the same chunk count.
  const int chunks = std::max(chunk_count(r.prompt), chunk_count(r.negative_prompt));
  const auto cond1 = encode(r.prompt, r.clip_skip, chunks).to(device);
  const auto uncond1 = encode(r.negative_prompt, r.clip_skip, chunks).to(device);

  const SamplerSpec& spec = sampler_spec(r.sampler);
  const DiscreteSchedule schedule(r.zero_terminal_snr ? rescale_zero_terminal_snr(m.alphas_cumprod) : m.alphas_cumprod);
  std::vector<double> sigmas = spec.ddim_walk ? schedule.ddim_sigmas(r.steps)
                                              : schedule.step_sigmas(sigma_schedule_from_string(r.schedule), r.steps);
  // img2img/inpainting: strength picks how far down the schedule to start.
  bool skip_sampling = false;
  if (r.is_img2img() && r.strength < 1.0 && !(inpaint_model && r.is_inpaint())) {
    const int run_steps = static_cast<int>(std::lround(r.strength * r.steps));
    if (run_steps == 0)
      skip_sampling = true;
    else
      sigmas.erase(sigmas.begin(), sigmas.begin() + (r.steps - run_steps));
  }
  const int steps_per_batch = skip_sampling ? 0 : static_cast<int>(sigmas.size()) - 1;
  const int total_steps = steps_per_batch * r.batch_count;

  Source source;
  InitLatents init;
  if (r.is_img2img()) {
    source = prepare_source(r);
    cv::Mat start_image = source.work_image;
    cv::Mat work_mask_bin;
    if (!source.work_mask.empty()) work_mask_bin = source.work_mask >= 128;
    if (r.is_inpaint() && r.masked_content == MaskedContent::Fill && !work_mask_bin.empty()) {
      cv::Mat bgr;
      cv::cvtColor(start_image, bgr, cv::COLOR_RGB2BGR);
      cv::inpaint(bgr, work_mask_bin, bgr, 8, cv::INPAINT_TELEA);  // plausible colours under the mask
      cv::cvtColor(bgr, start_image, cv::COLOR_BGR2RGB);
    }
    auto encode_image = [&](const cv::Mat& img) {
      return m.vae->encode(image_to_tensor(img).to(device)).mean * scale;  // posterior mode: deterministic
    };
    init.original = encode_image(source.work_image);
    init.start = start_image.data == source.work_image.data ? init.original : encode_image(start_image);
    if (r.is_inpaint()) {
      cv::Mat small;
      cv::resize(source.work_mask, small, {static_cast<int>(w), static_cast<int>(h)}, 0, 0, cv::INTER_AREA);
      init.mask = mask_to_tensor(small).to(device);
      if (inpaint_model) {
        // SD inpainting conditioning: the mask and the latent of the image with the masked part blanked.
        auto image = image_to_tensor(source.work_image).to(device);
        auto pixel_mask = (mask_to_tensor(work_mask_bin).to(device) > 0.5).to(torch::kFloat);
        auto masked = m.vae->encode(image * (1 - pixel_mask)).mean * scale;
        init.c_concat = torch::cat({(init.mask > 0.5).to(torch::kFloat), masked}, 1);
      }
    }
  }

  GenerationResult result;
  std::vector<double> step_times;
  int steps_done = 0;
  auto last_step = Clock::now();
  for (int b = 0; b < r.batch_count; ++b) {
    const int n = r.batch_size;
    std::vector<uint64_t> seeds;
    for (int i = 0; i < n; ++i) seeds.push_back(r.seed + static_cast<uint64_t>(b * n + i));
    NoiseStreams streams(seeds);
    torch::Tensor noise;
    if (hooks && hooks->init_noise.defined()) {
      noise = hooks->init_noise.to(torch::kFloat);
      if (noise.dim() != 4 || noise.size(0) != n || noise.size(1) != 4 || noise.size(2) != h || noise.size(3) != w)
        throw std::invalid_argument("init noise must be [" + std::to_string(n) + ",4," + std::to_string(h) + "," +
                                    std::to_string(w) + "], got " + c10::str(noise.sizes()));
    } else {
      noise = streams.next({4, h, w});
    }
    noise = noise.to(device);

    torch::Tensor x;
    if (skip_sampling) {
      x = init.original.expand({n, -1, -1, -1});
    } else {
      torch::Tensor start_latent;
      if (r.is_img2img() && r.strength < 1.0 && !(inpaint_model && r.is_inpaint())) {
        start_latent = init.start.expand({n, -1, -1, -1});
        if (init.mask.defined() && r.masked_content == MaskedContent::LatentNoise)
          start_latent = start_latent * (1 - init.mask) + noise * init.mask;
        else if (init.mask.defined() && r.masked_content == MaskedContent::LatentNothing)
          start_latent = start_latent * (1 - init.mask);
        x = start_latent + noise * sigmas[0];
      } else {
        // Pure noise: k-diffusion scales by sigma_max; DDIM's x_T is unit noise, which is
        // sqrt(1 + sigma^2) in sigma form.
        x = spec.ddim_walk ? noise * std::sqrt(1 + sigmas[0] * sigmas[0]) : noise * sigmas[0];
      }

      Guidance g{cond1.expand({n, -1, -1}), uncond1.expand({n, -1, -1}), r.cfg, r.guidance_rescale, {}};
      if (init.c_concat.defined()) g.c_concat = init.c_concat.expand({n, -1, -1, -1});
      auto unet = m.unet;
      Denoise denoise = make_denoiser(
          guided_network([unet](const torch::Tensor& xi, const torch::Tensor& t,
                                const torch::Tensor& c) mutable { return unet->forward(xi, t, c); },
                         g),
          schedule, m.config.prediction);
      if (init.mask.defined() && !inpaint_model) {
        // Regular models inpaint by keeping the original latent outside the mask: the
        // prediction there is replaced by the original, so every step stays on its trajectory.
        const auto keep = init.original.expand({n, -1, -1, -1});
        const auto mask = init.mask;
        denoise = [inner = denoise, keep, mask](const torch::Tensor& xi, double sigma) {
          return inner(xi, sigma) * mask + keep * (1 - mask);
        };
      }
      if (observer) denoise = with_cancellation(denoise, [observer] { return observer->cancelled(); });

      auto on_step = [&](const StepInfo& info) {
        // A network that overflows (fp16/bf16 past its range, a broken fine-tune) poisons every
        // later step: stop at the first one instead of decoding a black or grey picture.
        if (const char* what = non_finite_kind(info.denoised))
          throw std::runtime_error(std::string("the model produced ") + what + " at step " +
                                   std::to_string(info.step + 1) + " of " + std::to_string(info.total) +
                                   "; try fp32 precision or another model");
        const auto now = Clock::now();
        step_times.push_back(std::chrono::duration<double>(now - last_step).count());
        last_step = now;
        ++steps_done;
        if (!observer) return;
        auto sorted = step_times;
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2), sorted.end());
        observer->on_progress(steps_done, total_steps, sorted[sorted.size() / 2]);
        if (r.preview == PreviewMode::Off || info.step % r.preview_every != 0) return;
        for (int i = 0; i < n; ++i) {
          cv::Mat preview;
          if (r.preview == PreviewMode::Full || !approximate_fits)
            preview = tensor_to_image(m.vae->decode(info.denoised.narrow(0, i, 1) / scale));
          else
            preview = approximate_preview(info.denoised[i], r.width, r.height);
          observer->on_preview(preview, b * n + i, info.step);
        }
      };
      NoiseFn noise_fn = streams.noise_fn();
      last_step = Clock::now();
      x = run_sampler(spec.name, denoise, x, sigmas, noise_fn, on_step, r.eta);
    }
    if (hooks && hooks->final_latent) *hooks->final_latent = x.detach().to(torch::kCPU).clone();

    auto decoded = m.vae->decode(x / scale);
    if (const char* what = non_finite_kind(decoded))
      throw std::runtime_error(std::string("the VAE produced ") + what + " while decoding" +
                               (r.batch_count > 1 ? " batch " + std::to_string(b + 1) : std::string()) +
                               "; try fp32 precision or another VAE");
    for (int i = 0; i < n; ++i) {
      cv::Mat img = tensor_to_image(decoded[i]);
      if (r.is_inpaint()) {
        // Paste the generated region back at the image's own size, then blend through the blurred
        // mask: outside it the original pixels stay bit for bit.
        cv::Mat full = source.image.clone();
        cv::Mat region_img;
        cv::resize(img, region_img, source.region.size(), 0, 0, cv::INTER_LANCZOS4);
        region_img.copyTo(full(source.region));
        img = composite(source.image, full, source.blend_mask);
      }
      GeneratedImage gi;
      gi.rgb = img;
      gi.index = b * n + i;
      gi.seed = seeds[static_cast<size_t>(i)];
      gi.parameters = format_infotext(r, identity_, gi.index);
      result.images.push_back(std::move(gi));
    }
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - t_start).count();
  if (!step_times.empty()) {
    std::nth_element(step_times.begin(), step_times.begin() + static_cast<long>(step_times.size() / 2), step_times.end());
    result.seconds_per_step = step_times[step_times.size() / 2];
  }
  return result;
}

}  // namespace stipple
