#pragma once
// The look: a neutral dark Fusion palette by default, as painting programs use (a dark, grey
// surround does not shift how colours in the image are judged), or the platform's own style
// when the setting "appearance/theme" is "system" (or STIPPLE_THEME=system).
class QApplication;

namespace stipple::ui {

void applyTheme(QApplication& app);
bool isDarkTheme();

}  // namespace stipple::ui
