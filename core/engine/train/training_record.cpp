#include "train/training_record.h"

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"

namespace stipple::train {

namespace {

constexpr int kFormat = 1;

nlohmann::json stage_json(const StageReport& s) {
  nlohmann::json schedule = nlohmann::json::array();
  for (const auto& seg : s.schedule) {
    nlohmann::json row = {seg.from, seg.to, seg.total};
    if (seg.object_masks >= 0) row.push_back(seg.object_masks);  // inpaint stage: share of object masks
    schedule.push_back(row);
  }
  return {{"stage", s.stage},
          {"step", s.step},
          {"total", s.total},
          {"seconds", s.seconds},
          {"seconds_per_step", s.seconds_per_step},
          {"final_loss", s.final_loss},
          {"bf16", s.bf16},
          {"precision", s.precision},
          {"imported_at", s.imported_at},
          {"schedule", schedule}};
}

}  // namespace

void write_training_record(const std::filesystem::path& file, const TrainingRecord& r) {
  nlohmann::json stages = nlohmann::json::array();
  for (const auto& s : r.stages) stages.push_back(stage_json(s));
  const nlohmann::json j = {{"format", kFormat},          {"model", r.model},
                            {"preset", r.preset},         {"image_size", r.image_size},
                            {"seed", r.seed},             {"latent_pool", r.latent_pool},
                            {"machine", r.machine},       {"exported", r.exported},
                            {"vae_metadata", r.vae_metadata}, {"stages", stages}};
  write_file_atomic(file, j.dump(2) + "\n");
}

TrainingRecord read_training_record(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": missing (a model exported by stipple-cli train carries it)");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file.string() + ": not JSON: " + e.what());
  }
  std::string field;
  try {
    TrainingRecord r;
    field = "format";
    if (j.at("format").get<int>() != kFormat)
      throw std::runtime_error(file.string() + ": format " + j.at("format").dump() + " is not one this trainer reads (" +
                               std::to_string(kFormat) + ")");
    field = "model";
    r.model = j.at("model").get<std::string>();
    field = "preset";
    r.preset = j.at("preset").get<std::string>();
    field = "image_size";
    r.image_size = j.at("image_size").get<int>();
    field = "seed";
    r.seed = j.at("seed").get<uint64_t>();
    field = "latent_pool";
    r.latent_pool = j.at("latent_pool").get<int>();
    field = "machine";
    r.machine = j.value("machine", "");
    field = "exported";
    r.exported = j.value("exported", "");
    field = "vae_metadata";
    r.vae_metadata = j.at("vae_metadata").get<std::map<std::string, std::string>>();
    field = "stages";
    for (const auto& s : j.at("stages")) {
      StageReport st;
      st.stage = s.at("stage").get<std::string>();
      field = "stages[" + st.stage + "]";
      st.step = s.at("step").get<int64_t>();
      st.total = s.at("total").get<int64_t>();
      st.seconds = s.at("seconds").get<double>();
      st.seconds_per_step = s.value("seconds_per_step", 0.0);
      st.final_loss = s.at("final_loss").get<double>();
      st.bf16 = s.value("bf16", false);
      st.precision = s.value("precision", std::string(precision_name(st.bf16)));  // records before it
      st.imported_at = s.value("imported_at", std::vector<int64_t>{});
      for (const auto& seg : s.value("schedule", nlohmann::json::array())) {
        ScheduleSegment g{seg.at(0).get<int64_t>(), seg.at(1).get<int64_t>(), seg.at(2).get<int64_t>()};
        if (seg.size() > 3) g.object_masks = seg.at(3).get<double>();
        if (seg.size() > 3 && !(g.object_masks >= 0 && g.object_masks <= 1))
          throw std::runtime_error(file.string() + ": " + field + ": a share of object masks outside 0..1");
        st.schedule.push_back(g);
      }
      if (st.step < 0 || st.total < 1 || st.seconds < 0)
        throw std::runtime_error(file.string() + ": " + field + ": negative steps or time");
      st.finished = st.step >= st.total;
      r.stages.push_back(st);
    }
    if (!r.vae_metadata.count("scale_factor"))
      throw std::runtime_error(file.string() + ": vae_metadata has no scale_factor");
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file.string() + ": field '" + field + "' missing or of the wrong type (" + e.what() + ")");
  }
}

const StageReport* find_stage(const TrainingRecord& record, const std::string& stage) {
  for (const auto& s : record.stages)
    if (s.stage == stage) return &s;
  return nullptr;
}

}  // namespace stipple::train
