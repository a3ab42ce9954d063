#include "document/canvasdocument.h"

#include <algorithm>

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QUndoStack>
#include <cstring>

#include "document/contentcommand.h"
#include "document/maskeditcommand.h"
#include "document/pngtext.h"
#include "image/image_io.h"
#include "jobs/foreignmetadata.h"
#include "jobs/imageconvert.h"
#include "jobs/imagefile.h"
#include "jobs/outpaint.h"

namespace stipple::ui {

namespace {

QImage emptyMask(const QSize& size) {
  QImage mask(size, QImage::Format_Grayscale8);
  mask.fill(0);
  return mask;
}

// Bounding rectangle of the pixels where two equally sized 8-bit images differ.
QRect differingRect(const QImage& a, const QImage& b) {
  QRect rect;
  for (int y = 0; y < a.height(); ++y) {
    const uchar* ra = a.constScanLine(y);
    const uchar* rb = b.constScanLine(y);
    if (std::memcmp(ra, rb, static_cast<size_t>(a.width())) == 0) continue;
    int left = 0;
    while (ra[left] == rb[left]) ++left;
    int right = a.width() - 1;
    while (ra[right] == rb[right]) --right;
    rect |= QRect(left, y, right - left + 1, 1);
  }
  return rect;
}

}  // namespace

CanvasDocument::CanvasDocument(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this)) {
  m_undo->setUndoLimit(kUndoLimit);  // only possible while the stack is empty
  connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
  newCanvas(QSize(512, 512));
}

CanvasDocument::~CanvasDocument() {
  // The undo stack clears itself when deleted and would report that to listeners of a document
  // that is already half gone.
  m_undo->blockSignals(true);
  delete m_undo;
}

bool CanvasDocument::isModified() const { return !m_undo->isClean(); }

void CanvasDocument::resetContent(const Content& content) {
  if (m_stroking) endStroke();
  m_undo->clear();
  setContent(content);
  m_undo->setClean();
}

void CanvasDocument::setContent(const Content& content) {
  const bool resized = content.image.size() != m_content.image.size();
  m_content = content;
  if (resized) Q_EMIT sizeChanged(m_content.image.size());
  Q_EMIT imageChanged(m_content.image.rect());
  Q_EMIT maskChanged(m_content.mask.rect());
  Q_EMIT contentReplaced();
}

void CanvasDocument::newCanvas(const QSize& size, const QColor& fill) {
  Content content;
  content.image = QImage(size, QImage::Format_RGB888);
  content.image.fill(fill);
  content.mask = emptyMask(size);
  content.origin = Origin::Blank;
  resetContent(content);
  m_filePath.clear();
  Q_EMIT filePathChanged(m_filePath);
}

QImage CanvasDocument::readImage(const QString& path, QString* error, QString* parameters) {
  // What no decoder should be handed: a FIFO (it would block), a link loop, a size claim over the
  // limit, a file cut short (Qt would fill the rest in grey). Same checks as the engine's loader.
  const std::string local = QFile::encodeName(path).toStdString();
  if (const std::string problem = check_image_file(local); !problem.empty()) {
    const std::string reason = problem.rfind(local + ": ", 0) == 0 ? problem.substr(local.size() + 2) : problem;
    if (error) *error = tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), QString::fromStdString(reason));
    return {};
  }
  QImageReader reader(path);
  reader.setAutoTransform(true);  // EXIF orientation
  // Qt's default limit (128 MB decoded) would turn away pictures the engine takes (64 MP, up to
  // 8 bytes a pixel for 16-bit RGBA), or send them down the OpenCV path without their text.
  reader.setAllocationLimit(static_cast<int>(ImageLimits{}.max_pixels * 8 / (1024 * 1024)));
  QImage image = reader.read();
  if (image.isNull() && jobs::openCvCanRead(path)) image = jobs::readWithOpenCv(path, nullptr);  // e.g. WebP
  if (image.isNull()) {
    if (error) *error = tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), reader.errorString());
    return {};
  }
  if (parameters) {
    // A1111's "parameters", or what ComfyUI and InvokeAI wrote, as A1111 infotext.
    QMap<QString, QString> texts;
    for (const QString& key : image.textKeys()) texts.insert(key, image.text(key));
    *parameters = jobs::infotextFromPngTexts(texts);
  }
  return jobs::flattenToRgb(image);
}

