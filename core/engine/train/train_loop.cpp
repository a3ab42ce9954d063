#include "train/train_loop.h"

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "runtime.h"

namespace stipple::train {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// LibTorch 2.4 replaced the per-device autocast switches by ones that take the device type; the old
// names are deprecated there and may go. Both spellings do the same thing.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
static bool autocast_enabled(at::DeviceType d) { return at::autocast::is_autocast_enabled(d); }
static void set_autocast(at::DeviceType d, bool on) { at::autocast::set_autocast_enabled(d, on); }
static void set_autocast_bf16(at::DeviceType d) { at::autocast::set_autocast_dtype(d, at::kBFloat16); }
#else
static bool autocast_enabled(at::DeviceType d) {
  return d == at::kCPU ? at::autocast::is_cpu_enabled() : at::autocast::is_enabled();
}
static void set_autocast(at::DeviceType d, bool on) {
  if (d == at::kCPU)
    at::autocast::set_cpu_enabled(on);
  else
    at::autocast::set_enabled(on);
}
static void set_autocast_bf16(at::DeviceType d) {
  if (d == at::kCPU)
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
  else
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
}
#endif

AutocastScope::AutocastScope(bool enabled, const torch::Device& device) {
  if (!enabled) return;
  cpu_ = device.is_cpu();
  const at::DeviceType type = cpu_ ? at::kCPU : at::kCUDA;
  previous_ = autocast_enabled(type);
  set_autocast(type, true);
  set_autocast_bf16(type);
  at::autocast::increment_nesting();
  active_ = true;
}

AutocastScope::~AutocastScope() {
  if (!active_) return;
  if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
  set_autocast(cpu_ ? at::kCPU : at::kCUDA, previous_);
}

Ema::Ema(const std::vector<std::pair<std::string, torch::Tensor>>& params, double decay) : decay_(decay), params_(params) {
  if (decay_ <= 0) return;
  torch::NoGradGuard no_grad;
  for (const auto& [name, p] : params_) shadow_.push_back(p.detach().to(torch::kFloat).clone());
}

void Ema::update(int64_t step) {
  if (decay_ <= 0) return;
  const double d = std::min(decay_, (1.0 + static_cast<double>(step)) / (10.0 + static_cast<double>(step)));
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < params_.size(); ++i) shadow_[i].mul_(d).add_(params_[i].second.detach().to(torch::kFloat), 1 - d);
}

void Ema::copy_to(const std::vector<std::pair<std::string, torch::Tensor>>& params) const {
  if (decay_ <= 0) throw std::logic_error("Ema::copy_to without an EMA");
  torch::NoGradGuard no_grad;
  for (const auto& [name, p] : params) {
    size_t i = 0;
    while (i < params_.size() && params_[i].first != name) ++i;
    if (i == params_.size()) throw std::runtime_error("EMA has no parameter '" + name + "'");
    p.copy_(shadow_[i].to(p.device(), p.scalar_type()));
  }
}

void Ema::save(torch::serialize::OutputArchive& archive) const {
  torch::serialize::OutputArchive a;
  for (size_t i = 0; i < shadow_.size(); ++i) a.write(params_[i].first, shadow_[i]);
  archive.write("ema", a);
}

void Ema::load(torch::serialize::InputArchive& archive) {
  if (decay_ <= 0) return;
  torch::serialize::InputArchive a;
  if (!archive.try_read("ema", a)) throw std::runtime_error("checkpoint has no EMA weights");
  for (size_t i = 0; i < shadow_.size(); ++i) {
    torch::Tensor t;
    a.read(params_[i].first, t);
    if (!t.sizes().equals(shadow_[i].sizes()))
      throw std::runtime_error("EMA '" + params_[i].first + "': checkpoint shape " + c10::str(t.sizes()) +
                               ", model shape " + c10::str(shadow_[i].sizes()));
    torch::NoGradGuard no_grad;
    shadow_[i].copy_(t);
  }
}

