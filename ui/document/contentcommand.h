#pragma once
// Undo command that swaps the whole canvas content (image, mask, parameters): a generated
// result, a pasted image, a history entry put on the canvas.
#include <QUndoCommand>

#include "document/canvasdocument.h"

namespace stipple::ui {

class ContentCommand : public QUndoCommand {
 public:
  // `applied`: the document already shows `after`; the first redo() does nothing.
  ContentCommand(CanvasDocument* document, CanvasDocument::Content before, CanvasDocument::Content after,
                 const QString& text, bool applied = false);

  void undo() override;
  void redo() override;

  const CanvasDocument::Content& before() const { return m_before; }
  const CanvasDocument::Content& after() const { return m_after; }

 private:
  CanvasDocument* m_document;
  CanvasDocument::Content m_before;
  CanvasDocument::Content m_after;
  bool m_applied = false;
};

}  // namespace stipple::ui
