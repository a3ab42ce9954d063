#include "document/sessionfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonDocument>
#include <QtEndian>
#include <cstring>

#include "io/atomic_file.h"


namespace stipple::ui {

// The context of this file's messages in the translation catalogues.
class SessionFile {
  Q_DECLARE_TR_FUNCTIONS(SessionFile)
};

namespace {

const QByteArray kMagic = QByteArrayLiteral("STIPPLE-SESSION\n");
constexpr qsizetype kHeaderSize = 16 + 4 + 8;
constexpr qsizetype kHashSize = 32;
constexpr int kMaxSide = 65536;
constexpr qint64 kMaxImageBytes = qint64(1) << 30;


enum class ImageKind : quint8 { Null = 0, Rgb = 1, Gray = 2 };

int bytesPerPixel(ImageKind kind) { return kind == ImageKind::Rgb ? 3 : 1; }

// Each distinct image once; the payload refers to them by index.
class ImageTableWriter {
 public:
  explicit ImageTableWriter(SessionImageCache* cache) : m_cache(cache) {}

  qint32 add(const QImage& image) {
    if (image.isNull()) return -1;
    const qint64 key = image.cacheKey();
    if (auto it = m_index.constFind(key); it != m_index.constEnd()) return *it;
    const qint32 index = static_cast<qint32>(m_images.size());
    m_index.insert(key, index);
    m_images.append(image);
    return index;
  }

  void write(QDataStream& out, SessionImageCache* used) {
    out << static_cast<quint32>(m_images.size());
    for (const QImage& image : m_images) {
      const ImageKind kind = image.format() == QImage::Format_Grayscale8 ? ImageKind::Gray : ImageKind::Rgb;
      const QImage packed = kind == ImageKind::Gray ? image : image.convertToFormat(QImage::Format_RGB888);
      const qint64 key = image.cacheKey();
      QByteArray compressed = m_cache ? m_cache->value(key) : QByteArray();
      if (compressed.isEmpty()) {
        const qsizetype rowBytes = static_cast<qsizetype>(packed.width()) * bytesPerPixel(kind);
        QByteArray raw(rowBytes * packed.height(), Qt::Uninitialized);
        for (int y = 0; y < packed.height(); ++y)
          std::memcpy(raw.data() + y * rowBytes, packed.constScanLine(y), static_cast<size_t>(rowBytes));
        compressed = qCompress(raw, 1);
      }
      if (used) used->insert(key, compressed);
      out << static_cast<qint32>(packed.width()) << static_cast<qint32>(packed.height())
          << static_cast<quint8>(kind) << compressed;
    }
  }

 private:
  SessionImageCache* m_cache;
  QHash<qint64, qint32> m_index;
  QList<QImage> m_images;
};

void writeContent(QDataStream& out, ImageTableWriter& images, const CanvasDocument::Content& content) {
  out << images.add(content.image) << images.add(content.mask) << content.parameters
      << static_cast<quint8>(content.origin);
}

// Reading: every count and size is checked before it is trusted.
struct Reader {
  QDataStream& in;
  QList<QImage> images;
  QString problem;

  bool fail(const QString& why) {
    if (problem.isEmpty()) problem = why;
    return false;
  }
  bool ok() const { return problem.isEmpty() && in.status() == QDataStream::Ok; }

