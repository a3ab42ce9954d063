#include "runtime.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <fstream>
#include <thread>

#include <opencv2/core/version.hpp>
#include <torch/torch.h>
#include <torch/version.h>

#include "stipple/version.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace stipple {

namespace {

#if defined(__x86_64__) || defined(__i386__)
// XGETBV reads which register states the OS saves on context switch; a CPU flag is useless
// when the kernel does not save the matching registers.
unsigned long long read_xcr0() {
  unsigned int eax = 0, edx = 0;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return (static_cast<unsigned long long>(edx) << 32) | eax;
}
#endif

std::string read_cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      auto colon = line.find(':');
      if (colon != std::string::npos) {
        auto value = line.substr(colon + 1);
        auto first = value.find_first_not_of(" \t");
        return first == std::string::npos ? std::string() : value.substr(first);
      }
    }
  }
  return {};
}

}  // namespace

CpuFeatures detect_cpu_features() {
  CpuFeatures f;
#if defined(__x86_64__) || defined(__i386__)
  unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return f;
  const bool osxsave = (ecx >> 27) & 1u;
  const bool fma = (ecx >> 12) & 1u;
  if (!osxsave) return f;
  const unsigned long long xcr0 = read_xcr0();
  const bool os_avx = (xcr0 & 0x6) == 0x6;            // SSE + AVX state
  const bool os_avx512 = (xcr0 & 0xE6) == 0xE6;       // + opmask, ZMM_Hi256, Hi16_ZMM
  const bool os_amx = (xcr0 & 0x60000) == 0x60000;    // XTILECFG + XTILEDATA
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) {
    f.avx2 = os_avx && ((ebx >> 5) & 1u);
    f.fma = os_avx && fma;
    f.avx512f = os_avx512 && ((ebx >> 16) & 1u);
    // F (16), DQ (17), BW (30), VL (31)
    f.avx512_skx = f.avx512f && ((ebx >> 17) & 1u) && ((ebx >> 30) & 1u) && ((ebx >> 31) & 1u);
    f.amx_bf16 = os_amx && ((edx >> 22) & 1u) && ((edx >> 24) & 1u);
    const unsigned int max_subleaf = eax;
    if (max_subleaf >= 1 && __get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx)) {
      f.avx512_bf16 = f.avx512f && ((eax >> 5) & 1u);
    }
  }
#endif
  return f;
}

int available_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) return n;
  }
  const unsigned hc = std::thread::hardware_concurrency();
  return hc > 0 ? static_cast<int>(hc) : 1;
}

void configure_runtime(int threads) {
  const int n = threads > 0 ? threads : available_cpus();
  if (at::get_num_threads() != n) at::set_num_threads(n);
}

std::string blas_core_type_for(const CpuFeatures& cpu) {
  if (cpu.avx512_skx) return "SkylakeX";
  if (cpu.avx2 && cpu.fma) return "Haswell";
  return {};
}

void prepare_blas_environment(char** argv) {
  if (std::getenv("STIPPLE_NO_REEXEC") || std::getenv("OPENBLAS_CORETYPE")) return;
  const std::string core = blas_core_type_for(detect_cpu_features());
  if (core.empty()) return;
  setenv("OPENBLAS_CORETYPE", core.c_str(), 1);
  if (!std::getenv("OPENBLAS_NUM_THREADS"))
    setenv("OPENBLAS_NUM_THREADS", std::to_string(available_cpus()).c_str(), 1);
  // OpenBLAS's threads and LibTorch's OpenMP threads share the cores; OpenMP threads that spin
  // at every barrier steal the cores from BLAS calls in between (measured on 2 AVX2 cores, fp32:
  // a 128 px sampling step 0.15 -> 0.067 s, an SD 1.5 512 px step 29.9 -> 25.9 s). Read by
  // libgomp when it loads, so it goes into the re-executed environment too.
  if (!std::getenv("OMP_WAIT_POLICY")) setenv("OMP_WAIT_POLICY", "passive", 1);
  setenv("STIPPLE_NO_REEXEC", "1", 1);  // exactly one re-execution
  execv("/proc/self/exe", argv);
  // execv returned: keep running with the library's own detection.
}

double blas_self_check() {
  torch::NoGradGuard no_grad;
  auto gen = torch::arange(128 * 128, torch::kDouble).reshape({128, 128});
  const auto a = torch::sin(gen * 0.37), b = torch::cos(gen * 0.11);
  const auto ref = torch::mm(a, b);
  const auto got = torch::mm(a.to(torch::kFloat), b.to(torch::kFloat)).to(torch::kDouble);
  return ((got - ref).abs().max() / ref.abs().max()).item<double>();
}

RuntimeInfo runtime_info() {
  RuntimeInfo info;
  info.stipple_version = STIPPLE_VERSION_STRING;
  info.torch_version = TORCH_VERSION;
  info.opencv_version = CV_VERSION;
  info.cuda_available = torch::cuda::is_available();
  info.cuda_device_count = info.cuda_available ? static_cast<int>(torch::cuda::device_count()) : 0;
  info.threads = at::get_num_threads();
  info.cpu = detect_cpu_features();
  info.cpu_bf16_fast = info.cpu.amx_bf16 || info.cpu.avx512_bf16;
  info.cpu_model = read_cpu_model();
  if (const char* c = std::getenv("OPENBLAS_CORETYPE")) info.blas_core_type = c;
  if (const char* t = std::getenv("OPENBLAS_NUM_THREADS")) info.blas_threads = std::atoi(t);
  if (const char* w = std::getenv("OMP_WAIT_POLICY")) info.omp_wait_policy = w;
  return info;
}

std::string resolve_precision(const std::string& precision, bool cuda) {
  if (precision != "auto" && !precision.empty()) return precision;
  if (cuda) return "fp16";
  return runtime_info().cpu_bf16_fast ? "bf16" : "fp32";
}

std::string describe_device(const RuntimeInfo& info) {
  std::string s;
  if (info.cuda_available) {
    s = "CUDA (" + std::to_string(info.cuda_device_count) +
        (info.cuda_device_count == 1 ? " device)" : " devices)");
    s += ", CPU " + std::to_string(info.threads) + " threads";
    return s;
  }
  s = "CPU, " + std::to_string(info.threads) + (info.threads == 1 ? " thread" : " threads");
  if (info.cpu.amx_bf16)
    s += ", bf16 (AMX)";
  else if (info.cpu.avx512_bf16)
    s += ", bf16 (AVX512-BF16)";
  else
    s += ", fp32 (no fast bf16)";
  return s;
}

std::vector<std::filesystem::path> data_dirs() {
  namespace fs = std::filesystem;
  std::vector<fs::path> dirs;
  auto add = [&dirs](const fs::path& p) {
    if (!p.empty() && std::find(dirs.begin(), dirs.end(), p) == dirs.end()) dirs.push_back(p);
  };
  if (const char* env = std::getenv("STIPPLE_DATA_DIR"); env && *env) add(env);
  if (const char* home = std::getenv("HOME"); home && *home) add(fs::path(home) / ".local" / "share" / "stipple");
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && exe.has_parent_path()) add((exe.parent_path().parent_path() / "share" / "stipple").lexically_normal());
#ifdef STIPPLE_DATA_DIR
  add(STIPPLE_DATA_DIR);
#endif
  return dirs;
}

}  // namespace stipple
