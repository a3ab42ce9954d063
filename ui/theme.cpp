#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

#include "preferences.h"

namespace stipple::ui {

namespace {

QString themeSetting() {
  const QByteArray env = qgetenv("STIPPLE_THEME");
  if (!env.isEmpty()) return QString::fromLatin1(env).toLower();
  return Preferences::load().theme;
}

QPalette darkPalette() {
  const QColor window(0x35, 0x35, 0x39);
  const QColor base(0x27, 0x27, 0x2b);
  const QColor text(0xdc, 0xdc, 0xe0);
  const QColor disabledText(0x80, 0x80, 0x86);
  const QColor highlight(0x3d, 0x7e, 0xd6);
  QPalette p;
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x2e, 0x2e, 0x33));
  p.setColor(QPalette::ToolTipBase, QColor(0x20, 0x20, 0x24));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x92));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(0x40, 0x40, 0x45));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
  p.setColor(QPalette::Light, QColor(0x55, 0x55, 0x5b));
  p.setColor(QPalette::Midlight, QColor(0x48, 0x48, 0x4e));
  p.setColor(QPalette::Mid, QColor(0x2c, 0x2c, 0x30));
  p.setColor(QPalette::Dark, QColor(0x1f, 0x1f, 0x22));
  p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x12));
  p.setColor(QPalette::Highlight, highlight);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x6a, 0xa8, 0xff));
  p.setColor(QPalette::LinkVisited, QColor(0xa8, 0x8a, 0xff));
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, disabledText);
  p.setColor(QPalette::Disabled, QPalette::Base, window);
  p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x3a, 0x3a, 0x3e));
  p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x56));
  return p;
}

}  // namespace

bool isDarkTheme() { return QApplication::palette().color(QPalette::Window).lightness() < 128; }

void applyTheme(QApplication& app) {
  const QString theme = themeSetting();
  if (theme == QLatin1String("system")) return;
  QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
  if (fusion) app.setStyle(fusion);
  app.setPalette(theme == QLatin1String("light") && fusion ? fusion->standardPalette() : darkPalette());
}

}  // namespace stipple::ui
