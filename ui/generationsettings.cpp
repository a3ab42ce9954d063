#include "generationsettings.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <algorithm>

#include "icons.h"
#include "jobs/infotext.h"
#include "jobs/samplercatalog.h"
#include "pipeline/request.h"
#include "seedfield.h"

namespace stipple::ui {

namespace {

const QList<QSize> kPresets = {{512, 512}, {512, 768}, {768, 512}, {640, 640}, {768, 768},
                               {1024, 1024}, {832, 1216}, {1216, 832}, {256, 256}, {64, 64}};

int roundTo8(int v) { return std::clamp((v + 4) / 8 * 8, 64, 4096); }

QLabel* sectionLabel(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  QFont font = label->font();
  font.setBold(true);
  label->setFont(font);
  label->setContentsMargins(0, 6, 0, 0);
  return label;
}

}  // namespace

GenerationSettings::GenerationSettings(QWidget* parent) : QWidget(parent) {
  m_form = new QFormLayout(this);
  m_form->setContentsMargins(0, 0, 0, 0);
  m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);

  m_sampler = new QComboBox(this);
  m_sampler->setObjectName(QStringLiteral("samplerCombo"));
  for (const jobs::SamplerName& s : jobs::samplerNames()) m_sampler->addItem(s.displayName, s.name);
  m_schedule = new QComboBox(this);
  m_schedule->setObjectName(QStringLiteral("scheduleCombo"));
  m_schedule->addItem(tr("Default"), QStringLiteral("default"));
  m_schedule->addItem(tr("Karras"), QStringLiteral("karras"));
  m_schedule->addItem(tr("Exponential"), QStringLiteral("exponential"));
  m_schedule->addItem(tr("Uniform"), QStringLiteral("uniform"));
  m_steps = new QSpinBox(this);
  m_steps->setObjectName(QStringLiteral("stepsBox"));
  m_steps->setRange(1, 1000);
  m_cfg = new QDoubleSpinBox(this);
  m_cfg->setObjectName(QStringLiteral("cfgBox"));
  m_cfg->setRange(0, 30);
  m_cfg->setSingleStep(0.5);
  m_cfg->setDecimals(1);
  m_cfg->setToolTip(tr("Classifier-free guidance: how closely the image follows the prompt"));
  m_seed = new SeedField(this);
  m_batch = new QSpinBox(this);
  m_batch->setObjectName(QStringLiteral("batchBox"));
  m_batch->setRange(1, 100);
  m_batch->setToolTip(tr("Images generated one after another, with seeds counting up"));

  m_form->addRow(sectionLabel(tr("Sampling"), this));
  m_form->addRow(tr("Sampler:"), m_sampler);
  m_form->addRow(tr("Schedule:"), m_schedule);
  m_form->addRow(tr("Steps:"), m_steps);
  m_form->addRow(tr("CFG scale:"), m_cfg);
  m_form->addRow(tr("Seed:"), m_seed);
  m_form->addRow(sectionLabel(tr("Output"), this));
  m_sizeRow = makeSizeRow();
  m_form->addRow(tr("Size:"), m_sizeRow);
  m_canvasSizeNote = new QLabel(this);
  m_canvasSizeNote->setObjectName(QStringLiteral("canvasSizeNote"));
  m_canvasSizeNote->setWordWrap(true);
  m_form->addRow(QString(), m_canvasSizeNote);
  m_form->addRow(tr("Batch count:"), m_batch);

