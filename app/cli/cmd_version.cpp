// stipple-cli version: Stipple, Qt, LibTorch, OpenCV versions and the compute device.
#include <QJsonArray>
#include <QJsonObject>

#include "command.h"
#include "jobs/engineinfo.h"
#include "runtime.h"

namespace stipple::cli {

int runVersion(const QStringList& args) {
  QCommandLineParser parser;
  const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
  parser.addOption(json);
  int code = kOk;
  if (!parseVerbArguments(parser, args, QStringLiteral("version"),
                          QStringLiteral("Print versions of Stipple, Qt, LibTorch, OpenCV and the compute device."),
                          &code))
    return code;

  if (!parser.isSet(json)) {
    printOut(jobs::versionLines().join(QLatin1Char('\n')));
    return kOk;
  }
  const RuntimeInfo info = runtime_info();
  QJsonObject cpu{{QStringLiteral("model"), QString::fromStdString(info.cpu_model)},
                  {QStringLiteral("avx2"), info.cpu.avx2},
                  {QStringLiteral("avx512f"), info.cpu.avx512f},
                  {QStringLiteral("avx512_bf16"), info.cpu.avx512_bf16},
                  {QStringLiteral("amx_bf16"), info.cpu.amx_bf16}};
  QJsonObject device{{QStringLiteral("summary"), QString::fromStdString(describe_device(info))},
                     {QStringLiteral("cuda"), info.cuda_available},
                     {QStringLiteral("cuda_devices"), info.cuda_device_count},
                     {QStringLiteral("threads"), info.threads},
                     {QStringLiteral("bf16"), info.cpu_bf16_fast || info.cuda_available},
                     {QStringLiteral("cpu"), cpu},
                     {QStringLiteral("openmp_wait_policy"), QString::fromStdString(info.omp_wait_policy)},
                     {QStringLiteral("blas"),
                      QJsonObject{{QStringLiteral("coretype"), QString::fromStdString(info.blas_core_type)},
                                  {QStringLiteral("threads"), info.blas_threads},
                                  {QStringLiteral("fp32_matmul_relative_error"), blas_self_check()}}}};
  QJsonObject root{{QStringLiteral("stipple"), QString::fromStdString(info.stipple_version)},
                   {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
                   {QStringLiteral("libtorch"), QString::fromStdString(info.torch_version)},
                   {QStringLiteral("opencv"), QString::fromStdString(info.opencv_version)},
                   {QStringLiteral("device"), device}};
  printJson(QJsonDocument(root));
  return kOk;
}

}  // namespace stipple::cli
