#!/usr/bin/env bash
# Window probe (issue 12, item 6): what a window register access costs against the direct bus InternalCall on the
# real nanoCLR (nf-interpreter's posix target, Release) with the NanoRemap interop library linked in. Prints ns/op
# net of an empty loop and the ratio window / direct for Read32, Write32, SetBits, ClearBits and SetField
# (benchmarks/NanoRemap.WindowProbe; numbers in docs/benchmarks.md). A benchmark, not a timed test: it fails only
# when the probe cannot run (no build, no .pe, no "probe: done" line) or finds the window wrong before timing it (a
# hardware window and a simulated window of the same board must give the same values and exceptions), never on a ratio.
#
#   .ci/steps/33-window-probe.sh [CLR_DIR]
#
# CLR_DIR (or NANOREMAP_POSIX_CLR): a posix build with the library linked in, holding bin/nanoFramework.nanoCLR.test
# and lib/nanoFramework.nanoCLR.so. Without it: build/nanoclr-posix/build, which .ci/steps/31-nanoclr-posix.sh leaves
# (tools/nanoclr/build-posix.sh; cached: built again only when its inputs change). Skips (exit 0) without ../shared.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
shared="${NANOREMAP_SHARED:-${repo}/../shared}"
if [ ! -d "${shared}/nanoclr" ] || [ ! -d "${shared}/nf-interpreter-posix" ]; then
  echo "window-probe: skipped: ${shared}/nanoclr and ${shared}/nf-interpreter-posix (the real nanoCLR, MetadataProcessor and nf-interpreter sources) are not beside this clone"
  exit 0
fi
shared=$(cd "${shared}" && pwd)
start=$(date +%s)

clr="${1:-${NANOREMAP_POSIX_CLR:-}}"
if [ -z "${clr}" ]; then
  # the build .ci/steps/31-nanoclr-posix.sh leaves (tools/nanoclr/build-posix.sh: cached, rebuilt only when its inputs change)
  for tool in cmake ninja g++ python3; do
    command -v "${tool}" >/dev/null 2>&1 || { echo "window-probe: ${tool} is not installed (apt-get install cmake ninja-build g++ python3)" >&2; exit 1; }
  done
  tools/nanoclr/build-posix.sh --board esp32 build/nanoclr-posix
  clr=build/nanoclr-posix/build
fi
[ -x "${clr}/bin/nanoFramework.nanoCLR.test" ] && [ -f "${clr}/lib/nanoFramework.nanoCLR.so" ] \
  || { echo "window-probe: ${clr} has no bin/nanoFramework.nanoCLR.test and lib/nanoFramework.nanoCLR.so" >&2; exit 1; }

# the probe and the libraries it loads, as .pe files from the real MetadataProcessor (../shared/nanoclr/README.md)
dotnet build -c Release --nologo -v q benchmarks/NanoRemap.WindowProbe/NanoRemap.WindowProbe.csproj >/dev/null
bin=benchmarks/NanoRemap.WindowProbe/bin/Release/netstandard2.0
pe=$(mktemp -d)
trap 'rm -rf "${pe}"' EXIT
mdp() { dotnet "${shared}/nanoclr/mdp/nanoFramework.Tools.MetadataProcessor.dll" -loadHints mscorlib "${shared}/nanoclr/ref/mscorlib.dll" "$@" >"${pe}/mdp.log" 2>&1 \
  || { cat "${pe}/mdp.log" >&2; echo "window-probe: the MetadataProcessor failed" >&2; exit 1; }; }
hints=()
for asm in NanoRemap NanoRemap.Mmio NanoRemap.Boards NanoRemap.Mmio.Simulation NanoRemap.WindowProbe; do
  mdp "${hints[@]}" -parse "${bin}/${asm}.dll" -compile "${pe}/${asm}.pe" false
  [ -f "${pe}/${asm}.pe" ] || { echo "window-probe: no ${asm}.pe" >&2; exit 1; }
  hints+=(-loadHints "${asm}" "${bin}/${asm}.dll")
done

log="${pe}/probe.log"
timeout 600 env LD_LIBRARY_PATH="${clr}/lib" "${clr}/bin/nanoFramework.nanoCLR.test" "${shared}/nanoclr/pe/mscorlib.pe" \
  "${pe}/NanoRemap.pe" "${pe}/NanoRemap.Mmio.pe" "${pe}/NanoRemap.Boards.pe" "${pe}/NanoRemap.Mmio.Simulation.pe" "${pe}/NanoRemap.WindowProbe.pe" 2>&1 | tr -d '\r' >"${log}" || true
grep '^probe: ' "${log}" || true
if ! grep -q '^probe: done' "${log}"; then
  tail -n 30 "${log}" >&2
  echo "window-probe: the probe did not run to the end on ${clr} (above)" >&2
  exit 1
fi
echo "window-probe: ran on ${clr} in $(( $(date +%s) - start )) s (ratios are printed, not gated; docs/benchmarks.md)"