  m_strength = new QDoubleSpinBox(this);
  m_strength->setObjectName(QStringLiteral("strengthBox"));
  m_strength->setRange(0, 1);
  m_strength->setSingleStep(0.05);
  m_strength->setDecimals(2);
  m_strength->setToolTip(tr("How much of the image is repainted: 0 keeps it, 1 ignores it"));
  m_maskBlur = new QSpinBox(this);
  m_maskBlur->setObjectName(QStringLiteral("maskBlurBox"));
  m_maskBlur->setRange(0, 64);
  m_maskBlur->setSuffix(tr(" px"));
  m_inpaintArea = new QComboBox(this);
  m_inpaintArea->setObjectName(QStringLiteral("inpaintAreaCombo"));
  m_inpaintArea->addItem(tr("Whole picture"), static_cast<int>(stipple::InpaintArea::Whole));
  m_inpaintArea->addItem(tr("Only masked"), static_cast<int>(stipple::InpaintArea::Masked));
  m_inpaintArea->setToolTip(tr("Only masked: renders the masked area at the full output size, for detail"));
  m_padding = new QSpinBox(this);
  m_padding->setObjectName(QStringLiteral("paddingBox"));
  m_padding->setRange(0, 512);
  m_padding->setSuffix(tr(" px"));
  m_maskedContent = new QComboBox(this);
  m_maskedContent->setObjectName(QStringLiteral("maskedContentCombo"));
  m_maskedContent->addItem(tr("Original"), static_cast<int>(stipple::MaskedContent::Original));
  m_maskedContent->addItem(tr("Fill"), static_cast<int>(stipple::MaskedContent::Fill));
  m_maskedContent->addItem(tr("Latent noise"), static_cast<int>(stipple::MaskedContent::LatentNoise));
  m_maskedContent->addItem(tr("Latent nothing"), static_cast<int>(stipple::MaskedContent::LatentNothing));
  m_maskedContent->setToolTip(tr("What the masked area starts from"));

  m_form->addRow(sectionLabel(tr("Image"), this));
  m_form->addRow(tr("Strength:"), m_strength);
  m_form->addRow(tr("Mask blur:"), m_maskBlur);
  m_form->addRow(tr("Inpaint area:"), m_inpaintArea);
  m_form->addRow(tr("Padding:"), m_padding);
  m_form->addRow(tr("Masked content:"), m_maskedContent);

  for (QComboBox* box : {m_sampler, m_schedule, m_inpaintArea, m_maskedContent})
    connect(box, &QComboBox::currentIndexChanged, this, &GenerationSettings::changed);
  for (QSpinBox* box : {m_steps, m_width, m_height, m_batch, m_maskBlur, m_padding})
    connect(box, &QSpinBox::valueChanged, this, &GenerationSettings::changed);
  for (QDoubleSpinBox* box : {m_cfg, m_strength})
    connect(box, &QDoubleSpinBox::valueChanged, this, &GenerationSettings::changed);
  connect(m_seed, &SeedField::changed, this, &GenerationSettings::changed);
  connect(m_inpaintArea, &QComboBox::currentIndexChanged, this, &GenerationSettings::updateVisibility);
  // What the user sets, by hand or otherwise, wins over a model's defaults.
  for (QSpinBox* box : {m_width, m_height})
    connect(box, &QSpinBox::valueChanged, this, [this] { m_touched.size = m_touched.size || !m_adopting; });
  connect(m_cfg, &QDoubleSpinBox::valueChanged, this, [this] {
    if (m_adopting) return;
    m_touched.cfg = true;
    m_cfgFromModel = false;
  });
  connect(m_sampler, &QComboBox::currentIndexChanged, this, [this] {
    if (m_adopting) return;
    m_touched.sampler = true;
    m_samplerFromModel = false;
  });
  loadSettings();
  m_touched = {};  // the saved settings are not choices made for the model about to load
  updateVisibility();
}

