#include "jobs/foreignmetadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cmath>

#include "jobs/samplercatalog.h"

namespace stipple::jobs {

namespace {

constexpr int kMaxLinks = 16;  // hops followed through a graph (LoRA chains, primitive nodes)

struct Settings {
  QString prompt, negative;
  QString sampler;   // engine name
  QString schedule;  // A1111's "Schedule type" value
  QString model;
  double cfg = NAN, strength = NAN;
  qint64 seed = -1;
  int steps = 0, width = 0, height = 0, clipSkip = 0;
};

bool isKnownSampler(const QString& name) {
  for (const SamplerName& s : samplerNames())
    if (s.name == name) return true;
  return false;
}

QString number(double value) {
  return QString::number(value, 'g', 6);
}

QString toInfotext(const Settings& s) {
  QStringList fields;
  if (s.steps > 0) fields << QStringLiteral("Steps: %1").arg(s.steps);
  if (!s.sampler.isEmpty()) fields << QStringLiteral("Sampler: %1").arg(samplerDisplayName(s.sampler));
  if (!s.schedule.isEmpty()) fields << QStringLiteral("Schedule type: %1").arg(s.schedule);
  if (std::isfinite(s.cfg)) fields << QStringLiteral("CFG scale: %1").arg(number(s.cfg));
  if (s.seed >= 0) fields << QStringLiteral("Seed: %1").arg(s.seed);
  if (s.width > 0 && s.height > 0) fields << QStringLiteral("Size: %1x%2").arg(s.width).arg(s.height);
  if (!s.model.isEmpty()) fields << QStringLiteral("Model: %1").arg(s.model);
  if (std::isfinite(s.strength) && s.strength < 1.0) fields << QStringLiteral("Denoising strength: %1").arg(number(s.strength));
  if (s.clipSkip > 1) fields << QStringLiteral("Clip skip: %1").arg(s.clipSkip);
  if (s.prompt.isEmpty() && s.negative.isEmpty() && fields.isEmpty()) return {};
  QString text = s.prompt;
  if (!s.negative.isEmpty()) text += QStringLiteral("\nNegative prompt: ") + s.negative;
  if (!fields.isEmpty()) text += QLatin1Char('\n') + fields.join(QStringLiteral(", "));
  return text;
}

// A model file name without folders and extension ("sd15/dreamshaper_8.safetensors" -> "dreamshaper_8").
QString modelStem(QString name) {
  name.replace(QLatin1Char('\\'), QLatin1Char('/'));
  name = name.section(QLatin1Char('/'), -1);
  for (const char* ext : {".safetensors", ".ckpt", ".pt", ".bin"})
    if (name.endsWith(QLatin1String(ext), Qt::CaseInsensitive)) name.chop(static_cast<int>(qstrlen(ext)));
  return name.trimmed();
}

bool integral(const QJsonValue& v, qint64* out) {
  if (!v.isDouble()) return false;
  const double d = v.toDouble();
  if (!std::isfinite(d) || d < 0 || d > 9.007e15 || d != std::floor(d)) return false;
  *out = static_cast<qint64>(d);
  return true;
}

int smallInt(const QJsonValue& v, int max) {
  qint64 n = 0;
  return integral(v, &n) && n <= max ? static_cast<int>(n) : 0;
}

// ComfyUI: {"3": {"class_type": "KSampler", "inputs": {"seed": 1, "positive": ["6", 0], ...}}, ...}
class ComfyGraph {
 public:
  explicit ComfyGraph(const QJsonObject& nodes) : m_nodes(nodes) {}

  QJsonObject node(const QString& id) const { return m_nodes.value(id).toObject(); }
  QString type(const QJsonObject& node) const { return node.value(QStringLiteral("class_type")).toString(); }
  QJsonObject inputs(const QJsonObject& node) const { return node.value(QStringLiteral("inputs")).toObject(); }
  // The inputs of the node a link ["id", slot] points at.
  QJsonObject linkedInputs(const QJsonValue& link) const { return inputs(node(link.toArray().at(0).toString())); }

  // An input's value: a literal, or through a link ["id", slot] to a node holding one of
  // `keys` (primitive and "String" nodes).
  QJsonValue value(const QJsonObject& in, const QString& key, const QStringList& keys) const {
    QJsonValue v = in.value(key);
    for (int hop = 0; hop < kMaxLinks && isLink(v); ++hop) {
      const QJsonObject from = linkedInputs(v);
      v = QJsonValue();
      for (const QString& k : keys)
        if (from.contains(k)) {
          v = from.value(k);
          break;
        }
    }
    return isLink(v) ? QJsonValue() : v;
  }

