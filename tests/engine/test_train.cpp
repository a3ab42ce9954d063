// The trainer of the bundled model (its data: test_train_data.cpp): loss logs and schedules,
// model cards, training records, a 3-step smoke run of every stage at tiny width that exports
// folders the Engine loads and runs, and a run folder rebuilt from those folders (stage import)
// that trains on.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include <unistd.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "image/mask.h"
#include "io/safetensors.h"
#include "io/tensor_io.h"
#include "pipeline/engine.h"
#include "runtime.h"
#include "text/clip_tokenizer.h"
#include "train/evaluate.h"
#include "train/inpaint_masks.h"
#include "train/judge.h"
#include "train/loss_log.h"
#include "train/model_card.h"
#include "train/shapes_dataset.h"
#include "train/tokenizer_builder.h"
#include "train/trainer.h"
#include "train/training_record.h"

#include "test_paths.h"
#include "train_test_util.h"

namespace fs = std::filesystem;
using namespace stipple::train;
using stipple::test::temp_dir;

TEST(LossLog, ResumeDropsRepeatedRowsAndPlots) {
  const fs::path dir = temp_dir("log");
  {
    LossLog log(dir / "loss.csv", 0);
    for (int s = 10; s <= 50; s += 10) log.append({s, 1.0 / s, 1.0 / s, 1e-4, 1.0, 0.5});
  }
  LossLog resumed(dir / "loss.csv", 30);
  resumed.append({40, 0.02, 0.02, 1e-4, 1.0, 0.5});
  const auto rows = read_loss_csv(dir / "loss.csv");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows.back().step, 40);
  EXPECT_DOUBLE_EQ(rows.back().loss, 0.02);
  plot_losses(rows, dir / "loss.png", "test");
  EXPECT_GT(fs::file_size(dir / "loss.png"), 1000u);
  fs::remove_all(dir);
}

// A stage's runs: resumed on the same schedule is one segment, extended with --steps N is a new
// one, started over from scratch forgets what came after; the model card names the extensions.
TEST(LossLog, ScheduleSegmentsRecordExtensions) {
  const fs::path dir = temp_dir("schedule");
  const fs::path csv = dir / "schedule-vae.csv";
  EXPECT_TRUE(read_schedule(csv, 0).empty());
  record_schedule_run(csv, 0, 3000);
  EXPECT_EQ(read_schedule(csv, 1200).size(), 1u);
  EXPECT_EQ(describe_schedule(read_schedule(csv, 1200)), "");
  record_schedule_run(csv, 1200, 3000);  // paused and resumed
  record_schedule_run(csv, 3000, 4000);  // extended
  record_schedule_run(csv, 3500, 4000);  // resumed again
  auto seg = read_schedule(csv, 4000);
  ASSERT_EQ(seg.size(), 2u);
  EXPECT_EQ(seg[0].from, 0);
  EXPECT_EQ(seg[0].to, 3000);
  EXPECT_EQ(seg[0].total, 3000);
  EXPECT_EQ(seg[1].from, 3000);
  EXPECT_EQ(seg[1].to, 4000);
  EXPECT_EQ(describe_schedule(seg), "steps 0-3000 on a 3000-step schedule, then 3000-4000 on a 4000-step schedule");
  ModelCardInfo card;
  card.name = "stipple-shapes";
  StageReport vae;
  vae.stage = "vae";
  vae.step = vae.total = 4000;
  vae.schedule = seg;
  card.stages = {vae};
  EXPECT_NE(model_card(card).find("The vae stage was extended with --steps N --resume: steps 0-3000"), std::string::npos);
  // The inpainting stage records its share of object masks per run: a run that changed only the
  // share is a segment of its own, which the schedule's description joins and the masks' names.
  const fs::path masks_csv = dir / "schedule-inpaint.csv";
  std::ofstream(masks_csv) << "from,total\n0,5900\n";  // a run from before the share was recorded
  record_schedule_run(masks_csv, 5900, 7500, 0.4);
  record_schedule_run(masks_csv, 6200, 7500, 0.7);
  record_schedule_run(masks_csv, 6900, 7500, 0.7);  // resumed as it was
  seg = read_schedule(masks_csv, 7500);
  ASSERT_EQ(seg.size(), 3u);
  EXPECT_EQ(seg[0].object_masks, -1);
  EXPECT_EQ(seg[1].object_masks, 0.4);
  EXPECT_EQ(seg[2].from, 6200);
  EXPECT_EQ(seg[2].object_masks, 0.7);
  EXPECT_EQ(describe_schedule(seg), "steps 0-5900 on a 5900-step schedule, then 5900-7500 on a 7500-step schedule");
  seg[0].object_masks = 0.4;
  EXPECT_EQ(describe_object_masks(seg), "40% to step 6200, then 70%");
  EXPECT_EQ(describe_object_masks({seg[0]}), "40%");
  StageReport inpaint;
  inpaint.stage = "inpaint";
  inpaint.step = inpaint.total = 7500;
  inpaint.schedule = seg;
  card.inpainting = true;
  card.stages = {vae, inpaint};
  EXPECT_NE(model_card(card).find("masks: one object with margin (40% to step 6200, then 70%)"), std::string::npos)
      << model_card(card);
  record_schedule_run(csv, 0, 2000);  // started over
  seg = read_schedule(csv, 2000);
  ASSERT_EQ(seg.size(), 1u);
  EXPECT_EQ(seg[0].total, 2000);
  fs::remove_all(dir);
}

