// stipple-cli eval / tokenize / info reproduce the originals' outputs, end to end through files.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "golden.h"
#include "io/sha256.h"
#include "io/tensor_io.h"
#include "process.h"
#include "tensor_compare.h"

namespace fs = std::filesystem;
using stipple::test::close_to_golden;
using stipple::test::run_process;

namespace {

const std::string kCli = stipple::test::cli_path();

class CliModels : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const auto dir = stipple::test::golden_dir();
    if (!dir) GTEST_SKIP() << stipple::test::golden_missing_message();
    model_ = (*dir / (GetParam() + ".safetensors")).string();
    golden_ = stipple::load_tensors(*dir / (GetParam() + ".golden.safetensors"));
    json_ = nlohmann::json::parse(std::ifstream(*dir / (GetParam() + ".golden.json")));
    tmp_ = fs::temp_directory_path() / ("stipple-cli-models-" + std::to_string(::getpid()));
    fs::create_directories(tmp_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!tmp_.empty()) fs::remove_all(tmp_, ec);
  }

  // Writes `inputs` (name -> golden tensor name), runs eval, returns the output tensors.
  std::map<std::string, torch::Tensor> eval(const std::string& component,
                                            const std::vector<std::pair<std::string, std::string>>& inputs) {
    std::vector<std::pair<std::string, torch::Tensor>> in;
    for (const auto& [name, golden_name] : inputs) in.emplace_back(name, golden_.at(golden_name));
    const auto in_path = tmp_ / (component + ".in.safetensors");
    const auto out_path = tmp_ / (component + ".out.safetensors");
    stipple::save_tensors(in_path, in);
    const auto r = run_process({kCli, "eval", "--model", model_, "--component", component, "--inputs",
                                in_path.string(), "--out", out_path.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (r.exit_code != 0) return {};
    auto out = stipple::load_tensors(out_path);
    for (auto& [_, t] : out) t = t.clone();  // own the data before the file goes
    return out;
  }

  std::string model_;
  std::map<std::string, torch::Tensor> golden_;
  nlohmann::json json_;
  fs::path tmp_;
};

constexpr double kTol = 1e-4;

}  // namespace

TEST_P(CliModels, EvalText) {
  auto out = eval("text", {{"input_ids", "text.input_ids"}});
  ASSERT_FALSE(out.empty());
  EXPECT_TRUE(close_to_golden(out.at("last_hidden_state"), golden_.at("text.last_hidden_state"), kTol, "cli text last"));
  EXPECT_TRUE(close_to_golden(out.at("penultimate_hidden_state"), golden_.at("text.penultimate_hidden_state"), kTol,
                              "cli text penultimate"));
  EXPECT_TRUE(close_to_golden(out.at("cond"), golden_.at("text.cond"), kTol, "cli text cond"));
}

TEST_P(CliModels, EvalUNet) {
  for (const std::string c : {"a", "b", "c"}) {
    auto out = eval("unet", {{"x", "unet." + c + ".x"}, {"t", "unet." + c + ".t"}, {"context", "unet." + c + ".context"}});
    ASSERT_FALSE(out.empty());
    EXPECT_TRUE(close_to_golden(out.at("out"), golden_.at("unet." + c + ".out"), kTol, "cli unet " + c));
  }
}

TEST_P(CliModels, EvalVae) {
  for (const std::string c : {"a", "b"}) {
    auto dec = eval("vae-decode", {{"z", "vae.decode." + c + ".z"}});
    ASSERT_FALSE(dec.empty());
    EXPECT_TRUE(close_to_golden(dec.at("out"), golden_.at("vae.decode." + c + ".out"), kTol, "cli vae-decode " + c));
    auto enc = eval("vae-encode", {{"x", "vae.encode." + c + ".x"}});
    ASSERT_FALSE(enc.empty());
    EXPECT_TRUE(close_to_golden(enc.at("mean"), golden_.at("vae.encode." + c + ".mean"), kTol, "cli vae mean " + c));
    EXPECT_TRUE(close_to_golden(enc.at("logvar"), golden_.at("vae.encode." + c + ".logvar"), kTol, "cli vae logvar " + c));
  }
}