std::vector<std::pair<std::string, torch::Tensor>> named_params(
    const std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>>& modules) {
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (const auto& [prefix, m] : modules)
    for (const auto& p : m->named_parameters()) out.emplace_back(prefix + "." + p.key(), p.value());
  return out;
}

double lr_at(const StageRecipe& r, int64_t step) {
  if (r.warmup > 0 && step < r.warmup) return r.lr * static_cast<double>(step + 1) / static_cast<double>(r.warmup);
  const double span = std::max<double>(1.0, static_cast<double>(r.steps - r.warmup));
  const double progress = std::clamp(static_cast<double>(step - r.warmup) / span, 0.0, 1.0);
  const double cosine = 0.5 * (1.0 + std::cos(3.14159265358979323846 * progress));
  return r.lr * (r.min_lr_ratio + (1.0 - r.min_lr_ratio) * cosine);
}

double lr_after_resume(const StageRecipe& r, int64_t step, int64_t resumed_at, bool optimizer_restored) {
  const double lr = lr_at(r, step);
  if (optimizer_restored || r.warmup <= 0) return lr;
  return lr * std::min(1.0, static_cast<double>(step - resumed_at + 1) / static_cast<double>(r.warmup));
}

std::unique_ptr<torch::optim::AdamW> make_adamw(const std::vector<torch::Tensor>& params, const StageRecipe& r) {
  std::vector<torch::Tensor> decay, no_decay;
  for (const auto& p : params) (p.dim() >= 2 ? decay : no_decay).push_back(p);
  auto options = [&](double wd) {
    return std::make_unique<torch::optim::AdamWOptions>(
        torch::optim::AdamWOptions(r.lr).betas({0.9, 0.999}).eps(1e-8).weight_decay(wd));
  };
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(decay, options(r.weight_decay));
  groups.emplace_back(no_decay, options(0.0));
  return std::make_unique<torch::optim::AdamW>(groups, torch::optim::AdamWOptions(r.lr));
}

void set_lr(torch::optim::Optimizer& optimizer, double lr) {
  for (auto& g : optimizer.param_groups()) static_cast<torch::optim::AdamWOptions&>(g.options()).lr(lr);
}

