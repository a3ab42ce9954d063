#include "accessibility.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QKeySequence>
#include <QLabel>
#include <QRegularExpression>
#include <QToolBar>
#include <QWidget>

namespace stipple::ui {

namespace {

// "&Model folders:" -> "Model folders"; "Fill Mask (Ctrl+Shift+F)" -> "Fill Mask".
QString spokenText(QString text) {
  text.remove(QRegularExpression(QStringLiteral("&(?=\\S)")));
  text.remove(QRegularExpression(QStringLiteral("\\s*\\([^()]*\\)\\s*$")));
  text.remove(QRegularExpression(QStringLiteral("[:：]\\s*$")));
  return text.trimmed();
}

bool isControl(QWidget* w) {
  if (!(w->focusPolicy() & Qt::TabFocus)) return false;
  // The editors inside spin and combo boxes speak through their box.
  return !qobject_cast<QAbstractSpinBox*>(w->parentWidget()) && !qobject_cast<QComboBox*>(w->parentWidget());
}

void nameIfUnnamed(QWidget* w, const QString& name) {
  if (w->accessibleName().isEmpty() && !name.isEmpty()) w->setAccessibleName(name);
}

}  // namespace

void nameUnlabelledControls(QWidget* root) {
  for (QLabel* label : root->findChildren<QLabel*>()) {
    QWidget* buddy = label->buddy();
    if (!buddy) continue;
    const QString name = spokenText(label->text());
    if (isControl(buddy)) {
      // Qt finds a buddy label among the control's siblings only.
      if (buddy->parentWidget() != label->parentWidget()) nameIfUnnamed(buddy, name);
      continue;
    }
    // The label names a row of controls: each takes its own tooltip (which tells them apart),
    // else the label's text.
    for (QWidget* w : buddy->findChildren<QWidget*>()) {
      if (!isControl(w)) continue;
      const auto* button = qobject_cast<QAbstractButton*>(w);
      if (button && !button->text().isEmpty()) continue;
      nameIfUnnamed(w, w->toolTip().isEmpty() ? name : spokenText(w->toolTip()));
    }
  }
  for (QAbstractButton* button : root->findChildren<QAbstractButton*>())
    if (button->text().isEmpty() && isControl(button)) nameIfUnnamed(button, spokenText(button->toolTip()));
}

void addShortcutsToToolTips(QToolBar* bar) {
  for (QAction* action : bar->actions()) {
    if (action->shortcut().isEmpty()) continue;
    const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
    if (action->toolTip().contains(shortcut)) continue;
    action->setToolTip(QStringLiteral("%1 (%2)").arg(spokenText(action->text()), shortcut));
  }
}

}  // namespace stipple::ui
