// eval --component sampler: one sampler run from recorded inputs, for parity checks that must
// not depend on the tokenizer or the random generator.
#include <cmath>
#include <stdexcept>

#include "io/tensor_io.h"
#include "pipeline/model_tools.h"
#include "pipeline/sd_model.h"
#include "sampling/denoiser.h"
#include "sampling/samplers.h"
#include "sampling/schedule.h"

namespace stipple {

void eval_sampler(const ModelSource& source, const SamplerEvalOptions& o, const std::filesystem::path& inputs,
                  const std::filesystem::path& out) {
  const SamplerSpec& spec = sampler_spec(o.sampler);
  const auto schedule_kind = sigma_schedule_from_string(o.schedule);
  ModelLoadOptions lo;
  lo.config = source.config;
  lo.prediction = source.prediction;
  lo.vae = false;
  lo.text = false;
  auto model = load_stable_diffusion(source.model, lo);
  const auto in = load_tensors(inputs);
  auto need = [&](const char* name) {
    auto it = in.find(name);
    if (it == in.end())
      throw std::invalid_argument(inputs.string() + ": the sampler component needs a tensor named '" + name + "'");
    return it->second.to(torch::kFloat);
  };
  torch::InferenceMode guard;
  const auto noise = need("noise"), cond = need("cond"), uncond = need("uncond");
  if (noise.dim() != 4 || cond.dim() != 3 || uncond.sizes() != cond.sizes() || cond.size(0) != noise.size(0))
    throw std::invalid_argument(inputs.string() + ": expected noise [B,4,h,w] and cond/uncond [B,L,C] with the same B, got " +
                                c10::str(noise.sizes()) + ", " + c10::str(cond.sizes()) + ", " + c10::str(uncond.sizes()));
  Guidance g{cond, uncond, o.cfg, 0.0, {}};
  if (in.count("c_concat")) g.c_concat = need("c_concat");
  auto unet = model->unet;
  const DiscreteSchedule schedule(model->alphas_cumprod);
  auto denoise = make_denoiser(guided_network([unet](const torch::Tensor& x, const torch::Tensor& t,
                                                     const torch::Tensor& c) mutable { return unet->forward(x, t, c); },
                                              g),
                               schedule, model->config.prediction);
  const auto sigmas = spec.ddim_walk ? schedule.ddim_sigmas(o.steps) : schedule.step_sigmas(schedule_kind, o.steps);
  NoiseFn noise_fn;
  torch::Tensor recorded;
  int64_t used = 0;
  if (in.count("ancestral_noise")) {
    recorded = need("ancestral_noise");
    noise_fn = [&](const torch::Tensor& like, double, double) {
      if (used >= recorded.size(0))
        throw std::invalid_argument(inputs.string() + ": 'ancestral_noise' has " + std::to_string(recorded.size(0)) +
                                    " entries, the sampler needs more");
      auto n = recorded[used++];
      if (n.sizes() != like.sizes())
        throw std::invalid_argument("'ancestral_noise' entries must be " + c10::str(like.sizes()));
      return n;
    };
  } else if (spec.stochastic) {
    throw std::invalid_argument(inputs.string() + ": sampler '" + spec.name + "' needs 'ancestral_noise' [K,B,4,h,w]");
  }
  auto x = spec.ddim_walk ? noise * std::sqrt(1 + sigmas[0] * sigmas[0]) : noise * sigmas[0];
  auto latent = run_sampler(spec.name, denoise, x, sigmas, noise_fn, {});
  save_tensors(out, {{"latent", latent.contiguous()}}, {{"sampler", spec.name}, {"schedule", o.schedule}});
}

}  // namespace stipple
