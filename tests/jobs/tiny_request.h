#pragma once
// A generation small enough to run in a fraction of a second on the tiny golden models.
#include <cstdint>

#include "pipeline/request.h"

inline stipple::GenerationRequest tinyRequest(int steps = 4, uint64_t seed = 1) {
  stipple::GenerationRequest r;
  r.prompt = "a small red square";
  r.width = 64;
  r.height = 64;
  r.steps = steps;
  r.sampler = "euler";
  r.seed = seed;
  return r;
}
