#pragma once
// stipple-cli bench: where the time of a generation goes, measured on a real or a randomly
// initialised full-size model. Torch-free interface.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace stipple {

struct BenchOptions {
  std::optional<std::filesystem::path> model;  // a checkpoint; else `arch` with random weights
  std::string arch = "sd15";
  int width = 512, height = 512;
  int steps = 3;     // timed sampling steps per repeat
  int batch = 1;     // images per step (the UNet sees 2x with CFG)
  double cfg = 7.0;
  std::string precision = "auto";
  std::string vae_precision = "auto";  // auto: what generation uses with `precision`
  std::string device = "auto";
  int threads = 0;   // 0: all available CPUs
  int repeat = 3;
  bool vae = true;   // time VAE decode/encode and the full preview
  bool profile = false;  // after timing, one more UNet step and VAE decode op by op
};

struct BenchStat {
  double median = 0, min = 0, max = 0;
  int samples = 0;
};

struct BenchReport {
  std::string model, device, precision, vae_precision;
  int threads = 0, width = 0, height = 0, batch = 0;
  double load_seconds = 0;
  BenchStat text_encode, step, vae_decode, vae_encode, preview_approx, preview_full;
  double unet_tflop_per_step = 0, conv_tflop = 0, linear_tflop = 0, attention_tflop = 0;
  double achieved_gflops = 0;  // UNet FLOPs per step / median step time
  // What this device does on the UNet's commonest convolution (320 channels, 3x3, 64x64,
  // batch 2) in the UNet's dtype: the reference for achieved_gflops.
  double conv_reference_gflops = 0;
  int64_t peak_rss_bytes = 0;
  std::string step_profile, decode_profile;  // op tables when BenchOptions::profile
};

// Runs the benchmark; `log` receives one line per phase as it finishes.
BenchReport run_bench(const BenchOptions& options, const std::function<void(const std::string&)>& log = {});
std::string bench_report_text(const BenchReport& report);
std::string bench_report_json(const BenchReport& report);

}  // namespace stipple
