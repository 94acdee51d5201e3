#!/usr/bin/env bash
# The interop on the real interpreter (issue 12): tests/NanoRemap.DeviceTests/Hardware (NFUnitTest tests that use
# RegisterBus.CreateHardware(BoardTables.Esp32): behaviour, refusals and their words, clocks, blocks, FIFO) built
# against the real mscorlib and TestFramework, converted with the real MetadataProcessor with the libraries it loads
# (NanoRemap, NanoRemap.Mmio, NanoRemap.Boards) and run with the UnitTestLauncher on the posix nanoCLR that links
# the NanoRemap.Mmio interop library (step 31, build/nanoclr-posix; built here if missing): every window and bus call
# is a real InternalCall into the staged C/C++ on the simulated ESP32, and the nanoCLR checks the MetadataProcessor's
# native checksum against the linked library's (`Invalid native checksum` fails the step). Prints the test count and
# the sum of the tests' behaviour checks and refusals. Skips, saying so, without ../shared.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. tools/nanoclr/lib.sh
nanoclr_require_shared nanoclr-interop nanoclr nf-interpreter-posix || exit 0
start=$(nanoclr_now)
clr=build/nanoclr-posix
tools/nanoclr/build-posix.sh --board esp32 "${clr}"
[ "$(cat "${clr}/board")" = esp32 ] || { echo "nanoclr-interop: ${clr} was built for board $(cat "${clr}/board"), the tests are the ESP32's" >&2; exit 1; }

proj=tests/NanoRemap.DeviceTests/Hardware
bin="${proj}/bin/Release/netstandard2.0"
out=build/nanoclr-interop
echo "nanoclr-interop: building ${proj}"
dotnet build -c Release --nologo -v q -p:NanoClrDir="$(nanoclr_shared_dir)/nanoclr" "${proj}/NanoRemap.DeviceTests.Hardware.csproj"
tools/nanoclr/convert-all.sh "${out}" "${bin}/NanoRemap.dll" "${bin}/NanoRemap.Mmio.dll" "${bin}/NanoRemap.Boards.dll" "${bin}/NFUnitTest.dll"

echo "nanoclr-interop: running NFUnitTest on ${clr}/build/bin/nanoFramework.nanoCLR.test (NanoRemap.Mmio linked in)"
status=0
tools/nanoclr/run-tests.sh --clr "${clr}/build" --log "${out}/nfunittest.log" \
  "${out}/NanoRemap.pe" "${out}/NanoRemap.Mmio.pe" "${out}/NanoRemap.Boards.pe" "${out}/NFUnitTest.pe" || status=1
# each test prints "hardware: NAME: B behaviour checks, R refusals, F failed"
grep -E '^hardware: [A-Za-z]+: [0-9]+ behaviour checks, [0-9]+ refusals, [0-9]+ failed$' "${out}/nfunittest.log" \
  | awk '{ b += $3; r += $6; f += $8 } END { printf "nanoclr-interop: %d behaviour checks, %d refusals with their words, %d failed (CreateHardware on the linked nanoCLR)\n", b, r, f }'
echo "nanoclr-interop: done in $(( $(nanoclr_now) - start )) s"
exit "${status}"
