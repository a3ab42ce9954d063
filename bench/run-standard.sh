#!/usr/bin/env bash
# Runs Stipple's standard benchmark set and writes a Markdown table (stdout, and bench/results.md):
# SD 1.5-size random weights, CFG 7, at 512x512, 768x512 and 256x256 with batch 1, and
# 512x512 with batch 4. Run on an idle machine; every figure is a median of --repeat runs.
#   bench/run-standard.sh [--precision auto|fp32|bf16] [--repeat N] [--steps N] [--arch sd15]
set -euo pipefail
cd "$(dirname "$0")/.."
cli=build/app/cli/stipple-cli
[ -x "$cli" ] || { echo "build first: cmake --workflow --preset default" >&2; exit 1; }
extra=("$@")
out=bench/results.md
rows=()
for cfg in "512 512 1" "768 512 1" "256 256 1" "512 512 4"; do
  set -- $cfg
  echo "bench: ${1}x${2} batch $3" >&2
  json=$("$cli" bench --width "$1" --height "$2" --batch "$3" --json "${extra[@]}")
  # One table row from the JSON with the CLI's own parser-free output: pick fields by name.
  field() { printf '%s' "$json" | tr -d '\n ' | grep -o "\"$1\":{[^}]*}\|\"$1\":[^,}]*" | head -n 1; }
  median() { field "$1" | grep -o '"median":[0-9.e+-]*' | cut -d: -f2; }
  value() { field "$1" | cut -d: -f2 | tr -d '"'; }
  rows+=("| ${1}x${2} | $3 | $(value precision) | $(value vae_precision) | $(value threads) | $(printf '%.2f' "$(median step)") | $(printf '%.2f' "$(median vae_decode)") | $(printf '%.4f' "$(median preview_approx)") | $(printf '%.0f' "$(value achieved_gflops)") ($(awk -v a="$(value achieved_gflops)" -v c="$(value conv_reference_gflops)" 'BEGIN { printf "%.0f", (c > 0 ? 100 * a / c : 0) }')%) | $(awk -v b="$(value peak_rss_bytes)" 'BEGIN { printf "%.2f", b / 1e9 }') |")
done
{
  echo "Stipple $("$cli" --version | head -n 1 | cut -d' ' -f2), $("$cli" --version | grep '^Device' | cut -d' ' -f2-), $(date -u +%Y-%m-%d)"
  echo
  echo "| size | batch | precision | VAE | threads | s/step (CFG) | VAE decode s | approx preview s | UNet GFLOP/s (% of reference conv) | peak RSS GB |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$out"
