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
# The bundled default model (models/stipple-shapes), at its own 128 x 128.
"$cli" generate --model default --prompt "a red circle on a white background" --steps 20 \
  --sampler euler_a --seed 1 --out "$out" >/dev/null
echo "wrote $out"
