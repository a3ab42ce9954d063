#include "jobs/engineinfo.h"

#include <QCoreApplication>
#include <QtGlobal>

#include "runtime.h"

namespace stipple::jobs {

void initializeRuntime(int threads) { stipple::configure_runtime(threads); }

// English has no catalogue to pick plural forms from: one of a thing gets a string of its own.
QString cpuThreads(int n) {
  return n == 1 ? QCoreApplication::translate("EngineInfo", "CPU, 1 thread")
                : QCoreApplication::translate("EngineInfo", "CPU, %n threads", nullptr, n);
}

namespace {

// describe_device() in the user's language: what runs the models, with how many threads.
QString deviceLine(const stipple::RuntimeInfo& info) {
  if (info.cuda_available)
    return (info.cuda_device_count == 1 ? QCoreApplication::translate("EngineInfo", "CUDA (1 device)") : QCoreApplication::translate("EngineInfo", "CUDA (%n devices)", nullptr, info.cuda_device_count)) +
           QStringLiteral(", ") + cpuThreads(info.threads);
  QString s = cpuThreads(info.threads);
  if (info.cpu.amx_bf16)
    s += QStringLiteral(", bf16 (AMX)");
  else if (info.cpu.avx512_bf16)
    s += QStringLiteral(", bf16 (AVX512-BF16)");
  else
    s += QStringLiteral(", ") + QCoreApplication::translate("EngineInfo", "fp32 (no fast bf16)");
  return s;
}

}  // namespace

QStringList versionLines() {
  const auto info = stipple::runtime_info();
  QStringList lines;
  lines << QStringLiteral("Stipple %1").arg(QString::fromStdString(info.stipple_version))
        << QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))
        << QStringLiteral("LibTorch %1").arg(QString::fromStdString(info.torch_version))
        << QStringLiteral("OpenCV %1").arg(QString::fromStdString(info.opencv_version))
        << QCoreApplication::translate("EngineInfo", "Device: %1").arg(deviceLine(info));
  if (!info.cpu_model.empty()) lines << QCoreApplication::translate("EngineInfo", "Processor: %1").arg(QString::fromStdString(info.cpu_model));
  if (!info.blas_core_type.empty())
    lines << (info.blas_threads == 1 ? QCoreApplication::translate("EngineInfo", "BLAS kernels: %1, 1 thread") : QCoreApplication::translate("EngineInfo", "BLAS kernels: %1, %n threads", nullptr, info.blas_threads))
                 .arg(QString::fromStdString(info.blas_core_type));
  return lines;
}

}  // namespace stipple::jobs
