#pragma once
// Generation settings that other programs write into their PNGs, as A1111 infotext (which the
// rest of Stipple reads and writes):
//   "parameters"          A1111, Forge, SD.Next, stable-diffusion.cpp, Stipple: taken as is;
//   "prompt"              ComfyUI's API graph: the sampler node and what feeds it (prompts,
//                         seed, steps, CFG, sampler, scheduler, size, checkpoint, denoise);
//   "invokeai_metadata"   InvokeAI 3 and later.
// What cannot be recognised is left out; nothing here throws. Qt Core only.
#include <QMap>
#include <QString>

namespace stipple::jobs {

// The PNG's text chunks by key; empty when none carries generation settings.
QString infotextFromPngTexts(const QMap<QString, QString>& texts);

QString infotextFromComfyUi(const QString& promptJson);
QString infotextFromInvokeAi(const QString& metadataJson);

}  // namespace stipple::jobs
