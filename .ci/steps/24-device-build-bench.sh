#!/usr/bin/env bash
# Benchmarks (issue 4) are built, not run, in CI: a BenchmarkDotNet run needs a quiet machine and a few minutes.
# The command and the numbers are in docs/benchmarks.md.
set -euo pipefail
dotnet build -c Release --nologo -v q benchmarks/NanoRemap.Benchmarks/NanoRemap.Benchmarks.csproj