// Each run records its precision. Rows from before that column existed keep their other fields, and
// those since the last import are given the checkpoint's precision when a run records another, so
// the card can say where the precision changed.
TEST(LossLog, SchedulePrecisionPerRun) {
  const fs::path dir = temp_dir("schedule-precision");
  const fs::path csv = dir / "schedule-inpaint.csv";
  // As an import writes it, then two runs on this machine from before the column existed.
  std::ofstream(csv) << "from,total,object_masks\n0,1600,0.4\n1600,8800,0.8\n8800,11600,0.8\n9541,10400,0.8\n";
  record_schedule_run(csv, 10400, 12000, 0.8, "bf16 autocast", "fp32", 8800);
  {
    std::ifstream in(csv);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(),
              "from,total,object_masks,precision\n0,1600,0.4,\n1600,8800,0.8,\n8800,11600,0.8,fp32\n"
              "9541,10400,0.8,fp32\n10400,12000,0.8,bf16 autocast\n");
  }
  record_schedule_run(csv, 11000, 12000, 0.8, "bf16 autocast", "bf16 autocast", 8800);  // resumed as it was
  auto seg = read_schedule(csv, 12000);
  ASSERT_EQ(seg.size(), 5u);
  EXPECT_EQ(seg[4].from, 10400);
  EXPECT_EQ(seg[4].to, 12000);
  EXPECT_EQ(seg[4].precision, "bf16 autocast");
  EXPECT_EQ(seg[1].precision, "");
  EXPECT_EQ(seg[1].object_masks, 0.8);
  EXPECT_EQ(describe_schedule(seg),
            "steps 0-1600 on a 1600-step schedule, 1600-8800 on a 8800-step schedule, 8800-9541 on a 11600-step "
            "schedule, 9541-10400 on a 10400-step schedule, then 10400-12000 on a 12000-step schedule");
  const std::string before = "bf16 autocast to step 1600, then fp32";
  EXPECT_EQ(describe_precision(seg, "bf16 autocast", before, 8800),
            "bf16 autocast to step 1600, then fp32 to step 10400, then bf16 autocast");
  // Nothing trained since the import: the imported history as it was.
  EXPECT_EQ(describe_precision(read_schedule(csv, 8800), "fp32", before, 8800), before);
  // No import: unrecorded runs ran in the checkpoint's precision; equal neighbours join.
  EXPECT_EQ(describe_precision(seg, "fp32"), "fp32 to step 10400, then bf16 autocast");
  EXPECT_EQ(describe_precision({}, "fp32"), "fp32");
  ScheduleSegment a{0, 500, 1000, -1, "fp32"}, b{500, 1000, 1000, -1, "fp32"};
  EXPECT_EQ(describe_precision({a, b}, "bf16 autocast"), "fp32");
  fs::remove_all(dir);
}

