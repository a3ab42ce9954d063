#include "autosaver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

#include "document/canvasdocument.h"

namespace stipple::ui {

namespace {

const QString kSuffix = QStringLiteral(".stipple-session");

QString lockPathFor(const QString& sessionPath) { return sessionPath + QStringLiteral(".lock"); }

}  // namespace

Autosaver::Autosaver(CanvasDocument* document, PanelState panelState, const QString& directory, QObject* parent)
    : QObject(parent), m_document(document), m_panelState(std::move(panelState)),
      m_dir(directory.isEmpty() ? defaultDirectory() : directory) {
  m_path = QDir(m_dir).filePath(QStringLiteral("session-%1-%2%3")
                                    .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                                    .arg(QCoreApplication::applicationPid())
                                    .arg(kSuffix));
  m_timer = new QTimer(this);
  m_timer->setInterval(kDefaultIntervalSeconds * 1000);
  connect(m_timer, &QTimer::timeout, this, [this] {
    if (m_dirty && !isWriting()) startWrite();
  });
  m_timer->start();
  connect(&m_watcher, &QFutureWatcher<WriteResult>::finished, this, &Autosaver::writeDone);
}

Autosaver::~Autosaver() { m_watcher.waitForFinished(); }

QString Autosaver::defaultDirectory() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

void Autosaver::setIntervalSeconds(int seconds) { m_timer->setInterval(std::max(1, seconds) * 1000); }

int Autosaver::intervalSeconds() const { return m_timer->interval() / 1000; }

void Autosaver::markDirty() {
  if (!m_finished) m_dirty = true;
}

SessionSnapshot Autosaver::snapshot() const {
  SessionSnapshot s;
  s.saved = QDateTime::currentDateTime();
  s.documentPath = m_document->filePath();
  s.content = m_document->content();
  s.steps = m_document->undoSteps();
  s.undoIndex = m_document->undoIndex();
  s.cleanIndex = m_document->cleanIndex();
  if (m_panelState) s.panel = m_panelState();
  return s;
}

bool Autosaver::ensureLocked(QString* error) {
  if (m_lock && m_lock->isLocked()) return true;
  if (!QDir().mkpath(m_dir)) {
    *error = tr("cannot create the folder %1").arg(QDir::toNativeSeparators(m_dir));
    return false;
  }
  m_lock = std::make_unique<QLockFile>(lockPathFor(m_path));
  m_lock->setStaleLockTime(0);  // stale only when its process is gone, never by age
  if (!m_lock->tryLock(0)) {
    *error = m_lock->error() == QLockFile::PermissionError
                 ? tr("no permission to write in %1").arg(QDir::toNativeSeparators(m_dir))
                 : tr("the session file is held by another process");
    return false;
  }
  return true;
}

void Autosaver::startWrite() {
  if (m_finished) return;
  QString error;
  if (!ensureLocked(&error)) {
    WriteResult result;
    result.error = error;
    handleResult(result);
    return;
  }
  m_dirty = false;
  m_again = false;
  m_pending = true;
  // The snapshot shares its images with the document (copy on write); the worker only reads.
  m_watcher.setFuture(QtConcurrent::run(&Autosaver::write, snapshot(), m_cache, m_path));
}

Autosaver::WriteResult Autosaver::write(const SessionSnapshot& snapshot, SessionImageCache cache, const QString& path) {
  WriteResult result;
  result.cache = std::move(cache);
  result.ok = writeSessionFile(path, encodeSession(snapshot, &result.cache), &result.error);
  return result;
}

void Autosaver::writeDone() {
  if (!m_pending) return;  // already handled by waitForWrite()
  m_pending = false;
  handleResult(m_watcher.result());
  if (m_again && !m_finished) startWrite();
}

void Autosaver::handleResult(const WriteResult& result) {
  if (result.ok) {
    m_cache = result.cache;
    m_lastSaved = QDateTime::currentDateTime();
    m_lastError.clear();
    Q_EMIT saved(m_path);
  } else {
    m_dirty = true;  // try again at the next tick
    const QString message = tr("Autosave failed: %1. The previous autosave is kept.").arg(result.error);
    if (message != m_lastError) {
      m_lastError = message;
      Q_EMIT failed(message);
    }
  }
}

void Autosaver::saveSoon() {
  if (m_finished) return;
  m_dirty = true;
  if (isWriting())
    m_again = true;
  else
    startWrite();
}

bool Autosaver::saveNow(QString* error) {
  waitForWrite();
  if (m_finished) return false;
  QString problem;
  if (!ensureLocked(&problem)) {
    if (error) *error = problem;
    return false;
  }
  m_dirty = false;
  const WriteResult result = write(snapshot(), m_cache, m_path);
  handleResult(result);
  if (!result.ok && error) *error = result.error;
  return result.ok;
}

void Autosaver::waitForWrite() {
  if (!m_pending) return;
  m_watcher.waitForFinished();
  writeDone();  // now, rather than when the queued finished signal arrives
}

void Autosaver::finish() {
  m_timer->stop();
  m_again = false;
  m_finished = true;
  m_watcher.waitForFinished();
  QFile::remove(m_path);
  if (m_lock) m_lock->unlock();  // removes the lock file
}

QStringList Autosaver::orphans(const QString& directory) {
  const QDir dir(directory.isEmpty() ? defaultDirectory() : directory);
  QFileInfoList files = dir.entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files);
  std::sort(files.begin(), files.end(),
            [](const QFileInfo& a, const QFileInfo& b) { return a.lastModified() > b.lastModified(); });
  QStringList found;
  for (const QFileInfo& info : files) {
    const QString lockPath = lockPathFor(info.absoluteFilePath());
    if (QFileInfo::exists(lockPath)) {
      QLockFile lock(lockPath);
      lock.setStaleLockTime(0);
      if (!lock.tryLock(0)) continue;  // its app is running
      lock.unlock();
    }
    found << info.absoluteFilePath();
  }
  return found;
}

void Autosaver::removeOrphan(const QString& path) {
  QFile::remove(path);
  QFile::remove(lockPathFor(path));
}

QString Autosaver::setAsideOrphan(const QString& path) {
  QString target = path + QStringLiteral(".damaged");
  for (int n = 2; QFileInfo::exists(target); ++n) target = path + QStringLiteral(".damaged-%1").arg(n);
  if (!QFile::rename(path, target)) return {};  // left where it is; offered (and reported) again
  QFile::remove(lockPathFor(path));
  return target;
}

}  // namespace stipple::ui
