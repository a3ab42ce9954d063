#include "jobs/infotext.h"

#include <cmath>

#include <QRegularExpression>
#include <QStringList>

#include "jobs/samplercatalog.h"

namespace stipple::jobs {

namespace {

// "Key: value" pairs separated by commas; a value may be a quoted string with commas inside
// (A1111 quotes values such as "Lora hashes"). The same shape A1111's own reader accepts.
QMap<QString, QString> parseFieldLine(const QString& line, int* count) {
  static const QRegularExpression field(
      QStringLiteral(R"(\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$))"));
  QMap<QString, QString> fields;
  int n = 0;
  auto it = field.globalMatch(line);
  while (it.hasNext()) {
    const QRegularExpressionMatch m = it.next();
    QString value = m.captured(2).trimmed();
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
      value = value.mid(1, value.size() - 2).replace(QStringLiteral("\\\""), QStringLiteral("\""));
    fields.insert(m.captured(1).trimmed(), value);
    ++n;
  }
  *count = n;
  return fields;
}

template <typename T>
void setNumber(std::optional<T>& out, const QMap<QString, QString>& fields, const char* key) {
  const auto it = fields.constFind(QLatin1String(key));
  if (it == fields.constEnd()) return;
  bool ok = false;
  if constexpr (std::is_same_v<T, int>) {
    const int v = it->toInt(&ok);
    if (ok) out = v;
  } else if constexpr (std::is_same_v<T, quint64>) {
    const qulonglong v = it->toULongLong(&ok);
    if (ok) out = v;
  } else {
    const double v = it->toDouble(&ok);
    if (ok) out = v;
  }
}

}  // namespace

Infotext parseInfotext(const QString& text) {
  Infotext info;
  QStringList lines = text.trimmed().split(QLatin1Char('\n'));
  for (QString& line : lines) line = line.trimmed();

  // The last line holds the fields when it parses into at least three of them.
  if (!lines.isEmpty()) {
    int count = 0;
    QMap<QString, QString> fields = parseFieldLine(lines.last(), &count);
    if (count >= 3) {
      info.fields = std::move(fields);
      lines.removeLast();
    }
  }

  QStringList prompt;
  QStringList negative;
  bool inNegative = false;
  for (const QString& line : lines) {
    if (line.startsWith(QLatin1String("Negative prompt:"))) {
      inNegative = true;
      negative << line.mid(16).trimmed();
    } else if (inNegative) {
      negative << line;
    } else {
      prompt << line;
    }
  }
  info.prompt = prompt.join(QLatin1Char('\n')).trimmed();
  info.negativePrompt = negative.join(QLatin1Char('\n')).trimmed();

  const QMap<QString, QString>& f = info.fields;
  setNumber(info.steps, f, "Steps");
  setNumber(info.cfg, f, "CFG scale");
  setNumber(info.seed, f, "Seed");
  setNumber(info.strength, f, "Denoising strength");
  setNumber(info.clipSkip, f, "Clip skip");
  setNumber(info.maskBlur, f, "Mask blur");
  if (f.contains(QStringLiteral("Sampler"))) {
    QString sampler = f.value(QStringLiteral("Sampler"));
    info.sampler = samplerFromDisplayName(sampler);
    // Before A1111 1.9 the schedule was part of the sampler name: "DPM++ 2M Karras".
    if (info.sampler.isEmpty()) {
      for (const char* suffix : {" Karras", " Exponential", " Uniform"}) {
        if (sampler.endsWith(QLatin1String(suffix), Qt::CaseInsensitive)) {
          info.schedule = scheduleFromDisplayName(QLatin1String(suffix + 1));
          info.sampler = samplerFromDisplayName(sampler.chopped(static_cast<int>(strlen(suffix))));
          break;
        }
      }
    }
  }
  if (f.contains(QStringLiteral("Schedule type")))
    info.schedule = scheduleFromDisplayName(f.value(QStringLiteral("Schedule type")));
  static const QRegularExpression sizeRe(QStringLiteral(R"(^\s*(\d+)\s*x\s*(\d+)\s*$)"));
  const QRegularExpressionMatch size = sizeRe.match(f.value(QStringLiteral("Size")));
  if (size.hasMatch()) info.size = QSize(size.captured(1).toInt(), size.captured(2).toInt());
  // Values no generation can have (a hand-edited or foreign file) are left unset, as if absent.
  if (info.steps && *info.steps < 1) info.steps.reset();
  if (info.cfg && !std::isfinite(*info.cfg)) info.cfg.reset();
  if (info.strength && !(*info.strength >= 0 && *info.strength <= 1)) info.strength.reset();
  if (info.clipSkip && *info.clipSkip < 1) info.clipSkip.reset();
  if (info.maskBlur && *info.maskBlur < 0) info.maskBlur.reset();
  if (info.size && (info.size->width() < 1 || info.size->height() < 1)) info.size.reset();
  info.modelName = f.value(QStringLiteral("Model"));
  info.modelHash = f.value(QStringLiteral("Model hash"));
  return info;
}

}  // namespace stipple::jobs
