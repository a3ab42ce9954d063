#pragma once
// The look: a neutral dark Fusion palette by default, as painting programs use (a dark, grey
// surround does not shift how colours in the image are judged), Fusion's light palette when the
// setting "appearance/theme" is "light", or the platform's own style when it is "system"
// (STIPPLE_THEME overrides the setting).
class QApplication;

namespace stipple::ui {

void applyTheme(QApplication& app);
bool isDarkTheme();

}  // namespace stipple::ui
