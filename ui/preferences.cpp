#include "preferences.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QSettings>
#include <QStandardPaths>
#include <algorithm>

#include "jobs/engineinfo.h"
#include "pipeline/engine.h"
#include "runtime.h"

namespace stipple::ui {

namespace {

QString oneOf(const QString& value, const QStringList& allowed, const QString& fallback) {
  return allowed.contains(value) ? value : fallback;
}

}  // namespace

Preferences Preferences::load() {
  QSettings s;
  Preferences p;
  p.device = oneOf(s.value(QStringLiteral("engine/device"), p.device).toString(),
                   {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")}, p.device);
  p.precision = oneOf(s.value(QStringLiteral("engine/precision"), p.precision).toString(),
                      {QStringLiteral("auto"), QStringLiteral("fp32"), QStringLiteral("bf16"), QStringLiteral("fp16")},
                      p.precision);
  p.threads = std::clamp(s.value(QStringLiteral("engine/threads"), 0).toInt(), 0, 1024);
  p.previewMode = oneOf(s.value(QStringLiteral("preview/mode"), p.previewMode).toString(),
                        {QStringLiteral("approximate"), QStringLiteral("full"), QStringLiteral("off")}, p.previewMode);
  p.previewEvery = std::clamp(s.value(QStringLiteral("preview/every"), 1).toInt(), 1, 100);
  p.imageFolder = s.value(QStringLiteral("folders/images")).toString();
  p.batchFolder = s.value(QStringLiteral("folders/batch")).toString();
  p.modelFolders = s.value(QStringLiteral("models/folders")).toStringList();
  p.language = s.value(QStringLiteral("appearance/language")).toString();
  if (!p.language.isEmpty() && !availableLanguages().contains(p.language)) p.language.clear();
  p.theme = oneOf(s.value(QStringLiteral("appearance/theme"), p.theme).toString().toLower(),
                  {QStringLiteral("dark"), QStringLiteral("light"), QStringLiteral("system")}, p.theme);
  p.autosaveSeconds = std::clamp(s.value(QStringLiteral("autosave/seconds"), p.autosaveSeconds).toInt(),
                                 kMinAutosaveSeconds, kMaxAutosaveSeconds);
  return p;
}

void Preferences::save() const {
  QSettings s;
  s.setValue(QStringLiteral("engine/device"), device);
  s.setValue(QStringLiteral("engine/precision"), precision);
  s.setValue(QStringLiteral("engine/threads"), threads);
  s.setValue(QStringLiteral("preview/mode"), previewMode);
  s.setValue(QStringLiteral("preview/every"), previewEvery);
  s.setValue(QStringLiteral("folders/images"), imageFolder);
  s.setValue(QStringLiteral("folders/batch"), batchFolder);
  s.setValue(QStringLiteral("models/folders"), modelFolders);
  s.setValue(QStringLiteral("appearance/language"), language);
  s.setValue(QStringLiteral("appearance/theme"), theme);
  s.setValue(QStringLiteral("autosave/seconds"), autosaveSeconds);
}

QString Preferences::imageFolderOrDefault() const {
  return imageFolder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) : imageFolder;
}

QString Preferences::batchFolderOrDefault() const {
  return batchFolder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) : batchFolder;
}

void Preferences::applyTo(stipple::EngineModelSpec& spec) const {
  spec.device = device.toStdString();
  spec.precision = precision.toStdString();
}

void Preferences::applyTo(stipple::GenerationRequest& request) const {
  request.preview = previewMode == QLatin1String("full")  ? stipple::PreviewMode::Full
                    : previewMode == QLatin1String("off") ? stipple::PreviewMode::Off
                                                          : stipple::PreviewMode::Approximate;
  request.preview_every = previewEvery;
}

bool Preferences::usesCuda() const {
  return device == QLatin1String("cuda") || (device == QLatin1String("auto") && stipple::runtime_info().cuda_available);
}

QString Preferences::deviceSummary() const {
  const stipple::RuntimeInfo info = stipple::runtime_info();
  const bool cuda = usesCuda();
  const QString dtype = QString::fromStdString(stipple::resolve_precision(precision.toStdString(), cuda));
  if (cuda)
    return QStringLiteral("CUDA (%1), %2").arg(info.cuda_device_count).arg(dtype);
  return stipple::jobs::cpuThreads(info.threads) + QStringLiteral(", ") + dtype;
}

QStringList Preferences::availableLanguages() {
  QStringList codes;
  QDirIterator it(QStringLiteral(":/i18n"), {QStringLiteral("stipple_*.qm")});
  while (it.hasNext()) {
    const QString name = QFileInfo(it.next()).completeBaseName();  // stipple_de
    codes << name.mid(name.indexOf(QLatin1Char('_')) + 1);
  }
  codes.sort();
  return codes;
}

}  // namespace stipple::ui
