#pragma once
// Bridges between OpenCV images (RGB 8-bit, HWC) and the networks' tensors (NCHW float).
#include <opencv2/core/mat.hpp>
#include <torch/torch.h>

namespace stipple {

// CV_8UC3 RGB -> [1,3,H,W] float32 in [-1, 1] (the VAE's input range).
torch::Tensor image_to_tensor(const cv::Mat& rgb);
// [3,H,W] or [1,3,H,W] in [-1, 1] -> CV_8UC3 RGB, rounded to the nearest level.
cv::Mat tensor_to_image(const torch::Tensor& t);
// CV_8UC1 -> [1,1,H,W] float32 in [0, 1].
torch::Tensor mask_to_tensor(const cv::Mat& gray);

}  // namespace stipple
