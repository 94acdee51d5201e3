#!/usr/bin/env bash
# Stage the NanoRemap interop library into an nf-interpreter checkout:
#   boards/native/interop/stage.sh <nf-interpreter>
# copies the interop stubs, the portable core and the generated allow-lists to
# <nf-interpreter>/InteropAssemblies/NanoRemap.Mmio/ and FindINTEROP-NanoRemap.Mmio.cmake to
# <nf-interpreter>/CMake/Modules/. Then build with -DNF_INTEROP_ASSEMBLIES="NanoRemap.Mmio" (boards/README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
boards="$(cd "${here}/../.." && pwd)"
nf="${1:?usage: stage.sh <nf-interpreter directory>}"
[ -d "${nf}" ] || { echo "stage.sh: ${nf} is not a directory" >&2; exit 1; }

dest="${nf}/InteropAssemblies/NanoRemap.Mmio"
mkdir -p "${dest}" "${nf}/CMake/Modules"
cp "${here}"/NanoRemap*.h "${here}"/NanoRemap*.cpp "${here}"/nanoremap_firmware.[ch] "${dest}/"
cp "${boards}/native/core/nanoremap_mmio.h" "${boards}/native/core/nanoremap_mmio.c" "${dest}/"
for chip in esp32 esp32s2 esp32s3 esp32c3 esp32c5 esp32c6 esp32h2; do
  cp "${boards}/${chip}/native/nanoremap_board_${chip}.h" "${boards}/${chip}/native/nanoremap_board_${chip}.c" "${dest}/"
done
cp "${here}/FindINTEROP-NanoRemap.Mmio.cmake" "${nf}/CMake/Modules/"

# every source the CMake module lists must have been staged
missing=0
for src in $(sed -n '/^set(NanoRemap.Mmio_SRCS/,/^)/p' "${here}/FindINTEROP-NanoRemap.Mmio.cmake" | grep -E '^\s+[A-Za-z0-9_]+\.(c|cpp)\s*$'); do
  [ -f "${dest}/${src}" ] || { echo "stage.sh: ${src} listed in FindINTEROP-NanoRemap.Mmio.cmake but not staged" >&2; missing=1; }
done
[ "${missing}" = 0 ] || exit 1
echo "staged NanoRemap interop library into ${dest}"
