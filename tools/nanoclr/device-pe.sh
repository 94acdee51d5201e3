#!/usr/bin/env bash
# Every device assembly as the nanoCLR loads it: build (Release, against the real mscorlib of
# nanoFramework.CoreLibrary 1.17.11), convert with the real MetadataProcessor (tools/nanoclr/mdp.sh), report and
# gate each .pe's size, and check the interop checksum:
#
#   tools/nanoclr/device-pe.sh [--no-build] [--also PROJ]... OUT_DIR
#
# OUT_DIR/<Assembly>.pe for src/NanoRemap, src/NanoRemap.Mmio, src/NanoRemap.Boards, src/NanoRemap.Mmio.Simulation,
# each src/NanoRemap.Chips/* and each samples/*. Budgets: the libraries and samples under 32 KB (32,768 bytes, the
# budget `nanoremap nfcheck --budget` applies to the DLL), a chip's typed definitions at most 4 KB (4,096 bytes).
# The native checksum the MetadataProcessor writes into NanoRemap.Mmio.pe (header offset 20, little-endian u32) must
# be the one boards/native/interop/NanoRemap_Mmio.cpp carries, or the firmware refuses the assembly
# (`Invalid native checksum`). Prints one line per assembly and exits 1 on any failure (all are reported first).
#   --no-build     convert what the last build left in bin/Release/netstandard2.0
#   --also PROJ    build PROJ (a .csproj, e.g. a test assembly) in the same build; not converted
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=tools/nanoclr/lib.sh
. "${here}/lib.sh"
repo=$(nanoclr_repo_root)

build=1
out=
also=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --also) also+=("$(cd "$(dirname "${2:?--also needs a .csproj}")" && pwd)/$(basename "$2")"); shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "device-pe: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) [ -z "${out}" ] || { echo "device-pe: one OUT_DIR only" >&2; exit 2; }; out="$1"; shift ;;
  esac
done
[ -n "${out}" ] || { echo "device-pe: OUT_DIR missing (see --help)" >&2; exit 2; }
mkdir -p "${out}"
out=$(cd "${out}" && pwd)

# project folder (relative to the repository), size limit in bytes, comparison: lt (under) or le (at most)
projects=(
  "src/NanoRemap 32768 lt"
  "src/NanoRemap.Mmio 32768 lt"
  "src/NanoRemap.Boards 32768 lt"
  "src/NanoRemap.Mmio.Simulation 32768 lt"
)
for dir in "${repo}"/src/NanoRemap.Chips/*/; do projects+=("src/NanoRemap.Chips/$(basename "${dir}") 4096 le"); done
for dir in "${repo}"/samples/*/; do [ -f "${dir}$(basename "${dir}").csproj" ] && projects+=("samples/$(basename "${dir}") 32768 lt"); done

if [ "${build}" = 1 ]; then
  # one build of every project (a throw-away solution: one MSBuild start instead of one per project)
  sln_dir=$(mktemp -d)
  dotnet new sln -n DeviceAssemblies -o "${sln_dir}" >/dev/null
  sln=$(ls "${sln_dir}"/DeviceAssemblies.sln*)
  csprojs=()
  for p in "${projects[@]}"; do set -- ${p}; csprojs+=("${repo}/$1/$(basename "$1").csproj"); done
  for p in "${also[@]}"; do csprojs+=("${p}"); done
  dotnet sln "${sln}" add "${csprojs[@]}" >/dev/null
  echo "device-pe: building ${#csprojs[@]} projects (Release)"
  if ! dotnet build -c Release --nologo -v q -p:NanoClrDir="$(nanoclr_shared_dir)/nanoclr" "${sln}" >"${sln_dir}/build.log" 2>&1; then
    cat "${sln_dir}/build.log" >&2
    echo "device-pe: the build failed" >&2
    rm -rf "${sln_dir}"
    exit 1
  fi
  rm -rf "${sln_dir}"
fi

# convert, two at a time (each conversion is a .NET start-up plus a few seconds)
pids=()
for p in "${projects[@]}"; do
  set -- ${p}
  name=$(basename "$1")
  dll="${repo}/$1/bin/Release/netstandard2.0/${name}.dll"
  "${here}/mdp.sh" "${dll}" "${out}/${name}.pe" >"${out}/${name}.mdp.log" 2>&1 &
  pids+=("$!:${name}")
  if [ "${#pids[@]}" -ge "$(nproc)" ]; then
    wait "${pids[0]%%:*}" || true
    pids=("${pids[@]:1}")
  fi
done
wait || true

status=0
printf 'device-pe: %-28s %9s %9s  %s\n' "assembly (.pe by the real MDP)" "DLL" ".pe" "budget"
for p in "${projects[@]}"; do
  set -- ${p}
  name=$(basename "$1")
  dll="${repo}/$1/bin/Release/netstandard2.0/${name}.dll"
  pe="${out}/${name}.pe"
  if [ ! -s "${pe}" ]; then
    cat "${out}/${name}.mdp.log" >&2
    echo "device-pe: ${name}: not converted (${out}/${name}.mdp.log)" >&2
    status=1
    continue
  fi
  rm -f "${out}/${name}.mdp.log"
  size=$(stat -c %s "${pe}")
  if [ "$3" = lt ]; then ok=$([ "${size}" -lt "$2" ] && echo yes || echo no); rule="< $2"; else ok=$([ "${size}" -le "$2" ] && echo yes || echo no); rule="<= $2"; fi
  if [ "${ok}" = yes ]; then verdict="ok (${rule})"; else verdict="OVER BUDGET (${rule})"; status=1; fi
  printf 'device-pe: %-28s %9s %9s  %s\n' "${name}" "$(stat -c %s "${dll}")" "${size}" "${verdict}"
done
[ "${status}" = 0 ] || echo "device-pe: an assembly failed to convert or is over its budget (above)" >&2

# the native checksum: the MetadataProcessor's against the interop stubs'
mmio="${out}/NanoRemap.Mmio.pe"
if [ -s "${mmio}" ]; then
  mdp_sum=$(od -An -tx4 -j20 -N4 "${mmio}" | tr -d ' \n' | tr 'a-f' 'A-F')
  stub="${repo}/boards/native/interop/NanoRemap_Mmio.cpp"
  stub_sum=$(grep -e "// native checksum:" "${stub}" | grep -o '0x[0-9A-Fa-f]\{8\}' | head -n 1 | tr 'a-f' 'A-F' | sed 's/^0X/0x/')
  if [ "0x${mdp_sum}" = "${stub_sum}" ]; then
    echo "device-pe: native checksum of NanoRemap.Mmio.pe (real MetadataProcessor) 0x${mdp_sum} = ${stub#"${repo}"/}"
  else
    echo "device-pe: native checksum of NanoRemap.Mmio.pe (real MetadataProcessor) is 0x${mdp_sum}, ${stub#"${repo}"/} says ${stub_sum:-nothing}: run boards/native/interop/update-stubs.sh" >&2
    status=1
  fi
fi
exit "${status}"
