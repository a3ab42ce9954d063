#!/usr/bin/env bash
# The whole test suite from a fresh Debian 12 machine: install dependencies, configure,
# build, run every CTest label (fast, parity, gui, e2e, slow) offscreen; then the engine and
# job tests again in a build with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap-debian.sh
export QT_QPA_PLATFORM=offscreen
cmake --workflow --preset test
# Sanitizers: Debug, no GUI, only the tests labelled `sanitize` (tests/CMakeLists.txt). Any
# report fails the run (UBSan halts on the first error; leaks are not checked: LibTorch keeps
# allocations for the life of the process).
cmake --preset asan
cmake --build --preset asan --target sanitize_tests
ctest --preset asan
