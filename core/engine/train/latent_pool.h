#pragma once
// The UNet stages' data: the first N images of the training split encoded once by the finished
// VAE (posterior means, fp16), kept in <out>/latents/ in chunks of 1024 so encoding resumes
// where it stopped. Each draw re-captions the image with a random template, so N images give
// far more than N (image, caption) pairs. Chunks name the VAE they came from and are rebuilt
// when it changes.
#include <string>

#include <torch/torch.h>

#include "nn/vae.h"
#include "train/train_loop.h"

namespace stipple::train {

// [N,4,h,w] fp16 on the CPU, unscaled; undefined when a stop was requested while encoding.
torch::Tensor latent_pool(RunContext& ctx, nn::AutoencoderKL& vae, const std::string& vae_signature);

}  // namespace stipple::train
