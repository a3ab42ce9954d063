#!/usr/bin/env bash
# Sets up, builds and runs Stipple's main job: the GUI where a display exists, otherwise a
# headless run of the engine that says what it did.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap-debian.sh
cmake --workflow --preset default >/dev/null
cli=build/app/cli/stipple-cli
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${STIPPLE_HEADLESS:-}" ]; then
  exec build/app/stipple "$@"
fi
"$cli" --version
model=../shared/golden/tiny-sd1.safetensors
if [ -f "$model" ]; then
  echo
  "$cli" info --model "$model" | head -n 8
fi
