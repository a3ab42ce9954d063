#pragma once
// The canvas as data, without widgets: an RGB image layer, an 8-bit mask layer (white =
// repaint, soft edges allowed) and the undo stack. Brush strokes, mask operations and
// generated results are each one undo command; strokes store only the rectangle they changed.
#include <QImage>
#include <QMargins>
#include <QObject>
#include <QPointF>
#include <QRect>
#include <QString>

#include "document/maskbrush.h"

class QUndoStack;

namespace stipple::ui {

class CanvasDocument : public QObject {
  Q_OBJECT

 public:
  // Where the image came from; the prompt panel infers the generation mode from it.
  enum class Origin { Blank, Imported, Generated };
  Q_ENUM(Origin)

  // The whole content an image command swaps in or out.
  struct Content {
    QImage image;  // Format_RGB888
    QImage mask;   // Format_Grayscale8, same size
    QString parameters;
    Origin origin = Origin::Blank;
  };

  // The undo history keeps this many steps; older ones are forgotten (a generated picture
  // holds whole images, so an unbounded history would grow the memory and the autosave file
  // without end).
  static constexpr int kUndoLimit = 100;

  explicit CanvasDocument(QObject* parent = nullptr);
  ~CanvasDocument() override;

  QSize size() const { return m_content.image.size(); }
  const QImage& image() const { return m_content.image; }
  const QImage& mask() const { return m_content.mask; }
  // Infotext of the generation that made the image (the PNG "parameters" chunk); may be empty.
  QString parameters() const { return m_content.parameters; }
  Origin origin() const { return m_content.origin; }
  QString filePath() const { return m_filePath; }
  QUndoStack* undoStack() const { return m_undo; }
  bool isModified() const;

  // Fresh documents: the undo history starts over.
  void newCanvas(const QSize& size, const QColor& fill = Qt::white);
  bool open(const QString& path, QString* error);
  // Reads any supported image (EXIF orientation applied, alpha flattened onto white) and its
  // "parameters" text. Returns a null image and sets `error` on failure.
  static QImage readImage(const QString& path, QString* error, QString* parameters = nullptr);

  // Undoable replacement of the whole image (paste, a history entry, a generated result).
  // The mask survives when the size does not change.
  void replaceImage(const QImage& image, const QString& parameters, Origin origin, const QString& undoText);
  // Undoable: a generated result. `at` places a smaller result (an inpainted region).
  void applyResult(const QImage& result, const QString& parameters, const QPoint& at = QPoint());

  // Undoable: grows the canvas by `margins` (Extend Canvas, for outpainting). The new area is
  // masked and starts as a soft continuation of the edge; the mask fades `feather` px into the
  // picture. Returns the problem ("" when done).
  QString extendCanvas(const QMargins& margins, int feather);

  // PNG (with the "parameters" chunk), JPEG, WebP or BMP by suffix. save() makes `path` the
  // document's file and marks it clean; exportTo() writes a copy and changes nothing.
  bool save(const QString& path, QString* error);
  bool exportTo(const QString& path, QString* error) const;
  static bool writeImage(const QImage& image, const QString& parameters, const QString& path, QString* error);

  // Mask painting: one stroke is one undo command holding only the changed rectangle.
  void beginStroke(const QPointF& at, const MaskBrush& brush);
  void continueStroke(const QPointF& to);
  void endStroke();
  bool isStroking() const { return m_stroking; }

  void clearMask();
  void invertMask();
  void fillMask();
  bool maskIsEmpty() const;
  QRect maskBounds() const;  // bounding rectangle of non-zero mask pixels

  // One entry of the undo stack, as data: a whole-content swap or a mask rectangle's bytes.
  // Both kinds hold absolute states (not deltas), so a stack can be rebuilt from them.
  struct UndoStep {
    enum class Kind : quint8 { Content = 1, Mask = 2 };
    Kind kind = Kind::Content;
    QString text;
    Content before, after;      // Kind::Content
    QPoint topLeft;             // Kind::Mask: where the rectangle sits
    QImage maskBefore, maskAfter;
  };
  // The undo stack as data (oldest first), its index and its clean index (-1: no clean state).
  QList<UndoStep> undoSteps() const;
  int undoIndex() const;
  int cleanIndex() const;
  // Puts back a whole document: `content` is the state at `index` of `steps`. The stack is
  // rebuilt so undo and redo walk the same states as before; of a history longer than
  // kUndoLimit the oldest steps (and, when the position is far back, the newest redo steps) are
  // left out. Returns the problem ("" when restored); on a problem the content is restored
  // without its undo history.
  QString restore(const Content& content, const QList<UndoStep>& steps, int index, int cleanIndex,
                  const QString& filePath);

  // For the undo commands only.
  void writeMaskRegion(const QPoint& topLeft, const QImage& region);
  void setContent(const Content& content);
  const Content& content() const { return m_content; }

 Q_SIGNALS:
  void imageChanged(const QRect& rect);
  void maskChanged(const QRect& rect);
  void sizeChanged(const QSize& size);
  void contentReplaced();  // new canvas, opened file, pasted or generated image, or its undo
  void filePathChanged(const QString& path);
  void modifiedChanged(bool modified);

 private:
  void resetContent(const Content& content);
  void pushMaskEdit(const QImage& before, const QString& text);

  Content m_content;
  QString m_filePath;
  QUndoStack* m_undo = nullptr;

  bool m_maskRegionRejected = false;
  bool m_stroking = false;
  MaskBrush m_brush;
  QPointF m_lastPoint;
  double m_carry = 0;
  QImage m_strokeBefore;
  QRect m_strokeRect;
};

}  // namespace stipple::ui
