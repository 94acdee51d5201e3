#!/usr/bin/env bash
# Run a nanoFramework program (its Main) on the real nanoCLR and print its output, CR dropped:
#
#   tools/nanoclr/run.sh [--clr DIR] LIB.pe... PROGRAM.pe
#
# mscorlib.pe (../shared/nanoclr/pe) goes first; pass every other assembly the program needs. --clr DIR: the nanoCLR
# of DIR/bin and DIR/lib (default ../shared/nanoclr, the stock interpreter; a posix build with the NanoRemap.Mmio
# interop linked in: tools/nanoclr/build-posix.sh OUT, then --clr OUT/build). The nanoCLR exits 0 whatever happens:
# this script exits 1 when the process failed or the output shows a link failure (a missing assembly, `Invalid
# native checksum`) or no Main was found, so a probe step can trust its exit code; read the program's own lines for its results.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=tools/nanoclr/lib.sh
. "${here}/lib.sh"
clr=
pes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --clr) clr="${2:?--clr needs a directory}"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) pes+=("$1"); shift ;;
  esac
done
[ "${#pes[@]}" -gt 0 ] || { echo "run: no .pe given (see --help)" >&2; exit 2; }
shared=$(nanoclr_shared_dir) || { echo "run: ${NANOREMAP_SHARED:-../shared} not found" >&2; exit 1; }
[ -n "${clr}" ] || clr="${shared}/nanoclr"
log=$(mktemp)
trap 'rm -f "${log}"' EXIT
status=0
nanoclr_run "${clr}" "${pes[@]}" > "${log}" || status=1
cat "${log}"
if links=$(nanoclr_link_failure "${log}"); then
  echo "run: the nanoCLR could not load or link the assemblies:" >&2
  printf '%s\n' "${links}" | sed 's/^/  /' >&2
  status=1
fi
if grep -q 'Cannot find any entrypoint' "${log}"; then
  echo "run: the nanoCLR found no entry point (an SDK netstandard2.0 project is a Library: run such code as an NFUnitTest [TestMethod] with tools/nanoclr/run-tests.sh)" >&2
  status=1
fi
exit "${status}"