TEST(ModelCard, SaysWhichQualityTargetsAreMetAndWhichNotYet) {
  ModelCardInfo card;
  card.folder = "/models/stipple-shapes";
  card.name = "stipple-shapes";
  card.recipe = make_recipe("full");
  EvalSummary txt;
  txt.model = card.name;
  txt.mode = "txt2img";
  txt.size = 128;
  txt.steps = 20;
  txt.seconds_per_image = 0.5;
  for (int i = 0; i < 10; ++i) {
    txt.colour_shape.add(i < 7);  // 70%: short of 90%
    txt.position.add(i < 9);      // 90%: above 80%
    txt.two_objects.add(i < 6);   // 60%: exactly the target
  }
  const auto checks = quality_targets(txt, false);
  ASSERT_EQ(checks.size(), 4u);
  EXPECT_FALSE(checks[0].met());
  EXPECT_TRUE(checks[1].met());
  EXPECT_TRUE(checks[2].met());
  EXPECT_TRUE(checks[3].met());  // 0.5 s per image, under 2 s
  card.evals = {txt};
  std::string text = model_card(card);
  EXPECT_NE(text.find("| single object: colour and shape | >= 90% | 70.0% | not yet |"), std::string::npos) << text;
  EXPECT_NE(text.find("| single object: position | >= 80% | 90.0% | met |"), std::string::npos) << text;
  EXPECT_NE(text.find("still being worked on"), std::string::npos);

  EvalSummary inpaint;
  inpaint.mode = "inpainting";
  for (int i = 0; i < 20; ++i) inpaint.object_in_mask.add(i < 14);  // 70%
  EXPECT_TRUE(quality_targets(inpaint, false)[0].met());   // latent blending: 60%
  EXPECT_FALSE(quality_targets(inpaint, true)[0].met());   // the inpainting model: 85%
  inpaint.changed_outside = 3;
  EXPECT_FALSE(quality_targets(inpaint, true)[1].met());   // any changed pixel outside the mask
  for (int i = 0; i < 10; ++i) txt.colour_shape.add(true);  // 85%... still short
  card.evals = {txt};
  EXPECT_NE(model_card(card).find("not yet"), std::string::npos);
  txt.colour_shape = Rate{19, 20};
  card.evals = {txt};
  text = model_card(card);
  EXPECT_EQ(text.find("not yet"), std::string::npos) << text;
  EXPECT_NE(text.find("(all met)"), std::string::npos);
}

class TrainSmoke : public ::testing::Test {
 protected:
  static TrainOptions options(const fs::path& out) {
    TrainOptions o;
    o.out = out;
    o.models = out / "models";
    o.preset = "tiny";
    o.image_size = 64;
    o.steps = 3;
    o.evaluate = false;
    o.checkpoint_minutes = 0;  // a checkpoint after every step: exercises the atomic writes
    return o;
  }
};