bool CanvasDocument::open(const QString& path, QString* error) {
  Content content;
  content.image = readImage(path, error, &content.parameters);
  if (content.image.isNull()) return false;
  content.mask = emptyMask(content.image.size());
  content.origin = Origin::Imported;
  resetContent(content);
  m_filePath = path;
  Q_EMIT filePathChanged(m_filePath);
  return true;
}

void CanvasDocument::replaceImage(const QImage& image, const QString& parameters, Origin origin,
                                  const QString& undoText) {
  if (image.isNull()) return;
  if (m_stroking) endStroke();
  Content after;
  after.image = jobs::flattenToRgb(image);
  after.mask = after.image.size() == size() ? m_content.mask : emptyMask(after.image.size());
  after.parameters = parameters;
  after.origin = origin;
  m_undo->push(new ContentCommand(this, m_content, after, undoText));
}

QString CanvasDocument::extendCanvas(const QMargins& margins, int feather) {
  if (m_stroking) endStroke();
  if (const QString problem = jobs::checkExtension(size(), margins, feather); !problem.isEmpty()) return problem;
  jobs::ExtendedCanvas grown;
  try {
    grown = jobs::extendCanvas(m_content.image, maskIsEmpty() ? QImage() : m_content.mask, margins, feather);
  } catch (const std::exception& e) {
    return QString::fromLocal8Bit(e.what());
  }
  Content after;
  after.image = grown.image;
  after.mask = grown.mask;
  after.parameters = m_content.parameters;
  after.origin = m_content.origin == Origin::Blank ? Origin::Imported : m_content.origin;
  m_undo->push(new ContentCommand(this, m_content, after, tr("Extend Canvas")));
  return {};
}

void CanvasDocument::applyResult(const QImage& result, const QString& parameters, const QPoint& at) {
  if (result.isNull()) return;
  const Origin origin = m_content.origin == Origin::Blank ? Origin::Generated : m_content.origin;
  if (at.isNull() && result.size() != size()) {
    replaceImage(result, parameters, Origin::Generated, tr("Generate"));
    return;
  }
  QImage composed = m_content.image.copy();
  QPainter painter(&composed);
  painter.drawImage(at, jobs::flattenToRgb(result));
  painter.end();
  replaceImage(composed, parameters, origin, tr("Generate"));
}

bool CanvasDocument::writeImage(const QImage& image, const QString& parameters, const QString& path,
                                QString* error) {
  auto fail = [&](const QString& why) {
    if (error) *error = tr("Cannot save %1: %2").arg(QFileInfo(path).fileName(), why);
    return false;
  };
  QSaveFile file(path);  // never leaves a half-written file behind
  if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
  QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
  if (format == "jpeg") format = "jpg";
  if (!QImageWriter::supportedImageFormats().contains(format)) {
    // Formats without a Qt plugin here (WebP) go through OpenCV's encoders.
    if (!jobs::openCvCanWrite(path)) return fail(tr("unsupported file type"));
    QString why;
    const QByteArray bytes = jobs::encodeWithOpenCv(image, path, 95, &why);
    if (bytes.isEmpty()) return fail(why);
    if (file.write(bytes) != bytes.size() || !file.commit()) return fail(file.errorString());
    return true;
  }
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  QImageWriter writer(&buffer, format);
  if (format == "jpg" || format == "webp") writer.setQuality(95);
  if (format == "png") writer.setCompression(6);
  QImage tagged = image;
  if (!tagged.textKeys().isEmpty()) {
    // Texts read from an opened file would be written again by Qt (compressed) next to ours.
    tagged = QImage(image.constBits(), image.width(), image.height(), image.bytesPerLine(), image.format()).copy();
    tagged.setColorTable(image.colorTable());
  }
  // PNG gets its text chunk below; other formats keep what their Qt writer can store.
  if (!parameters.isEmpty() && format != "png") tagged.setText(QStringLiteral("parameters"), parameters);
  if (!writer.write(tagged)) return fail(writer.errorString());
  QByteArray bytes = buffer.data();
  if (format == "png" && !parameters.isEmpty()) bytes = withPngText(bytes, QStringLiteral("parameters"), parameters);
  if (file.write(bytes) != bytes.size() || !file.commit()) return fail(file.errorString());
  return true;
}

