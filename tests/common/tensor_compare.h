#pragma once
// Tolerance checks of the golden README: max|ours - ref| <= rel * max|ref|.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <string>

namespace stipple::test {

inline double max_abs_diff(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

inline ::testing::AssertionResult close_to_golden(const torch::Tensor& ours, const torch::Tensor& ref, double rel,
                                                  const std::string& what) {
  if (ours.sizes() != ref.sizes())
    return ::testing::AssertionFailure() << what << ": shape " << ours.sizes() << " vs golden " << ref.sizes();
  const double scale = ref.abs().max().item<double>();
  const double err = max_abs_diff(ours, ref);
  if (!(err <= rel * scale))
    return ::testing::AssertionFailure() << what << ": max error " << err << " > " << rel << " * " << scale;
  std::printf("[ parity ] %-40s max error %.3g (bound %.3g)\n", what.c_str(), err, rel * scale);
  return ::testing::AssertionSuccess();
}

}  // namespace stipple::test
