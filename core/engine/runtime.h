#pragma once
// What the engine runs on: library versions, compute device, threads and CPU features.
// Torch-free on purpose: the CLI and the GUI include it without paying for torch headers.
#include <string>

namespace stipple {

struct CpuFeatures {
  bool avx2 = false;
  bool avx512f = false;
  bool avx512_bf16 = false;  // bf16 dot products (Zen 4, Cooper Lake, Sapphire Rapids)
  bool amx_bf16 = false;     // AMX tiles (Sapphire Rapids and later): oneDNN's fastest bf16 path
};

struct RuntimeInfo {
  std::string stipple_version;
  std::string torch_version;
  std::string opencv_version;
  bool cuda_available = false;
  int cuda_device_count = 0;
  int threads = 1;           // LibTorch intra-op threads
  CpuFeatures cpu;
  bool cpu_bf16_fast = false;  // bf16 runs faster than fp32 on this CPU
  std::string cpu_model;
};

// Detects instruction-set support with CPUID and checks that the OS saves the AVX-512 state.
CpuFeatures detect_cpu_features();

// Number of CPUs this process may run on (affinity mask, not the machine's total).
int available_cpus();

// Sets LibTorch's intra-op thread count (LibTorch starts with 1 on some builds).
// threads <= 0 means all available CPUs. Call once at start-up, before any model work.
void configure_runtime(int threads = 0);

RuntimeInfo runtime_info();

// "CUDA (1 device)" or "CPU, 2 threads, bf16 (AVX512-BF16)": one line for status bars and --version.
std::string describe_device(const RuntimeInfo& info);

}  // namespace stipple