TEST_P(CliModels, TokenizeEveryGoldenPrompt) {
  std::vector<std::string> argv{kCli, "tokenize", "--model", model_};
  for (const auto& p : json_.at("tokenizer").at("prompts")) argv.push_back(p.at("text").get<std::string>());
  const auto r = run_process(argv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto ids = nlohmann::json::parse(r.out);
  const auto ref = golden_.at("tokenizer.ids");
  ASSERT_EQ(ids.size(), static_cast<size_t>(ref.size(0)));
  for (size_t i = 0; i < ids.size(); ++i) {
    const auto row = ids[i].get<std::vector<int64_t>>();
    const auto ref_row = ref[static_cast<int64_t>(i)];
    ASSERT_EQ(row.size(), 77u);
    for (size_t k = 0; k < 77; ++k)
      ASSERT_EQ(row[k], ref_row[static_cast<int64_t>(k)].item<int64_t>()) << "prompt " << i << " position " << k;
  }
}

TEST_P(CliModels, InfoDescribesTheModel) {
  const auto r = run_process({kCli, "info", "--model", model_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto& m = j.at("model");
  EXPECT_EQ(m.at("family"), GetParam() == "tiny-sd1" ? "sd1" : "sd2");
  EXPECT_EQ(m.at("prediction"), GetParam() == "tiny-sd1" ? "eps" : "v");
  EXPECT_EQ(m.at("unet").at("in_channels"), 4);
  EXPECT_EQ(m.at("unet").at("context_dim"), 32);
  EXPECT_EQ(m.at("vae").at("ch"), 32);
  EXPECT_EQ(m.at("components").at("unet").at("dtypes"), nlohmann::json({"F32"}));
  EXPECT_GT(m.at("parameters").get<int64_t>(), 3000000);
}

TEST_P(CliModels, PredictionOverride) {
  const auto r = run_process({kCli, "info", "--model", model_, "--json", "--prediction", "v"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out).at("model").at("prediction"), "v");
  EXPECT_EQ(run_process({kCli, "info", "--model", model_, "--prediction", "x0"}).exit_code, 2);
}

TEST_P(CliModels, EvalErrorsNameTheProblem) {
  const auto in_path = tmp_ / "wrong.safetensors";
  stipple::save_tensors(in_path, {{"x", torch::zeros({1, 3, 8, 8})}, {"t", torch::zeros({1})},
                                  {"context", torch::zeros({1, 77, 32})}});
  auto r = run_process({kCli, "eval", "--model", model_, "--component", "unet", "--inputs", in_path.string(), "--out",
                        (tmp_ / "o.safetensors").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("[1, 3, 8, 8]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp_ / "o.safetensors"));
  r = run_process({kCli, "eval", "--model", model_, "--component", "vae-decode", "--inputs", in_path.string(), "--out",
                   (tmp_ / "o.safetensors").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("'z'"), std::string::npos) << r.err;
}

// Every sampler golden through `eval --component sampler` (recorded conditioning and noise) and
// through `generate --init-noise --save-latent` (prompts encoded by Stipple itself).
TEST_P(CliModels, SamplerGoldensThroughEvalAndGenerate) {
  const auto noise_path = tmp_ / "noise.safetensors";
  stipple::save_tensors(noise_path, {{"noise", golden_.at("sampler.noise")}});
  struct Run {
    std::string sampler, schedule, golden;
    bool via_generate;
  };
  const std::vector<Run> runs = {
      {"euler", "default", "sampler.euler.default.out", true},   {"euler", "karras", "sampler.euler.karras.out", true},
      {"heun", "default", "sampler.heun.default.out", true},     {"heun", "karras", "sampler.heun.karras.out", true},
      {"lms", "default", "sampler.lms.default.out", true},       {"lms", "karras", "sampler.lms.karras.out", true},
      {"dpmpp_2m", "default", "sampler.dpmpp_2m.default.out", true},
      {"dpmpp_2m", "karras", "sampler.dpmpp_2m.karras.out", true},
      {"ddim", "default", "sampler.ddim.out", true},
      {"euler_a", "default", "sampler.euler_ancestral.default.out", false},  // needs the recorded noise
  };
  for (const auto& run : runs) {
    SCOPED_TRACE(run.sampler + " " + run.schedule);
    std::vector<std::pair<std::string, torch::Tensor>> in = {{"noise", golden_.at("sampler.noise")},
                                                             {"cond", golden_.at("sampler.cond")},
                                                             {"uncond", golden_.at("sampler.uncond")}};
    if (run.sampler == "euler_a")
      in.emplace_back("ancestral_noise", golden_.at("sampler.euler_ancestral.default.ancestral_noise"));
    const auto in_path = tmp_ / "sampler.in.safetensors";
    const auto out_path = tmp_ / "sampler.out.safetensors";
    stipple::save_tensors(in_path, in);
    auto r = run_process({kCli, "eval", "--model", model_, "--component", "sampler", "--sampler", run.sampler,
                          "--schedule", run.schedule, "--steps", "8", "--cfg", "7", "--inputs", in_path.string(),
                          "--out", out_path.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(close_to_golden(stipple::load_tensors(out_path).at("latent").clone(), golden_.at(run.golden), 1e-3,
                                "eval sampler " + run.sampler + " " + run.schedule));
    if (!run.via_generate) continue;
    const auto latent_path = tmp_ / "latent.safetensors";
    r = run_process({kCli, "generate", "--model", model_, "--prompt", "a photograph of an astronaut riding a horse",
                     "--width", "64", "--height", "64", "--steps", "8", "--cfg", "7", "--sampler", run.sampler,
                     "--schedule", run.schedule, "--precision", "fp32", "--init-noise", noise_path.string(), "--save-latent",
                     latent_path.string(), "--out", (tmp_ / "g.png").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(close_to_golden(stipple::load_tensors(latent_path).at("latent").clone(), golden_.at(run.golden), 1e-3,
                                "generate " + run.sampler + " " + run.schedule));
  }
}

TEST_P(CliModels, GenerateWritesPngWithParameters) {
  const auto out = tmp_ / "cat.png";
  const auto r = run_process({kCli, "generate", "--model", model_, "--prompt", "a cat", "--negative", "dog", "--width",
                              "64", "--height", "64", "--steps", "3", "--sampler", "dpmpp_2m", "--schedule", "karras",
                              "--seed", "7", "--batch-count", "2", "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (int i = 1; i <= 2; ++i) {
    const auto file = tmp_ / ("cat-000" + std::to_string(i) + ".png");
    ASSERT_TRUE(fs::exists(file)) << file;
    const std::string bytes = stipple::test::read_text_file(file);
    const std::string expected = "Steps: 3, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: " +
                                 std::to_string(6 + i) + ", Size: 64x64, Model hash: ";
    EXPECT_NE(bytes.find("parameters"), std::string::npos);
    EXPECT_NE(bytes.find("a cat\nNegative prompt: dog\n" + expected), std::string::npos);
  }
  EXPECT_NE(r.err.find("2 images"), std::string::npos) << r.err;
}

// "Model hash" comes from a cache on disk after the first run (a checkpoint of several GB takes
// seconds to hash); a damaged cache is rebuilt, never trusted.
TEST_P(CliModels, ModelHashIsCachedOnDisk) {
  const auto cache = tmp_ / "cache";
  const std::string env = "XDG_CACHE_HOME=" + cache.string();
  auto generate = [&](const std::string& name) {
    const auto out = tmp_ / name;
    const auto r = run_process({"env", env, kCli, "generate", "--model", model_, "--prompt", "a cat", "--width", "64",
                                "--height", "64", "--steps", "1", "--seed", "1", "--out", out.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return stipple::test::read_text_file(out);
  };
  const std::string real = stipple::sha256_file_hex(model_).substr(0, 10);
  EXPECT_NE(generate("first.png").find("Model hash: " + real), std::string::npos);
  const auto file = cache / "stipple" / "model-hashes.json";
  auto j = nlohmann::json::parse(std::ifstream(file));
  const std::string key = fs::absolute(model_).lexically_normal().string();
  ASSERT_TRUE(j.contains(key)) << j.dump();
  EXPECT_EQ(j[key]["sha256"].get<std::string>().substr(0, 10), real);
  EXPECT_EQ(j[key]["size"].get<uintmax_t>(), fs::file_size(model_));

  j[key]["sha256"] = std::string(64, 'a');
  std::ofstream(file) << j.dump();
  EXPECT_NE(generate("second.png").find("Model hash: aaaaaaaaaa"), std::string::npos);
  std::ofstream(file) << "{not json";
  EXPECT_NE(generate("third.png").find("Model hash: " + real), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Golden, CliModels, ::testing::Values("tiny-sd1", "tiny-sd2"),
                         [](const auto& info) { return info.param == "tiny-sd1" ? "sd1" : "sd2"; });

TEST(CliModelsErrors, RawPickleWithoutExtensionIsRefused) {
  const auto p = fs::temp_directory_path() / "stipple-test-model.safetensors";
  std::ofstream(p, std::ios::binary) << "\x80\x02}q\x00(X\x05\x00\x00\x00state_dictq";
  const auto r = run_process({kCli, "info", "--model", p.string()});
  fs::remove(p);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("pickle"), std::string::npos) << r.err;
}

TEST(CliModelsErrors, PickleIsRefused) {
  const auto p = fs::temp_directory_path() / "stipple-test-model.ckpt";
  std::ofstream(p, std::ios::binary) << "PK\x03\x04 not really a zip";
  const auto r = run_process({kCli, "info", "--model", p.string()});
  fs::remove(p);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("pickle"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(".safetensors"), std::string::npos) << r.err;
}