bool CanvasDocument::save(const QString& path, QString* error) {
  if (!writeImage(m_content.image, m_content.parameters, path, error)) return false;
  m_undo->setClean();
  if (m_filePath != path) {
    m_filePath = path;
    Q_EMIT filePathChanged(m_filePath);
  }
  return true;
}

bool CanvasDocument::exportTo(const QString& path, QString* error) const {
  return writeImage(m_content.image, m_content.parameters, path, error);
}

void CanvasDocument::beginStroke(const QPointF& at, const MaskBrush& brush) {
  if (m_stroking) endStroke();
  m_stroking = true;
  m_brush = brush;
  m_lastPoint = at;
  m_carry = 0;
  m_strokeBefore = m_content.mask;  // shared until the first dab detaches the live mask
  m_strokeRect = paintDab(m_content.mask, at, brush);
  if (!m_strokeRect.isEmpty()) Q_EMIT maskChanged(m_strokeRect);
}

void CanvasDocument::continueStroke(const QPointF& to) {
  if (!m_stroking) return;
  const QRect touched = paintSegment(m_content.mask, m_lastPoint, to, m_brush, &m_carry);
  m_lastPoint = to;
  if (touched.isEmpty()) return;
  m_strokeRect |= touched;
  Q_EMIT maskChanged(touched);
}

void CanvasDocument::endStroke() {
  if (!m_stroking) return;
  m_stroking = false;
  if (!m_strokeRect.isEmpty()) {
    const QString text = m_brush.erase ? tr("Erase Mask") : tr("Paint Mask");
    m_undo->push(new MaskEditCommand(this, m_strokeRect.topLeft(), m_strokeBefore.copy(m_strokeRect),
                                     m_content.mask.copy(m_strokeRect), text));
  }
  m_strokeBefore = QImage();
  m_strokeRect = QRect();
}

void CanvasDocument::pushMaskEdit(const QImage& before, const QString& text) {
  const QRect changed = differingRect(before, m_content.mask);
  if (changed.isEmpty()) return;
  Q_EMIT maskChanged(changed);
  m_undo->push(new MaskEditCommand(this, changed.topLeft(), before.copy(changed), m_content.mask.copy(changed), text));
}

void CanvasDocument::clearMask() {
  if (m_stroking) endStroke();
  const QImage before = m_content.mask;
  m_content.mask.fill(0);
  pushMaskEdit(before, tr("Clear Mask"));
}

void CanvasDocument::fillMask() {
  if (m_stroking) endStroke();
  const QImage before = m_content.mask;
  m_content.mask.fill(255);
  pushMaskEdit(before, tr("Fill Mask"));
}

void CanvasDocument::invertMask() {
  if (m_stroking) endStroke();
  const QImage before = m_content.mask;
  for (int y = 0; y < m_content.mask.height(); ++y) {
    uchar* row = m_content.mask.scanLine(y);
    for (int x = 0; x < m_content.mask.width(); ++x) row[x] = static_cast<uchar>(255 - row[x]);
  }
  pushMaskEdit(before, tr("Invert Mask"));
}

bool CanvasDocument::maskIsEmpty() const { return maskBounds().isEmpty(); }

QRect CanvasDocument::maskBounds() const {
  const QImage& mask = m_content.mask;
  QRect rect;
  for (int y = 0; y < mask.height(); ++y) {
    const uchar* row = mask.constScanLine(y);
    int left = -1;
    int right = -1;
    for (int x = 0; x < mask.width(); ++x) {
      if (row[x]) {
        if (left < 0) left = x;
        right = x;
      }
    }
    if (left >= 0) rect |= QRect(left, y, right - left + 1, 1);
  }
  return rect;
}

QList<CanvasDocument::UndoStep> CanvasDocument::undoSteps() const {
  QList<UndoStep> steps;
  steps.reserve(m_undo->count());
  for (int i = 0; i < m_undo->count(); ++i) {
    const QUndoCommand* command = m_undo->command(i);
    UndoStep step;
    step.text = command->text();
    if (const auto* c = dynamic_cast<const ContentCommand*>(command)) {
      step.kind = UndoStep::Kind::Content;
      step.before = c->before();
      step.after = c->after();
    } else if (const auto* m = dynamic_cast<const MaskEditCommand*>(command)) {
      step.kind = UndoStep::Kind::Mask;
      step.topLeft = m->topLeft();
      step.maskBefore = m->before();
      step.maskAfter = m->after();
    } else {
      continue;  // every command this document pushes is one of the two
    }
    steps.append(step);
  }
  return steps;
}