  // The prompt text of the conditioning that `in[key]` links to.
  QString text(const QJsonObject& in, const QString& key) const {
    QJsonValue v = in.value(key);
    for (int hop = 0; hop < kMaxLinks && isLink(v); ++hop) {
      const QJsonObject nin = linkedInputs(v);
      for (const char* field : {"text", "text_g", "prompt"}) {
        if (!nin.contains(QLatin1String(field))) continue;
        const QJsonValue t = value(nin, QLatin1String(field), {QStringLiteral("text"), QStringLiteral("string"),
                                                                QStringLiteral("value")});
        if (t.isString()) return t.toString();
      }
      // Conditioning passed through (ConditioningCombine, ControlNetApply...): its first input.
      v = nin.contains(QStringLiteral("conditioning")) ? nin.value(QStringLiteral("conditioning"))
                                                        : nin.value(QStringLiteral("conditioning_1"));
    }
    return {};
  }

  // The checkpoint behind a model input (through LoRA loaders and the like).
  QString checkpoint(const QJsonObject& in) const {
    QJsonValue v = in.value(QStringLiteral("model"));
    for (int hop = 0; hop < kMaxLinks && isLink(v); ++hop) {
      const QJsonObject nin = linkedInputs(v);
      if (nin.value(QStringLiteral("ckpt_name")).isString()) return modelStem(nin.value(QStringLiteral("ckpt_name")).toString());
      v = nin.value(QStringLiteral("model"));
    }
    return {};
  }

  // Width and height of the empty latent the sampler starts from.
  void size(const QJsonObject& in, int* width, int* height) const {
    QJsonValue v = in.value(QStringLiteral("latent_image"));
    for (int hop = 0; hop < kMaxLinks && isLink(v); ++hop) {
      const QJsonObject nin = linkedInputs(v);
      if (nin.contains(QStringLiteral("width")) && nin.contains(QStringLiteral("height"))) {
        *width = smallInt(value(nin, QStringLiteral("width"), {QStringLiteral("value")}), 65536);
        *height = smallInt(value(nin, QStringLiteral("height"), {QStringLiteral("value")}), 65536);
        return;
      }
      v = nin.value(QStringLiteral("samples"));
    }
  }

  static bool isLink(const QJsonValue& v) {
    return v.isArray() && v.toArray().size() == 2 && v.toArray().at(0).isString();
  }

