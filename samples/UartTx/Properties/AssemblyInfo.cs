// Licensed under the MIT license. See LICENSE in the project root.
using System.Reflection;

[assembly: AssemblyTitle("UartTx")]
[assembly: AssemblyDescription("ESP32-C3 UART1 transmit through NanoRemap MMIO windows")]
[assembly: AssemblyProduct("NanoRemap samples")]
// nanoCLR: every assembly needs an AssemblyVersion.
[assembly: AssemblyVersion("1.0.0.0")]