TEST_F(TrainSmoke, EveryStageRunsExportsAndTheEngineGenerates) {
  const fs::path out = temp_dir("smoke");
  std::vector<std::string> messages;
  TrainCallbacks cb;
  cb.on_message = [&](const std::string& m) { messages.push_back(m); };
  const auto reports = run_training(options(out), cb);
  ASSERT_EQ(reports.size(), 4u);
  for (const auto& r : reports) {
    EXPECT_TRUE(r.finished) << r.stage;
    EXPECT_EQ(r.step, 3) << r.stage;
  }
  EXPECT_EQ(reports[1].stage, "decoder");
  ASSERT_TRUE(reports[2].exported && reports[3].exported);
  for (const char* name : {"stipple-shapes", "stipple-shapes-inpainting"}) {
    const fs::path m = out / "models" / name;
    for (const char* f : {"model_index.json", "README.md", "tokenizer/vocab.json", "unet/config.json",
                          "vae/diffusion_pytorch_model.safetensors", "text_encoder/model.safetensors", "loss-unet.png"})
      EXPECT_TRUE(fs::exists(m / f)) << (m / f);
  }
  for (const char* f : {"loss-vae.csv", "loss-vae.png", "vae.ckpt", "unet.ckpt", "inpaint.ckpt", "vae-final.safetensors",
                        "loss-decoder.csv", "decoder.ckpt", "vae-decoder.safetensors"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  // The decoder stage changed the decoder only: the encoder, and so the UNets' latents, are the
  // VAE stage's, and the scale factor too.
  {
    const auto before = stipple::load_tensors(out / "vae-final.safetensors");
    const auto after = stipple::load_tensors(out / "vae-decoder.safetensors");
    ASSERT_EQ(before.size(), after.size());
    int decoder_changed = 0;
    for (const auto& [name, t] : before) {
      const bool decoder = name.rfind("decoder.", 0) == 0 || name.rfind("post_quant_conv.", 0) == 0;
      if (decoder)
        decoder_changed += !torch::equal(t, after.at(name));
      else
        EXPECT_TRUE(torch::equal(t, after.at(name))) << name;
    }
    EXPECT_GT(decoder_changed, 0);
    EXPECT_EQ(stipple::SafetensorsFile::open(out / "vae-final.safetensors")->metadata().at("scale_factor"),
              stipple::SafetensorsFile::open(out / "vae-decoder.safetensors")->metadata().at("scale_factor"));
    std::ifstream card(out / "models" / "stipple-shapes" / "README.md");
    const std::string text((std::istreambuf_iterator<char>(card)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("| decoder |"), std::string::npos);
  }

  stipple::EngineModelSpec spec;
  spec.model = out / "models" / "stipple-shapes";
  auto engine = stipple::Engine::load(spec);
  EXPECT_EQ(engine->default_size(), 64);  // sample_size x 8, written and read back
  EXPECT_EQ(engine->config().unet.in_channels, 4);
  stipple::GenerationRequest r;
  r.prompt = "a red circle on white";
  r.width = r.height = 64;
  r.steps = 2;
  r.sampler = "euler";
  r.preview = stipple::PreviewMode::Off;
  const auto txt = engine->generate(r);
  ASSERT_EQ(txt.images.size(), 1u);
  EXPECT_EQ(txt.images[0].rgb.size(), cv::Size(64, 64));

  spec.model = out / "models" / "stipple-shapes-inpainting";
  auto inpaint = stipple::Engine::load(spec);
  EXPECT_EQ(inpaint->config().unet.in_channels, 9);
  SceneSpec scene = ShapesDataset(1).sample(0).scene;
  const cv::Mat mask = object_mask(scene.objects[0], 64);
  scene.objects.erase(scene.objects.begin());
  r.init_image = render(scene, 64);
  r.mask = mask;
  const auto painted = inpaint->generate(r);
  const cv::Mat blurred = stipple::blur_mask(mask, r.mask_blur);
  cv::Mat diff;
  cv::absdiff(painted.images[0].rgb, r.init_image, diff);
  cv::Mat changed;
  cv::transform(diff, changed, cv::Matx13f(1, 1, 1));
  EXPECT_EQ(cv::countNonZero((changed > 0) & (blurred == 0)), 0);

  // A finished run is not retrained; export alone rewrites the folders.
  auto o = options(out);
  o.stage = "export";
  const auto again = run_training(o, cb);
  EXPECT_TRUE(fs::exists(out / "models" / "stipple-shapes" / "README.md"));
  fs::remove_all(out);
}

TEST_F(TrainSmoke, ResumeContinuesTheStepCount) {
  const fs::path out = temp_dir("resume");
  auto o = options(out);
  o.stage = "vae";
  o.steps = 4;
  int calls = 0;
  TrainCallbacks stop_after_two;
  stop_after_two.on_progress = [&](const TrainProgress& p) {
    if (p.phase == "train") ++calls;
  };
  stop_after_two.should_stop = [&] { return calls >= 2; };
  const auto first = run_training(o, stop_after_two);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].step, 2);
  EXPECT_FALSE(first[0].finished);
  EXPECT_FALSE(fs::exists(out / "vae-final.safetensors"));

  EXPECT_THROW(run_training(o), std::runtime_error);  // an unfinished checkpoint needs --resume

  o.resume = true;
  std::vector<int64_t> steps;
  TrainCallbacks record;
  record.on_progress = [&](const TrainProgress& p) {
    if (p.phase == "train") steps.push_back(p.step);
  };
  const auto second = run_training(o, record);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].step, 4);
  EXPECT_TRUE(second[0].finished);
  ASSERT_FALSE(steps.empty());
  EXPECT_EQ(steps.front(), 3);
  EXPECT_TRUE(fs::exists(out / "vae-final.safetensors"));

  o.seed = 99;  // a run folder is bound to its settings
  EXPECT_THROW(run_training(o), std::runtime_error);
  fs::remove_all(out);
}

