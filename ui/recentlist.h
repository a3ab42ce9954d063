#pragma once
// A most-recently-used list of paths kept in QSettings and shown in a menu.
#include <QObject>
#include <QStringList>

class QMenu;

namespace stipple::ui {

class RecentList : public QObject {
  Q_OBJECT

 public:
  RecentList(const QString& settingsKey, QMenu* menu, QObject* parent = nullptr);

  void add(const QString& path);
  QStringList paths() const;
  void clear();

 Q_SIGNALS:
  void triggered(const QString& path);

 private:
  void rebuild();

  QString m_key;
  QMenu* m_menu;
  static constexpr int kMax = 10;
};

}  // namespace stipple::ui
