#pragma once
// Undo command that swaps the whole canvas content (image, mask, parameters): a generated
// result, a pasted image, a history entry put on the canvas.
#include <QUndoCommand>

#include "document/canvasdocument.h"

namespace stipple::ui {

class ContentCommand : public QUndoCommand {
 public:
  ContentCommand(CanvasDocument* document, CanvasDocument::Content before, CanvasDocument::Content after,
                 const QString& text);

  void undo() override;
  void redo() override;

 private:
  CanvasDocument* m_document;
  CanvasDocument::Content m_before;
  CanvasDocument::Content m_after;
};

}  // namespace stipple::ui
