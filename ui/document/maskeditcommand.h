#pragma once
// Undo command for a change to the mask: the changed rectangle's bytes before and after.
#include <QImage>
#include <QPoint>
#include <QUndoCommand>

namespace stipple::ui {

class CanvasDocument;

class MaskEditCommand : public QUndoCommand {
 public:
  // The change has already been applied to `document`; the first redo() does nothing.
  MaskEditCommand(CanvasDocument* document, const QPoint& topLeft, QImage before, QImage after,
                  const QString& text);

  void undo() override;
  void redo() override;

  // Bytes held by this command (for tests and memory accounting).
  QPoint topLeft() const { return m_topLeft; }
  const QImage& before() const { return m_before; }
  const QImage& after() const { return m_after; }

  qsizetype byteCount() const { return m_before.sizeInBytes() + m_after.sizeInBytes(); }

 private:
  CanvasDocument* m_document;
  QPoint m_topLeft;
  QImage m_before;
  QImage m_after;
  bool m_applied = true;
};

}  // namespace stipple::ui
