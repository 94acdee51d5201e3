#!/usr/bin/env bash
# Rewrites the two generated parts of NanoRemap_Mmio.cpp from the nano build of src/NanoRemap.Mmio, with our own
# re-implementation of the MetadataProcessor's walk ('nanoremap native-checksum'): the positional method_lookup[]
# table (one slot per method in MDP order, NULL for methods with IL) and the native checksum literal.
# Run it after any change to src/NanoRemap.Mmio; CI (.ci/steps/26-native-checksum.sh and the xunit
# NanoLibraryTests) fails when either is stale.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "${root}"
dotnet build -c Release --nologo -v q src/NanoRemap.Mmio/NanoRemap.Mmio.csproj
dll=src/NanoRemap.Mmio/bin/Release/netstandard2.0/NanoRemap.Mmio.dll
out=$(dotnet run -c Release --project src/NanoRemap.Cli -- native-checksum "${dll}" --lookup NanoRemap_Mmio)
checksum=$(printf '%s\n' "${out}" | grep -o '^0x[0-9A-F]\{8\}$' | head -n 1)
printf '%s\n' "${out}" | grep -v '^0x' > /tmp/nanoremap-lookup.$$
python3 - "boards/native/interop/NanoRemap_Mmio.cpp" "${checksum}" /tmp/nanoremap-lookup.$$ <<'PY'
import re, sys
path, checksum, lookup = sys.argv[1], sys.argv[2], open(sys.argv[3]).read().rstrip('\n')
s = open(path).read()
s = re.sub(r'(method_lookup\[\]\s*=\s*\{\n).*?(\n\};)', lambda m: m.group(1) + lookup + m.group(2), s, count=1, flags=re.S)
s = re.sub(r"0x[0-9A-Fa-f]{8}(, // native checksum: computed by 'nanoremap native-checksum')", checksum + r'\1', s, count=1)
open(path, 'w').write(s)
PY
rm -f /tmp/nanoremap-lookup.$$
echo "NanoRemap_Mmio.cpp: checksum ${checksum}, $(grep -c '^    ' <(printf '%s\n' "${out}" | grep -v '^0x')) method_lookup slots"
