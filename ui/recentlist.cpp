#include "recentlist.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace stipple::ui {

RecentList::RecentList(const QString& settingsKey, QMenu* menu, QObject* parent)
    : QObject(parent), m_key(settingsKey), m_menu(menu) {
  rebuild();
}

QStringList RecentList::paths() const {
  QStringList paths;
  for (const QString& p : QSettings().value(m_key).toStringList())
    if (QFileInfo::exists(p)) paths << p;
  return paths;
}

void RecentList::add(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  QStringList paths = QSettings().value(m_key).toStringList();
  paths.removeAll(absolute);
  paths.prepend(absolute);
  while (paths.size() > kMax) paths.removeLast();
  QSettings().setValue(m_key, paths);
  rebuild();
}

void RecentList::clear() {
  QSettings().remove(m_key);
  rebuild();
}

void RecentList::rebuild() {
  m_menu->clear();
  const QStringList list = paths();
  for (int i = 0; i < list.size(); ++i) {
    const QString& path = list[i];
    const QString label = QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QFileInfo(path).fileName());
    QAction* action = m_menu->addAction(label);
    action->setToolTip(QDir::toNativeSeparators(path));
    action->setStatusTip(QDir::toNativeSeparators(path));
    connect(action, &QAction::triggered, this, [this, path] { Q_EMIT triggered(path); });
  }
  if (!list.isEmpty()) {
    m_menu->addSeparator();
    m_menu->addAction(tr("Clear List"), this, &RecentList::clear);
  }
  m_menu->setEnabled(!list.isEmpty());
}

}  // namespace stipple::ui
