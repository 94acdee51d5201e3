#!/usr/bin/env bash
# The interop library as the firmware build sees it (issue 8): boards/native/interop/stage.sh stages every file into
# one folder of a stand-in nf-interpreter tree (failing when two staged names differ only in case), then every staged
# C and C++ source the firmware compiles (the target's board table through the glue, which includes it) is compiled
# with the firmware's include layout (the staged folder, the nanoCLR headers,
# the ESP-IDF headers, sdkconfig.h), -Wall -Wextra -Werror, against boards/native/compile-check: a compile-only
# declaration of the nanoCLR interop API (written from nf-interpreter's public headers' signatures) and of the few
# ESP-IDF calls the glue uses. Once per IDF target (CONFIG_IDF_TARGET_*), so the glue selects each chip's board table;
# a target whose generated board table does not exist yet is skipped and says so. The objects of a target are then
# linked into one relocatable object (a duplicate definition fails). The posix set (nanoremap_firmware_posix.c instead
# of nanoremap_firmware.c) is compiled the same way without any ESP-IDF header. Also proves the case-clash check fails.
set -euo pipefail
cc=${CC:-cc}
cxx=${CXX:-c++}
flags=(-Wall -Wextra -Werror)
decl=boards/native/compile-check
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT

nf="${work}/nf-interpreter"
mkdir -p "${nf}"
boards/native/interop/stage.sh "${nf}"
staged="${nf}/InteropAssemblies/NanoRemap.Mmio"
[ -f "${nf}/CMake/Modules/FindINTEROP-NanoRemap.Mmio.cmake" ] || { echo "interop-compile: the CMake module was not staged" >&2; exit 1; }
grep -q 'FIND_PACKAGE_HANDLE_STANDARD_ARGS(INTEROP-NanoRemap.Mmio ' "${nf}/CMake/Modules/FindINTEROP-NanoRemap.Mmio.cmake" \
  || { echo "interop-compile: FIND_PACKAGE_HANDLE_STANDARD_ARGS must be given the module's package name INTEROP-NanoRemap.Mmio" >&2; exit 1; }

