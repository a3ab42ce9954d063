#include "jobs/samplercatalog.h"

#include <QStringList>

#include "sampling/samplers.h"

namespace stipple::jobs {

QList<SamplerName> samplerNames() {
  QList<SamplerName> names;
  for (const stipple::SamplerSpec& spec : stipple::sampler_specs())
    names.append({QString::fromStdString(spec.name), QString::fromStdString(spec.a1111_name)});
  return names;
}

QString samplerFromDisplayName(const QString& displayName) {
  const QString wanted = displayName.trimmed();
  for (const SamplerName& s : samplerNames())
    if (s.displayName.compare(wanted, Qt::CaseInsensitive) == 0 || s.name.compare(wanted, Qt::CaseInsensitive) == 0)
      return s.name;
  return {};
}

QString samplerDisplayName(const QString& name) {
  for (const SamplerName& s : samplerNames())
    if (s.name == name) return s.displayName;
  return name;
}

QStringList scheduleNames() {
  return {QStringLiteral("default"), QStringLiteral("karras"), QStringLiteral("exponential"),
          QStringLiteral("uniform")};
}

QString scheduleFromDisplayName(const QString& displayName) {
  const QString wanted = displayName.trimmed().toLower();
  if (wanted == QLatin1String("automatic") || wanted == QLatin1String("default")) return QStringLiteral("default");
  for (const QString& name : scheduleNames())
    if (name == wanted) return name;
  return {};
}

}  // namespace stipple::jobs