  bool readImages() {
    quint32 count = 0;
    in >> count;
    if (in.status() != QDataStream::Ok) return fail(SessionFile::tr("the image table is cut short"));
    for (quint32 i = 0; i < count; ++i) {
      qint32 width = 0;
      qint32 height = 0;
      quint8 kindByte = 0;
      QByteArray compressed;
      in >> width >> height >> kindByte;
      if (in.status() != QDataStream::Ok) return fail(SessionFile::tr("the image table is cut short"));
      const auto kind = static_cast<ImageKind>(kindByte);
      if (kind != ImageKind::Rgb && kind != ImageKind::Gray) return fail(SessionFile::tr("image %1 has an unknown format").arg(i));
      if (width < 1 || height < 1 || width > kMaxSide || height > kMaxSide)
        return fail(SessionFile::tr("image %1 has an impossible size %2×%3").arg(i).arg(width).arg(height));
      const qint64 rowBytes = qint64(width) * bytesPerPixel(kind);
      const qint64 size = rowBytes * height;
      if (size > kMaxImageBytes) return fail(SessionFile::tr("image %1 is too large").arg(i));
      in >> compressed;
      if (in.status() != QDataStream::Ok) return fail(SessionFile::tr("image %1 is cut short").arg(i));
      // qUncompress allocates what the first four bytes claim: check the claim first.
      if (compressed.size() < 4 || qFromBigEndian<quint32>(compressed.constData()) != static_cast<quint32>(size))
        return fail(SessionFile::tr("image %1 does not match its size").arg(i));
      const QByteArray raw = qUncompress(compressed);
      if (raw.size() != size) return fail(SessionFile::tr("image %1 does not decompress").arg(i));
      QImage image(width, height, kind == ImageKind::Gray ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
      if (image.isNull()) return fail(SessionFile::tr("image %1 does not fit in memory").arg(i));
      for (int y = 0; y < height; ++y)
        std::memcpy(image.scanLine(y), raw.constData() + y * rowBytes, static_cast<size_t>(rowBytes));
      images.append(image);
    }
    return true;
  }

  bool readImage(QImage* image) {
    qint32 index = -1;
    in >> index;
    if (index == -1) {
      *image = QImage();
      return true;
    }
    if (index < 0 || index >= images.size()) return fail(SessionFile::tr("an image reference is out of range"));
    *image = images[index];
    return true;
  }

  bool readContent(CanvasDocument::Content* content) {
    quint8 origin = 0;
    if (!readImage(&content->image) || !readImage(&content->mask)) return false;
    in >> content->parameters >> origin;
    if (origin > static_cast<quint8>(CanvasDocument::Origin::Generated)) return fail(SessionFile::tr("a canvas origin is unknown"));
    content->origin = static_cast<CanvasDocument::Origin>(origin);
    return ok() || fail(SessionFile::tr("a canvas record is cut short"));
  }
};

SessionReadResult failure(SessionReadResult::Status status, const QString& problem) {
  SessionReadResult result;
  result.status = status;
  result.problem = problem;
  return result;
}

}  // namespace

QByteArray encodeSession(const SessionSnapshot& snapshot, SessionImageCache* cache) {
  // The image table comes first in the payload but is filled while the records are written:
  // records go to their own buffer, then both are joined.
  ImageTableWriter images(cache);
  QByteArray records;
  {
    QDataStream out(&records, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << snapshot.saved << snapshot.documentPath
        << QJsonDocument(snapshot.panel).toJson(QJsonDocument::Compact);
    writeContent(out, images, snapshot.content);
    out << static_cast<quint32>(snapshot.steps.size());
    for (const CanvasDocument::UndoStep& step : snapshot.steps) {
      out << static_cast<quint8>(step.kind) << step.text;
      if (step.kind == CanvasDocument::UndoStep::Kind::Content) {
        writeContent(out, images, step.before);
        writeContent(out, images, step.after);
      } else {
        out << step.topLeft << images.add(step.maskBefore) << images.add(step.maskAfter);
      }
    }
    out << static_cast<qint32>(snapshot.undoIndex) << static_cast<qint32>(snapshot.cleanIndex);
  }
  QByteArray payload;
  {
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    SessionImageCache used;
    images.write(out, cache ? &used : nullptr);
    if (cache) *cache = used;  // only what this session still holds
  }
  payload.append(records);

  QByteArray file;
  file.reserve(kHeaderSize + payload.size() + kHashSize);
  file.append(kMagic);
  char header[12];
  qToBigEndian<quint32>(kSessionFormatVersion, header);
  qToBigEndian<quint64>(static_cast<quint64>(payload.size()), header + 4);
  file.append(header, sizeof header);
  file.append(payload);
  file.append(QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
  return file;
}

SessionReadResult decodeSession(const QByteArray& bytes) {
  using Status = SessionReadResult::Status;
  if (bytes.size() < kMagic.size() || !bytes.startsWith(kMagic))
    return failure(Status::NotASession, SessionFile::tr("it is not a Stipple session file"));
  if (bytes.size() < kHeaderSize + kHashSize)
    return failure(Status::Damaged, SessionFile::tr("it is cut short (%n bytes)", nullptr, static_cast<int>(bytes.size())));
  const quint32 version = qFromBigEndian<quint32>(bytes.constData() + 16);
  if (version > kSessionFormatVersion)
    return failure(Status::NewerFormat, SessionFile::tr("it was written by a newer Stipple (format %1)").arg(version));
  if (version == 0) return failure(Status::Damaged, SessionFile::tr("its format number is damaged"));
  const quint64 size = qFromBigEndian<quint64>(bytes.constData() + 20);
  if (size != static_cast<quint64>(bytes.size() - kHeaderSize - kHashSize))
    return failure(Status::Damaged, SessionFile::tr("its length does not match its header (the file is cut short or has extra bytes)"));
  const QByteArray payload = bytes.mid(kHeaderSize, static_cast<qsizetype>(size));
  if (QCryptographicHash::hash(payload, QCryptographicHash::Sha256) != bytes.right(kHashSize))
    return failure(Status::Damaged, SessionFile::tr("its checksum does not match (the file is damaged)"));

  // A checksum that matches means these are the bytes that were written; the parse still checks.
  QDataStream in(payload);
  in.setVersion(QDataStream::Qt_6_4);
  Reader reader{in, {}, {}};
  SessionReadResult result;
  SessionSnapshot& s = result.snapshot;
  QByteArray panelJson;
  quint32 stepCount = 0;
  qint32 undoIndex = 0;
  qint32 cleanIndex = 0;
  bool ok = reader.readImages();
  if (ok) {
    in >> s.saved >> s.documentPath >> panelJson;
    ok = reader.ok() || reader.fail(SessionFile::tr("the session header is cut short"));
  }
  if (ok) {
    const QJsonDocument panel = QJsonDocument::fromJson(panelJson);
    if (!panelJson.isEmpty() && !panel.isObject()) ok = reader.fail(SessionFile::tr("the prompt panel record is damaged"));
    s.panel = panel.object();
  }
  ok = ok && reader.readContent(&s.content);
  if (ok) {
    in >> stepCount;
    if (in.status() != QDataStream::Ok || stepCount > 1'000'000) ok = reader.fail(SessionFile::tr("the undo history is damaged"));
  }
  for (quint32 i = 0; ok && i < stepCount; ++i) {
    CanvasDocument::UndoStep step;
    quint8 kind = 0;
    in >> kind >> step.text;
    if (kind == static_cast<quint8>(CanvasDocument::UndoStep::Kind::Content)) {
      step.kind = CanvasDocument::UndoStep::Kind::Content;
      ok = reader.readContent(&step.before) && reader.readContent(&step.after);
    } else if (kind == static_cast<quint8>(CanvasDocument::UndoStep::Kind::Mask)) {
      step.kind = CanvasDocument::UndoStep::Kind::Mask;
      in >> step.topLeft;
      ok = reader.readImage(&step.maskBefore) && reader.readImage(&step.maskAfter);
    } else {
      ok = reader.fail(SessionFile::tr("undo step %1 has an unknown kind").arg(i + 1));
    }
    ok = ok && (reader.ok() || reader.fail(SessionFile::tr("undo step %1 is cut short").arg(i + 1)));
    if (ok) s.steps.append(step);
  }
  if (ok) {
    in >> undoIndex >> cleanIndex;
    ok = reader.ok() || reader.fail(SessionFile::tr("the undo position is cut short"));
  }
  if (ok && !in.atEnd()) ok = reader.fail(SessionFile::tr("there are bytes after the last record"));
  if (!ok) return failure(Status::Damaged, reader.problem);
  s.undoIndex = undoIndex;
  s.cleanIndex = cleanIndex;
  result.status = Status::Ok;
  return result;
}

SessionReadResult readSessionFile(const QString& path) {
  QFile file(path);
  if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
    return failure(SessionReadResult::Status::Unreadable, file.errorString());
  return decodeSession(file.readAll());
}

bool writeSessionFile(const QString& path, const QByteArray& bytes, QString* error) {
  try {
    AtomicFile file(QFile::encodeName(path).toStdString());
    file.write(bytes.constData(), static_cast<size_t>(bytes.size()));
    file.commit();
    return true;
  } catch (const std::exception& e) {
    if (error) *error = QString::fromLocal8Bit(e.what());
    return false;
  }
}

}  // namespace stipple::ui