int CanvasDocument::undoIndex() const { return m_undo->index(); }

int CanvasDocument::cleanIndex() const { return m_undo->cleanIndex(); }

QString CanvasDocument::restore(const Content& content, const QList<UndoStep>& steps, int index, int cleanIndex,
                                const QString& filePath) {
  if (m_stroking) endStroke();
  auto validContent = [](const Content& c) {
    return !c.image.isNull() && c.image.format() == QImage::Format_RGB888 &&
           c.mask.format() == QImage::Format_Grayscale8 && c.mask.size() == c.image.size();
  };
  QString problem;
  if (!validContent(content)) problem = tr("the saved canvas is incomplete");
  for (qsizetype i = 0; problem.isEmpty() && i < steps.size(); ++i) {
    const UndoStep& step = steps[i];
    const bool ok = step.kind == UndoStep::Kind::Content
                        ? validContent(step.before) && validContent(step.after)
                        : step.maskBefore.format() == QImage::Format_Grayscale8 &&
                              step.maskBefore.size() == step.maskAfter.size() && !step.maskBefore.isNull() &&
                              step.topLeft.x() >= 0 && step.topLeft.y() >= 0;
    if (!ok) problem = tr("undo step %1 is incomplete").arg(i + 1);
  }
  if (problem.isEmpty() && (index < 0 || index > steps.size() || cleanIndex < -1 || cleanIndex > steps.size()))
    problem = tr("the undo position is out of range");
  if (!validContent(content)) return problem;  // nothing that could be shown

  m_undo->clear();
  setContent(content);
  QList<UndoStep> kept = steps;
  if (problem.isEmpty() && kept.size() > kUndoLimit) {
    // The window of kUndoLimit steps around the position: the oldest undo steps go first, then
    // redo steps beyond the window. A clean state outside the window cannot be reached again.
    const int first = std::min<int>(static_cast<int>(kept.size()) - kUndoLimit, index);
    kept = kept.mid(first, kUndoLimit);
    index -= first;
    cleanIndex = cleanIndex - first >= 0 && cleanIndex - first <= kept.size() ? cleanIndex - first : -1;
  }
  if (problem.isEmpty()) {
    // The document shows the state at `index`. Every command is pushed as already applied (the
    // stack stands at its end), then undone down to `index`: each undo writes an absolute earlier
    // state, so the content ends where it started and redo walks forward again. A mask rectangle
    // is checked against the mask it lands on as the commands are walked.
    for (const UndoStep& step : kept) {
      if (step.kind == UndoStep::Kind::Content)
        m_undo->push(new ContentCommand(this, step.before, step.after, step.text, true));
      else
        m_undo->push(new MaskEditCommand(this, step.topLeft, step.maskBefore, step.maskAfter, step.text));
    }
    m_maskRegionRejected = false;
    m_undo->setIndex(index);
    if (cleanIndex < 0) {
      m_undo->resetClean();
    } else {
      m_undo->setIndex(cleanIndex);
      m_undo->setClean();
      m_undo->setIndex(index);
    }
    if (m_maskRegionRejected || m_content.image != content.image || m_content.mask != content.mask)
      problem = tr("the undo history does not lead to the saved canvas");
  }
  if (!problem.isEmpty()) {
    m_undo->clear();
    setContent(content);
    if (cleanIndex != index) m_undo->resetClean();  // unsaved changes stay unsaved
  }
  m_filePath = filePath;
  Q_EMIT filePathChanged(m_filePath);
  Q_EMIT modifiedChanged(isModified());
  return problem;
}

void CanvasDocument::writeMaskRegion(const QPoint& topLeft, const QImage& region) {
  const QRect rect(topLeft, region.size());
  if (!m_content.mask.rect().contains(rect) || region.format() != QImage::Format_Grayscale8) {
    m_maskRegionRejected = true;  // a restored history that does not fit this mask
    return;
  }
  for (int y = 0; y < region.height(); ++y)
    std::memcpy(m_content.mask.scanLine(topLeft.y() + y) + topLeft.x(), region.constScanLine(y),
                static_cast<size_t>(region.width()));
  Q_EMIT maskChanged(rect);
}

}  // namespace stipple::ui
