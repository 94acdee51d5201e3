#!/usr/bin/env bash
# NFUnitTest on the real nanoCLR (issue 12): every device assembly (src/NanoRemap, src/NanoRemap.Mmio,
# src/NanoRemap.Boards, src/NanoRemap.Mmio.Simulation, each src/NanoRemap.Chips/*, samples/*) built against the real
# mscorlib and converted by the real MetadataProcessor (../shared/nanoclr/mdp), each .pe size reported and gated (a
# chip's typed definitions <= 4 KB, the libraries and samples under 32 KB), the MetadataProcessor's native checksum of
# NanoRemap.Mmio.pe equal to the interop stubs' (tools/nanoclr/device-pe.sh); then tests/NanoRemap.DeviceTests
# (tests/NanoRemap.DeviceTests/Nano: the same sources as NFUnitTest.nfproj, against the real TestFramework) converted
# and run on the stock nanoCLR (../shared/nanoclr/bin) with the UnitTestLauncher (tools/nanoclr/run-tests.sh counts
# the `Test passed` / `Test failed` lines; a failure, a link failure or no test at all fails the step).
# Skips, saying so, without ../shared. Output: build/nanoclr-pe/*.pe (git-ignored; other steps may load them).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. tools/nanoclr/lib.sh
nanoclr_require_shared nanoclr-tests nanoclr || exit 0
start=$(nanoclr_now)
out=build/nanoclr-pe
tests=tests/NanoRemap.DeviceTests/Nano

tools/nanoclr/device-pe.sh --also "${tests}/NanoRemap.DeviceTests.Nano.csproj" "${out}"
echo "nanoclr-tests: device assemblies converted and gated in $(( $(nanoclr_now) - start )) s"

tools/nanoclr/mdp.sh "${tests}/bin/Release/netstandard2.0/NFUnitTest.dll" "${out}/tests/NFUnitTest.pe"
echo "nanoclr-tests: running NFUnitTest on $(nanoclr_shared_dir)/nanoclr/bin/nanoFramework.nanoCLR.test"
tools/nanoclr/run-tests.sh --log "${out}/tests/nfunittest.log" \
  "${out}/NanoRemap.pe" "${out}/NanoRemap.Mmio.pe" "${out}/NanoRemap.Boards.pe" "${out}/NanoRemap.Mmio.Simulation.pe" \
  "${out}/tests/NFUnitTest.pe"
echo "nanoclr-tests: done in $(( $(nanoclr_now) - start )) s"
