#!/usr/bin/env bash
# Convert one nanoFramework DLL to a .pe with the real MetadataProcessor (../shared/nanoclr/mdp):
#
#   tools/nanoclr/mdp.sh [--ref DLL]... IN.dll OUT.pe
#
# mscorlib is always hinted with ../shared/nanoclr/ref/mscorlib.dll (nanoFramework.CoreLibrary 1.17.11). Every other
# assembly IN references needs a load hint: each --ref DLL gives one (its name is the file name without .dll); without
# any --ref, every other *.dll beside IN (what the build copied there: ProjectReference outputs, the TestFramework)
# is hinted. Writes OUT.pe (and OUT.pdbx beside it); fails, printing the processor's output, when the processor
# fails or writes no .pe. NANOREMAP_SHARED overrides ../shared.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=tools/nanoclr/lib.sh
. "${here}/lib.sh"

refs=()
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ref) refs+=("${2:?--ref needs a DLL path}"); shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "mdp: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
[ "${#args[@]}" = 2 ] || { echo "mdp: usage: mdp.sh [--ref DLL]... IN.dll OUT.pe (see --help)" >&2; exit 2; }
in="${args[0]}"
out="${args[1]}"
[ -f "${in}" ] || { echo "mdp: ${in}: no such file (build it first)" >&2; exit 1; }
shared=$(nanoclr_shared_dir) || { echo "mdp: ${NANOREMAP_SHARED:-../shared} not found" >&2; exit 1; }
mdp="${shared}/nanoclr/mdp/nanoFramework.Tools.MetadataProcessor.dll"
[ -f "${mdp}" ] || { echo "mdp: ${mdp}: not found" >&2; exit 1; }

if [ "${#refs[@]}" = 0 ]; then
  for dll in "$(dirname "${in}")"/*.dll; do
    [ -f "${dll}" ] || continue
    [ "$(basename "${dll}")" = "$(basename "${in}")" ] && continue
    [ "$(basename "${dll}")" = mscorlib.dll ] && continue
    refs+=("${dll}")
  done
fi
hints=(-loadHints mscorlib "${shared}/nanoclr/ref/mscorlib.dll")
for dll in "${refs[@]}"; do
  [ -f "${dll}" ] || { echo "mdp: --ref ${dll}: no such file" >&2; exit 1; }
  hints+=(-loadHints "$(basename "${dll}" .dll)" "$(cd "$(dirname "${dll}")" && pwd)/$(basename "${dll}")")
done

mkdir -p "$(dirname "${out}")"
rm -f "${out}"
if ! log=$(dotnet "${mdp}" "${hints[@]}" -parse "${in}" -compile "${out}" false 2>&1) || [ ! -s "${out}" ]; then
  printf '%s\n' "${log}" >&2
  echo "mdp: the MetadataProcessor did not convert ${in} to ${out}" >&2
  rm -f "${out}"
  exit 1
fi
