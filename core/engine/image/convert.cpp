#include "image/convert.h"

#include <cstring>
#include <stdexcept>

namespace stipple {

torch::Tensor image_to_tensor(const cv::Mat& rgb) {
  if (rgb.empty() || rgb.type() != CV_8UC3) throw std::invalid_argument("expected an 8-bit RGB image");
  cv::Mat c = rgb.isContinuous() ? rgb : rgb.clone();
  auto t = torch::from_blob(c.data, {c.rows, c.cols, 3}, torch::kUInt8).clone();
  return t.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat).div_(127.5).sub_(1.0).contiguous();
}

cv::Mat tensor_to_image(const torch::Tensor& t) {
  auto x = t.dim() == 4 ? t[0] : t;
  if (x.dim() != 3 || x.size(0) != 3) throw std::invalid_argument("expected an image tensor [3,H,W], got " + c10::str(t.sizes()));
  auto u8 = ((x.to(torch::kFloat).cpu().clamp(-1, 1) + 1) * 127.5).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous();
  cv::Mat out(static_cast<int>(u8.size(0)), static_cast<int>(u8.size(1)), CV_8UC3);
  std::memcpy(out.data, u8.data_ptr<uint8_t>(), static_cast<size_t>(u8.numel()));
  return out;
}

torch::Tensor mask_to_tensor(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) throw std::invalid_argument("expected an 8-bit grayscale mask");
  cv::Mat c = gray.isContinuous() ? gray : gray.clone();
  return torch::from_blob(c.data, {1, 1, c.rows, c.cols}, torch::kUInt8).to(torch::kFloat).div_(255.0);
}

}  // namespace stipple
