// Licensed under the MIT license. See LICENSE in the project root.
using System.Reflection;

[assembly: AssemblyTitle("GpioInOut")]
[assembly: AssemblyDescription("ESP32-C6 GPIO input and output through NanoRemap MMIO windows")]
[assembly: AssemblyProduct("NanoRemap samples")]
// nanoCLR: every assembly needs an AssemblyVersion.
[assembly: AssemblyVersion("1.0.0.0")]
