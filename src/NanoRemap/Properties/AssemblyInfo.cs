// Licensed under the MIT license. See LICENSE in the project root.
using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("NanoRemap")]
[assembly: AssemblyDescription("The Linux mmap_action engine (MMU and nommu) for nanoFramework: vm_area_desc, mmap_action, prepare/complete/finish")]
[assembly: AssemblyProduct("NanoRemap")]
[assembly: AssemblyCopyright("Copyright (c) NanoRemap contributors")]
// nanoCLR: every assembly needs an AssemblyVersion.
[assembly: AssemblyVersion("0.1.0.0")]
// No native code here: the InternalCalls (and AssemblyNativeVersion) live in NanoRemap.Mmio.