QWidget* GenerationSettings::makeSizeRow() {
  auto* row = new QWidget(this);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  auto makeBox = [row](const char* name, const QString& tip) {
    auto* box = new QSpinBox(row);
    box->setObjectName(QLatin1String(name));
    box->setRange(64, 4096);
    box->setSingleStep(64);
    box->setToolTip(tip);
    return box;
  };
  m_width = makeBox("widthBox", tr("Width in pixels (a multiple of 8)"));
  m_height = makeBox("heightBox", tr("Height in pixels (a multiple of 8)"));
  auto* times = new QLabel(QStringLiteral("×"), row);
  auto* swap = new QToolButton(row);
  swap->setObjectName(QStringLiteral("sizeSwap"));
  swap->setIcon(themedIcon(QStringLiteral("swap"), this));
  swap->setToolTip(tr("Swap width and height"));
  swap->setAutoRaise(true);
  auto* presets = new QToolButton(row);
  presets->setObjectName(QStringLiteral("sizePresets"));
  presets->setText(tr("Presets"));
  presets->setPopupMode(QToolButton::InstantPopup);
  presets->setAutoRaise(true);
  auto* menu = new QMenu(presets);
  for (int i = 0; i < kPresets.size(); ++i) {
    QAction* a = menu->addAction(QStringLiteral("%1 × %2").arg(kPresets[i].width()).arg(kPresets[i].height()));
    connect(a, &QAction::triggered, this, [this, i] { applyPreset(i); });
  }
  menu->addSeparator();
  QAction* canvas = menu->addAction(tr("Canvas size"));
  connect(canvas, &QAction::triggered, this, [this] {
    if (!m_canvasSize.isEmpty()) {
      m_width->setValue(roundTo8(m_canvasSize.width()));
      m_height->setValue(roundTo8(m_canvasSize.height()));
    }
  });
  presets->setMenu(menu);
  connect(swap, &QToolButton::clicked, this, [this] {
    const int w = m_width->value();
    m_width->setValue(m_height->value());
    m_height->setValue(w);
  });
  layout->addWidget(m_width, 1);
  layout->addWidget(times);
  layout->addWidget(m_height, 1);
  layout->addWidget(swap);
  layout->addWidget(presets);
  return row;
}

void GenerationSettings::applyPreset(int index) {
  m_width->setValue(kPresets[index].width());
  m_height->setValue(kPresets[index].height());
}

void GenerationSettings::setMode(GenerationMode mode) {
  m_mode = mode;
  updateVisibility();
}

void GenerationSettings::setCanvasSize(const QSize& size) {
  m_canvasSize = size;
  updateVisibility();
}

bool GenerationSettings::usesCanvasSize() const {
  return m_mode == GenerationMode::ImageToImage ||
         (m_mode == GenerationMode::Inpaint &&
          m_inpaintArea->currentData().toInt() == static_cast<int>(stipple::InpaintArea::Whole));
}

QSize GenerationSettings::outputSize() const {
  if (usesCanvasSize() && !m_canvasSize.isEmpty())
    return QSize(roundTo8(m_canvasSize.width()), roundTo8(m_canvasSize.height()));
  return QSize(m_width->value(), m_height->value());
}

void GenerationSettings::setRowVisible(QWidget* field, bool visible) {
  field->setVisible(visible);
  if (QWidget* label = m_form->labelForField(field)) label->setVisible(visible);
}

void GenerationSettings::updateVisibility() {
  const bool image = m_mode != GenerationMode::Generate;
  const bool inpaint = m_mode == GenerationMode::Inpaint;
  const bool masked = m_inpaintArea->currentData().toInt() == static_cast<int>(stipple::InpaintArea::Masked);
  setRowVisible(m_sizeRow, !usesCanvasSize());
  m_canvasSizeNote->setVisible(usesCanvasSize());
  if (usesCanvasSize()) {
    const QSize out = outputSize();
    QString note = tr("Works at the canvas size, %1 × %2.").arg(m_canvasSize.width()).arg(m_canvasSize.height());
    if (out != m_canvasSize) note += QLatin1Char(' ') + tr("Rendered at %1 × %2.").arg(out.width()).arg(out.height());
    m_canvasSizeNote->setText(note);
  }
  setRowVisible(m_strength, image);
  setRowVisible(m_maskBlur, inpaint);
  setRowVisible(m_inpaintArea, inpaint);
  setRowVisible(m_padding, inpaint && masked);
  setRowVisible(m_maskedContent, inpaint);
  // The "Image" section header is the row before the strength row.
  int row = -1;
  QFormLayout::ItemRole role;
  m_form->getWidgetPosition(m_strength, &row, &role);
  if (row > 0)
    if (QLayoutItem* item = m_form->itemAt(row - 1, QFormLayout::SpanningRole))
      if (item->widget()) item->widget()->setVisible(image);
}

void GenerationSettings::fillRequest(stipple::GenerationRequest& r) const {
  r.sampler = m_sampler->currentData().toString().toStdString();
  r.schedule = m_schedule->currentData().toString().toStdString();
  r.steps = m_steps->value();
  r.cfg = m_cfg->value();
  r.seed = m_seed->resolve();
  r.batch_count = m_batch->value();
  r.batch_size = 1;
  const QSize size = outputSize();
  r.width = size.width();
  r.height = size.height();
  r.strength = m_strength->value();
  r.mask_blur = m_maskBlur->value();
  r.inpaint_area = static_cast<stipple::InpaintArea>(m_inpaintArea->currentData().toInt());
  r.padding = m_padding->value();
  r.masked_content = static_cast<stipple::MaskedContent>(m_maskedContent->currentData().toInt());
}

