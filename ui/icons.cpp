#include "icons.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>
#include <QWidget>

namespace stipple::ui {

namespace {

QPixmap render(const QByteArray& svg, const QColor& color, int size, qreal scale) {
  QByteArray tinted = svg;
  tinted.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
  QSvgRenderer renderer(tinted);
  QPixmap pixmap(QSize(size, size) * scale);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setOpacity(color.alphaF());
  renderer.render(&painter);
  painter.end();
  pixmap.setDevicePixelRatio(scale);
  return pixmap;
}

}  // namespace

QIcon themedIcon(const QString& name, const QWidget* widget) {
  QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
  if (!file.open(QIODevice::ReadOnly)) return QIcon::fromTheme(name);
  const QByteArray svg = file.readAll();
  const QPalette palette = widget ? widget->palette() : QApplication::palette();
  QIcon icon;
  for (int size : {16, 20, 24, 32}) {
    for (qreal scale : {1.0, 2.0}) {
      icon.addPixmap(render(svg, palette.color(QPalette::Active, QPalette::ButtonText), size, scale), QIcon::Normal);
      QColor disabled = palette.color(QPalette::Disabled, QPalette::ButtonText);
      disabled.setAlphaF(0.6);
      icon.addPixmap(render(svg, disabled, size, scale), QIcon::Disabled);
    }
  }
  return icon;
}

}  // namespace stipple::ui
