#pragma once
// Writes a loaded model as a diffusers pipeline folder, the layout Stipple's bundled model ships in
// and the one other tools load with StableDiffusionPipeline.from_pretrained.
#include <filesystem>
#include <optional>

#include <torch/torch.h>

#include "pipeline/sd_model.h"

namespace stipple {

// Writes model_index.json, unet/, vae/, text_encoder/ and scheduler/ (configs in diffusers' format,
// weights as diffusion_pytorch_model.safetensors / model.safetensors converted to `dtype`) into
// `dir`, creating it. Parts the model has not loaded are left out. With `tokenizer_dir` (a folder
// holding vocab.json + merges.txt) those files are copied into tokenizer/.
//
// The text encoder is always written as an HF CLIPTextModel, as diffusers expects: an OpenCLIP
// (SD2) tower gets its packed in_proj split into q/k/v_proj, and the layers after the
// conditioning layer are dropped (SD2: the last), because diffusers conditions on the encoder's
// last hidden state. Loading the folder back gives the same conditioning; the dropped layer's
// output (TextEncoderOutput::last) is not available from the folder any more.
void save_diffusers(const StableDiffusionModel& model, const std::filesystem::path& dir,
                    torch::ScalarType dtype = torch::kFloat,
                    const std::optional<std::filesystem::path>& tokenizer_dir = std::nullopt);

}  // namespace stipple
