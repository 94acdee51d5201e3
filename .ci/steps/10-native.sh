#!/usr/bin/env bash
# Native core of the NanoRemap interop library (boards/native): host build with warnings as errors, then
# CTest: the core unit tests on a simulated address space, and nr_probe_check per board, which proves the
# generated native allow-list makes the managed board map's decision for every probe address.
set -euo pipefail
gen=()
if command -v ninja >/dev/null 2>&1; then gen=(-G Ninja); fi
cmake -S boards/native -B build/native "${gen[@]}" -DCMAKE_BUILD_TYPE=Debug
cmake --build build/native
ctest --test-dir build/native --output-on-failure

# The firmware staging script copies every source FindINTEROP-NanoRemap.Mmio.cmake lists (it checks that itself).
stage_dir=$(mktemp -d)
boards/native/interop/stage.sh "${stage_dir}"
rm -rf "${stage_dir}"
