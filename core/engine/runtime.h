#pragma once
// What the engine runs on: library versions, compute device, threads and CPU features.
// Torch-free on purpose: the CLI and the GUI include it without paying for torch headers.
#include <filesystem>
#include <string>
#include <vector>

namespace stipple {

struct CpuFeatures {
  bool avx2 = false;
  bool fma = false;
  bool avx512_skx = false;   // AVX-512 F, BW, DQ, VL: what OpenBLAS's SkylakeX kernels need
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
  std::string blas_core_type;  // OPENBLAS_CORETYPE in effect ("" if unset)
  int blas_threads = 0;        // OPENBLAS_NUM_THREADS in effect (0 if unset)
  std::string omp_wait_policy;  // OMP_WAIT_POLICY in effect ("" if unset: libgomp spins a while)
};

// Detects instruction-set support with CPUID and checks that the OS saves the AVX-512 state.
CpuFeatures detect_cpu_features();

// Number of CPUs this process may run on (affinity mask, not the machine's total).
int available_cpus();

// OpenBLAS 0.3.21 (Debian 12) mis-detects recent CPUs as old cores and runs fp32 matmuls
// several times slower; it reads OPENBLAS_CORETYPE and OPENBLAS_NUM_THREADS only when the
// library loads, before main(). So: when neither is set, pick the kernel family the CPU
// really supports (SkylakeX for AVX-512, Haswell for AVX2+FMA), set the thread count to the
// available CPUs, OpenMP's threads to sleep rather than spin while they wait (OMP_WAIT_POLICY
// passive, unless set), and re-execute the program once with that environment. Call first thing
// in main(); a no-op when the variables are already set or STIPPLE_NO_REEXEC is set.
void prepare_blas_environment(char** argv);

// The BLAS kernel family chosen for this CPU ("SkylakeX", "Haswell"), or "" to leave
// OpenBLAS's own detection alone.
std::string blas_core_type_for(const CpuFeatures& cpu);

// Checks the fp32 matmul LibTorch runs (through the BLAS) against a double-precision
// reference on a 128x128 product; returns the max relative error (about 1e-6 when right).
double blas_self_check();

// Sets LibTorch's intra-op thread count (LibTorch starts with 1 on some builds).
// threads <= 0 means all available CPUs. Call once at start-up, before any model work.
void configure_runtime(int threads = 0);

RuntimeInfo runtime_info();

// What a precision setting means on this machine: "auto" (or empty) is fp16 on CUDA, bf16 on a
// CPU with fast bf16 (AVX512-BF16 or AMX), else fp32; any other name is returned unchanged.
std::string resolve_precision(const std::string& precision, bool cuda);

// "CUDA (1 device)" or "CPU, 2 threads, bf16 (AVX512-BF16)": one line for status bars and --version.
std::string describe_device(const RuntimeInfo& info);

// Folders that may hold Stipple's data (models/, tokenizers/), in search order: $STIPPLE_DATA_DIR,
// ~/.local/share/stipple, share/stipple beside the running program's bin/ (a packaged or moved
// install finds its own data), then the data folder the build was configured for.
std::vector<std::filesystem::path> data_dirs();

}  // namespace stipple
