#!/usr/bin/env bash
# The real nanoCLR with the NanoRemap.Mmio interop library linked in (issue 12): nf-interpreter's posix target
# (../shared/nf-interpreter-posix, copied to a writable folder) built Release with the steps of boards/README.md "A
# simulated board for the nanoCLR on Linux" (stage.sh, the CMakeLists.txt and posix_stubs.cpp edits by
# tools/nanoclr/posix-patch.py, which fails naming the anchor if nf-interpreter's text changed), for the classic
# ESP32 board. Result in build/nanoclr-posix/build/{bin,lib} (git-ignored), where later steps (32-nanoclr-interop, a
# timing probe) load it; tools/nanoclr/build-posix.sh rebuilds only when an input changed. Installs cmake,
# ninja-build, g++ and python3 when missing. Skips, saying so, without ../shared.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. tools/nanoclr/lib.sh
nanoclr_require_shared nanoclr-posix nf-interpreter-posix || exit 0
missing=()
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v ninja >/dev/null 2>&1 || missing+=(ninja-build)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "nanoclr-posix: installing ${missing[*]}"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
start=$(nanoclr_now)
tools/nanoclr/build-posix.sh --board esp32 build/nanoclr-posix
echo "nanoclr-posix: done in $(( $(nanoclr_now) - start )) s"
