#include "train/loss_log.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "io/atomic_file.h"

namespace stipple::train {

namespace {

constexpr const char* kHeader = "step,loss,loss_avg,lr,grad_norm,seconds_per_step";

std::string format_row(const LossRow& r) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%lld,%.6g,%.6g,%.6g,%.6g,%.4g", static_cast<long long>(r.step), r.loss, r.loss_avg,
                r.lr, r.grad_norm, r.seconds_per_step);
  return buf;
}

// 1, 2, 5 x 10^k: a tick spacing giving about `target` ticks over `range`.
double nice_step(double range, int target) {
  const double raw = range / std::max(1, target);
  const double mag = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-12))));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

// Adjacent segments for which `same` holds joined into one (the first's fields, the last's end).
template <class Same>
std::vector<ScheduleSegment> joined(const std::vector<ScheduleSegment>& segments, Same same) {
  std::vector<ScheduleSegment> out;
  for (const auto& s : segments) {
    if (!out.empty() && same(out.back(), s))
      out.back().to = s.to;
    else
      out.push_back(s);
  }
  return out;
}
}  // namespace

LossLog::LossLog(std::filesystem::path csv, int64_t resume_step) : path_(std::move(csv)) {
  std::vector<LossRow> keep;
  for (const auto& r : read_loss_csv(path_))
    if (r.step <= resume_step) keep.push_back(r);
  std::string text = std::string(kHeader) + "\n";
  for (const auto& r : keep) text += format_row(r) + "\n";
  write_file_atomic(path_, text);
}

void LossLog::append(const LossRow& row) {
  std::ofstream out(path_, std::ios::app);
  out << format_row(row) << "\n";
  if (!out) throw std::runtime_error(path_.string() + ": cannot append to the loss log");
}

std::vector<LossRow> read_loss_csv(const std::filesystem::path& csv) {
  std::vector<LossRow> rows;
  std::ifstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || !std::isdigit(static_cast<unsigned char>(line[0]))) continue;  // header
    LossRow r;
    long long step = 0;
    if (std::sscanf(line.c_str(), "%lld,%lf,%lf,%lf,%lf,%lf", &step, &r.loss, &r.loss_avg, &r.lr, &r.grad_norm,
                    &r.seconds_per_step) >= 3) {
      r.step = step;
      rows.push_back(r);
    }
  }
  return rows;
}

namespace {

struct ScheduleRow {
  long long from = 0, total = 0;
  double share = -1;
  std::string precision;
};

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out(1);
  for (const char c : line) {
    if (c == ',')
      out.emplace_back();
    else if (c != '\r')
      out.back() += c;
  }
  return out;
}

// The rows of a schedule file, read by its header (files written before a column existed lack it).
std::vector<ScheduleRow> read_schedule_rows(const std::filesystem::path& csv) {
  std::vector<ScheduleRow> rows;
  std::vector<std::string> columns = {"from", "total", "object_masks"};
  std::ifstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto fields = split_csv(line);
    if (!std::isdigit(static_cast<unsigned char>(line[0]))) {
      columns = fields;
      continue;
    }
    ScheduleRow r;
    bool ok = fields.size() >= 2;
    for (size_t i = 0; ok && i < fields.size() && i < columns.size(); ++i) {
      const std::string& f = fields[i];
      char* end = nullptr;
      if (columns[i] == "from" || columns[i] == "total") {
        const long long v = std::strtoll(f.c_str(), &end, 10);
        ok = !f.empty() && *end == 0;
        (columns[i] == "from" ? r.from : r.total) = v;
      } else if (columns[i] == "object_masks" && !f.empty()) {
        const double v = std::strtod(f.c_str(), &end);
        r.share = *end == 0 && v >= 0 && v <= 1 ? v : -1;
      } else if (columns[i] == "precision") {
        r.precision = f;
      }
    }
    if (ok && r.from >= 0 && r.total > 0) rows.push_back(r);
  }
  return rows;
}

}  // namespace

