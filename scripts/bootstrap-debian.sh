#!/usr/bin/env bash
# Installs the Debian 12 packages Stipple needs to build, test and run. Idempotent: when
# everything is present it prints nothing and touches nothing.
set -euo pipefail

packages=(
  # build tools
  cmake ninja-build ccache g++ pkg-config
  # Qt 6: widgets, concurrent, test, SVG icons, Linguist tools
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6svg6
  # engine: LibTorch (CPU), OpenCV, JSON, compression and Unicode for the tokenizer
  libtorch-dev libopencv-dev nlohmann-json3-dev zlib1g-dev libicu-dev libjpeg-dev
  # fp32 matmul: the default reference BLAS is ~7x slower than OpenBLAS
  libopenblas0-pthread
  # tests and screenshots; the packaging test (dpkg-shlibdeps, desktop entry and AppStream checks)
  libgtest-dev xvfb xauth dpkg-dev desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "bootstrap: installing ${#missing[@]} Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "bootstrap: done"
