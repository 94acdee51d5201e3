#!/usr/bin/env bash
# Run an NFUnitTest assembly on the real nanoCLR with nanoFramework.TestFramework's launcher and count the result:
#
#   tools/nanoclr/run-tests.sh [--clr DIR] [--log FILE] LIB.pe... NFUnitTest.pe
#
# runs `nanoFramework.nanoCLR.test mscorlib.pe nanoFramework.UnitTestLauncher.pe nanoFramework.TestFramework.pe
# LIB.pe... NFUnitTest.pe` (../shared/nanoclr/README.md) and counts the launcher's `Test passed` / `Test failed`
# lines (the process exits 0 whatever happens). Prints every failed test with the lines the tests wrote, then
# `N passed, M failed` alone on a line. Exits 1 on a failed test, a link failure (`Link failure`, `needs
# assembly`, `Invalid native checksum`) or when no test ran at all.
#   --clr DIR   the nanoCLR to run: DIR/bin/nanoFramework.nanoCLR.test and DIR/lib/nanoFramework.nanoCLR.so
#               (default ../shared/nanoclr, the stock interpreter; a posix build with the interop library linked
#               in is tools/nanoclr/build-posix.sh OUT's OUT/build)
#   --log FILE  keep the whole output there (default: a temporary file, removed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=tools/nanoclr/lib.sh
. "${here}/lib.sh"

clr=
log=
pes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --clr) clr="${2:?--clr needs a directory}"; shift 2 ;;
    --log) log="${2:?--log needs a file}"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-tests: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) pes+=("$1"); shift ;;
  esac
done
[ "${#pes[@]}" -gt 0 ] || { echo "run-tests: no .pe given (see --help)" >&2; exit 2; }
shared=$(nanoclr_shared_dir) || { echo "run-tests: ${NANOREMAP_SHARED:-../shared} not found" >&2; exit 1; }
[ -n "${clr}" ] || clr="${shared}/nanoclr"
keep=1
if [ -z "${log}" ]; then log=$(mktemp); keep=0; fi

status=0
nanoclr_run "${clr}" "${shared}/nanoclr/pe/nanoFramework.UnitTestLauncher.pe" "${shared}/nanoclr/pe/nanoFramework.TestFramework.pe" \
  "${pes[@]}" > "${log}" || status=1

passed=$(grep -c '^Test passed,' "${log}" || true)
failed=$(grep -c '^Test failed,' "${log}" || true)
skipped=$(grep -c '^Test skipped,' "${log}" || true)
if links=$(nanoclr_link_failure "${log}"); then
  echo "run-tests: the nanoCLR could not load or link the assemblies:" >&2
  printf '%s\n' "${links}" | sed 's/^/  /' >&2
  status=1
fi
if [ "${failed}" -gt 0 ]; then
  echo "run-tests: failed tests (with the lines they wrote):" >&2
  # every line that is not the launcher's bookkeeping, up to and including each failure line
  grep -vE '^(Test passed,|Test skipped,|$)' "${log}" | grep -B 12 '^Test failed,' | sed 's/^/  /' >&2
  status=1
fi
if [ "$((passed + failed))" = 0 ]; then
  echo "run-tests: no test ran (no 'Test passed' / 'Test failed' line); the output's last lines:" >&2
  tail -n 25 "${log}" | sed 's/^/  /' >&2
  status=1
fi
[ "${skipped}" = 0 ] || echo "run-tests: ${skipped} skipped"
echo "${passed} passed, ${failed} failed"
[ "${keep}" = 1 ] || rm -f "${log}"
exit "${status}"
