// Licensed under the MIT license. See LICENSE in the project root.
using System.Reflection;

[assembly: AssemblyTitle("NanoRemap.Boards")]
[assembly: AssemblyDescription("The generated board tables of the seven ESP32-family chips (blocks, register policy, clocks) for NanoRemap.Mmio")]
[assembly: AssemblyProduct("NanoRemap")]
[assembly: AssemblyCopyright("Copyright (c) NanoRemap contributors")]
// nanoCLR: every assembly needs an AssemblyVersion.
[assembly: AssemblyVersion("0.1.0.0")]
