// Licensed under the MIT license. See LICENSE in the project root.
using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("NanoRemap.Mmio")]
[assembly: AssemblyDescription("MMIO windows onto ESP32-family peripheral registers at their physical address: the nommu replacement for remapping")]
[assembly: AssemblyProduct("NanoRemap")]
[assembly: AssemblyCopyright("Copyright (c) NanoRemap contributors")]
// nanoCLR: every assembly needs an AssemblyVersion.
[assembly: AssemblyVersion("0.1.0.0")]

////////////////////////////////////////////////////////////////
// update this whenever the native assembly signature changes //
[assembly: AssemblyNativeVersion("100.0.2.0")]
////////////////////////////////////////////////////////////////

// The register simulator (NanoRemap.Mmio.Simulation) plays the native layer: it uses the board's allow-list
// check (BoardMap.Classify), the block indices and the native layer's refusal messages (MmioErrors).
[assembly: InternalsVisibleTo("NanoRemap.Mmio.Simulation")]

// the window probe times the direct bus InternalCalls (NativeRegisterAccess) against the window (benchmarks/NanoRemap.WindowProbe)
[assembly: InternalsVisibleTo("NanoRemap.WindowProbe")]
