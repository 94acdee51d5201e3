#!/usr/bin/env bash
# samples/Blink: the ESP32 blink written against the public NanoRemap API, compiled against the real
# nanoFramework mscorlib (warnings are errors). It cannot run here: that needs the nanoFramework toolchain
# for the .pe and a firmware with the NanoRemap interop library (boards/README.md).
set -euo pipefail
dotnet build -c Release --nologo samples/Blink/Blink.csproj
# samples/LedcPwm: an LED PWM driver with its clock enable, written with the typed NanoRemap.Esp32 definitions.
dotnet build -c Release --nologo samples/LedcPwm/LedcPwm.csproj
# The four driver samples of issue 15 (LEDC fade on the ESP32, UART0 transmit on the C3, SYSTIMER read on the S3, GPIO
# in/out on the C6): each with the typed definitions of its chip; their drivers run on the simulator in
# tests/NanoRemap.Tests/Samples.
for sample in LedcFade UartTx SystimerRead GpioInOut; do
  dotnet build -c Release --nologo "samples/${sample}/${sample}.csproj"
done
