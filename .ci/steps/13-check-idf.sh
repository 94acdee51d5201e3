#!/usr/bin/env bash
# The ESP-IDF cross-check of the register facts (issue 13): every register of boards/<chip>/registers.txt that
# ESP-IDF v5.5.4's headers also describe (same address) agrees in fields, access and reset value, or the
# difference is patched (boards/<chip>/svd-patches.txt) or reviewed (boards/<chip>/idf-reviewed.txt). An unresolved
# disagreement or a stale review rule fails CI. The facts must also be a fresh import (SVD + patches + ESP-IDF names).
# Skips, saying so, where ../shared/esp-idf-v5.5.4 (or $NANOREMAP_IDF_DIR) is missing.
set -euo pipefail
idf="${NANOREMAP_IDF_DIR:-../shared/esp-idf-v5.5.4}"
if [ ! -d "$idf/components/soc/esp32/register/soc" ]; then
  echo "13-check-idf: skipped: no ESP-IDF register headers at $idf (set NANOREMAP_IDF_DIR)"
  exit 0
fi
dotnet build -c Release --nologo -v q src/NanoRemap.Cli/NanoRemap.Cli.csproj
nanoremap() { dotnet run --no-build -c Release --project src/NanoRemap.Cli -- "$@"; }
start=$(date +%s)
nanoremap boards check-idf
nanoremap boards check-facts
echo "13-check-idf: $(( $(date +%s) - start )) s"
