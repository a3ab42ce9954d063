#pragma once

namespace stipple::ui {

// What Ctrl+Enter does with the canvas: ignore it, start from it, or repaint its masked part.
enum class GenerationMode { Generate, ImageToImage, Inpaint };

}  // namespace stipple::ui
