#!/usr/bin/env bash
# The interop stubs must carry the native checksum of the current nano build (issue 3): the firmware refuses
# NanoRemap.Mmio.pe when the checksum in CLR_RT_NativeAssemblyData differs from the one the MetadataProcessor puts in
# the .pe. `nanoremap native-checksum` re-implements that computation; the line that holds the literal ends
# with "// native checksum: computed by 'nanoremap native-checksum'". On a mismatch, run boards/native/interop/update-stubs.sh.
set -euo pipefail
marker="// native checksum: computed by 'nanoremap native-checksum'"
dotnet build -c Release --nologo -v q src/NanoRemap.Mmio/NanoRemap.Mmio.csproj
dotnet build -c Release --nologo -v q src/NanoRemap.Cli/NanoRemap.Cli.csproj
computed=$(dotnet run --no-build -c Release --project src/NanoRemap.Cli -- native-checksum src/NanoRemap.Mmio/bin/Release/netstandard2.0/NanoRemap.Mmio.dll | grep -o '^0x[0-9A-F]\{8\}$' | tail -n 1)
[ -n "${computed}" ] || { echo "native-checksum: no value printed" >&2; exit 1; }

# C/C++ sources whose checksum line ends with the marker (docs may quote it: they are not checked).
files=$(grep -rl --include='*.c' --include='*.cpp' --include='*.h' -e "${marker}\s*$" boards || true)
[ -n "${files}" ] || { echo "native-checksum: no C/C++ file under boards/ has a line ending with '${marker}'" >&2; exit 1; }
status=0
for f in ${files}; do
  literal=$(grep -e "${marker}\s*$" "${f}" | grep -o '0x[0-9A-Fa-f]\{8\}' | head -n 1 | tr 'a-f' 'A-F' || true)
  if [ "${literal}" = "${computed}" ]; then
    echo "native-checksum: ${f}: ${literal} matches the nano build"
  else
    echo "native-checksum: ${f}: stub says ${literal:-nothing}, the nano build's checksum is ${computed}" >&2
    status=1
  fi
done
exit "${status}"
