#!/usr/bin/env bash
# Build the device library against the real nanoFramework mscorlib (nanoFramework.CoreLibrary 1.17.11).
# Warnings are errors there; a failure here fails CI.
set -euo pipefail
dotnet build -c Release --nologo src/NanoRemap/NanoRemap.csproj
