#pragma once
// The autosave file: a whole editing session (canvas, mask, undo history, prompt panel) in
// one file, written atomically and sealed with a SHA-256 checksum so a damaged file is
// recognised instead of restored. No widgets.
//
// Layout: "STIPPLE-SESSION\n" (16 bytes), format version (uint32, big-endian), payload size
// (uint64), the payload (a QDataStream), SHA-256 of the payload (32 bytes). Images are stored
// once each (shared copies are found by their cache key), as zlib-compressed rows.
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "document/canvasdocument.h"

namespace stipple::ui {

struct SessionSnapshot {
  QDateTime saved;
  QString documentPath;  // the file the canvas was opened from or saved to; may be empty
  CanvasDocument::Content content;
  QList<CanvasDocument::UndoStep> steps;
  int undoIndex = 0;
  int cleanIndex = 0;   // -1: the canvas has never matched a saved file
  QJsonObject panel;    // the prompt panel (prompts, mode, model, settings)
};

// Compressed images by QImage::cacheKey(), so a session written again does not compress the
// same pictures again. Filled by encodeSession.
using SessionImageCache = QHash<qint64, QByteArray>;

constexpr quint32 kSessionFormatVersion = 1;

// The whole file's bytes.
QByteArray encodeSession(const SessionSnapshot& snapshot, SessionImageCache* cache = nullptr);

struct SessionReadResult {
  enum class Status { Ok, Unreadable, NotASession, NewerFormat, Damaged };
  Status status = Status::Unreadable;
  QString problem;  // why, in words, for Status != Ok
  SessionSnapshot snapshot;
};
SessionReadResult decodeSession(const QByteArray& bytes);
SessionReadResult readSessionFile(const QString& path);

// Atomic (AtomicFile): a temporary file beside `path`, flushed to disk, then renamed over it;
// the previous file stays intact when anything fails (a full disk).
bool writeSessionFile(const QString& path, const QByteArray& bytes, QString* error);

}  // namespace stipple::ui
