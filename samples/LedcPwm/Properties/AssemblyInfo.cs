// Licensed under the MIT license. See LICENSE in the project root.
using System.Reflection;

[assembly: AssemblyTitle("LedcPwm")]
[assembly: AssemblyDescription("ESP32 LED PWM (LEDC) through NanoRemap MMIO windows, with its clock enable")]
[assembly: AssemblyProduct("NanoRemap samples")]
// nanoCLR: every assembly needs an AssemblyVersion.
[assembly: AssemblyVersion("1.0.0.0")]