QString GenerationSettings::validate(QWidget** field) const {
  if (!usesCanvasSize()) {
    for (QSpinBox* box : {m_width, m_height}) {
      const int v = box->value();
      if (v % 8 == 0) continue;
      *field = box;
      const int down = std::max(64, v / 8 * 8);
      const QString what = box == m_width ? tr("Width") : tr("Height");
      return tr("%1 must be a multiple of 8 (it is %2; %3 or %4 would work).").arg(what).arg(v).arg(down).arg(down + 8);
    }
  } else if (m_canvasSize.width() > 4096 || m_canvasSize.height() > 4096) {
    *field = nullptr;
    return tr("The canvas (%1 × %2) is larger than 4096 pixels; use “Only masked” inpainting or a smaller image.")
        .arg(m_canvasSize.width())
        .arg(m_canvasSize.height());
  }
  if (!m_seed->isValid()) {
    *field = m_seed;
    return tr("The seed must be a whole number from 0 to 18446744073709551615, or -1 for random.");
  }
  return {};
}

QWidget* GenerationSettings::widgetForField(const QString& field) const {
  // Field names as stipple::validate_request writes them.
  const QHash<QString, QWidget*> widgets = {
      {QStringLiteral("width"), m_width},        {QStringLiteral("height"), m_height},
      {QStringLiteral("steps"), m_steps},        {QStringLiteral("cfg"), m_cfg},
      {QStringLiteral("sampler"), m_sampler},    {QStringLiteral("schedule"), m_schedule},
      {QStringLiteral("batch count"), m_batch},  {QStringLiteral("strength"), m_strength},
      {QStringLiteral("mask blur"), m_maskBlur}, {QStringLiteral("padding"), m_padding}};
  return widgets.value(field, nullptr);
}

void GenerationSettings::applyInfotext(const jobs::Infotext& info) {
  if (info.steps) m_steps->setValue(*info.steps);
  if (!info.sampler.isEmpty()) {
    const int i = m_sampler->findData(info.sampler);
    if (i >= 0) m_sampler->setCurrentIndex(i);
    // A1111 omits the schedule type when it is the model's default.
    if (info.schedule.isEmpty()) m_schedule->setCurrentIndex(0);
  }
  if (!info.schedule.isEmpty()) {
    const int i = m_schedule->findData(info.schedule);
    if (i >= 0) m_schedule->setCurrentIndex(i);
  }
  if (info.cfg) m_cfg->setValue(*info.cfg);
  if (info.seed) m_seed->setSeed(*info.seed);
  if (info.size) {
    m_width->setValue(info.size->width());
    m_height->setValue(info.size->height());
  }
  if (info.strength) m_strength->setValue(*info.strength);
  if (info.maskBlur) m_maskBlur->setValue(*info.maskBlur);
  const QString area = info.fields.value(QStringLiteral("Inpaint area"));
  if (area.compare(QLatin1String("Only masked"), Qt::CaseInsensitive) == 0) m_inpaintArea->setCurrentIndex(1);
  bool ok = false;
  const int padding = info.fields.value(QStringLiteral("Masked area padding")).toInt(&ok);
  if (ok) m_padding->setValue(padding);
}

