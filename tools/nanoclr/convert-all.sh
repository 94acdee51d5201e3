#!/usr/bin/env bash
# Convert several nanoFramework DLLs to .pe with the real MetadataProcessor, two at a time:
#
#   tools/nanoclr/convert-all.sh OUT_DIR IN.dll...
#
# writes OUT_DIR/<name>.pe for each IN.dll, hinting every other DLL beside it (tools/nanoclr/mdp.sh without --ref):
# point it at a project's bin/Release/netstandard2.0, where the build copied its references. Prints one line per
# assembly with its .pe size; exits 1 after reporting every DLL that did not convert.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
case "${1:-}" in -h|--help|"") sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; [ -n "${1:-}" ]; exit $? ;; esac
out="$1"; shift
[ $# -gt 0 ] || { echo "convert-all: no DLL given (see --help)" >&2; exit 2; }
mkdir -p "${out}"
pids=()
for dll in "$@"; do
  name=$(basename "${dll}" .dll)
  "${here}/mdp.sh" "${dll}" "${out}/${name}.pe" >"${out}/${name}.mdp.log" 2>&1 &
  pids+=("$!")
  if [ "${#pids[@]}" -ge 2 ]; then wait "${pids[0]}" || true; pids=("${pids[@]:1}"); fi
done
wait || true
status=0
for dll in "$@"; do
  name=$(basename "${dll}" .dll)
  if [ -s "${out}/${name}.pe" ]; then
    echo "convert-all: ${name}.pe $(stat -c %s "${out}/${name}.pe") bytes"
    rm -f "${out}/${name}.mdp.log"
  else
    cat "${out}/${name}.mdp.log" >&2
    echo "convert-all: ${dll} did not convert" >&2
    status=1
  fi
done
exit "${status}"
