#!/usr/bin/env bash
# Build the device libraries against the real nanoFramework mscorlib (nanoFramework.CoreLibrary 1.17.11):
# NanoRemap (the engine), NanoRemap.Mmio (the MMIO windows, board maps and InternalCalls), NanoRemap.Boards (the
# generated board tables of the seven chips), NanoRemap.Mmio.Simulation (the register simulator, for tests without
# hardware access) and the per-chip
# register definitions src/NanoRemap.Chips/NanoRemap.<Chip> (generated constants, one assembly per chip).
# Warnings are errors there; a failure here fails CI.
set -euo pipefail
dotnet build -c Release --nologo src/NanoRemap/NanoRemap.csproj
dotnet build -c Release --nologo src/NanoRemap.Mmio/NanoRemap.Mmio.csproj
dotnet build -c Release --nologo src/NanoRemap.Boards/NanoRemap.Boards.csproj
dotnet build -c Release --nologo src/NanoRemap.Mmio.Simulation/NanoRemap.Mmio.Simulation.csproj
for chip in src/NanoRemap.Chips/*/; do
  name=$(basename "${chip}")
  dotnet build -c Release --nologo "${chip}${name}.csproj"
done
