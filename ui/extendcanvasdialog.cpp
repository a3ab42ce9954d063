#include "extendcanvasdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include "jobs/outpaint.h"

namespace stipple::ui {

namespace {

QSpinBox* marginBox(QWidget* parent, const char* name) {
  auto* box = new QSpinBox(parent);
  box->setObjectName(QLatin1String(name));
  box->setRange(0, 4096);
  box->setSingleStep(64);
  box->setSuffix(QObject::tr(" px"));
  return box;
}

}  // namespace

ExtendCanvasDialog::ExtendCanvasDialog(const QSize& canvas, QWidget* parent) : QDialog(parent), m_canvas(canvas) {
  setObjectName(QStringLiteral("ExtendCanvasDialog"));
  setWindowTitle(tr("Extend Canvas"));

  auto* sides = new QGroupBox(tr("Add to each side"), this);
  m_left = marginBox(sides, "extendLeft");
  m_right = marginBox(sides, "extendRight");
  m_top = marginBox(sides, "extendTop");
  m_bottom = marginBox(sides, "extendBottom");
  m_preset = new QComboBox(sides);
  m_preset->setObjectName(QStringLiteral("extendPreset"));
  m_preset->addItem(tr("Presets…"));
  m_preset->addItem(tr("Wider: 128 px left and right"), QVariant::fromValue(QList<int>{128, 0, 128, 0}));
  m_preset->addItem(tr("Taller: 128 px top and bottom"), QVariant::fromValue(QList<int>{0, 128, 0, 128}));
  m_preset->addItem(tr("All around: 64 px"), QVariant::fromValue(QList<int>{64, 64, 64, 64}));
  m_preset->addItem(tr("To the right: 256 px"), QVariant::fromValue(QList<int>{0, 0, 256, 0}));
  m_preset->addItem(tr("Square (centred)"), QStringLiteral("square"));
  auto* grid = new QGridLayout(sides);
  // The boxes sit where their side is: top above, left and right beside, bottom below.
  auto addSide = [&](const QString& text, QSpinBox* box, int row, int column) {
    auto* label = new QLabel(text, sides);
    label->setBuddy(box);
    grid->addWidget(label, row, column, Qt::AlignRight);
    grid->addWidget(box, row, column + 1);
  };
  addSide(tr("&Top:"), m_top, 0, 1);
  addSide(tr("&Left:"), m_left, 1, 0);
  addSide(tr("&Right:"), m_right, 1, 2);
  addSide(tr("&Bottom:"), m_bottom, 2, 1);
  grid->addWidget(m_preset, 3, 0, 1, 4);

  m_feather = new QSpinBox(this);
  m_feather->setObjectName(QStringLiteral("extendFeather"));
  m_feather->setRange(0, 512);
  m_feather->setSuffix(tr(" px"));
  m_feather->setToolTip(tr("How far into the picture the seam is repainted, fading out"));
  m_generate = new QCheckBox(tr("&Generate the new area now (with the prompt panel's settings)"), this);
  m_generate->setObjectName(QStringLiteral("extendGenerate"));
  m_result = new QLabel(this);
  m_result->setObjectName(QStringLiteral("extendResult"));
  m_result->setWordWrap(true);

  auto* form = new QFormLayout;
  form->addRow(tr("&Seam:"), m_feather);
  form->addRow(m_generate);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Extend"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(sides);
  layout->addLayout(form);
  layout->addWidget(m_result);
  layout->addWidget(m_buttons);

  QSettings s;
  s.beginGroup(QStringLiteral("extendCanvas"));
  m_left->setValue(s.value(QStringLiteral("left"), 0).toInt());
  m_right->setValue(s.value(QStringLiteral("right"), 128).toInt());
  m_top->setValue(s.value(QStringLiteral("top"), 0).toInt());
  m_bottom->setValue(s.value(QStringLiteral("bottom"), 0).toInt());
  m_feather->setValue(s.value(QStringLiteral("feather"), 32).toInt());
  m_generate->setChecked(s.value(QStringLiteral("generate"), true).toBool());

  for (QSpinBox* box : {m_left, m_right, m_top, m_bottom, m_feather})
    connect(box, &QSpinBox::valueChanged, this, &ExtendCanvasDialog::update);
  connect(m_preset, &QComboBox::activated, this, &ExtendCanvasDialog::applyPreset);
  connect(m_buttons, &QDialogButtonBox::accepted, this, &ExtendCanvasDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &ExtendCanvasDialog::reject);
  update();
}

void ExtendCanvasDialog::applyPreset() {
  const QVariant data = m_preset->currentData();
  if (data.toString() == QLatin1String("square")) {
    const int side = std::max(m_canvas.width(), m_canvas.height());
    const int dw = side - m_canvas.width(), dh = side - m_canvas.height();
    m_left->setValue(dw / 2);
    m_right->setValue(dw - dw / 2);
    m_top->setValue(dh / 2);
    m_bottom->setValue(dh - dh / 2);
  } else if (data.canConvert<QList<int>>()) {
    const QList<int> v = data.value<QList<int>>();
    if (v.size() == 4) {
      m_left->setValue(v[0]);
      m_top->setValue(v[1]);
      m_right->setValue(v[2]);
      m_bottom->setValue(v[3]);
    }
  }
  m_preset->setCurrentIndex(0);
}

QMargins ExtendCanvasDialog::margins() const {
  return jobs::roundExtension(m_canvas, QMargins(m_left->value(), m_top->value(), m_right->value(), m_bottom->value()));
}

int ExtendCanvasDialog::feather() const { return m_feather->value(); }

bool ExtendCanvasDialog::generateNow() const { return m_generate->isChecked(); }

QString ExtendCanvasDialog::problem() const { return jobs::checkExtension(m_canvas, margins(), feather()); }

void ExtendCanvasDialog::update() {
  const QString p = problem();
  const QMargins m = margins();
  const QSize grown(m_canvas.width() + m.left() + m.right(), m_canvas.height() + m.top() + m.bottom());
  if (p.isEmpty()) {
    QString text = tr("%1 × %2 px  →  %3 × %4 px").arg(m_canvas.width()).arg(m_canvas.height()).arg(grown.width()).arg(grown.height());
    const QMargins asked(m_left->value(), m_top->value(), m_right->value(), m_bottom->value());
    if (m != asked) text += tr("  (rounded up to multiples of 8)");
    m_result->setText(text);
    m_result->setStyleSheet(QString());
  } else {
    m_result->setText(p);
    m_result->setStyleSheet(QStringLiteral("color: #e0605a;"));
  }
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}

void ExtendCanvasDialog::accept() {
  if (!problem().isEmpty()) return;
  QSettings s;
  s.beginGroup(QStringLiteral("extendCanvas"));
  s.setValue(QStringLiteral("left"), m_left->value());
  s.setValue(QStringLiteral("right"), m_right->value());
  s.setValue(QStringLiteral("top"), m_top->value());
  s.setValue(QStringLiteral("bottom"), m_bottom->value());
  s.setValue(QStringLiteral("feather"), m_feather->value());
  s.setValue(QStringLiteral("generate"), m_generate->isChecked());
  QDialog::accept();
}

}  // namespace stipple::ui
