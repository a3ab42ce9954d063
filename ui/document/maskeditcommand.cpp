#include "document/maskeditcommand.h"

#include "document/canvasdocument.h"

namespace stipple::ui {

MaskEditCommand::MaskEditCommand(CanvasDocument* document, const QPoint& topLeft, QImage before, QImage after,
                                 const QString& text)
    : QUndoCommand(text), m_document(document), m_topLeft(topLeft), m_before(std::move(before)),
      m_after(std::move(after)) {}

void MaskEditCommand::undo() {
  m_document->writeMaskRegion(m_topLeft, m_before);
  m_applied = false;
}

void MaskEditCommand::redo() {
  if (m_applied) return;  // pushed after the stroke was painted
  m_document->writeMaskRegion(m_topLeft, m_after);
  m_applied = true;
}

}  // namespace stipple::ui
