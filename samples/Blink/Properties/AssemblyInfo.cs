// Licensed under the MIT license. See LICENSE in the project root.
using System.Reflection;

[assembly: AssemblyTitle("Blink")]
[assembly: AssemblyDescription("ESP32 blink through a NanoRemap MMIO window")]
[assembly: AssemblyProduct("NanoRemap samples")]
// nanoCLR: every assembly needs an AssemblyVersion.
[assembly: AssemblyVersion("1.0.0.0")]
