#!/usr/bin/env bash
# The interop library as the firmware build sees it (issues 8 and 12), compiled against the real headers in ../shared:
#  1. boards/native/interop/stage.sh stages every file into one folder of a stand-in nf-interpreter tree (failing when
#     two staged names differ only in case); the C sources the CMake module lists (the portable core and the ESP-IDF
#     glue, which compiles its target's generated board table itself) are compiled for each of the seven IDF targets
#     against ESP-IDF v5.5.4 (../shared/esp-idf-v5.5.4) with Debian's cross compilers, exactly the recipe of that
#     folder's README: its C options (nf-interpreter's interop options, -Werror), its include order, sdkconfig/<chip>.
#     Prints "compiled for N of 7 targets"; fewer than 7 fails.
#  2. the C++ interop sources (NanoRemap_Mmio.cpp, NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess.cpp) against the
#     real nanoCLR headers of ../shared/nf-interpreter-posix, with the include directories, definitions and C++
#     standard of its posix target (targets/posix/nanoCLR/CMakeLists.txt), -Wall -Wextra -Werror; then the posix set
#     (nanoremap_firmware_posix.c instead of nanoremap_firmware.c) is compiled and linked into one object, for each
#     NR_POSIX_BOARD_<CHIP> too.
#  3. the case-clash check of stage.sh is proved to fail.
# Installs the cross compilers with apt-get when they are missing (CI runs as root). Without ../shared (a user's
# clone) parts 1 and 2 skip and say so; the posix C set and part 3 need no ../shared and always run.
set -euo pipefail
shared=${NANOREMAP_SHARED:-../shared}
idf="${shared}/esp-idf-v5.5.4"
nfpx="${shared}/nf-interpreter-posix"
cc=${CC:-cc}
cxx=${CXX:-c++}
flags=(-Wall -Wextra -Werror)
chips=(esp32 esp32s2 esp32s3 esp32c3 esp32c5 esp32c6 esp32h2)
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT

nf="${work}/nf-interpreter"
mkdir -p "${nf}"
boards/native/interop/stage.sh "${nf}"
staged="${nf}/InteropAssemblies/NanoRemap.Mmio"
module="${nf}/CMake/Modules/FindINTEROP-NanoRemap.Mmio.cmake"
[ -f "${module}" ] || { echo "interop-compile: the CMake module was not staged" >&2; exit 1; }
grep -q 'FIND_PACKAGE_HANDLE_STANDARD_ARGS(INTEROP-NanoRemap.Mmio ' "${module}" \
  || { echo "interop-compile: FIND_PACKAGE_HANDLE_STANDARD_ARGS must be given the module's package name INTEROP-NanoRemap.Mmio" >&2; exit 1; }
# the sources the firmware build compiles: the CMake module's list
listed=$(sed -n '/^set(NanoRemap.Mmio_SRCS/,/^)/p' "${module}" | grep -E '^\s+[A-Za-z0-9_]+\.(c|cpp)\s*$' | tr -d ' ')
csrcs=$(printf '%s\n' "${listed}" | grep -E '\.c$')
cppsrcs=$(printf '%s\n' "${listed}" | grep -E '\.cpp$')

upper() { printf '%s' "$1" | tr 'a-z' 'A-Z'; }

# ---- 1. the ESP-IDF glue for the seven targets, against ESP-IDF v5.5.4 ----
if [ ! -f "${idf}/README.md" ]; then
  echo "interop-compile: SKIPPED the ESP-IDF compile: ${idf} is missing (it holds the ESP-IDF v5.5.4 headers; a clone without ../shared cannot run it)"
