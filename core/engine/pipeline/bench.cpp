#include "pipeline/bench.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "nn/flops.h"
#include "pipeline/model_tools.h"
#include "pipeline/op_profile.h"
#include "pipeline/preview.h"
#include "pipeline/sd_model.h"
#include "runtime.h"
#include "sampling/denoiser.h"
#include "sampling/noise.h"
#include "sampling/schedule.h"

namespace stipple {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

BenchStat stat_of(std::vector<double> v) {
  BenchStat s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.samples = static_cast<int>(v.size());
  s.min = v.front();
  s.max = v.back();
  s.median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  return s;
}

// Times fn() `n` times, synchronising CUDA so GPU work is counted.
std::vector<double> time_n(int n, const std::function<void()>& fn) {
  std::vector<double> out;
  for (int i = 0; i < n; ++i) {
    const auto t = Clock::now();
    fn();
    if (torch::cuda::is_available()) torch::cuda::synchronize();
    out.push_back(seconds_since(t));
  }
  return out;
}

// One run of fn() observed op by op, as a table.
std::string profile_of(const torch::Device& device, const std::function<void()>& fn) {
  OpProfiler profiler;
  profiler.start();
  fn();
  if (device.is_cuda()) torch::cuda::synchronize();
  profiler.stop();
  return op_profile_text(profiler);
}

int64_t peak_rss() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<int64_t>(u.ru_maxrss) * 1024;
}

torch::ScalarType dtype_for(const std::string& precision, const torch::Device& device) {
  if (precision == "fp32") return torch::kFloat;
  if (precision == "bf16") return torch::kBFloat16;
  if (precision == "fp16") return torch::kHalf;
  if (device.is_cuda()) return torch::kHalf;
  return runtime_info().cpu_bf16_fast ? torch::kBFloat16 : torch::kFloat;
}

}  // namespace

BenchReport run_bench(const BenchOptions& o, const std::function<void(const std::string&)>& log) {
  auto say = [&](const std::string& s) {
    if (log) log(s);
  };
  configure_runtime(o.threads);
  const torch::Device device =
      (o.device == "cuda" || (o.device == "auto" && torch::cuda::is_available())) ? torch::Device(torch::kCUDA, 0)
                                                                                  : torch::Device(torch::kCPU);
  BenchReport r;
  r.threads = runtime_info().threads;
  r.width = o.width;
  r.height = o.height;
  r.batch = o.batch;
  r.device = device.str();
  const auto dtype = dtype_for(o.precision, device);
  r.precision = precision_name(dtype);
  const auto vae_dtype = o.vae_precision == "auto" ? vae_dtype_for(dtype, device) : dtype_for(o.vae_precision, device);
  r.vae_precision = precision_name(vae_dtype);

  torch::InferenceMode inference;
  auto t0 = Clock::now();
  std::shared_ptr<StableDiffusionModel> model;
  ModelLoadOptions lo;
  lo.device = device;
  lo.dtype = dtype;
  lo.vae_dtype = vae_dtype;
  if (o.model) {
    model = load_stable_diffusion(*o.model, lo);
    r.model = o.model->string();
  } else {
    model = make_random_stable_diffusion(architecture_config(o.arch), 0, lo);
    r.model = o.arch + " (random weights)";
  }
  r.load_seconds = seconds_since(t0);
  say("load " + std::to_string(r.load_seconds) + " s");

  const auto& cfg = model->config;
  const int f = cfg.vae.downsample_factor();
  const int h = o.height / f, w = o.width / f;
  const auto ids = torch::full({1, cfg.text.context_length}, cfg.text.pad_id, torch::kLong);
  r.text_encode = stat_of(time_n(o.repeat, [&] { model->encode_text(ids); }));
  say("text encode " + std::to_string(r.text_encode.median) + " s");

  const auto cond = model->encode_text(ids).to(device).expand({o.batch, -1, -1});
  Guidance g{cond, cond, o.cfg, 0.0, {}};
  auto unet = model->unet;
  auto denoise = make_denoiser(guided_network([unet](const torch::Tensor& x, const torch::Tensor& t,
                                                     const torch::Tensor& c) mutable { return unet->forward(x, t, c); },
                                              g),
                               DiscreteSchedule(model->alphas_cumprod), cfg.prediction);
  const auto sigmas = DiscreteSchedule(model->alphas_cumprod).step_sigmas(SigmaSchedule::Karras, std::max(o.steps, 2));
  auto x = gaussian_noise({o.batch, cfg.unet.out_channels, h, w}, 0).to(device) * sigmas[0];
  std::vector<double> steps;
  torch::Tensor denoised;
  denoise(x, sigmas[0]);  // warm-up: first-call allocations and oneDNN primitive creation
  for (int rep = 0; rep < o.repeat; ++rep) {
    for (int i = 0; i < o.steps; ++i) {
      const auto t = Clock::now();
      denoised = denoise(x, sigmas[static_cast<size_t>(i)]);
      if (device.is_cuda()) torch::cuda::synchronize();
      steps.push_back(seconds_since(t));
    }
  }
  r.step = stat_of(steps);
  say("step " + std::to_string(r.step.median) + " s");
  if (o.profile) r.step_profile = profile_of(device, [&] { denoise(x, sigmas[0]); });

  const auto flops = count_unet_flops(cfg.unet, 2 * o.batch, h, w, static_cast<int>(cond.size(1)));
  r.unet_tflop_per_step = flops.total() / 1e12;
  r.conv_tflop = flops.conv / 1e12;
  r.linear_tflop = flops.linear / 1e12;
  r.attention_tflop = flops.attention / 1e12;
  r.achieved_gflops = r.step.median > 0 ? flops.total() / r.step.median / 1e9 : 0;
  {
    const auto opts = torch::TensorOptions().device(device).dtype(dtype);
    const auto in = torch::randn({2, 320, 64, 64}, opts), weight = torch::randn({320, 320, 3, 3}, opts) * 0.02;
    const auto conv = [&] { (void)torch::conv2d(in, weight, {}, 1, 1); };
    conv();  // warm-up
    const double t = stat_of(time_n(5, conv)).median;
    r.conv_reference_gflops = t > 0 ? 2.0 * 2 * 320 * 320 * 9 * 64 * 64 / t / 1e9 : 0;
  }

  r.preview_approx = stat_of(time_n(std::max(o.repeat, 5), [&] { approximate_preview(denoised[0], o.width, o.height); }));
  if (o.vae) {
    const auto z = denoised.narrow(0, 0, 1) / cfg.vae.scale_factor;
    model->vae->decode(z);  // warm-up
    r.vae_decode = stat_of(time_n(o.repeat, [&] { model->vae->decode(z); }));
    say("vae decode " + std::to_string(r.vae_decode.median) + " s");
    const auto image = torch::rand({1, 3, o.height, o.width}).to(device) * 2 - 1;
    r.vae_encode = stat_of(time_n(o.repeat, [&] { model->vae->encode(image); }));
    say("vae encode " + std::to_string(r.vae_encode.median) + " s");
    r.preview_full = r.vae_decode;  // a full preview is one VAE decode of the step's prediction
    if (o.profile) r.decode_profile = profile_of(device, [&] { model->vae->decode(z); });
  }
  r.peak_rss_bytes = peak_rss();
  return r;
}

