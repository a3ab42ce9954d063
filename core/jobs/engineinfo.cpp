#include "jobs/engineinfo.h"

#include <QtGlobal>

#include "runtime.h"

namespace stipple::jobs {

void initializeRuntime(int threads) { stipple::configure_runtime(threads); }

QStringList versionLines() {
  const auto info = stipple::runtime_info();
  QStringList lines;
  lines << QStringLiteral("Stipple %1").arg(QString::fromStdString(info.stipple_version))
        << QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))
        << QStringLiteral("LibTorch %1").arg(QString::fromStdString(info.torch_version))
        << QStringLiteral("OpenCV %1").arg(QString::fromStdString(info.opencv_version))
        << QStringLiteral("Device: %1").arg(QString::fromStdString(stipple::describe_device(info)));
  if (!info.cpu_model.empty())
    lines << QStringLiteral("CPU: %1").arg(QString::fromStdString(info.cpu_model));
  if (!info.blas_core_type.empty())
    lines << QStringLiteral("BLAS kernels: %1, %2 threads").arg(QString::fromStdString(info.blas_core_type)).arg(info.blas_threads);
  return lines;
}

}  // namespace stipple::jobs
