#pragma once
// Crash-safe autosave of the editing session. While the app runs, its session file
// (AppDataLocation/autosave/session-<start>-<pid>.stipple-session) is kept current: written
// in the background, atomically, every few seconds while something changed and at once after
// a finished generation. A lock file beside it marks the session as alive; a clean exit
// removes both. At the next start, a session file whose lock is stale (its process is gone:
// a crash, a kill, a power cut) is offered for recovery.
#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "document/sessionfile.h"

class QTimer;

namespace stipple::ui {

class CanvasDocument;

class Autosaver : public QObject {
  Q_OBJECT

 public:
  using PanelState = std::function<QJsonObject()>;

  // An empty directory means AppDataLocation/autosave. Nothing is written until something
  // changes (markDirty) or saveNow() is called.
  Autosaver(CanvasDocument* document, PanelState panelState, const QString& directory = QString(),
            QObject* parent = nullptr);
  // Waits for a write in flight. The session file stays: only finish() says the exit is clean.
  ~Autosaver() override;

  static QString defaultDirectory();
  QString directory() const { return m_dir; }
  QString filePath() const { return m_path; }
  bool isDirty() const { return m_dirty; }
  bool isWriting() const { return m_pending; }
  QDateTime lastSaved() const { return m_lastSaved; }

  static constexpr int kDefaultIntervalSeconds = 30;
  void setIntervalSeconds(int seconds);
  int intervalSeconds() const;

  // Something in the session changed; it is written at the next tick.
  void markDirty();
  // Writes in the background now (after a finished generation). A write already running is
  // followed by another once it ends.
  void saveSoon();
  // Writes now and waits; returns false with the reason.
  bool saveNow(QString* error = nullptr);
  void waitForWrite();
  // A clean exit: the session file and its lock are removed, nothing is offered next time.
  void finish();

  // Session files in `directory` whose app is no longer running, newest first.
  static QStringList orphans(const QString& directory = QString());
  // Removes a recovered or declined orphan (its file and its lock).
  static void removeOrphan(const QString& path);
  // Keeps a damaged orphan for inspection (renamed *.damaged) so it is not offered again.
  static QString setAsideOrphan(const QString& path);

 Q_SIGNALS:
  void saved(const QString& path);
  // A write failed (a full disk, no permission); the previous session file is intact.
  void failed(const QString& message);

 private:
  SessionSnapshot snapshot() const;
  void startWrite();
  void writeDone();
  bool ensureLocked(QString* error);

  CanvasDocument* m_document;
  PanelState m_panelState;
  QString m_dir;
  QString m_path;
  std::unique_ptr<QLockFile> m_lock;
  QTimer* m_timer = nullptr;
  bool m_dirty = false;
  bool m_again = false;  // saveSoon() while a write ran
  bool m_finished = false;
  bool m_pending = false;  // a background write whose result is not handled yet
  QString m_lastError;   // reported once until a write succeeds
  QDateTime m_lastSaved;
  SessionImageCache m_cache;
  struct WriteResult {
    bool ok = false;
    QString error;
    SessionImageCache cache;
  };
  QFutureWatcher<WriteResult> m_watcher;
  static WriteResult write(const SessionSnapshot& snapshot, SessionImageCache cache, const QString& path);
  void handleResult(const WriteResult& result);
};

}  // namespace stipple::ui
