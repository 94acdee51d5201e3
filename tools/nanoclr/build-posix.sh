#!/usr/bin/env bash
# Build the real nanoCLR (nf-interpreter's posix target, Release) with the NanoRemap.Mmio interop library linked in,
# by the steps of boards/README.md "A simulated board for the nanoCLR on Linux":
#
#   tools/nanoclr/build-posix.sh [--board CHIP] OUT_DIR
#
# copies ../shared/nf-interpreter-posix (read-only) to OUT_DIR/src, stages the library into it
# (boards/native/interop/stage.sh, step 1), patches targets/posix/nanoCLR/CMakeLists.txt and posix_stubs.cpp
# (tools/nanoclr/posix-patch.py, steps 2 and 3; it fails naming the anchor when nf-interpreter's text changed) and
# builds with CMake + Ninja in OUT_DIR/build (step 4). Result: OUT_DIR/build/bin/nanoFramework.nanoCLR.test and
# OUT_DIR/build/lib/nanoFramework.nanoCLR.so; OUT_DIR/board names the board it was built for.
#
# Cached: OUT_DIR/stamp holds a hash of every input (the nf-interpreter sources, the staged files, the patch script,
# the board); when it matches and the binaries exist nothing is done. Otherwise the copy is refreshed with its file
# times kept, so Ninja rebuilds only what changed (a first build is 1-4 minutes on 2 cores).
# CHIP: esp32 (default), esp32s2, esp32s3, esp32c3, esp32c5, esp32c6, esp32h2. Needs cmake, ninja, g++, python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=tools/nanoclr/lib.sh
. "${here}/lib.sh"
repo=$(nanoclr_repo_root)

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }
board=esp32
out=
while [ $# -gt 0 ]; do
  case "$1" in
    --board) board="${2:?--board needs a chip name}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "build-posix: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) [ -z "${out}" ] || { echo "build-posix: one OUT_DIR only (got ${out} and $1)" >&2; exit 2; }; out="$1"; shift ;;
  esac
done
[ -n "${out}" ] || { echo "build-posix: OUT_DIR missing (see --help)" >&2; exit 2; }
case "${board}" in esp32|esp32s2|esp32s3|esp32c3|esp32c5|esp32c6|esp32h2) ;; *) echo "build-posix: unknown board ${board}" >&2; exit 2 ;; esac
shared=$(nanoclr_shared_dir) || { echo "build-posix: ${NANOREMAP_SHARED:-../shared} not found" >&2; exit 1; }
nfsrc="${shared}/nf-interpreter-posix"
[ -f "${nfsrc}/targets/posix/CMakeLists.txt" ] || { echo "build-posix: ${nfsrc} has no targets/posix/CMakeLists.txt" >&2; exit 1; }
for tool in cmake ninja g++ python3; do
  command -v "${tool}" >/dev/null 2>&1 || { echo "build-posix: ${tool} is not installed (apt-get install cmake ninja-build g++ python3)" >&2; exit 1; }
done
mkdir -p "${out}"
out=$(cd "${out}" && pwd)

# the inputs' hash: nf-interpreter's tree (names, sizes, times), the files stage.sh stages, this script and the patch
stage_tmp=$(mktemp -d)
trap 'rm -rf "${stage_tmp}"' EXIT
stage_log=$("${repo}/boards/native/interop/stage.sh" "${stage_tmp}")
stamp=$( {
  echo "board ${board}"
  (cd "${nfsrc}" && find . -type f -printf '%p %s %T@\n' | LC_ALL=C sort)
  (cd "${stage_tmp}" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  cat "${here}/posix-patch.py" "${here}/build-posix.sh" | sha256sum   # contents only: any path to the script hits the cache
} | sha256sum | cut -d' ' -f1)

bin="${out}/build/bin/nanoFramework.nanoCLR.test"
lib="${out}/build/lib/nanoFramework.nanoCLR.so"
if [ -f "${out}/stamp" ] && [ "$(cat "${out}/stamp")" = "${stamp}" ] && [ -x "${bin}" ] && [ -f "${lib}" ]; then
  echo "build-posix: ${out}/build is up to date (board ${board}): nothing to build"
  exit 0
fi
rm -f "${out}/stamp"

echo "build-posix: copying ${nfsrc} to ${out}/src"
mkdir -p "${out}/src"
# file times of nf-interpreter's sources are kept, so Ninja rebuilds only what changed
cp -a --no-preserve=ownership "${nfsrc}/." "${out}/src/"
chmod -R u+w "${out}/src"
echo "build-posix: step 1: stage.sh: ${stage_log}"
# the staged files: only those that differ from the last run's are copied (their objects alone are rebuilt)
(cd "${stage_tmp}" && find . -type f) | while read -r f; do
  if ! cmp -s "${stage_tmp}/${f}" "${out}/src/${f}"; then
    mkdir -p "$(dirname "${out}/src/${f}")"
    cp "${stage_tmp}/${f}" "${out}/src/${f}"
  fi
done
(cd "${out}/src/InteropAssemblies/NanoRemap.Mmio" && find . -type f) | while read -r f; do
  [ -f "${stage_tmp}/InteropAssemblies/NanoRemap.Mmio/${f}" ] || rm -f "${out}/src/InteropAssemblies/NanoRemap.Mmio/${f}"
done
echo "build-posix: steps 2 and 3: posix-patch.py --board ${board}"
python3 "${here}/posix-patch.py" "${out}/src" --board "${board}"

echo "build-posix: step 4: cmake (Release, Ninja) and build in ${out}/build"
start=$(nanoclr_now)
cmake -S "${out}/src/targets/posix" -B "${out}/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >"${out}/cmake.log" 2>&1 \
  || { cat "${out}/cmake.log" >&2; echo "build-posix: cmake configure failed" >&2; exit 1; }
set +e
cmake --build "${out}/build" -- -j "$(nproc)" 2>&1 | tee "${out}/build.log" \
  | awk '/^\[[0-9]+\/[0-9]+\]/ { n++; if (n % 25 == 0 || /Linking/) { print "build-posix:   " $0; fflush() } }'
rc=${PIPESTATUS[0]}
set -e
[ "${rc}" = 0 ] || { tail -n 60 "${out}/build.log" >&2; echo "build-posix: build failed (${out}/build.log)" >&2; exit 1; }
[ -x "${bin}" ] && [ -f "${lib}" ] || { echo "build-posix: the build did not produce ${bin} and ${lib}" >&2; exit 1; }
echo "${board}" > "${out}/board"
echo "${stamp}" > "${out}/stamp"
echo "build-posix: built ${bin} and ${lib} (board ${board}) in $(( $(nanoclr_now) - start )) s"