else
  need=()
  for pkg in gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf gcc-xtensa-lx106 picolibc-xtensa-lx106-elf; do
    dpkg-query -W -f='${Status}' "${pkg}" 2>/dev/null | grep -q 'install ok installed' || need+=("${pkg}")
  done
  if [ "${#need[@]}" -gt 0 ]; then
    echo "interop-compile: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  # the C options of ../shared/esp-idf-v5.5.4/README.md (nf-interpreter's ESP32 interop options)
  idf_flags=(-std=gnu17 -Wall -Wextra -Werror -Werror=implicit-function-declaration -Wno-sign-compare
    -Wno-unused-parameter -Wshadow -Wimplicit-fallthrough -fshort-wchar -fno-builtin -fno-common
    -DESP_PLATFORM -DPLATFORM_ESP32 -D_GNU_SOURCE)
  compiled=0
  for chip in "${chips[@]}"; do
    case "${chip}" in
      esp32 | esp32s2 | esp32s3)
        arch=xtensa
        tool=(xtensa-lx106-elf-gcc -mlongcalls --specs=/usr/lib/xtensa-lx106-elf/picolibc.specs) ;;
      esp32c3)
        arch=riscv
        tool=(riscv64-unknown-elf-gcc -march=rv32imc_zicsr_zifencei -mabi=ilp32 --specs=picolibc.specs) ;;
      *)
        arch=riscv
        tool=(riscv64-unknown-elf-gcc -march=rv32imac_zicsr_zifencei -mabi=ilp32 --specs=picolibc.specs) ;;
    esac
    C="${idf}/components"
    # the include order of the README
    inc=(-I "${idf}/sdkconfig/${chip}" -I "${C}/esp_rom/${chip}/include/${chip}" -I "${C}/${arch}/include"
      -I "${C}/${arch}/${chip}/include" -I "${C}/hal/include" -I "${C}/hal/${chip}/include"
      -I "${C}/hal/platform_port/include" -I "${C}/soc/${chip}/include" -I "${C}/soc/${chip}/include/soc"
      -I "${C}/soc/${chip}/register" -I "${C}/esp_hw_support/include" -I "${C}/esp_hw_support/dma/include"
      -I "${C}/esp_hw_support/include/soc" -I "${C}/esp_hw_support/include/soc/${chip}" -I "${C}/esp_common/include"
      -I "${C}/esp_system/include" -I "${C}/heap/include" -isystem "${C}/newlib/platform_include"
      -I "${C}/soc/include" -I "${C}/esp_rom/include" -I "${C}/esp_rom/${chip}" -I "${C}/esp_rom/${chip}/include"
      -I "${C}/freertos/config/include" -I "${C}/freertos/config/include/freertos"
      -I "${C}/freertos/config/${arch}/include" -I "${C}/freertos/FreeRTOS-Kernel/include"
      -I "${C}/freertos/esp_additions/include" -I "${C}/freertos/esp_additions/include/freertos"
      -I "${C}/freertos/esp_additions/arch/${arch}/include" -I "${C}/freertos/FreeRTOS-Kernel/portable/${arch}/include"
      -I "${C}/freertos/FreeRTOS-Kernel/portable/${arch}/include/freertos"
      -I "${staged}")
    grep -q "CONFIG_IDF_TARGET_$(upper "${chip}") 1" "${idf}/sdkconfig/${chip}/sdkconfig.h" \
      || { echo "interop-compile: ${idf}/sdkconfig/${chip}/sdkconfig.h does not select CONFIG_IDF_TARGET_$(upper "${chip}")" >&2; exit 1; }
    ok=1
    n=0
    for src in ${csrcs}; do
      if ! "${tool[@]}" "${idf_flags[@]}" "${inc[@]}" -S -o /dev/null "${staged}/${src}"; then
        echo "interop-compile: ${chip}: ${src} does not compile against ESP-IDF v5.5.4 (above)" >&2
        ok=0
      fi
      n=$((n + 1))
    done
    if [ "${ok}" = 1 ]; then
      echo "interop-compile: ${chip}: ${n} C sources ($(printf '%s' "${csrcs}" | tr '\n' ' ')) compiled against ESP-IDF v5.5.4 (${tool[0]}, sdkconfig/${chip})"
      compiled=$((compiled + 1))
    fi
  done
  echo "interop-compile: glue compiled for ${compiled} of ${#chips[@]} targets against ESP-IDF v5.5.4"
  [ "${compiled}" = "${#chips[@]}" ] || exit 1
