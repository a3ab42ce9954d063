#!/usr/bin/env bash
# Sets up, builds and runs Stipple's main job: the GUI where a display exists, otherwise a
# headless generation that writes an image and says where.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap-debian.sh
cmake --workflow --preset default >/dev/null
cli=build/app/cli/stipple-cli
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${STIPPLE_HEADLESS:-}" ]; then
  exec build/app/stipple "$@"
fi
"$cli" --version
out="${STIPPLE_OUT:-$PWD/stipple-output.png}"
# The bundled default model when it is installed; until then the reference model beside the
# source tree stands in (random weights: the picture is noise, but every stage runs).
model=default
if ! "$cli" info --model default >/dev/null 2>&1; then
  model=../shared/golden/tiny-sd1.safetensors
  size=(--width 256 --height 256)
else
  size=()
fi
"$cli" generate --model "$model" --prompt "a red circle on a white background" --steps 20 \
  --sampler euler_a --seed 1 "${size[@]}" --out "$out" >/dev/null
echo "wrote $out"