std::string bench_report_text(const BenchReport& r) {
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(3);
  auto row = [&](const char* name, const BenchStat& s) {
    if (s.samples == 0) return;
    os << "  " << name << ": " << s.median << " s (min " << s.min << ", max " << s.max << ", n=" << s.samples << ")\n";
  };
  os << "model " << r.model << " on " << r.device << ", " << r.precision << " (VAE " << r.vae_precision << "), "
     << r.threads << " threads, "
     << r.width << "x" << r.height << ", batch " << r.batch << "\n";
  os << "  load: " << r.load_seconds << " s\n";
  row("text encode", r.text_encode);
  row("sampling step (CFG)", r.step);
  row("VAE decode", r.vae_decode);
  row("VAE encode", r.vae_encode);
  row("preview approximate", r.preview_approx);
  row("preview full (VAE)", r.preview_full);
  if (r.step.median > 0)
    os << "  preview overhead per step: approximate " << 100 * r.preview_approx.median / r.step.median << "%";
  if (r.step.median > 0 && r.preview_full.samples)
    os << ", full " << 100 * r.preview_full.median / r.step.median << "%";
  os << "\n  UNet step: " << r.unet_tflop_per_step << " TFLOP (conv " << r.conv_tflop << ", linear " << r.linear_tflop
     << ", attention " << r.attention_tflop << "), " << r.achieved_gflops << " GFLOP/s achieved\n";
  if (r.conv_reference_gflops > 0)
    os << "  reference convolution (320 ch, 3x3, 64x64, batch 2): " << r.conv_reference_gflops
       << " GFLOP/s; the UNet step reaches " << 100 * r.achieved_gflops / r.conv_reference_gflops << "% of it\n";
  os << "  peak RSS: " << r.peak_rss_bytes / 1e9 << " GB\n";
  if (!r.step_profile.empty()) os << "  profile of one sampling step (CPU time on the calling thread):\n" << r.step_profile;
  if (!r.decode_profile.empty()) os << "  profile of one VAE decode:\n" << r.decode_profile;
  return os.str();
}

std::string bench_report_json(const BenchReport& r) {
  auto stat = [](const BenchStat& s) {
    return nlohmann::json{{"median", s.median}, {"min", s.min}, {"max", s.max}, {"samples", s.samples}};
  };
  nlohmann::json j = {{"model", r.model},
                      {"device", r.device},
                      {"precision", r.precision},
                      {"vae_precision", r.vae_precision},
                      {"threads", r.threads},
                      {"width", r.width},
                      {"height", r.height},
                      {"batch", r.batch},
                      {"load_seconds", r.load_seconds},
                      {"text_encode", stat(r.text_encode)},
                      {"step", stat(r.step)},
                      {"vae_decode", stat(r.vae_decode)},
                      {"vae_encode", stat(r.vae_encode)},
                      {"preview_approx", stat(r.preview_approx)},
                      {"preview_full", stat(r.preview_full)},
                      {"unet_tflop_per_step", r.unet_tflop_per_step},
                      {"flops", {{"conv", r.conv_tflop}, {"linear", r.linear_tflop}, {"attention", r.attention_tflop}}},
                      {"achieved_gflops", r.achieved_gflops},
                      {"conv_reference_gflops", r.conv_reference_gflops},
                      {"peak_rss_bytes", r.peak_rss_bytes}};
  if (!r.step_profile.empty()) j["step_profile"] = r.step_profile;
  if (!r.decode_profile.empty()) j["decode_profile"] = r.decode_profile;
  return j.dump(2);
}

}  // namespace stipple