void record_schedule_run(const std::filesystem::path& csv, int64_t from, int64_t total, double object_masks,
                         const std::string& precision, const std::string& unrecorded_precision,
                         int64_t unrecorded_since) {
  auto rows = read_schedule_rows(csv);
  if (!unrecorded_precision.empty())
    for (auto& r : rows)
      if (r.precision.empty() && r.from >= unrecorded_since) r.precision = unrecorded_precision;
  rows.push_back({from, total, object_masks, precision});
  const bool has_share = std::any_of(rows.begin(), rows.end(), [](const ScheduleRow& r) { return r.share >= 0; });
  std::string text = has_share ? "from,total,object_masks,precision\n" : "from,total,precision\n";
  for (const auto& r : rows) {
    text += std::to_string(r.from) + "," + std::to_string(r.total);
    if (has_share) {
      char share[32] = "";
      if (r.share >= 0) std::snprintf(share, sizeof share, "%.4g", r.share);
      text += "," + std::string(share);
    }
    text += "," + r.precision + "\n";
  }
  write_file_atomic(csv, text);
}

std::vector<ScheduleSegment> read_schedule(const std::filesystem::path& csv, int64_t last_step) {
  std::vector<ScheduleSegment> runs;
  for (const auto& r : read_schedule_rows(csv)) {
    // A later run that started earlier (a stage started over) replaces what came after it.
    while (!runs.empty() && runs.back().from >= r.from) runs.pop_back();
    if (!runs.empty() && runs.back().total == r.total && runs.back().object_masks == r.share &&
        runs.back().precision == r.precision)
      continue;  // resumed as it was
    runs.push_back({r.from, 0, r.total, r.share, r.precision});
  }
  for (size_t i = 0; i < runs.size(); ++i) runs[i].to = i + 1 < runs.size() ? runs[i + 1].from : last_step;
  return runs;
}

std::string describe_schedule(const std::vector<ScheduleSegment>& segments) {
  // Joined where only the share of object masks changed.
  const auto lr = joined(segments, [](const auto& a, const auto& b) { return a.total == b.total; });
  if (lr.size() < 2) return {};
  std::string out;
  for (size_t i = 0; i < lr.size(); ++i) {
    const auto& s = lr[i];
    out += (i == 0 ? "steps " : i + 1 == lr.size() ? ", then " : ", ") + std::to_string(s.from) + "-" +
           std::to_string(s.to) + " on a " + std::to_string(s.total) + "-step schedule";
  }
  return out;
}

std::string describe_object_masks(const std::vector<ScheduleSegment>& segments) {
  std::vector<ScheduleSegment> recorded;
  for (const auto& s : segments)
    if (s.object_masks >= 0) recorded.push_back(s);
  const auto shares = joined(recorded, [](const auto& a, const auto& b) { return a.object_masks == b.object_masks; });
  std::string out;
  for (size_t i = 0; i < shares.size(); ++i) {
    char part[64];
    std::snprintf(part, sizeof part, "%.3g%%", 100 * shares[i].object_masks);
    out += (i == 0 ? "" : ", then ") + std::string(part);
    if (i + 1 < shares.size()) out += " to step " + std::to_string(shares[i].to);
  }
  return out;
}

std::string describe_precision(const std::vector<ScheduleSegment>& segments, const std::string& current,
                               const std::string& before, int64_t imported_at) {
  struct Piece {
    int64_t to;
    std::string precision;
  };
  std::vector<Piece> pieces;
  if (!before.empty()) pieces.push_back({imported_at, before});
  for (const auto& s : segments) {
    if (s.to <= s.from || (!before.empty() && s.to <= imported_at)) continue;  // no steps, or before the import
    const std::string p = s.precision.empty() ? current : s.precision;
    // `before` may itself be a history ("bf16 autocast to step 1600, then fp32"): its last part counts.
    const std::string then = ", then " + p;
    const std::string& last = pieces.empty() ? std::string() : pieces.back().precision;
    if (!pieces.empty() &&
        (last == p || (last.size() > then.size() && last.compare(last.size() - then.size(), then.size(), then) == 0))) {
      pieces.back().to = s.to;
      continue;
    }
    pieces.push_back({s.to, p});
  }
  if (pieces.empty()) return current;
  std::string out = pieces[0].precision;
  for (size_t i = 1; i < pieces.size(); ++i)
    out += " to step " + std::to_string(pieces[i - 1].to) + ", then " + pieces[i].precision;
  return out;
}

