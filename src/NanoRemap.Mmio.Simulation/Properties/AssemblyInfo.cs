// Licensed under the MIT license. See LICENSE in the project root.
using System.Reflection;

[assembly: AssemblyTitle("NanoRemap.Mmio.Simulation")]
[assembly: AssemblyDescription("The register simulator of NanoRemap.Mmio (RegisterSimulator, RegisterModel, read/write hooks) for tests without hardware access; a deployed driver does not need it")]
[assembly: AssemblyProduct("NanoRemap")]
[assembly: AssemblyCopyright("Copyright (c) NanoRemap contributors")]
// nanoCLR: every assembly needs an AssemblyVersion.
[assembly: AssemblyVersion("0.1.0.0")]
