using System.CommandLine;
using NanoRemap.Tooling.Native;

namespace NanoRemap.Cli.Commands;

/// <summary>
/// <c>nanoremap native-checksum &lt;assembly&gt;</c>: prints the native checksum (0xXXXXXXXX) the nanoFramework
/// MetadataProcessor computes over the assembly's InternalCall methods; <c>--lookup</c> also prints the
/// method_lookup[] table the firmware stubs must carry.
/// </summary>
internal static class NativeChecksumCommand
{
    public static Command Create()
    {
        var assembly = new Argument<FileInfo>("assembly") { Description = "The nanoFramework build of the library (the DLL the MetadataProcessor reads)" };
        var exclude = new Option<string[]>("--exclude-class")
        {
            Description = "Full type name left out of the .pe (NFMDP_PE_ExcludeClassByName; repeatable)",
            AllowMultipleArgumentsPerToken = true,
        };
        var lookup = new Option<string?>("--lookup")
        {
            Description = "Also print the method_lookup[] entries for this stub project name (e.g. nanoremap_native); the window operations with a native fast path (NanoRemap.Mmio.MmioWindow: Read32, Write32, Modify, SetBits, ClearBits, ToggleBits, SetField) name their handler although they have IL",
        };

        var command = new Command("native-checksum", "Print the native checksum of an assembly's InternalCall methods, as the MetadataProcessor computes it. Exit 2 for a missing file or one that is not a valid .NET assembly");
        command.Arguments.Add(assembly);
        command.Options.Add(exclude);
        command.Options.Add(lookup);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var file = parseResult.GetValue(assembly)!;
            if (!file.Exists)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"native-checksum: assembly not found: {file.FullName}");
                return 2;
            }
            NativeChecksumResult result;
            try
            {
                result = NativeChecksum.Compute(file.FullName, parseResult.GetValue(exclude), NativeFastPaths.All);
            }
            catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"native-checksum: {file.FullName}: {AssemblyErrors.Describe(e)}");
                return 2;
            }

            output.WriteLine(result.Hex);
            string? project = parseResult.GetValue(lookup);
            if (project is not null)
            {
                foreach (var entry in result.Lookup)
                {
                    output.WriteLine("    " + entry.ToCpp(project) + ",");
                }
            }
            return 0;
        });
        return command;
    }
}
