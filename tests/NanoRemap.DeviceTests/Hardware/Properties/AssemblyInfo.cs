// Licensed under the MIT license. See LICENSE in the project root.
using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("NanoRemap hardware-bus tests: RegisterBus.CreateHardware on the posix nanoCLR's simulated ESP32")]
[assembly: AssemblyProduct("NanoRemap")]
[assembly: AssemblyCopyright("Copyright (c) NanoRemap contributors")]
// nanoCLR: every assembly needs an AssemblyVersion, or the deployment is refused.
[assembly: AssemblyVersion("1.0.0.0")]
