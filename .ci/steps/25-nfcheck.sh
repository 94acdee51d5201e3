#!/usr/bin/env bash
# The nanoFramework gate (issue 4): the nano builds of src/NanoRemap and src/NanoRemap.Mmio must pass `nanoremap nfcheck` (only mscorlib
# 1.17.11, no generics of our own, no multidimensional arrays / pointers / unsafe locals, every mscorlib member
# it uses exists in 1.17.11, nothing the MetadataProcessor rejects) and the device-cost budget (--budget: the window's
# single-register operations in NanoRemap.Mmio are native fast paths, no managed frame on the firmware, and their IL is
# one managed frame to the InternalCall; each assembly under 32 KB). samples/Blink, if
# present, must pass the gate too (it may reference NanoRemap). The per-chip definition assemblies
# (src/NanoRemap.Chips) pass the gate. Any offence fails CI, one line per offence.
set -euo pipefail
dotnet build -c Release --nologo -v q src/NanoRemap/NanoRemap.csproj
dotnet build -c Release --nologo -v q src/NanoRemap.Mmio/NanoRemap.Mmio.csproj
dotnet build -c Release --nologo -v q src/NanoRemap.Cli/NanoRemap.Cli.csproj
nanoremap() { dotnet run --no-build -c Release --project src/NanoRemap.Cli -- "$@"; }

status=0
nanoremap nfcheck src/NanoRemap/bin/Release/netstandard2.0/NanoRemap.dll --budget --size-only || status=1
nanoremap nfcheck src/NanoRemap.Mmio/bin/Release/netstandard2.0/NanoRemap.Mmio.dll --budget --allow-reference NanoRemap || status=1
# The board tables of the seven chips (src/NanoRemap.Boards): the gate and the size budget (no register path there).
dotnet build -c Release --nologo -v q src/NanoRemap.Boards/NanoRemap.Boards.csproj
nanoremap nfcheck src/NanoRemap.Boards/bin/Release/netstandard2.0/NanoRemap.Boards.dll --budget --size-only --allow-reference NanoRemap --allow-reference NanoRemap.Mmio || status=1
# The register simulator (src/NanoRemap.Mmio.Simulation, its own assembly so that NanoRemap.Mmio stays under the
# budget): the gate and the size budget (it has no InternalCall; windows reach it through SimulatedBus).
dotnet build -c Release --nologo -v q src/NanoRemap.Mmio.Simulation/NanoRemap.Mmio.Simulation.csproj
nanoremap nfcheck src/NanoRemap.Mmio.Simulation/bin/Release/netstandard2.0/NanoRemap.Mmio.Simulation.dll --budget --size-only --allow-reference NanoRemap --allow-reference NanoRemap.Mmio || status=1

# The per-chip register definitions (constants and nested types only): the gate, no budget (the .pe cost is the
# types, measured by tests/NanoRemap.Tests/Chips).
for chip in src/NanoRemap.Chips/*/; do
  name=$(basename "${chip}")
  dotnet build -c Release --nologo -v q "${chip}${name}.csproj"
  nanoremap nfcheck "${chip}bin/Release/netstandard2.0/${name}.dll" || status=1
done

# The samples are drivers: no --allow-reference needed for the NanoRemap libraries; --budget measures user code
# (its register calls, no register-name lookup or mapping in a loop).
for sample in Blink LedcPwm LedcFade UartTx SystimerRead GpioInOut; do
  dotnet build -c Release --nologo -v q "samples/${sample}/${sample}.csproj"
  nanoremap nfcheck "samples/${sample}/bin/Release/netstandard2.0/${sample}.dll" --budget || status=1
done
exit "${status}"
