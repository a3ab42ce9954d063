#pragma once
// Random inpainting masks for training the 9-channel model, in the spirit of SD-inpainting's
// synthetic masks (LaMa-style): rectangles, ellipses, thick brush strokes, the whole image, and
// (because the bundled model is asked to paint objects into masked regions) masks that cover
// one object of the scene with some margin. Torch-free.
#include <cstdint>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "train/shapes_dataset.h"

namespace stipple::train {

enum class MaskKind { Rectangles, Ellipses, Strokes, Object, Full };

// The share of training masks that cover one object (the recipe's default; `stipple-cli train
// --object-masks F` sets it). The rest: the whole image 1/6, rectangles, ellipses and strokes the
// remainder, in the proportions 10 : 17 : 17 : 16.
inline constexpr double kDefaultObjectMasks = 0.40;

// CV_8UC1 size x size, 255 = repaint. Deterministic in `seed` (and `object_share`). `scene`
// supplies the objects for MaskKind::Object (falls back to an ellipse when it has none).
cv::Mat random_inpaint_mask(const SceneSpec& scene, int size, uint64_t seed, MaskKind* kind_out = nullptr,
                            double object_share = kDefaultObjectMasks);

// The mask evaluation uses for "paint this object here": a filled circle around where the
// object goes, 1.45x its radius (room for the shape and the blur of the mask edge).
cv::Mat object_mask(const ObjectSpec& object, int size);

}  // namespace stipple::train
