#pragma once
// The finished autoencoder of a run (<out>/vae-final.safetensors): its weights under their module
// names and, in the metadata, the latent scale factor measured after training and the quality
// checks of the stage (reconstruction L1, the judge on reconstructions). The UNet stages and the
// export read it.
#include <filesystem>
#include <map>
#include <string>

#include "nn/vae.h"

namespace stipple::train {

struct VaeFile {
  double scale_factor = 0;
  std::string signature;  // changes whenever the weights do (latent caches are keyed by it)
  std::map<std::string, std::string> metadata;
  double number(const std::string& key, double fallback = 0) const;
};

// `metadata` must hold "scale_factor".
void save_vae_weights(const std::filesystem::path& path, const nn::AutoencoderKLImpl& vae,
                      const std::map<std::string, std::string>& metadata);
// Loads into `vae` (same architecture; every mismatch named).
VaeFile load_vae_weights(const std::filesystem::path& path, nn::AutoencoderKLImpl& vae);

struct RunContext;
// Whether the frozen `vae` encodes in bf16 here: the "encode_bf16" of `recorded` (the finished
// VAE's metadata) where it was measured on a machine of this kind (fast bf16 or not) and the
// precision is auto; otherwise pick_bf16 on a batch of training images.
bool pick_encode_bf16(RunContext& ctx, nn::AutoencoderKL& vae, const VaeFile* recorded = nullptr);

}  // namespace stipple::train