void save_checkpoint(const fs::path& path, const CheckpointState& state,
                     const std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>>& modules,
                     const Ema* ema, torch::optim::Optimizer* optimizer) {
  torch::serialize::OutputArchive archive;
  archive.write("step", c10::IValue(state.step));
  archive.write("total", c10::IValue(state.total));
  archive.write("seconds", c10::IValue(state.seconds));
  archive.write("loss_avg", c10::IValue(state.loss_avg));
  archive.write("bf16", c10::IValue(state.bf16));
  for (const auto& [name, m] : modules) {
    torch::serialize::OutputArchive a;
    m->save(a);
    archive.write("module." + name, a);
  }
  if (ema && ema->enabled()) ema->save(archive);
  if (optimizer) {
    torch::serialize::OutputArchive a;
    optimizer->save(a);
    archive.write("optimizer", a);
  }
  // Atomic replace: a run killed while saving leaves the previous checkpoint intact.
  const fs::path tmp = path.string() + ".tmp";
  archive.save_to(tmp.string());
  const int fd = ::open(tmp.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  fs::rename(tmp, path);
}

namespace {

int64_t read_int(torch::serialize::InputArchive& a, const char* key) {
  c10::IValue v;
  a.read(key, v);
  return v.toInt();
}

double read_double(torch::serialize::InputArchive& a, const char* key) {
  c10::IValue v;
  a.read(key, v);
  return v.toDouble();
}

CheckpointState read_counters(torch::serialize::InputArchive& a) {
  CheckpointState s;
  s.step = read_int(a, "step");
  s.total = read_int(a, "total");
  s.seconds = read_double(a, "seconds");
  s.loss_avg = read_double(a, "loss_avg");
  c10::IValue bf16;
  if (a.try_read("bf16", bf16)) s.bf16 = bf16.toBool();
  return s;
}

}  // namespace

CheckpointState load_checkpoint(const fs::path& path,
                                const std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>>& modules,
                                Ema* ema, torch::optim::Optimizer* optimizer) {
  if (!fs::is_regular_file(path)) throw std::runtime_error(path.string() + ": no checkpoint");
  torch::Device device = torch::kCPU;
  for (const auto& [name, m] : modules)
    if (!m->parameters().empty()) device = m->parameters().front().device();
  torch::serialize::InputArchive archive;
  try {
    archive.load_from(path.string(), device);
  } catch (const c10::Error& e) {
    throw std::runtime_error(path.string() + ": unreadable checkpoint: " + e.what_without_backtrace());
  }
  CheckpointState s = read_counters(archive);
  for (const auto& [name, m] : modules) {
    torch::serialize::InputArchive a;
    if (!archive.try_read("module." + name, a)) throw std::runtime_error(path.string() + ": no module '" + name + "'");
    try {
      m->load(a);
    } catch (const c10::Error& e) {
      throw std::runtime_error(path.string() + ": module '" + name +
                               "' does not match this architecture: " + e.what_without_backtrace());
    }
  }
  if (ema) ema->load(archive);
  if (optimizer) {
    torch::serialize::InputArchive a;
    if (archive.try_read("optimizer", a))
      optimizer->load(a);
    else
      s.optimizer_restored = false;
  }
  return s;
}

CheckpointState peek_checkpoint(const fs::path& path) {
  torch::serialize::InputArchive archive;
  archive.load_from(path.string());
  return read_counters(archive);
}

bool bf16_fast(const RunContext& ctx) { return ctx.device.is_cuda() || runtime_info().cpu_bf16_fast; }

bool pick_bf16(RunContext& ctx, const std::string& what, const std::function<void(bool)>& work) {
  if (ctx.precision == "bf16") return true;
  if (ctx.precision == "fp32") return false;
  if (ctx.device.is_cuda()) return true;
  if (!runtime_info().cpu_bf16_fast) return false;
  double seconds[2] = {0, 0};
  const auto wall0 = Clock::now();
  const double cpu0 = process_cpu_seconds();
  for (const bool bf16 : {false, true}) {
    work(bf16);  // warm-up: oneDNN picks and caches its kernels on the first call
    seconds[bf16] = 1e30;
    for (int i = 0; i < 3; ++i) {  // the fastest of three: other processes only ever add time
      const auto t0 = Clock::now();
      work(bf16);
      seconds[bf16] = std::min(seconds[bf16], std::chrono::duration<double>(Clock::now() - t0).count());
    }
  }
  const bool bf16 = seconds[1] < seconds[0];
  // Cores this process really got while timing: other work on the machine skews the comparison.
  const double cores = (process_cpu_seconds() - cpu0) /
                       std::max(1e-9, std::chrono::duration<double>(Clock::now() - wall0).count());
  char line[320];
  std::snprintf(line, sizeof line, "%s: fp32 %.2f s, bf16 %.2f s per step: using %s%s", what.c_str(), seconds[0],
                seconds[1], precision_name(bf16),
                cores < 0.75 * at::get_num_threads()
                    ? " (the machine is busy, so this timing may mislead; --precision bf16|fp32 overrides it)"
                    : "");
  ctx.message(line);
  return bf16;
}

void begin_stage_run(RunContext& ctx, const std::string& stage, CheckpointState& st, double object_masks,
                     const std::function<void(bool)>& probe) {
  if (st.step >= st.total) return;
  const bool before = st.bf16;
  if (st.step > 0 && ctx.precision == "auto" && st.bf16 == bf16_fast(ctx))
    ctx.bf16 = st.bf16;
  else
    ctx.bf16 = pick_bf16(ctx, stage, probe);
  st.bf16 = ctx.bf16;
  // The runs since the last import that were recorded without their precision ran in the
  // checkpoint's (a resumed stage kept it), so they are given it now that it may change.
  const ImportRecord imports = read_imports(ctx);
  const auto at = imports.stages.find(stage);
  record_schedule_run(ctx.out / ("schedule-" + stage + ".csv"), st.step, st.total, object_masks,
                      precision_name(ctx.bf16), st.step > 0 ? precision_name(before) : "",
                      at != imports.stages.end() && !at->second.empty() ? at->second.back() : 0);
}

bool RunContext::out_of_time() const {
  if (options.minutes <= 0) return false;
  return std::chrono::duration<double>(Clock::now() - started).count() > options.minutes * 60.0;
}

StepClock::StepClock(const RunContext& ctx, std::string stage, int64_t total)
    : ctx_(ctx),
      stage_(std::move(stage)),
      total_(total),
      start_(Clock::now()),
      last_(start_),
      last_checkpoint_(start_),
      last_cpu_(process_cpu_seconds()) {}

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

void StepClock::step_done(int64_t step, double loss_avg, double lr) {
  const auto now = Clock::now();
  times_.push_back(std::chrono::duration<double>(now - last_).count());
  last_ = now;
  const double cpu = process_cpu_seconds();
  cpu_times_.push_back(cpu - last_cpu_);
  last_cpu_ = cpu;
  if (!ctx_.callbacks.on_progress) return;
  TrainProgress p;
  p.stage = stage_;
  p.phase = "train";
  p.step = step;
  p.total = total_;
  p.loss = loss_avg;
  p.lr = lr;
  // Recent steps predict the rest better than the whole run (the machine's load changes).
  const size_t window = std::min<size_t>(times_.size(), 50);
  std::vector<double> recent(times_.end() - static_cast<long>(window), times_.end());
  std::nth_element(recent.begin(), recent.begin() + static_cast<long>(recent.size() / 2), recent.end());
  p.seconds_per_step = recent[recent.size() / 2];
  p.eta_seconds = p.seconds_per_step * static_cast<double>(std::max<int64_t>(0, total_ - step));
  ctx_.callbacks.on_progress(p);
}

bool StepClock::checkpoint_due() const {
  return std::chrono::duration<double>(Clock::now() - last_checkpoint_).count() > ctx_.options.checkpoint_minutes * 60.0;
}

double StepClock::seconds_per_step() const {
  if (times_.empty()) return 0;
  auto t = times_;
  std::nth_element(t.begin(), t.begin() + static_cast<long>(t.size() / 2), t.end());
  return t[t.size() / 2];
}

double StepClock::cpu_seconds_per_step() const {
  if (cpu_times_.empty()) return 0;
  auto t = cpu_times_;
  std::nth_element(t.begin(), t.begin() + static_cast<long>(t.size() / 2), t.end());
  return t[t.size() / 2];
}

double StepClock::run_seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

torch::Tensor images_to_batch(const std::vector<cv::Mat>& rgb) {
  std::vector<torch::Tensor> items;
  for (const auto& m : rgb) {
    CV_Assert(m.type() == CV_8UC3 && m.isContinuous());
    items.push_back(torch::from_blob(const_cast<uchar*>(m.data), {m.rows, m.cols, 3}, torch::kUInt8).clone());
  }
  return torch::stack(items).permute({0, 3, 1, 2}).to(torch::kFloat).div_(127.5).sub_(1.0).contiguous();
}

fs::path checkpoint_path(const RunContext& ctx, const std::string& stage) { return ctx.out / (stage + ".ckpt"); }
fs::path vae_weights_path(const RunContext& ctx) { return ctx.out / "vae-final.safetensors"; }
fs::path decoder_weights_path(const RunContext& ctx) { return ctx.out / "vae-decoder.safetensors"; }
fs::path finished_vae_path(const RunContext& ctx) {
  return fs::exists(decoder_weights_path(ctx)) ? decoder_weights_path(ctx) : vae_weights_path(ctx);
}
fs::path inpaint_base_record_path(const RunContext& ctx) { return ctx.out / "inpaint-base.json"; }
fs::path inpaint_base_loss_path(const RunContext& ctx) { return ctx.out / "inpaint-base-loss-unet.png"; }

}  // namespace stipple::train