TEST_F(TrainSmoke, ResumedRunEqualsUninterruptedRun) {
  // Batches, noise and optimizer state all come back: stopping and resuming changes nothing.
  const fs::path a = temp_dir("straight"), b = temp_dir("interrupted");
  auto o = options(a);
  o.stage = "vae";
  o.steps = 4;
  run_training(o);
  o = options(b);
  o.stage = "vae";
  o.steps = 4;
  int calls = 0;
  TrainCallbacks stop;
  stop.on_progress = [&](const TrainProgress& p) { calls += p.phase == "train"; };
  stop.should_stop = [&] { return calls >= 2; };
  run_training(o, stop);
  o.resume = true;
  run_training(o);
  const auto ta = stipple::load_tensors(a / "vae-final.safetensors");
  const auto tb = stipple::load_tensors(b / "vae-final.safetensors");
  ASSERT_EQ(ta.size(), tb.size());
  for (const auto& [name, t] : ta)
    EXPECT_TRUE(torch::allclose(t, tb.at(name), 1e-5, 1e-6)) << name;
  fs::remove_all(a);
  fs::remove_all(b);
}

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_F(TrainSmoke, ImportRebuildsTheRunFromExportedModelsAndTrainsOn) {
  // A finished run exports both models with their training.json ...
  const fs::path a = temp_dir("import-source"), b = temp_dir("import-target");
  run_training(options(a));
  const TrainingRecord base = read_training_record(a / "models" / "stipple-shapes" / kTrainingRecordFile);
  const TrainingRecord inp = read_training_record(a / "models" / "stipple-shapes-inpainting" / kTrainingRecordFile);
  ASSERT_EQ(base.stages.size(), 3u);  // vae, decoder, unet
  ASSERT_EQ(inp.stages.size(), 4u);
  EXPECT_EQ(inp.stages[3].stage, "inpaint");
  EXPECT_EQ(inp.stages[3].step, 3);
  EXPECT_EQ(base.seed, 1234u);
  EXPECT_EQ(base.preset, "tiny");
  EXPECT_TRUE(base.vae_metadata.count("scale_factor"));
  // As if the models had been trained on another machine (a GPU one, say), themselves gone on
  // from an import of models trained on a third.
  const std::string elsewhere =
      "CUDA (1 device), CPU 8 threads (another machine); the steps before the import on CPU, 4 threads (a third)";
  for (const char* m : {"stipple-shapes", "stipple-shapes-inpainting"}) {
    TrainingRecord r = read_training_record(a / "models" / m / kTrainingRecordFile);
    r.machine = elsewhere;
    write_training_record(a / "models" / m / kTrainingRecordFile, r);
  }

  // ... from which another run folder is rebuilt: every stage at the step it reached.
  auto o = options(b);
  o.stage = "import";
  o.from = a / "models";
  const auto imported = run_training(o);
  ASSERT_EQ(imported.size(), 4u);
  for (size_t i = 0; i < imported.size(); ++i) {
    EXPECT_EQ(imported[i].stage, inp.stages[i].stage);
    EXPECT_EQ(imported[i].step, 3) << imported[i].stage;
    EXPECT_TRUE(imported[i].finished) << imported[i].stage;
    EXPECT_DOUBLE_EQ(imported[i].seconds, inp.stages[i].seconds) << imported[i].stage;
    EXPECT_EQ(imported[i].imported_at, std::vector<int64_t>{3}) << imported[i].stage;
  }
  EXPECT_THROW(run_training(o), std::runtime_error);  // the folder now holds checkpoints

  // Exporting the rebuilt run gives back the same weights (fp16 -> fp32 -> fp16 is exact).
  auto e = options(b);
  e.stage = "export";
  run_training(e);
  for (const char* f : {"unet/diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.safetensors",
                        "text_encoder/model.safetensors"}) {
    const auto ta = stipple::load_tensors(a / "models" / "stipple-shapes" / f);
    const auto tb = stipple::load_tensors(b / "models" / "stipple-shapes" / f);
    ASSERT_EQ(ta.size(), tb.size()) << f;
    for (const auto& [name, t] : ta) EXPECT_TRUE(torch::equal(t, tb.at(name))) << f << " " << name;
  }
  // Nothing trained here since the import: the card names only the machine that trained it.
  EXPECT_EQ(read_training_record(b / "models" / "stipple-shapes" / kTrainingRecordFile).machine, elsewhere);

  // The base trains on after the inpainting UNet was made from it, in the first run and in the
  // rebuilt one: the inpainting model goes on naming the base it started from (step 3).
  for (const fs::path& run : {a, b}) {
    auto u = options(run);
    u.stage = "unet";
    u.steps = 5;
    u.resume = true;
    run_training(u);
    auto x = options(run);
    x.stage = "export";
    run_training(x);
    EXPECT_EQ(read_training_record(run / "models" / "stipple-shapes" / kTrainingRecordFile).stages[2].step, 5) << run;
    const TrainingRecord r = read_training_record(run / "models" / "stipple-shapes-inpainting" / kTrainingRecordFile);
    ASSERT_EQ(r.stages.size(), 4u) << run;
    EXPECT_EQ(r.stages[2].stage, "unet");
    EXPECT_EQ(r.stages[2].step, 3) << run;
    EXPECT_DOUBLE_EQ(r.stages[2].seconds, inp.stages[2].seconds) << run;
    EXPECT_NE(read_text(run / "models" / "stipple-shapes-inpainting" / "README.md").find("| unet | UNet + text encoder | 3 |"),
              std::string::npos)
        << run;
  }

  // The inpainting stage trains on: its optimizer starts afresh and says so, the step count
  // and schedules carry on, and the model card says where the stage went on from.
  auto c = options(b);
  c.stage = "inpaint";
  c.steps = 20;  // the tiny recipe's 2 warm-up steps stay (--steps N keeps at most N / 10)
  c.resume = true;
  c.precision = "bf16";  // another precision than before the import (the tiny preset trains in fp32)
  c.object_masks = 0.9;  // and another share of object masks than the recipe's
  std::vector<std::string> messages;
  std::vector<double> rates;
  TrainCallbacks cb;
  cb.on_message = [&](const std::string& m) { messages.push_back(m); };
  cb.on_progress = [&](const TrainProgress& p) {
    if (p.phase == "train") rates.push_back(p.lr);
  };
  const auto on = run_training(c, cb);
  ASSERT_EQ(on.size(), 1u);
  EXPECT_EQ(on[0].step, 20);
  EXPECT_TRUE(on[0].finished);
  bool fresh = false;
  for (const auto& m : messages) fresh = fresh || m.find("fresh optimizer state") != std::string::npos;
  EXPECT_TRUE(fresh);
  ASSERT_EQ(rates.size(), 17u);
  EXPECT_LT(rates[0], rates[1]);  // re-warmed over the 2 warm-up steps, then the cosine decays
  EXPECT_GT(rates[1], rates[2]);
  const TrainingRecord after = read_training_record(b / "models" / "stipple-shapes-inpainting" / kTrainingRecordFile);
  ASSERT_EQ(after.stages.size(), 4u);
  EXPECT_EQ(after.stages[3].step, 20);
  EXPECT_EQ(after.stages[3].imported_at, std::vector<int64_t>{3});
  ASSERT_EQ(after.stages[3].schedule.size(), 2u);
  EXPECT_EQ(after.stages[3].schedule[1].from, 3);
  EXPECT_EQ(after.stages[3].schedule[1].total, 20);
  // The share of object masks survives the import too: the recipe's up to it, then this run's.
  EXPECT_EQ(after.stages[3].schedule[0].object_masks, 0.4);
  EXPECT_EQ(after.stages[3].schedule[1].object_masks, 0.9);
  {  // a damaged share is named, not shown as 170%
    TrainingRecord damaged = after;
    damaged.stages[3].schedule[0].object_masks = 1.7;
    const fs::path file = b / "damaged-training.json";
    write_training_record(file, damaged);
    try {
      read_training_record(file);
      ADD_FAILURE() << "read a share of object masks of 1.7";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("stages[inpaint]: a share of object masks outside 0..1"), std::string::npos)
          << e.what();
    }
    fs::remove(file);
  }
  EXPECT_GT(after.stages[3].seconds, inp.stages[3].seconds);
  // The precision history survives the import: what the imported steps ran in, then this run's.
  EXPECT_EQ(after.stages[3].precision, "fp32 to step 3, then bf16 autocast");
  EXPECT_EQ(after.stages[2].precision, "fp32");  // the base UNet was imported, not trained on
  // This machine trained the last steps; the earlier ones ran elsewhere.
  const std::string here = stipple::describe_device(stipple::runtime_info()),
                    earlier = " from inpaint step 3; before that on CUDA (1 device), CPU 8 threads (another machine); "
                              "before that on CPU, 4 threads (a third)";
  EXPECT_EQ(after.machine.rfind(here, 0), 0u) << after.machine;
  ASSERT_GE(after.machine.size(), earlier.size()) << after.machine;
  EXPECT_EQ(after.machine.substr(after.machine.size() - earlier.size()), earlier) << after.machine;
  const std::string card = read_text(b / "models" / "stipple-shapes-inpainting" / "README.md");
  EXPECT_NE(card.find("The inpaint stage went on at step 3 from its exported weights"), std::string::npos) << card;
  EXPECT_NE(card.find("| inpaint | 9-channel UNet (text encoder frozen) | 20 |"), std::string::npos) << card;
  EXPECT_EQ(card.find("The unet stage went on"), std::string::npos);  // imported, not trained on
  EXPECT_NE(card.find("masks: one object with margin (40% to step 3, then 90%)"), std::string::npos) << card;
  EXPECT_NE(card.find("unet fp32, inpaint fp32 to step 3, then bf16 autocast"), std::string::npos) << card;

  // An import of the re-exported models (the same VAE weights; its file says another export date)
  // keeps the latent cache that the first import encoded: the cache is keyed by the weights.
  const fs::path d = temp_dir("import-again");
  {
    const fs::path record = b / "models" / "stipple-shapes" / kTrainingRecordFile;
    TrainingRecord r = read_training_record(record);
    r.exported = "2000-01-01T00:00:00Z";  // another export than the one b was rebuilt from
    write_training_record(record, r);
  }
  o.out = d;
  o.from = b / "models";
  run_training(o);
  EXPECT_NE(stipple::SafetensorsFile::open(d / "vae-final.safetensors")->metadata().at("imported_from"),
            stipple::SafetensorsFile::open(b / "vae-final.safetensors")->metadata().at("imported_from"));
  fs::copy(b / "latents", d / "latents", fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  auto again = c;
  again.out = d;
  again.steps = 22;
  messages.clear();
  run_training(again, cb);
  bool encoded = false;
  for (const auto& m : messages) encoded = encoded || m.find("latents: encoded") != std::string::npos;
  EXPECT_FALSE(encoded);
  fs::remove_all(a);
  fs::remove_all(b);
  fs::remove_all(d);
}

