#!/usr/bin/env bash
# A new driver test project, made the way the README's quick start says ("Test it on the host": `dotnet new xunit`,
# then one project reference to src/NanoRemap.Testing), runs the README's simulator snippet as a test, first try,
# and carries no drawing libraries (Svg.Skia, SkiaSharp, HarfBuzz). Skips, saying so, when the xunit template's packages
# cannot be restored (offline, no NuGet cache).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
cd "${work}"

# The two commands of the README, as written there (path adjusted to this clone).
grep -q 'dotnet new xunit -o MyDriver.Tests' "${root}/README.md"
grep -q 'dotnet add MyDriver.Tests reference path/to/NanoRemap/src/NanoRemap.Testing/NanoRemap.Testing.csproj' "${root}/README.md"
dotnet new xunit -o MyDriver.Tests --no-restore >/dev/null
dotnet add MyDriver.Tests reference "${root}/src/NanoRemap.Testing/NanoRemap.Testing.csproj" >/dev/null

# The README's simulator snippet (the block after "Test it on the host"), as the body of one test.
python3 - "${root}/README.md" MyDriver.Tests/ReadmeSnippetTest.cs <<'PY'
import re, sys
readme = open(sys.argv[1]).read()
start = readme.index('**Test it on the host**')
code = re.search(r'```csharp\n(.*?)```', readme[start:], re.S).group(1)
usings = [l for l in code.splitlines() if l.startswith('using ')]
body = [l for l in code.splitlines() if not l.startswith('using ')]
open(sys.argv[2], 'w').write('\n'.join(usings) + '\nusing Xunit;\n\npublic class ReadmeSnippetTest\n{\n    [Fact]\n    public void The_readme_simulator_snippet_runs()\n    {\n'
    + '\n'.join('        ' + l for l in body) + '\n        Assert.Equal(16000u, ticks);\n    }\n}\n')
PY
rm -f MyDriver.Tests/UnitTest1.cs

if ! restore_out=$(dotnet restore MyDriver.Tests 2>&1); then
  if grep -q 'NU1301\|Unable to load the service index\|NU1101' <<<"${restore_out}"; then
    echo "27-new-test-project: skipped: the xunit template's packages cannot be restored here (offline?)"
    printf '%s\n' "${restore_out}" | tail -n 3
    exit 0
  fi
  printf '%s\n' "${restore_out}"
  exit 1
fi

dotnet test MyDriver.Tests --no-restore --nologo -v q
if find MyDriver.Tests/bin -iname '*skia*' -o -iname '*harfbuzz*' -o -iname 'Svg.*' | grep -q .; then
  echo "27-new-test-project: a drawing library reached the driver test project:" >&2
  find MyDriver.Tests/bin -iname '*skia*' -o -iname '*harfbuzz*' -o -iname 'Svg.*' >&2
  exit 1
fi
echo "27-new-test-project: a new xunit project with one reference to NanoRemap.Testing runs the README snippet; no drawing libraries"
