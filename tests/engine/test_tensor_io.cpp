// LibTorch bridge over safetensors: zero-copy views, lifetime, dtype mapping,
// save/load round trips, and values read from the golden checkpoint.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "golden.h"
#include "io/safetensors.h"
#include "io/tensor_io.h"
#include "safetensors_test_util.h"

namespace {

namespace fs = std::filesystem;
using stipple::DType;
using stipple::SafetensorsBundle;
using stipple::SafetensorsFile;
using stipple::test::throws_with;
using stipple::test::write_raw;
using Safetensors = stipple::test::SafetensorsTest;

TEST_F(Safetensors, ToTorchZeroLengthAndScalar) {
  const double scalar = 2.5;
  stipple::write_safetensors(at("z.safetensors"), {{"empty", DType::F32, {0, 4}, nullptr, 0},
                                                   {"scalar", DType::F64, {}, &scalar, 8}});
  const auto f = SafetensorsFile::open(at("z.safetensors"));
  const auto te = stipple::to_torch(f, *f->find("empty"));
  EXPECT_EQ(te.sizes(), torch::IntArrayRef({0, 4}));
  EXPECT_EQ(te.scalar_type(), torch::kFloat);
  const auto ts = stipple::to_torch(f, *f->find("scalar"));
  EXPECT_EQ(ts.dim(), 0);
  EXPECT_EQ(ts.item<double>(), scalar);
}

TEST_F(Safetensors, ToTorchF16MatchesWrittenValues) {
  // IEEE half bit patterns: 1.0, -2.0, 65504 (max), 0.5, 2^-24 (smallest subnormal), -0.
  const uint16_t bits[6] = {0x3C00, 0xC000, 0x7BFF, 0x3800, 0x0001, 0x8000};
  stipple::write_safetensors(at("h.safetensors"), {{"h", DType::F16, {2, 3}, bits, sizeof bits}});
  const auto f = SafetensorsFile::open(at("h.safetensors"));
  const auto t = stipple::to_torch(f, *f->find("h"));
  EXPECT_EQ(t.scalar_type(), torch::kHalf);
  const auto expected =
      torch::tensor({1.f, -2.f, 65504.f, 0.5f, std::ldexp(1.f, -24), -0.f}).reshape({2, 3});
  EXPECT_TRUE(torch::equal(t.to(torch::kFloat), expected));
}

TEST_F(Safetensors, TensorOutlivesDroppedFile) {
  const std::vector<float> v = {1, 2, 3, 4};
  stipple::write_safetensors(at("k.safetensors"), {{"k", DType::F32, {4}, v.data(), 16}});
  auto f = SafetensorsFile::open(at("k.safetensors"));
  std::weak_ptr<SafetensorsFile> weak = f;
  torch::Tensor t = stipple::to_torch(f, *f->find("k"));
  const auto* mapped = f->data(*f->find("k"));
  EXPECT_EQ(t.data_ptr(), static_cast<const void*>(mapped));  // zero-copy
  f.reset();
  EXPECT_FALSE(weak.expired());
  torch::Tensor view = t.slice(0, 2, 4);
  t = torch::Tensor();
  EXPECT_FALSE(weak.expired());  // a view keeps the storage, hence the mapping
  EXPECT_TRUE(torch::equal(view, torch::tensor({3.f, 4.f})));
  view = torch::Tensor();
  EXPECT_TRUE(weak.expired());
}

TEST_F(Safetensors, ToTorchRejectsF8AndBadBoolsAndCopiesMisalignedData) {
  const uint8_t byte = 0x38;
  stipple::write_safetensors(at("f8.safetensors"), {{"q", DType::F8_E4M3, {1}, &byte, 1}});
  const auto f = SafetensorsFile::open(at("f8.safetensors"));
  EXPECT_TRUE(throws_with([&] { stipple::to_torch(f, *f->find("q")); },
                          {"f8.safetensors", "tensor 'q'", "not supported"}));

  const uint8_t flags[3] = {0, 1, 2};
  stipple::write_safetensors(at("b.safetensors"), {{"m", DType::BOOL, {3}, flags, 3}});
  const auto fb = SafetensorsFile::open(at("b.safetensors"));
  EXPECT_TRUE(throws_with([&] { stipple::to_torch(fb, *fb->find("m")); },
                          {"b.safetensors", "tensor 'm': BOOL element 2 has byte value 2"}));

  // A 55-byte header puts the data at file offset 63: legal, but misaligned for F32.
  float vals[2] = {1.5f, -3.f};
  write_raw(at("odd.safetensors"), R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}} )",
            std::string(reinterpret_cast<const char*>(vals), 8));
  const auto odd = SafetensorsFile::open(at("odd.safetensors"));
  ASSERT_EQ(odd->header_size() % 4, 3u);
  const auto t = stipple::to_torch(odd, *odd->find("a"));
  EXPECT_NE(t.data_ptr(), static_cast<const void*>(odd->data(*odd->find("a"))));  // copied
  EXPECT_TRUE(torch::equal(t, torch::tensor({1.5f, -3.f})));
}

