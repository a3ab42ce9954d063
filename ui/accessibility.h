#pragma once
// Names for screen readers where Qt cannot find one: a control whose label points at the row
// that holds it (or at a widget elsewhere in the window) and icon-only buttons. Toolbar buttons
// also name their shortcut in the tooltip, as menu entries do.
class QToolBar;
class QWidget;

namespace stipple::ui {

// Call once a window or dialog has its controls. Never overwrites a name already set.
void nameUnlabelledControls(QWidget* root);
void addShortcutsToToolTips(QToolBar* bar);

}  // namespace stipple::ui
