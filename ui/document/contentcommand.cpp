#include "document/contentcommand.h"

namespace stipple::ui {

ContentCommand::ContentCommand(CanvasDocument* document, CanvasDocument::Content before,
                               CanvasDocument::Content after, const QString& text, bool applied)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)),
      m_applied(applied) {}

void ContentCommand::undo() {
  m_document->setContent(m_before);
  m_applied = false;
}

void ContentCommand::redo() {
  if (m_applied) return;  // restored into a document that already shows the result
  m_document->setContent(m_after);
  m_applied = true;
}

}  // namespace stipple::ui
