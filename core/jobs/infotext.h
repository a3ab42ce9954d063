#pragma once
// Reads A1111-style infotext (the PNG "parameters" chunk) back into settings:
//   prompt (may span lines)
//   Negative prompt: ... (may span lines)
//   Steps: 20, Sampler: Euler a, Schedule type: Karras, CFG scale: 7, Seed: 1, Size: 512x512, ...
// Fields that are absent stay unset, so a caller only overwrites what the text says.
#include <QMap>
#include <QSize>
#include <QString>
#include <optional>

namespace stipple::jobs {

struct Infotext {
  QString prompt;
  QString negativePrompt;
  QMap<QString, QString> fields;  // every "Key: value" of the last line, as written

  std::optional<int> steps;
  QString sampler;   // engine name ("euler_a"); empty when absent or unknown
  QString schedule;  // default, karras, exponential, uniform; empty when absent
  std::optional<double> cfg;
  std::optional<quint64> seed;
  std::optional<QSize> size;
  std::optional<double> strength;  // "Denoising strength"
  std::optional<int> clipSkip;
  std::optional<int> maskBlur;
  QString modelName;
  QString modelHash;

  bool isEmpty() const { return prompt.isEmpty() && negativePrompt.isEmpty() && fields.isEmpty(); }
};

Infotext parseInfotext(const QString& text);

}  // namespace stipple::jobs