compiled=0
for chip in esp32 esp32s2 esp32s3 esp32c3 esp32c5 esp32c6 esp32h2; do
  if [ ! -f "${staged}/nanoremap_board_${chip}.h" ]; then
    echo "interop-compile: ${chip}: no generated board table (boards/${chip}/native/nanoremap_board_${chip}.h) yet: target skipped"
    continue
  fi
  cfg="${work}/sdkconfig-${chip}"
  obj="${work}/obj-${chip}"
  mkdir -p "${cfg}" "${obj}"
  printf '/* compile check: the one sdkconfig.h symbol the NanoRemap glue reads */\n#define CONFIG_IDF_TARGET_%s 1\n' \
    "$(printf '%s' "${chip}" | tr 'a-z' 'A-Z')" > "${cfg}/sdkconfig.h"
  inc=(-I "${staged}" -I "${decl}/nanoclr" -I "${decl}/idf" -I "${cfg}")
  objs=()
  for src in "${staged}"/*.c; do
    # the glue compiles its target's board table itself (nanoremap_board_<chip>.c), the posix glue is the other set
    case "$(basename "${src}")" in nanoremap_firmware_posix.c | nanoremap_board_*.c) continue ;; esac
    "${cc}" -std=c11 "${flags[@]}" "${inc[@]}" -c "${src}" -o "${obj}/$(basename "${src}").o"
    objs+=("${obj}/$(basename "${src}").o")
  done
  for src in "${staged}"/*.cpp; do
    "${cxx}" -std=c++17 "${flags[@]}" "${inc[@]}" -c "${src}" -o "${obj}/$(basename "${src}").o"
    objs+=("${obj}/$(basename "${src}").o")
  done
  "${cxx}" -r -nostdlib -o "${obj}/NanoRemap.Mmio.o" "${objs[@]}"
  echo "interop-compile: ${chip}: ${#objs[@]} staged sources compiled (CONFIG_IDF_TARGET_$(printf '%s' "${chip}" | tr 'a-z' 'A-Z')) and linked into one object"
  compiled=$((compiled + 1))
done
[ "${compiled}" -gt 0 ] || { echo "interop-compile: no target compiled" >&2; exit 1; }

# the posix simulated board: nanoremap_firmware_posix.c replaces nanoremap_firmware.c in the nanoCLR posix target
# (boards/README.md); that set compiles without any ESP-IDF header and links into one object too
if [ -f "${staged}/nanoremap_firmware_posix.c" ]; then
  obj="${work}/obj-posix"
  mkdir -p "${obj}"
  objs=()
  for src in "${staged}"/*.c; do
    case "$(basename "${src}")" in nanoremap_firmware.c) continue ;; esac
    "${cc}" -std=c11 "${flags[@]}" -I "${staged}" -c "${src}" -o "${obj}/$(basename "${src}").o"
    objs+=("${obj}/$(basename "${src}").o")
  done
  for src in "${staged}"/*.cpp; do
    "${cxx}" -std=c++17 "${flags[@]}" -I "${staged}" -I "${decl}/nanoclr" -c "${src}" -o "${obj}/$(basename "${src}").o"
    objs+=("${obj}/$(basename "${src}").o")
  done
  "${cxx}" -r -nostdlib -o "${obj}/NanoRemap.Mmio.o" "${objs[@]}"
  echo "interop-compile: posix: ${#objs[@]} staged sources with nanoremap_firmware_posix.c compiled (no ESP-IDF header) and linked into one object"
  # every board of the posix glue (NR_POSIX_BOARD_<CHIP>): the glue and the one chip's model it compiles link together
  for chip in esp32s2 esp32s3 esp32c3 esp32c5 esp32c6 esp32h2; do
    [ -f "${staged}/nanoremap_board_${chip}.h" ] || continue
    def="-DNR_POSIX_BOARD_$(printf '%s' "${chip}" | tr 'a-z' 'A-Z')"
    pobj="${work}/obj-posix-${chip}"
    mkdir -p "${pobj}"
    for src in nanoremap_firmware_posix.c nanoremap_sim_model.c; do
      "${cc}" -std=c11 "${flags[@]}" -pedantic "${def}" -I "${staged}" -c "${staged}/${src}" -o "${pobj}/${src}.o"
    done
    "${cc}" -r -nostdlib -o "${pobj}/posix.o" "${pobj}/nanoremap_firmware_posix.c.o" "${pobj}/nanoremap_sim_model.c.o"
    nm "${pobj}/nanoremap_sim_model.c.o" | grep -Eq " [DR] nr_sim_model_${chip}$" \
      || { echo "interop-compile: posix ${chip}: nanoremap_sim_model.c does not define nr_sim_model_${chip}" >&2; exit 1; }
    if nm "${pobj}/nanoremap_sim_model.c.o" | grep -E " [DR] nr_sim_model_[a-z0-9]+$" | grep -Eqv " [DR] nr_sim_model_${chip}$"; then
      echo "interop-compile: posix ${chip}: nanoremap_sim_model.c compiles another chip's model too" >&2; exit 1
    fi
    echo "interop-compile: posix ${chip} (${def}): the glue and that chip's model only compiled and linked"
  done
fi

# the case-clash check itself: a staged copy with NanoRemap_Core.h beside nanoremap_core.h must be refused
fake="${work}/fake/boards"
mkdir -p "${fake}/native"
cp -r boards/native/interop boards/native/core "${fake}/native/"
cp "${fake}/native/interop/NanoRemap_Mmio.h" "${fake}/native/interop/NanoRemap_Core.h"
mkdir -p "${work}/fake-nf"
if out=$("${fake}/native/interop/stage.sh" "${work}/fake-nf" 2>&1); then
  echo "interop-compile: stage.sh accepted NanoRemap_Core.h beside nanoremap_core.h" >&2
  exit 1
fi
printf '%s\n' "${out}" | grep -q 'differ only in case' || { echo "interop-compile: unexpected stage.sh failure: ${out}" >&2; exit 1; }
echo "interop-compile: a case-only name clash is refused by stage.sh"
