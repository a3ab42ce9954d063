#include "document/contentcommand.h"

namespace stipple::ui {

ContentCommand::ContentCommand(CanvasDocument* document, CanvasDocument::Content before,
                               CanvasDocument::Content after, const QString& text)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)) {}

void ContentCommand::undo() { m_document->setContent(m_before); }

void ContentCommand::redo() { m_document->setContent(m_after); }

}  // namespace stipple::ui
