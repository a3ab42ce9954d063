#!/usr/bin/env bash
# The Debian package as a user gets it: the desktop entry and AppStream metadata validate; CPack
# builds the .deb; it holds the programs, the desktop entry, the metadata, the icon and the
# bundled models, declares Qt, LibTorch and OpenCV among its dependencies; unpacked
# into a temporary root, its stipple-cli runs and looks for the bundled model in the root's own
# share/stipple. Usage: check_deb.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

desktop-file-validate "$src/packaging/io.github.stipple.Stipple.desktop"
appstreamcli validate --no-net --pedantic "$src/packaging/io.github.stipple.Stipple.metainfo.xml" >"$work/appstream.log" 2>&1 ||
  { cat "$work/appstream.log"; fail "appstreamcli validate"; }
grep -q "Validation was successful" "$work/appstream.log" || { cat "$work/appstream.log"; fail "appstreamcli validate"; }
# Its screenshots are the guide's: each one named must be in docs/screenshots, at the size given.
shots=$(grep -o 'main/docs/screenshots/[^<]*\.png' "$src/packaging/io.github.stipple.Stipple.metainfo.xml" | sed 's|^main/||')
[ -n "$shots" ] || fail "the AppStream metadata has no screenshots"
for shot in $shots; do
  [ -f "$src/$shot" ] || fail "AppStream screenshot $shot is not in the repository"
  size=$(grep -o "width=\"[0-9]*\" height=\"[0-9]*\">[^<]*$shot" "$src/packaging/io.github.stipple.Stipple.metainfo.xml" |
         sed 's/width="\([0-9]*\)" height="\([0-9]*\)".*/\1 x \2/')
  actual=$(file -b "$src/$shot" | grep -o '[0-9]* x [0-9]*' | head -1)
  [ "$size" = "$actual" ] || fail "AppStream says $shot is '$size', the file is '$actual'"
done

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/out/*.deb)
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/files"
for f in /usr/bin/stipple /usr/bin/stipple-cli \
  /usr/share/applications/io.github.stipple.Stipple.desktop \
  /usr/share/metainfo/io.github.stipple.Stipple.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/io.github.stipple.Stipple.svg; do
  grep -qx "$f" "$work/files" || fail "$f is not in the package"
done
for m in stipple-shapes stipple-shapes-inpainting; do
  [ -f "$src/models/$m/model_index.json" ] || fail "models/$m is missing from the source tree"
  grep -qx "/usr/share/stipple/models/$m/model_index.json" "$work/files" || fail "the bundled model $m is not in the package"
done
if grep -E '/(test_[a-z_]+|CMakeFiles)(/|$)' "$work/files"; then fail "build or test files in the package"; fi

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for p in libqt6core6 libqt6gui6 libqt6widgets6 libopencv-core406 libtorch; do
  [[ "$depends" == *"$p"* ]] || fail "Depends lacks $p"
done
[[ "$(dpkg-deb -f "$deb" Package)" == stipple ]] || fail "package name"

dpkg-deb -x "$deb" "$work/root"
mkdir -p "$work/home"
run() { env -u STIPPLE_DATA_DIR HOME="$work/home" "$work/root/usr/bin/stipple-cli" "$@"; }
run --version | grep -q "^Stipple " || fail "the installed stipple-cli does not run"
# The unpacked root's own share/stipple, not the source tree (the installed binary is not in the
# build tree): info names the folder it loaded.
info=$(run info --model default 2>&1) || fail "the installed stipple-cli does not find its bundled model: $info"
[[ "$info" == *"$work/root/usr/share/stipple/models/stipple-shapes"* ]] ||
  fail "the installed stipple-cli took its bundled model from elsewhere: $info"
run generate --model default --prompt "a red circle on a white background" --seed 1 --out "$work/red.png" >/dev/null 2>"$work/generate.log" ||
  fail "the installed stipple-cli does not generate with its bundled model"
[ -s "$work/red.png" ] || fail "no picture from the installed stipple-cli"
echo "ok"
