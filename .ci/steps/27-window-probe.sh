#!/usr/bin/env bash
# Window probe (issue 12, item 6): what a window register access costs against the direct bus InternalCall on the
# real nanoCLR (nf-interpreter's posix target, Release) with the NanoRemap interop library linked in. Prints ns/op
# net of an empty loop and the ratio window / direct for Read32, Write32, SetBits, ClearBits and SetField
# (benchmarks/NanoRemap.WindowProbe; numbers in docs/benchmarks.md). A benchmark, not a timed test: it fails only
# when the probe cannot run (no build, no .pe, no "probe: done" line) or finds the window wrong before timing it (a
# hardware window and a simulated window of the same board must give the same values and exceptions), never on a ratio.
#
#   .ci/steps/27-window-probe.sh [CLR_DIR]
#
# CLR_DIR (or NANOREMAP_POSIX_CLR): a posix build with the library linked in, holding bin/nanoFramework.nanoCLR.test
# and lib/nanoFramework.nanoCLR.so (e.g. the build folder another CI step left). Without it: tools/nanoclr/build-posix.sh
# OUT where that script exists (OUT: NANOREMAP_POSIX_OUT, default ${TMPDIR:-/tmp}/nanoremap-posix-clr), else this step
# builds it by the steps of boards/README.md in ${TMPDIR:-/tmp}/nanoremap-window-probe (1-4 minutes on 2 cores;
# Ninja rebuilds only what changed on the next run). Skips (exit 0) without ../shared.
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
  for tool in cmake ninja g++ python3; do
    command -v "${tool}" >/dev/null 2>&1 || { echo "window-probe: ${tool} is not installed (apt-get install cmake ninja-build g++ python3)" >&2; exit 1; }
  done
  if [ -x tools/nanoclr/build-posix.sh ]; then
    out="${NANOREMAP_POSIX_OUT:-${TMPDIR:-/tmp}/nanoremap-posix-clr}"
    tools/nanoclr/build-posix.sh "${out}"
    clr="${out}/build"
  else
    out="${TMPDIR:-/tmp}/nanoremap-window-probe"
    src="${out}/nf"
    mkdir -p "${src}"
    # a writable copy of nf-interpreter's posix sources (file times kept: Ninja rebuilds only what changed)
    cp -a --no-preserve=ownership "${shared}/nf-interpreter-posix/." "${src}/"
    chmod -R u+w "${src}"
    boards/native/interop/stage.sh "${src}" >/dev/null
    # boards/README.md steps 2 and 3 (idempotent; the CRLF of nf-interpreter's files kept)
    python3 - "${src}" <<'PY'
import pathlib, sys
nf = pathlib.Path(sys.argv[1])
cm = nf / "targets/posix/nanoCLR/CMakeLists.txt"
st = nf / "targets/posix/nanoCLR/posix_stubs.cpp"
t = cm.read_bytes().decode()
nl = "\r\n" if "\r\n" in t else "\n"
if "NF_NANOREMAP_MMIO_SRCS" not in t:
    block = nl.join([
        "# NanoRemap.Mmio on a simulated board (boards/README.md, posix steps)",
        "set(NANOREMAP_MMIO_DIR ${REPO_ROOT}/InteropAssemblies/NanoRemap.Mmio)",
        "file(GLOB NANOREMAP_MMIO_BOARD_SRCS ${NANOREMAP_MMIO_DIR}/nanoremap_board_*.c)",
        "file(GLOB NANOREMAP_MMIO_CPP_SRCS ${NANOREMAP_MMIO_DIR}/NanoRemap_Mmio*.cpp)",
        "set(NF_NANOREMAP_MMIO_SRCS",
        "    ${NANOREMAP_MMIO_CPP_SRCS}",
        "    ${NANOREMAP_MMIO_DIR}/nanoremap_core.c",
        "    ${NANOREMAP_MMIO_DIR}/nanoremap_firmware_posix.c",
        "    ${NANOREMAP_MMIO_DIR}/nanoremap_sim_model.c",
        "    ${NANOREMAP_MMIO_BOARD_SRCS}",
        ")", "", ""])
    anchor = "list(APPEND NANOCLR_POSIX_SOURCES" + nl
    inc = "    ${REPO_ROOT}/src/CLR/CorLib" + nl
    if t.count(anchor) != 1 or inc not in t:
        sys.exit("window-probe: targets/posix/nanoCLR/CMakeLists.txt has no 'list(APPEND NANOCLR_POSIX_SOURCES' / CorLib include line to patch")
    t = t.replace(anchor, block + anchor + "    ${NF_NANOREMAP_MMIO_SRCS}" + nl)
    t = t.replace(inc, inc + "    ${REPO_ROOT}/InteropAssemblies/NanoRemap.Mmio" + nl, 1)
    cm.write_bytes(t.encode())
s = st.read_bytes().decode()
nl = "\r\n" if "\r\n" in s else "\n"
if "g_CLR_AssemblyNative_NanoRemap_Mmio" not in s:
    d = "extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_mscorlib;" + nl
    if d not in s or "g_CLR_InteropAssembliesNativeData[]" not in s:
        sys.exit("window-probe: targets/posix/nanoCLR/posix_stubs.cpp has no mscorlib declaration / g_CLR_InteropAssembliesNativeData[] to patch")
    s = s.replace(d, d + "extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoRemap_Mmio;" + nl)
    j = s.index("    nullptr," + nl, s.index("g_CLR_InteropAssembliesNativeData[]"))
    s = s[:j] + "    &g_CLR_AssemblyNative_NanoRemap_Mmio," + nl + s[j:]
    st.write_bytes(s.encode())
PY
    # configure every time: the library's sources are globbed
    cmake -S "${src}/targets/posix" -B "${out}/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >"${out}/cmake.log" 2>&1 \
      || { tail -n 30 "${out}/cmake.log" >&2; echo "window-probe: cmake configure failed (${out}/cmake.log)" >&2; exit 1; }
    cmake --build "${out}/build" >"${out}/build.log" 2>&1 \
      || { grep -B2 -A8 -m 5 'error' "${out}/build.log" >&2 || tail -n 30 "${out}/build.log" >&2; echo "window-probe: the posix nanoCLR did not build (${out}/build.log)" >&2; exit 1; }
    clr="${out}/build"
  fi
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
