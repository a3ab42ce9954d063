#pragma once
// Adds a text chunk to PNG bytes the way A1111 (through PIL) writes its "parameters": an
// uncompressed tEXt chunk when the text is Latin-1, else an uncompressed UTF-8 iTXt chunk.
// Qt's own writer compresses texts over 40 characters into zTXt, which some readers of
// generation metadata skip.
#include <QByteArray>
#include <QString>

namespace stipple::ui {

// Inserts the chunk after IHDR; returns empty bytes when `png` is not a PNG.
QByteArray withPngText(const QByteArray& png, const QString& key, const QString& text);

}  // namespace stipple::ui
