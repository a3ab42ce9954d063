#pragma once
// Line icons from :/icons/*.svg drawn in the palette's text colour, so they suit light and dark
// themes alike (the SVGs use "currentColor"). Falls back to the theme icon of the same name.
#include <QIcon>
#include <QString>

class QWidget;

namespace stipple::ui {

QIcon themedIcon(const QString& name, const QWidget* widget = nullptr);

}  // namespace stipple::ui
