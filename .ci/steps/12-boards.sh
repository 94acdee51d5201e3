#!/usr/bin/env bash
# The board files of issue 7: every generated file (managed tables in src/NanoRemap.Boards, native allow-lists,
# policy and clocks, probes of every register address) equals a fresh generation from boards/<chip>/registers.txt
# (facts) and boards/<chip>/board.map (policy); a stale or malformed one fails CI naming the file. With ../shared, every
# clock line must name a periph_module_t of its chip's ESP-IDF v5.5.4 soc/periph_defs.h (issue 12).
set -euo pipefail
dotnet build -c Release --nologo -v q src/NanoRemap.Cli/NanoRemap.Cli.csproj
nanoremap() { dotnet run --no-build -c Release --project src/NanoRemap.Cli -- "$@"; }
nanoremap boards check
# The ESP-IDF constants of the typed definitions (<Chip>.Idf.g.cs) equal a fresh generation from the ESP-IDF headers.
if [ -d ../shared/esp-idf-v5.5.4/components/soc ]; then
  nanoremap boards generate-idf --check
else
  echo "12-boards: ESP-IDF constants not checked: no ../shared/esp-idf-v5.5.4 (the committed ones are used)"
fi
