#pragma once
// txt2img, img2img and inpainting over a loaded model: one request in, images out, the
// observer told about progress and previews and asked about cancellation.
#include <memory>

#include <torch/torch.h>

#include "pipeline/request.h"
#include "pipeline/sd_model.h"
#include "text/clip_tokenizer.h"

namespace stipple {

struct PipelineHooks {
  torch::Tensor init_noise;      // [B,4,h,w] unit-variance noise replacing the seeded noise (all batches)
  torch::Tensor* final_latent = nullptr;  // receives the last batch's sampler output [B,4,h,w]
};

class Pipeline {
 public:
  Pipeline(std::shared_ptr<StableDiffusionModel> model, std::shared_ptr<const ClipTokenizer> tokenizer,
           ModelIdentity identity);

  // Validates first (std::invalid_argument naming the field); throws Cancelled when cancelled.
  GenerationResult run(const GenerationRequest& request, GenerationObserver* observer = nullptr,
                       const PipelineHooks* hooks = nullptr);

  // Conditioning [1, 77*k, C] for a prompt, padded to at least `min_chunks` chunks.
  torch::Tensor encode(const std::string& prompt, int clip_skip, int min_chunks = 1);
  int chunk_count(const std::string& prompt) const;

  const StableDiffusionModel& model() const { return *model_; }
  const ClipTokenizer& tokenizer() const { return *tokenizer_; }
  const ModelIdentity& identity() const { return identity_; }

 private:
  std::shared_ptr<StableDiffusionModel> model_;
  std::shared_ptr<const ClipTokenizer> tokenizer_;
  ModelIdentity identity_;
};

}  // namespace stipple
