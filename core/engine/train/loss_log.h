#pragma once
// Loss log of a training stage: a CSV file (one row every few steps) and its curve as a PNG
// drawn with OpenCV (log-scale loss against step). Torch-free.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace stipple::train {

struct LossRow {
  int64_t step = 0;
  double loss = 0;      // this step's loss
  double loss_avg = 0;  // running average (what the curve draws as a line)
  double lr = 0;
  double grad_norm = 0;
  double seconds_per_step = 0;
};

class LossLog {
 public:
  // Opens (creating with a header) `csv`; rows after `resume_step` are dropped, since a resumed
  // run repeats those steps.
  LossLog(std::filesystem::path csv, int64_t resume_step);
  void append(const LossRow& row);
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::vector<LossRow> read_loss_csv(const std::filesystem::path& csv);

// Draws the rows as a PNG (width x height): raw losses as dots, the running average as a line,
// log-scale y axis with decade ticks, step axis with round ticks, and the title.
void plot_losses(const std::vector<LossRow>& rows, const std::filesystem::path& png, const std::string& title,
                 int width = 900, int height = 420);

// The learning-rate schedules a stage followed. Each run of a stage records the step it started
// at and the length of the schedule it ran to (a CSV beside the loss log); a stage extended with
// --steps N --resume follows the longer schedule's cosine from the step it resumes at.
// The inpainting stage also records the share of object masks each run trained on (a third
// column; -1 where a run did not record one). Consecutive runs with the same length and share
// are one segment; the last segment ends at `last_step`.
struct ScheduleSegment {
  int64_t from = 0, to = 0, total = 0;
  double object_masks = -1;
  std::string precision;  // "fp32" or "bf16 autocast"; empty for runs from before it was recorded
};
// Appends one run of a stage (a start or a resume) to its schedule-<stage>.csv. Rows from before
// the precision was recorded that start at or after `unrecorded_since` are given
// `unrecorded_precision` (what the stage's checkpoint says they ran in) when that is not empty.
void record_schedule_run(const std::filesystem::path& csv, int64_t from, int64_t total, double object_masks = -1,
                         const std::string& precision = {}, const std::string& unrecorded_precision = {},
                         int64_t unrecorded_since = 0);
std::vector<ScheduleSegment> read_schedule(const std::filesystem::path& csv, int64_t last_step);
// "steps 0-3000 on a 3000-step schedule, then 3000-4000 on a 4000-step one" (empty for one segment).
// Segments that differ only in their share of object masks count as one here.
std::string describe_schedule(const std::vector<ScheduleSegment>& segments);
// The shares of object masks and where each held, adjacent segments with the same share joined:
// "40%" for one share throughout, "40% to step 5900, then 70%" (empty when none was recorded).
std::string describe_object_masks(const std::vector<ScheduleSegment>& segments);
// The precision a stage trained in and where each held: "fp32", "bf16 autocast to step 8800, then
// fp32". `before` describes the steps up to `imported_at` (a run rebuilt from exported models;
// empty and -1 otherwise); segments without a recorded precision ran in `current`.
std::string describe_precision(const std::vector<ScheduleSegment>& segments, const std::string& current,
                               const std::string& before = {}, int64_t imported_at = -1);

}  // namespace stipple::train
