#!/usr/bin/env bash
# Device tests (issue 4) on the host: the same Core/*.cs NFUnitTest compiles, built for net10.0 against the host
# twin and run in xunit: every generated vector case passes the device checker, the checker reports each wrong
# field, the MMIO window checks pass on every simulated board, the nano build of Core stays inside the
# nanoFramework 64 KB IL limit, and MmioTests.cs calls each check by its own index.
set -euo pipefail
dotnet test -c Release --nologo tests/NanoRemap.DeviceTests/HostRun/NanoRemap.DeviceTests.HostRun.csproj
