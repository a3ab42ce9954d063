#pragma once
// Where on the canvas a request's previews belong, in image coordinates: the whole output for
// txt2img, the whole init image for img2img, and for "only masked" inpainting the crop the
// engine renders (the padded mask bounds widened to the output's aspect ratio).
#include <QImage>
#include <QRect>

namespace stipple {
struct GenerationRequest;
}

namespace stipple::jobs {

QRect previewRegion(const stipple::GenerationRequest& request);

// For inpainting, the soft mask the engine blends its result through (grown, inverted and
// blurred as asked), at the init image's size, Format_Grayscale8: previews shown through it
// change only what the result will change. A null image for other requests.
QImage previewMask(const stipple::GenerationRequest& request);

}  // namespace stipple::jobs
