#!/usr/bin/env bash
# The whole test suite from a fresh Debian 12 machine: install dependencies, configure,
# build, run every CTest label (fast, parity, gui, e2e, slow) offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap-debian.sh
export QT_QPA_PLATFORM=offscreen
cmake --workflow --preset test
