#pragma once
// The generation request: one value type holding everything that influences the pixels, so
// history, PNG metadata, batch export, the CLI and the GUI all round-trip through it.
// Torch-free and Qt-free: images are OpenCV matrices (RGB, 8 bit).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace stipple {

enum class InpaintArea { Whole, Masked };                             // "whole picture" / "only masked"
enum class MaskedContent { Original, Fill, LatentNoise, LatentNothing };  // init of the masked region
enum class PreviewMode { Off, Approximate, Full };                    // linear latent->RGB or the VAE

struct GenerationRequest {
  std::string prompt;
  std::string negative_prompt;
  int width = 512;   // multiples of 8
  int height = 512;
  int steps = 20;
  double cfg = 7.0;
  double guidance_rescale = 0.0;     // Lin et al. 2023's phi; 0 = off
  double eta = -1.0;                 // noise of DDIM and the ancestral/SDE samplers; < 0: the sampler's default
  bool zero_terminal_snr = false;    // rescale the schedule to zero SNR at the last step (Lin et al. 2023)
  std::string sampler = "euler_a";   // see sampler_specs()
  std::string schedule = "default";  // default, karras, exponential, uniform
  uint64_t seed = 0;                 // image i of the request uses seed + i
  int batch_count = 1;               // batches run one after another
  int batch_size = 1;                // images per batch (one UNet call)
  int clip_skip = 0;                 // 0: the model's default (SD1 last layer, SD2 penultimate)

  // img2img and inpainting
  cv::Mat init_image;      // CV_8UC3 RGB; empty for txt2img
  double strength = 0.75;  // 0 keeps the init image, 1 ignores it
  cv::Mat mask;            // CV_8UC1, white = repaint; empty for no inpainting
  int mask_blur = 4;       // Gaussian blur of the mask edge, px
  int mask_grow = 0;       // px; negative shrinks
  bool invert_mask = false;
  InpaintArea inpaint_area = InpaintArea::Whole;
  int padding = 32;        // px around the mask for InpaintArea::Masked
  MaskedContent masked_content = MaskedContent::Original;

  PreviewMode preview = PreviewMode::Approximate;
  int preview_every = 1;  // steps between previews (Full mode decodes with the VAE)

  int image_count() const { return batch_count * batch_size; }
  bool is_img2img() const { return !init_image.empty(); }
  bool is_inpaint() const { return !init_image.empty() && !mask.empty(); }
};

// Longest prompt or negative prompt a request may carry (UTF-8 bytes).
inline constexpr size_t kMaxPromptBytes = 20000;

// Empty when the request can run; otherwise a message that names the field and the value.
std::string validate_request(const GenerationRequest& request);

// Everything a finished image needs to be reproduced and described.
struct GeneratedImage {
  cv::Mat rgb;            // CV_8UC3 RGB
  uint64_t seed = 0;
  int index = 0;          // within the request
  std::string parameters; // A1111-style infotext (the PNG "parameters" chunk)
};

struct GenerationResult {
  std::vector<GeneratedImage> images;
  double seconds = 0;       // wall time of the whole request
  double seconds_per_step = 0;
};

// Progress, previews and cancellation, all optional. Called on the thread that runs the job.
struct GenerationObserver {
  virtual ~GenerationObserver() = default;
  // step counts over the whole request (all batches); seconds_per_step is a running median.
  virtual void on_progress(int step, int total_steps, double seconds_per_step) { (void)step; (void)total_steps; (void)seconds_per_step; }
  // Preview of image `index` at `step`: CV_8UC3 RGB at the output size, or the region being inpainted.
  virtual void on_preview(const cv::Mat& rgb, int index, int step) { (void)rgb; (void)index; (void)step; }
  // Checked before every model evaluation.
  virtual bool cancelled() { return false; }
};

// Model identity for the infotext: file name without extension and the A1111 hash
// (first 10 hex digits of the file's SHA-256; empty for folders).
struct ModelIdentity {
  std::string name;
  std::string hash;
};

// "prompt\nNegative prompt: ...\nSteps: 20, Sampler: Euler a, Schedule type: Karras, CFG scale: 7,
// Seed: 1, Size: 512x512, Model hash: ..., Model: ..., Denoising strength: ..., Clip skip: 2,
// Version: stipple-0.1.0" for image `index` of the request.
std::string format_infotext(const GenerationRequest& request, const ModelIdentity& model, int index);

}  // namespace stipple
