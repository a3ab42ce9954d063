#pragma once
// Every generated image, kept on disk as a PNG with its "parameters" chunk (plus a small
// thumbnail) in QStandardPaths::AppDataLocation/history, so the history survives a restart.
// Newest first. No widgets.
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QObject>
#include <QString>

namespace stipple::ui {

struct HistoryEntry {
  QString id;          // file name without extension; sorts by creation time
  QString path;        // the full-size PNG
  QString parameters;  // A1111 infotext
  QDateTime created;
  QImage thumbnail;
};

class HistoryStore : public QObject {
  Q_OBJECT

 public:
  // An empty directory means AppDataLocation/history.
  explicit HistoryStore(const QString& directory = QString(), QObject* parent = nullptr);

  QString directory() const { return m_dir; }
  const QList<HistoryEntry>& entries() const { return m_entries; }
  const HistoryEntry* find(const QString& id) const;
  QImage image(const QString& id) const;

  // Writes the image and its thumbnail; returns the new entry's id, or empty with `error`.
  QString add(const QImage& image, const QString& parameters, QString* error = nullptr);
  bool remove(const QString& id);
  void reload();

  static constexpr int kThumbnailSize = 160;

 Q_SIGNALS:
  void entryAdded(const stipple::ui::HistoryEntry& entry);
  void entryRemoved(const QString& id);

 private:
  QString thumbnailPath(const QString& id) const;
  HistoryEntry readEntry(const QString& pngPath) const;

  QString m_dir;
  QList<HistoryEntry> m_entries;
};

}  // namespace stipple::ui

Q_DECLARE_METATYPE(stipple::ui::HistoryEntry)
