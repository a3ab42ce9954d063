#pragma once
// The engine's sampler and schedule names for Qt front ends, without torch headers.
#include <QList>
#include <QString>

namespace stipple::jobs {

struct SamplerName {
  QString name;         // as the engine takes it: "euler_a"
  QString displayName;  // as A1111 writes it: "Euler a"
};

// In the engine's order (euler, euler_a, heun, ...).
QList<SamplerName> samplerNames();
// "Euler a" (any case) -> "euler_a"; empty when unknown.
QString samplerFromDisplayName(const QString& displayName);
QString samplerDisplayName(const QString& name);

// default, karras, exponential, uniform.
QStringList scheduleNames();
// "Karras" / "Automatic" (A1111's name for the model's default) -> "karras" / "default".
QString scheduleFromDisplayName(const QString& displayName);

}  // namespace stipple::jobs
