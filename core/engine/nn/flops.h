#pragma once
// Multiply-add work of one UNet evaluation, counted from the architecture and the actual
// shapes (2 FLOPs per multiply-add): convolutions, linear layers and attention matmuls.
// Norms, activations and elementwise ops are left out (memory-bound, a few percent).
#include <cstdint>

#include "nn/config.h"

namespace stipple {

struct UNetFlops {
  double conv = 0, linear = 0, attention = 0;
  double total() const { return conv + linear + attention; }
};

// batch: UNet batch (2 per image with CFG); h, w: latent size; context_len: 77 per prompt chunk.
UNetFlops count_unet_flops(const UNetConfig& config, int batch, int h, int w, int context_len);

}  // namespace stipple
