#!/usr/bin/env bash
# Build the device libraries against the real nanoFramework mscorlib (nanoFramework.CoreLibrary 1.17.11):
# NanoRemap (the engine) and NanoRemap.Mmio (the MMIO windows, board maps and InternalCalls).
# Warnings are errors there; a failure here fails CI.
set -euo pipefail
dotnet build -c Release --nologo src/NanoRemap/NanoRemap.csproj
dotnet build -c Release --nologo src/NanoRemap.Mmio/NanoRemap.Mmio.csproj
