#include "pipeline/op_profile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>

#include <ATen/record_function.h>

namespace stipple {

namespace {

using Clock = std::chrono::steady_clock;

struct Frame : at::ObserverContext {
  Clock::time_point start;
  double children = 0;
};

struct Totals {
  long calls = 0;
  double self = 0, total = 0;
  bool scope = false;
};

// The observer callbacks are plain function pointers: they reach the active profiler of this
// thread through a thread-local.
struct Active {
  std::map<std::string, Totals>* totals = nullptr;
  std::vector<Frame*> stack;
};
thread_local Active active;

std::unique_ptr<at::ObserverContext> on_start(const at::RecordFunction&) {
  auto frame = std::make_unique<Frame>();
  frame->start = Clock::now();
  active.stack.push_back(frame.get());
  return frame;
}

void on_end(const at::RecordFunction& fn, at::ObserverContext* ctx) {
  auto* frame = static_cast<Frame*>(ctx);
  const double total = std::chrono::duration<double>(Clock::now() - frame->start).count();
  if (!active.stack.empty() && active.stack.back() == frame) active.stack.pop_back();
  const bool scope = fn.scope() == at::RecordScope::USER_SCOPE;
  // A scope is a label around ops, not work of its own: it does not take time from its parent.
  if (!active.stack.empty()) active.stack.back()->children += scope ? frame->children : total;
  if (!active.totals) return;
  auto& t = (*active.totals)[fn.name()];
  ++t.calls;
  t.total += total;
  t.self += total - frame->children;
  t.scope = scope;
}

}  // namespace

struct OpProfiler::State {
  std::map<std::string, Totals> totals;
  at::CallbackHandle handle = 0;
  bool running = false;
  Clock::time_point started;
  double observed = 0;
};

OpProfiler::OpProfiler() : state_(std::make_unique<State>()) {}

OpProfiler::~OpProfiler() { stop(); }

void OpProfiler::start() {
  if (state_->running) return;
  active.totals = &state_->totals;
  active.stack.clear();
  state_->handle = at::addThreadLocalCallback(
      at::RecordFunctionCallback(&on_start, &on_end).scopes({at::RecordScope::FUNCTION, at::RecordScope::USER_SCOPE}));
  state_->running = true;
  state_->started = Clock::now();
}

void OpProfiler::stop() {
  if (!state_->running) return;
  state_->observed += std::chrono::duration<double>(Clock::now() - state_->started).count();
  at::removeCallback(state_->handle);
  if (active.totals == &state_->totals) active.totals = nullptr;
  active.stack.clear();
  state_->running = false;
}

double OpProfiler::observed_seconds() const { return state_->observed; }

static std::vector<OpTime> collect(const std::map<std::string, Totals>& totals, bool scopes) {
  std::vector<OpTime> out;
  for (const auto& [name, t] : totals)
    if (t.scope == scopes) out.push_back({name, t.calls, t.self, t.total});
  std::sort(out.begin(), out.end(), [scopes](const OpTime& a, const OpTime& b) {
    return scopes ? a.total_seconds > b.total_seconds : a.self_seconds > b.self_seconds;
  });
  return out;
}

std::vector<OpTime> OpProfiler::ops() const { return collect(state_->totals, false); }

std::vector<OpTime> OpProfiler::scopes() const { return collect(state_->totals, true); }

std::string op_profile_text(const OpProfiler& profiler, int top) {
  const double observed = profiler.observed_seconds();
  std::ostringstream os;
  char line[256];
  auto row = [&](const OpTime& t, double seconds) {
    std::snprintf(line, sizeof line, "    %-40s %8ld %9.3f s %6.1f%%\n", t.name.c_str(), t.calls, seconds,
                  observed > 0 ? 100 * seconds / observed : 0.0);
    os << line;
  };
  std::snprintf(line, sizeof line, "    %-40s %8s %11s %7s\n", "op (self time)", "calls", "seconds", "share");
  os << line;
  const auto ops = profiler.ops();
  double shown = 0, all = 0;
  for (size_t i = 0; i < ops.size(); ++i) {
    all += ops[i].self_seconds;
    if (static_cast<int>(i) < top) {
      row(ops[i], ops[i].self_seconds);
      shown += ops[i].self_seconds;
    }
  }
  if (static_cast<int>(ops.size()) > top) {
    std::snprintf(line, sizeof line, "    %-40s %8s %9.3f s %6.1f%%\n",
                  ("(" + std::to_string(ops.size() - static_cast<size_t>(top)) + " other ops)").c_str(), "",
                  all - shown, observed > 0 ? 100 * (all - shown) / observed : 0.0);
    os << line;
  }
  std::snprintf(line, sizeof line, "    %-40s %8s %9.3f s %6.1f%%\n", "(outside any op)", "", observed - all,
                observed > 0 ? 100 * (observed - all) / observed : 0.0);
  os << line;
  const auto scopes = profiler.scopes();
  if (!scopes.empty()) {
    std::snprintf(line, sizeof line, "    %-40s %8s %11s %7s\n", "scope (inclusive time)", "calls", "seconds", "share");
    os << line;
    for (const auto& s : scopes) row(s, s.total_seconds);
  }
  return os.str();
}

}  // namespace stipple