void GenerationSettings::adoptModelDefaults(const QString& modelPath, const jobs::ModelDefaults& defaults) {
  if (modelPath.isEmpty() || modelPath == m_defaultsModel) return;
  m_defaultsModel = modelPath;
  m_adopting = true;
  if (!m_touched.size && defaults.size >= m_width->minimum() && defaults.size <= m_width->maximum()) {
    m_width->setValue(defaults.size);
    m_height->setValue(defaults.size);
  }
  if (!m_touched.cfg) {
    if (defaults.cfg > 0) {
      m_cfg->setValue(defaults.cfg);
      m_cfgFromModel = true;
    } else if (m_cfgFromModel) {
      m_cfg->setValue(stipple::GenerationRequest{}.cfg);
      m_cfgFromModel = false;
    }
  }
  if (!m_touched.sampler) {
    const int recommended = defaults.sampler.isEmpty() ? -1 : m_sampler->findData(defaults.sampler);
    if (recommended >= 0) {
      m_sampler->setCurrentIndex(recommended);
      m_samplerFromModel = true;
    } else if (m_samplerFromModel) {
      m_sampler->setCurrentIndex(m_sampler->findData(QString::fromStdString(stipple::GenerationRequest{}.sampler)));
      m_samplerFromModel = false;
    }
  }
  m_adopting = false;
  Q_EMIT changed();
}

QVariantMap GenerationSettings::state() const {
  return {{QStringLiteral("sampler"), m_sampler->currentData()},
          {QStringLiteral("schedule"), m_schedule->currentData()},
          {QStringLiteral("steps"), m_steps->value()},
          {QStringLiteral("cfg"), m_cfg->value()},
          {QStringLiteral("seed"), m_seed->lineEdit()->text()},
          {QStringLiteral("batchCount"), m_batch->value()},
          {QStringLiteral("width"), m_width->value()},
          {QStringLiteral("height"), m_height->value()},
          {QStringLiteral("defaultsModel"), m_defaultsModel},
          {QStringLiteral("cfgFromModel"), m_cfgFromModel},
          {QStringLiteral("samplerFromModel"), m_samplerFromModel},
          {QStringLiteral("strength"), m_strength->value()},
          {QStringLiteral("maskBlur"), m_maskBlur->value()},
          {QStringLiteral("inpaintArea"), m_inpaintArea->currentData()},
          {QStringLiteral("padding"), m_padding->value()},
          {QStringLiteral("maskedContent"), m_maskedContent->currentData()}};
}

void GenerationSettings::setState(const QVariantMap& s) {
  auto selectData = [](QComboBox* box, const QVariant& value) {
    int i = box->findData(value);
    // Numbers come back from JSON as doubles; the boxes hold ints.
    if (i < 0 && value.canConvert<int>()) i = box->findData(value.toInt());
    box->setCurrentIndex(i >= 0 ? i : 0);
  };
  selectData(m_sampler, s.value(QStringLiteral("sampler"), QStringLiteral("euler_a")));
  selectData(m_schedule, s.value(QStringLiteral("schedule"), QStringLiteral("default")));
  m_steps->setValue(s.value(QStringLiteral("steps"), 20).toInt());
  m_cfg->setValue(s.value(QStringLiteral("cfg"), 7.0).toDouble());
  m_seed->lineEdit()->setText(s.value(QStringLiteral("seed")).toString());
  m_batch->setValue(s.value(QStringLiteral("batchCount"), 1).toInt());
  m_width->setValue(s.value(QStringLiteral("width"), 512).toInt());
  m_height->setValue(s.value(QStringLiteral("height"), 512).toInt());
  m_defaultsModel = s.value(QStringLiteral("defaultsModel")).toString();
  m_cfgFromModel = s.value(QStringLiteral("cfgFromModel")).toBool();
  m_samplerFromModel = s.value(QStringLiteral("samplerFromModel")).toBool();
  m_strength->setValue(s.value(QStringLiteral("strength"), 0.75).toDouble());
  m_maskBlur->setValue(s.value(QStringLiteral("maskBlur"), 4).toInt());
  selectData(m_inpaintArea, s.value(QStringLiteral("inpaintArea"), 0));
  m_padding->setValue(s.value(QStringLiteral("padding"), 32).toInt());
  selectData(m_maskedContent, s.value(QStringLiteral("maskedContent"), 0));
}

void GenerationSettings::loadSettings() {
  QSettings s;
  s.beginGroup(QStringLiteral("generation"));
  QVariantMap values;
  for (const QString& key : s.childKeys()) values.insert(key, s.value(key));
  setState(values);
}

void GenerationSettings::saveSettings() const {
  QSettings s;
  s.beginGroup(QStringLiteral("generation"));
  const QVariantMap values = state();
  for (auto it = values.begin(); it != values.end(); ++it) s.setValue(it.key(), it.value());
}

}  // namespace stipple::ui