 private:
  QJsonObject m_nodes;
};

QString comfySampler(const QString& name) {
  if (name == QLatin1String("euler_ancestral")) return QStringLiteral("euler_a");
  if (name == QLatin1String("dpm_2")) return QStringLiteral("dpm2");
  if (name == QLatin1String("dpm_2_ancestral")) return QStringLiteral("dpm2_a");
  return isKnownSampler(name) ? name : QString();
}

QString comfySchedule(const QString& name) {
  if (name == QLatin1String("karras")) return QStringLiteral("Karras");
  if (name == QLatin1String("exponential")) return QStringLiteral("Exponential");
  return {};  // "normal" is the model's own; others have no counterpart
}

}  // namespace

QString infotextFromComfyUi(const QString& promptJson) {
  const QJsonDocument doc = QJsonDocument::fromJson(promptJson.toUtf8());
  if (!doc.isObject()) return {};
  const QJsonObject nodes = doc.object();
  const ComfyGraph graph(nodes);
  // The sampler: the first KSampler-like node in id order (numeric ids sort as numbers).
  QStringList ids = nodes.keys();
  std::sort(ids.begin(), ids.end(), [](const QString& a, const QString& b) {
    bool okA = false, okB = false;
    const qint64 na = a.toLongLong(&okA), nb = b.toLongLong(&okB);
    return okA && okB ? na < nb : a < b;
  });
  QJsonObject sampler;
  for (const QString& id : ids) {
    const QString type = graph.type(graph.node(id));
    if (type == QLatin1String("KSampler") || type == QLatin1String("KSamplerAdvanced")) {
      sampler = graph.inputs(graph.node(id));
      break;
    }
  }
  if (sampler.isEmpty()) return {};
  Settings s;
  s.prompt = graph.text(sampler, QStringLiteral("positive"));
  s.negative = graph.text(sampler, QStringLiteral("negative"));
  const QStringList numberKeys = {QStringLiteral("seed"), QStringLiteral("noise_seed"), QStringLiteral("value"),
                                  QStringLiteral("int")};
  qint64 seed = -1;
  if (integral(graph.value(sampler, QStringLiteral("seed"), numberKeys), &seed) ||
      integral(graph.value(sampler, QStringLiteral("noise_seed"), numberKeys), &seed))
    s.seed = seed;
  s.steps = smallInt(graph.value(sampler, QStringLiteral("steps"), {QStringLiteral("value")}), 10000);
  const QJsonValue cfg = graph.value(sampler, QStringLiteral("cfg"), {QStringLiteral("value")});
  if (cfg.isDouble() && std::isfinite(cfg.toDouble())) s.cfg = cfg.toDouble();
  const QJsonValue denoise = sampler.value(QStringLiteral("denoise"));
  if (denoise.isDouble() && denoise.toDouble() > 0) s.strength = denoise.toDouble();
  s.sampler = comfySampler(graph.value(sampler, QStringLiteral("sampler_name"), {QStringLiteral("value")}).toString());
  s.schedule = comfySchedule(graph.value(sampler, QStringLiteral("scheduler"), {QStringLiteral("value")}).toString());
  graph.size(sampler, &s.width, &s.height);
  s.model = graph.checkpoint(sampler);
  return toInfotext(s);
}

QString infotextFromInvokeAi(const QString& metadataJson) {
  const QJsonDocument doc = QJsonDocument::fromJson(metadataJson.toUtf8());
  if (!doc.isObject()) return {};
  const QJsonObject m = doc.object();
  Settings s;
  s.prompt = m.value(QStringLiteral("positive_prompt")).toString();
  s.negative = m.value(QStringLiteral("negative_prompt")).toString();
  qint64 seed = -1;
  if (integral(m.value(QStringLiteral("seed")), &seed)) s.seed = seed;
  s.steps = smallInt(m.value(QStringLiteral("steps")), 10000);
  if (m.value(QStringLiteral("cfg_scale")).isDouble()) s.cfg = m.value(QStringLiteral("cfg_scale")).toDouble();
  s.width = smallInt(m.value(QStringLiteral("width")), 65536);
  s.height = smallInt(m.value(QStringLiteral("height")), 65536);
  s.clipSkip = smallInt(m.value(QStringLiteral("clip_skip")), 12);
  if (m.value(QStringLiteral("strength")).isDouble()) s.strength = m.value(QStringLiteral("strength")).toDouble();
  // Schedulers: "dpmpp_2m_k" is DPM++ 2M with the Karras schedule; "kdpm_2" is DPM2.
  QString scheduler = m.value(QStringLiteral("scheduler")).toString();
  if (scheduler.endsWith(QLatin1String("_k"))) {
    scheduler.chop(2);
    s.schedule = QStringLiteral("Karras");
  }
  if (scheduler == QLatin1String("kdpm_2")) scheduler = QStringLiteral("dpm2");
  if (scheduler == QLatin1String("kdpm_2_a")) scheduler = QStringLiteral("dpm2_a");
  s.sampler = isKnownSampler(scheduler) ? scheduler : QString();
  if (s.sampler.isEmpty()) s.schedule.clear();
  const QJsonObject model = m.value(QStringLiteral("model")).toObject();
  s.model = model.value(QStringLiteral("model_name")).toString();
  if (s.model.isEmpty()) s.model = model.value(QStringLiteral("name")).toString();
  s.model = modelStem(s.model);
  return toInfotext(s);
}

QString infotextFromPngTexts(const QMap<QString, QString>& texts) {
  if (const QString a1111 = texts.value(QStringLiteral("parameters")); !a1111.trimmed().isEmpty()) return a1111;
  if (texts.contains(QStringLiteral("invokeai_metadata"))) {
    if (QString t = infotextFromInvokeAi(texts.value(QStringLiteral("invokeai_metadata"))); !t.isEmpty()) return t;
  }
  if (texts.contains(QStringLiteral("prompt"))) return infotextFromComfyUi(texts.value(QStringLiteral("prompt")));
  return {};
}

}  // namespace stipple::jobs