TEST_F(TrainSmoke, ImportRefusesWhatItCannotContinue) {
  const fs::path a = temp_dir("import-bad"), b = temp_dir("import-bad-target");
  auto o = options(b);
  o.stage = "import";
  o.from = a;  // no stipple-shapes/ in it
  try {
    run_training(o);
    ADD_FAILURE() << "imported from an empty folder";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no stipple-shapes/"), std::string::npos) << e.what();
  }
  // The bundled models are another preset: named, and the run folder is not bound to anything.
  o.from = stipple::test::source_dir() / "models";
  try {
    run_training(o);
    ADD_FAILURE() << "imported a full-preset model into a tiny run";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("pass --preset full"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(b / "run.json"));
  // A damaged training.json is named with the field.
  fs::create_directories(a / "stipple-shapes");
  fs::copy_file(stipple::test::source_dir() / "models" / "stipple-shapes" / "model_index.json",
                a / "stipple-shapes" / "model_index.json");
  std::ofstream(a / "stipple-shapes" / kTrainingRecordFile) << R"({"format": 1, "model": "stipple-shapes"})";
  o.from = a;
  try {
    run_training(o);
    ADD_FAILURE() << "read a training.json without its fields";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("'preset'"), std::string::npos) << e.what();
  }
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST(TrainingRecord, TheShippedModelsCarryTheirHistory) {
  for (const char* name : {"stipple-shapes", "stipple-shapes-inpainting"}) {
    const auto r = read_training_record(stipple::test::source_dir() / "models" / name / kTrainingRecordFile);
    EXPECT_EQ(r.model, name);
    EXPECT_EQ(r.preset, "full");
    ASSERT_GE(r.stages.size(), 3u);
    for (const auto& s : r.stages) {
      EXPECT_TRUE(s.finished) << name << " " << s.stage;
      EXPECT_GT(s.seconds, 0) << name << " " << s.stage;
      ASSERT_FALSE(s.schedule.empty()) << name << " " << s.stage;
      EXPECT_EQ(s.schedule.back().to, s.step) << name << " " << s.stage;
      for (const auto& seg : s.schedule)  // the inpainting stage names its masks, the others have none
        EXPECT_EQ(seg.object_masks >= 0, s.stage == "inpaint") << name << " " << s.stage;
    }
  }
}