TEST_F(Safetensors, SaveTensorsRoundTripsTorchDtypes) {
  std::vector<std::pair<std::string, torch::Tensor>> in;
  for (auto type : {torch::kDouble, torch::kFloat, torch::kHalf, torch::kBFloat16, torch::kLong,
                    torch::kInt, torch::kShort, torch::kChar, torch::kByte, torch::kBool})
    in.emplace_back(std::string("t.") + c10::toString(type),
                    (torch::arange(12) % 5).reshape({3, 4}).to(type));
  in.emplace_back("transposed",
                  torch::arange(6, torch::kFloat).reshape({2, 3}).t());  // non-contiguous
  stipple::save_tensors(at("s.safetensors"), in, {{"k", "v"}});
  const auto out = stipple::load_tensors(at("s.safetensors"));
  ASSERT_EQ(out.size(), in.size());
  for (const auto& [name, t] : in) {
    SCOPED_TRACE(name);
    EXPECT_EQ(out.at(name).scalar_type(), t.scalar_type());
    EXPECT_TRUE(torch::equal(out.at(name), t));
  }
  EXPECT_EQ(SafetensorsFile::open(at("s.safetensors"))->metadata().at("k"), "v");
  EXPECT_TRUE(throws_with(
      [&] {
        stipple::save_tensors(at("c.safetensors"),
                              {{"z", torch::zeros({2}, torch::kComplexFloat)}});
      },
      {"tensor 'z'", "has no safetensors equivalent"}));
}

TEST(SafetensorsGolden, ScheduleBuffersMatchLdmFormula) {
  const auto dir = stipple::test::golden_dir();
  if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
  const auto all = stipple::load_tensors(*dir / "tiny-sd1.safetensors");
  // README: betas = linspace(sqrt(0.00085), sqrt(0.012), 1000)^2 in float64.
  const auto betas =
      torch::linspace(std::sqrt(0.00085), std::sqrt(0.012), 1000, torch::kDouble).pow(2);
  const auto acp = torch::cumprod(1 - betas, 0);
  EXPECT_TRUE(torch::allclose(all.at("betas").to(torch::kDouble), betas, 1e-6, 1e-9));
  EXPECT_TRUE(torch::allclose(all.at("alphas_cumprod").to(torch::kDouble), acp, 1e-6, 1e-9));
  EXPECT_EQ(all.at("cond_stage_model.transformer.text_model.embeddings.position_ids").scalar_type(),
            torch::kLong);
  const auto golden = SafetensorsBundle::open(*dir / "tiny-sd1.golden.safetensors");
  EXPECT_EQ(golden.size(), 93u);
}

TEST_F(Safetensors, LoadTensorsFromShardedIndex) {
  stipple::save_tensors(at("m-1.safetensors"), {{"a", torch::tensor({1.f, 2.f})}});
  stipple::save_tensors(at("m-2.safetensors"),
                        {{"b", torch::tensor({3, 4})}, {"c", torch::tensor(true)}});
  std::ofstream(at("m.safetensors.index.json"))
      << R"({"metadata":{"total_size":25},"weight_map":{"a":"m-1.safetensors","b":"m-2.safetensors","c":"m-2.safetensors"}})";
  const auto all = stipple::load_tensors(at("m.safetensors.index.json"));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_TRUE(torch::equal(all.at("a"), torch::tensor({1.f, 2.f})));
  EXPECT_TRUE(torch::equal(all.at("b"), torch::tensor({3, 4})));
  EXPECT_EQ(all.at("c").scalar_type(), torch::kBool);
  EXPECT_TRUE(all.at("c").item<bool>());
}

}  // namespace
