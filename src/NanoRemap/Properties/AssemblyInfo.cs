// Licensed under the MIT license. See LICENSE in the project root.
using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("NanoRemap")]
[assembly: AssemblyDescription("The Linux mmap_action engine (MMU and nommu) and MMIO windows for nanoFramework on ESP32")]
[assembly: AssemblyProduct("NanoRemap")]
[assembly: AssemblyCopyright("Copyright (c) NanoRemap contributors")]
// nanoCLR: every assembly needs an AssemblyVersion.
[assembly: AssemblyVersion("0.1.0.0")]

////////////////////////////////////////////////////////////////
// update this whenever the native assembly signature changes //
[assembly: AssemblyNativeVersion("100.0.1.0")]
////////////////////////////////////////////////////////////////
