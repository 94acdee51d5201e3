#!/usr/bin/env bash
# The README's main job, as a user runs it: the demo on the board from nf.config, then on every board and on the
# MMU reference, and the shipped example scenarios through eval (exit 0 = every line a valid case).
set -euo pipefail
main_cmd=$(sed -n 's/^Main job[^`]*`\(.*\)`.*$/\1/p' README.md | head -n 1)
[ -n "${main_cmd}" ] || { echo "CI: README.md has no 'Main job ... \`...\`' line" >&2; exit 1; }
echo "== README main job: ${main_cmd}"
bash -c "${main_cmd}"
dotnet build -c Release --nologo -v q src/NanoRemap.Cli/NanoRemap.Cli.csproj
nanoremap() { dotnet run --no-build -c Release --project src/NanoRemap.Cli -- "$@"; }
for board in esp32 esp32s2 esp32s3 esp32c3 esp32c5 esp32c6 esp32h2; do
  for model in nommu mmu; do
    nanoremap demo --board "${board}" --model "${model}" > /dev/null
    echo "demo --board ${board} --model ${model}: ok"
  done
done
nanoremap eval examples/scenarios.eval > /dev/null
echo "eval examples/scenarios.eval: ok"
