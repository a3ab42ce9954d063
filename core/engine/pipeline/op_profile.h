#pragma once
// Where the time of a model evaluation goes, op by op: a LibTorch RecordFunction observer
// on the calling thread that adds up each ATen op's self time (its time minus the ops it
// called) and the inclusive time of the engine's named scopes ("stipple::attention", ...).
// Torch-free interface; used by `stipple-cli bench --profile`.
#include <memory>
#include <string>
#include <vector>

namespace stipple {

struct OpTime {
  std::string name;
  long calls = 0;
  double self_seconds = 0;   // time inside the op, less the ops it called
  double total_seconds = 0;  // time inside the op, ops it called included
};

class OpProfiler {
 public:
  OpProfiler();
  ~OpProfiler();
  OpProfiler(const OpProfiler&) = delete;
  OpProfiler& operator=(const OpProfiler&) = delete;

  // Observes the ops run on this thread between start() and stop(); start() again adds to
  // the same totals.
  void start();
  void stop();
  double observed_seconds() const;  // wall time between starts and stops
  // Ops by self time and scopes by inclusive time, largest first.
  std::vector<OpTime> ops() const;
  std::vector<OpTime> scopes() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// A text table: the `top` largest ops by self time, the rest summed, then every scope.
std::string op_profile_text(const OpProfiler& profiler, int top = 15);

}  // namespace stipple
