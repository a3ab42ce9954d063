#include "newcanvasdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace stipple::ui {

NewCanvasDialog::NewCanvasDialog(const QSize& initial, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("New Canvas"));
  auto* form = new QFormLayout(this);
  m_presets = new QComboBox(this);
  m_presets->addItem(tr("Custom"));
  for (const QSize& s : {QSize(512, 512), QSize(512, 768), QSize(768, 512), QSize(768, 768), QSize(1024, 1024)})
    m_presets->addItem(QStringLiteral("%1 × %2").arg(s.width()).arg(s.height()), s);
  m_width = new QSpinBox(this);
  m_height = new QSpinBox(this);
  for (QSpinBox* box : {m_width, m_height}) {
    box->setRange(8, 8192);
    box->setSingleStep(64);
    box->setSuffix(tr(" px"));
  }
  m_width->setValue(initial.width());
  m_height->setValue(initial.height());
  form->addRow(tr("Preset:"), m_presets);
  form->addRow(tr("Width:"), m_width);
  form->addRow(tr("Height:"), m_height);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_presets, &QComboBox::activated, this, [this](int index) {
    const QSize s = m_presets->itemData(index).toSize();
    if (s.isEmpty()) return;
    m_width->setValue(s.width());
    m_height->setValue(s.height());
  });
}

QSize NewCanvasDialog::canvasSize() const { return QSize(m_width->value(), m_height->value()); }

}  // namespace stipple::ui