fi

# ---- 2. the C++ interop sources against the real nanoCLR headers (nf-interpreter's posix target) ----
cpp_objs=()
if [ ! -d "${nfpx}/src/CLR/Include" ]; then
  echo "interop-compile: SKIPPED the C++ interop compile: ${nfpx} is missing (the nanoCLR headers; a clone without ../shared cannot run it)"
else
  # targets/posix/nanoCLR/CMakeLists.txt: the include directories the interop sources reach (posix ones first), its
  # common definitions and cxx_std_20
  R="${nfpx}"
  clr_inc=(-I "${R}/targets/posix/nanoCLR" -I "${R}/targets/posix/Include" -I "${R}/src/CLR/Include"
    -I "${R}/src/CLR/Core" -I "${R}/src/CLR/CorLib" -I "${R}/src/HAL/Include" -I "${R}/src/PAL/Include")
  clr_defs=(-DPLATFORM_POSIX_HOST=1 -DNANOCLR_HOST_POSIX=1 -DNANOCLR_HOST_APPLE=0 -DNANOCLR_HOST_LINUX=1
    -DNANOCLR_HOST_WINDOWS=0 '-DNANOCLR_POSIX_VERSION_STRING="0.1.0"' '-DNANOCLR_PLATFORM_NAME="Linux"')
  mkdir -p "${work}/obj-cpp"
  for src in ${cppsrcs}; do
    "${cxx}" -std=c++20 "${flags[@]}" -fvisibility=hidden "${clr_defs[@]}" "${clr_inc[@]}" -I "${staged}" \
      -c "${staged}/${src}" -o "${work}/obj-cpp/${src}.o"
    cpp_objs+=("${work}/obj-cpp/${src}.o")
  done
  echo "interop-compile: ${#cpp_objs[@]} C++ interop sources compiled against the nanoCLR headers of ${nfpx} (c++20, -Werror)"
fi

# the posix simulated board: nanoremap_firmware_posix.c replaces nanoremap_firmware.c in the nanoCLR posix target
# (boards/README.md); that set compiles without any ESP-IDF header and links into one object with the C++ objects
if [ -f "${staged}/nanoremap_firmware_posix.c" ]; then
  obj="${work}/obj-posix"
  mkdir -p "${obj}"
  objs=()
  for src in "${staged}"/*.c; do
    case "$(basename "${src}")" in nanoremap_firmware.c) continue ;; esac
    "${cc}" -std=c11 "${flags[@]}" -I "${staged}" -c "${src}" -o "${obj}/$(basename "${src}").o"
    objs+=("${obj}/$(basename "${src}").o")
  done
  "${cxx}" -r -nostdlib -o "${obj}/NanoRemap.Mmio.o" "${objs[@]}" ${cpp_objs[@]+"${cpp_objs[@]}"}
  echo "interop-compile: posix: ${#objs[@]} C sources with nanoremap_firmware_posix.c (no ESP-IDF header) and ${#cpp_objs[@]} C++ objects linked into one object"
  # every board of the posix glue (NR_POSIX_BOARD_<CHIP>): the glue and the one chip's model it compiles link together
  for chip in esp32s2 esp32s3 esp32c3 esp32c5 esp32c6 esp32h2; do
    [ -f "${staged}/nanoremap_board_${chip}.h" ] || continue
    def="-DNR_POSIX_BOARD_$(upper "${chip}")"
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

# ---- 3. the case-clash check itself: a staged copy with NanoRemap_Core.h beside nanoremap_core.h must be refused ----
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
