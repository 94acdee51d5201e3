#!/usr/bin/env bash
# Stage the NanoRemap interop library into an nf-interpreter checkout:
#   boards/native/interop/stage.sh <nf-interpreter>
# copies the interop sources, the firmware glue (ESP-IDF and posix), the portable core and the generated
# allow-lists of every board that has them to <nf-interpreter>/InteropAssemblies/NanoRemap.Mmio/ (one folder,
# as the firmware build wants it) and FindINTEROP-NanoRemap.Mmio.cmake to <nf-interpreter>/CMake/Modules/.
# Then build with -DNF_INTEROP_ASSEMBLIES="NanoRemap.Mmio" (boards/README.md). Fails when two staged names differ
# only in case (nanoFramework firmware is mostly built on Windows, where the second would overwrite the first) or
# when a source FindINTEROP-NanoRemap.Mmio.cmake lists was not staged.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
boards="$(cd "${here}/../.." && pwd)"
nf="${1:?usage: stage.sh <nf-interpreter directory>}"
[ -d "${nf}" ] || { echo "stage.sh: ${nf} is not a directory" >&2; exit 1; }

# every file staged into the one folder, source paths
files=("${here}"/NanoRemap*.h "${here}"/NanoRemap*.cpp "${here}"/nanoremap_firmware*.[ch] "${here}"/nanoremap_sim_model.[ch]
       "${boards}/native/core/nanoremap_core.h" "${boards}/native/core/nanoremap_core.c")
for dir in "${boards}"/*/native; do
  chip="$(basename "$(dirname "${dir}")")"
  [ -f "${dir}/nanoremap_board_${chip}.c" ] || continue
  files+=("${dir}/nanoremap_board_${chip}.h" "${dir}/nanoremap_board_${chip}.c")
done

# no two names that a case-insensitive file system would take for one
clash=$(for f in "${files[@]}"; do basename "${f}"; done | sort -f | uniq -di)
if [ -n "${clash}" ]; then
  echo "stage.sh: staged names that differ only in case (one would overwrite the other on Windows/macOS):" >&2
  for f in "${files[@]}"; do
    b=$(basename "${f}"); lb=$(printf '%s' "${b}" | tr 'A-Z' 'a-z')
    if printf '%s\n' "${clash}" | tr 'A-Z' 'a-z' | grep -qx "${lb}"; then echo "  ${f}" >&2; fi
  done
  exit 1
fi

dest="${nf}/InteropAssemblies/NanoRemap.Mmio"
mkdir -p "${dest}" "${nf}/CMake/Modules"
cp "${files[@]}" "${dest}/"
cp "${here}/FindINTEROP-NanoRemap.Mmio.cmake" "${nf}/CMake/Modules/"

# every source the CMake module lists must have been staged
missing=0
for src in $(sed -n '/^set(NanoRemap.Mmio_SRCS/,/^)/p' "${here}/FindINTEROP-NanoRemap.Mmio.cmake" | grep -E '^\s+[A-Za-z0-9_]+\.(c|cpp)\s*$'); do
  [ -f "${dest}/${src}" ] || { echo "stage.sh: ${src} listed in FindINTEROP-NanoRemap.Mmio.cmake but not staged" >&2; missing=1; }
done
[ "${missing}" = 0 ] || exit 1
echo "staged NanoRemap interop library into ${dest} (${#files[@]} files)"
