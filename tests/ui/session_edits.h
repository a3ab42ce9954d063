#pragma once
// The edits the autosave tests make: pictures with a known pattern, mask strokes, a second
// picture and an undo, so the session has content commands, mask commands and a redo step.
#include <QColor>
#include <QImage>
#include <QPointF>
#include <QUndoStack>

#include "document/canvasdocument.h"
#include "document/maskbrush.h"

namespace stipple::ui::test {

inline QImage patternPicture(int seed, QSize size = QSize(96, 64)) {
  QImage image(size, QImage::Format_RGB888);
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      image.setPixelColor(x, y, QColor((x * 7 + seed * 40) % 256, (y * 11 + seed * 13) % 256, (x * y + seed) % 256));
  return image;
}

inline void maskStroke(CanvasDocument* document, QPointF from, QPointF to, bool erase) {
  MaskBrush brush;
  brush.radius = 7;
  brush.hardness = 0.5;
  brush.erase = erase;
  document->beginStroke(from, brush);
  document->continueStroke((from + to) / 2);
  document->continueStroke(to);
  document->endStroke();
}

// Six commands (picture, three strokes, second picture, fill), the last two undone.
inline void makeSessionEdits(CanvasDocument* document) {
  document->replaceImage(patternPicture(1), QStringLiteral("a tide pool\nSteps: 20, Seed: 1"),
                         CanvasDocument::Origin::Generated, QStringLiteral("Generate"));
  maskStroke(document, {10, 10}, {60, 40}, false);
  maskStroke(document, {30, 50}, {90, 20}, false);
  maskStroke(document, {40, 30}, {50, 35}, true);
  document->applyResult(patternPicture(2), QStringLiteral("a tide pool at dusk\nSteps: 33, Seed: 2"));
  document->fillMask();
  document->undoStack()->undo();
  document->undoStack()->undo();
}

}  // namespace stipple::ui::test
