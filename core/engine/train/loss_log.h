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

}  // namespace stipple::train
