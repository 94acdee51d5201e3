#!/usr/bin/env bash
# Device tests (issue 4), runner-independent part: tests/NanoRemap.DeviceTests/Core (the vector cases generated
# from tests/vectors and the checking code NFUnitTest runs on the nanoCLR) compiled against the real
# nanoFramework mscorlib 1.17.11, warnings as errors, then through the nanoFramework gate like the library
# (it may reference NanoRemap). The TestFramework classes of NFUnitTest.nfproj are built and run on the real nanoCLR
# by 30-nanoclr-tests.sh (it needs ../shared's TestFramework; docs/nanoframework.md).
set -euo pipefail
dotnet build -c Release --nologo -v q tests/NanoRemap.DeviceTests/Core/NanoRemap.DeviceTests.Core.csproj
dotnet build -c Release --nologo -v q src/NanoRemap.Cli/NanoRemap.Cli.csproj
dotnet run --no-build -c Release --project src/NanoRemap.Cli -- nfcheck \
  tests/NanoRemap.DeviceTests/Core/bin/Release/netstandard2.0/NanoRemap.DeviceTests.Core.dll --allow-reference NanoRemap --allow-reference NanoRemap.Mmio