void plot_losses(const std::vector<LossRow>& rows, const std::filesystem::path& png, const std::string& title,
                 int width, int height) {
  cv::Mat img(height, width, CV_8UC3, cv::Scalar(255, 255, 255));
  const int left = 70, right = 20, top = 36, bottom = 44;
  const cv::Rect plot(left, top, width - left - right, height - top - bottom);
  const auto font = cv::FONT_HERSHEY_SIMPLEX;
  cv::putText(img, title, {left, 24}, font, 0.55, cv::Scalar(20, 20, 20), 1, cv::LINE_AA);
  cv::rectangle(img, plot, cv::Scalar(120, 120, 120), 1);

  std::vector<LossRow> valid;
  for (const auto& r : rows)
    if (r.loss > 0 && std::isfinite(r.loss) && r.loss_avg > 0 && std::isfinite(r.loss_avg)) valid.push_back(r);
  if (valid.size() >= 2) {
    const double x0 = static_cast<double>(valid.front().step), x1 = std::max(x0 + 1, static_cast<double>(valid.back().step));
    double lo = 1e30, hi = -1e30;
    for (const auto& r : valid) {
      lo = std::min({lo, r.loss, r.loss_avg});
      hi = std::max({hi, r.loss, r.loss_avg});
    }
    const double ly0 = std::floor(std::log10(lo)), ly1 = std::max(ly0 + 1, std::ceil(std::log10(hi)));
    auto px = [&](double step, double loss) {
      const double fx = (step - x0) / (x1 - x0), fy = (std::log10(loss) - ly0) / (ly1 - ly0);
      return cv::Point(plot.x + cvRound(fx * plot.width), plot.y + plot.height - cvRound(fy * plot.height));
    };
    // Decade grid and labels; minor ticks at 2..9.
    for (double d = ly0; d <= ly1 + 1e-9; d += 1) {
      const cv::Point p = px(x0, std::pow(10.0, d));
      cv::line(img, {plot.x, p.y}, {plot.x + plot.width, p.y}, cv::Scalar(225, 225, 225), 1);
      char label[32];
      std::snprintf(label, sizeof label, "1e%d", static_cast<int>(d));
      cv::putText(img, label, {8, p.y + 5}, font, 0.45, cv::Scalar(60, 60, 60), 1, cv::LINE_AA);
      for (int m = 2; m < 10 && d < ly1; ++m) {
        const cv::Point q = px(x0, m * std::pow(10.0, d));
        cv::line(img, {plot.x, q.y}, {plot.x + 5, q.y}, cv::Scalar(150, 150, 150), 1);
      }
    }
    const double xs = nice_step(x1 - x0, 8);
    for (double s = std::ceil(x0 / xs) * xs; s <= x1; s += xs) {
      const cv::Point p = px(s, std::pow(10.0, ly0));
      cv::line(img, {p.x, plot.y + plot.height}, {p.x, plot.y + plot.height + 5}, cv::Scalar(120, 120, 120), 1);
      char label[32];
      std::snprintf(label, sizeof label, "%.0f", s);
      cv::putText(img, label, {p.x - 12, plot.y + plot.height + 20}, font, 0.42, cv::Scalar(60, 60, 60), 1, cv::LINE_AA);
    }
    cv::putText(img, "step", {plot.x + plot.width / 2 - 14, height - 8}, font, 0.45, cv::Scalar(60, 60, 60), 1,
                cv::LINE_AA);
    for (const auto& r : valid) cv::circle(img, px(static_cast<double>(r.step), r.loss), 1, cv::Scalar(230, 180, 140), -1);
    std::vector<cv::Point> line;
    for (const auto& r : valid) line.push_back(px(static_cast<double>(r.step), r.loss_avg));
    cv::polylines(img, line, false, cv::Scalar(160, 60, 20), 2, cv::LINE_AA);
    char last[96];
    std::snprintf(last, sizeof last, "step %lld  avg %.4g", static_cast<long long>(valid.back().step), valid.back().loss_avg);
    cv::putText(img, last, {plot.x + plot.width - 230, 24}, font, 0.5, cv::Scalar(160, 60, 20), 1, cv::LINE_AA);
  } else {
    cv::putText(img, "not enough steps logged yet", {plot.x + 20, plot.y + plot.height / 2}, font, 0.6,
                cv::Scalar(120, 120, 120), 1, cv::LINE_AA);
  }
  std::vector<uchar> bytes;
  cv::imencode(".png", img, bytes);  // BGR image: the colours above are BGR
  write_file_atomic(png, std::string(bytes.begin(), bytes.end()));
}

}  // namespace stipple::train
