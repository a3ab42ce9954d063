#include "document/historystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QStandardPaths>

#include "document/canvasdocument.h"

namespace stipple::ui {

namespace {
const QString kStamp = QStringLiteral("yyyyMMdd-HHmmss-zzz");
}

HistoryStore::HistoryStore(const QString& directory, QObject* parent) : QObject(parent), m_dir(directory) {
  if (m_dir.isEmpty())
    m_dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history");
  QDir().mkpath(m_dir + QStringLiteral("/thumbnails"));
  reload();
}

QString HistoryStore::thumbnailPath(const QString& id) const {
  return m_dir + QStringLiteral("/thumbnails/") + id + QStringLiteral(".jpg");
}

HistoryEntry HistoryStore::readEntry(const QString& pngPath) const {
  HistoryEntry entry;
  const QFileInfo info(pngPath);
  entry.id = info.completeBaseName();
  entry.path = info.absoluteFilePath();
  entry.created = QDateTime::fromString(entry.id.left(kStamp.size()), kStamp);
  if (!entry.created.isValid()) entry.created = info.lastModified();
  QImageReader header(pngPath);
  entry.parameters = header.text(QStringLiteral("parameters"));
  entry.thumbnail = QImage(thumbnailPath(entry.id));
  if (entry.thumbnail.isNull()) {
    // A missing thumbnail (older entry, or deleted by hand) is made again from the image.
    const QImage full(pngPath);
    if (!full.isNull()) {
      entry.thumbnail = full.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
      entry.thumbnail.save(thumbnailPath(entry.id), "JPG", 90);
    }
  }
  return entry;
}

void HistoryStore::reload() {
  m_entries.clear();
  QDir dir(m_dir);
  const QStringList files = dir.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name | QDir::Reversed);
  for (const QString& file : files) m_entries.append(readEntry(dir.filePath(file)));
}

const HistoryEntry* HistoryStore::find(const QString& id) const {
  for (const HistoryEntry& e : m_entries)
    if (e.id == id) return &e;
  return nullptr;
}

QImage HistoryStore::image(const QString& id) const {
  const HistoryEntry* entry = find(id);
  return entry ? QImage(entry->path) : QImage();
}

QString HistoryStore::add(const QImage& image, const QString& parameters, QString* error) {
  QDir().mkpath(m_dir + QStringLiteral("/thumbnails"));
  const QDateTime now = QDateTime::currentDateTime();
  QString id = now.toString(kStamp);
  for (int n = 2; QFile::exists(m_dir + QLatin1Char('/') + id + QStringLiteral(".png")); ++n)
    id = now.toString(kStamp) + QStringLiteral("-%1").arg(n);
  const QString path = m_dir + QLatin1Char('/') + id + QStringLiteral(".png");
  if (!CanvasDocument::writeImage(image, parameters, path, error)) return {};
  HistoryEntry entry;
  entry.id = id;
  entry.path = path;
  entry.parameters = parameters;
  entry.created = now;
  entry.thumbnail = image.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  entry.thumbnail.save(thumbnailPath(id), "JPG", 90);
  m_entries.prepend(entry);
  Q_EMIT entryAdded(entry);
  return id;
}

bool HistoryStore::remove(const QString& id) {
  for (qsizetype i = 0; i < m_entries.size(); ++i) {
    if (m_entries[i].id != id) continue;
    QFile::remove(m_entries[i].path);
    QFile::remove(thumbnailPath(id));
    m_entries.removeAt(i);
    Q_EMIT entryRemoved(id);
    return true;
  }
  return false;
}

}  // namespace stipple::ui
