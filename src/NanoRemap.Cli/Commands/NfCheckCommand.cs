using System.CommandLine;
using NanoRemap.Tooling.NfCheck;

namespace NanoRemap.Cli.Commands;

/// <summary>
/// <c>nanoremap nfcheck &lt;assembly&gt; [--mscorlib path] [--budget]</c>: the nanoFramework gate (and, with
/// <c>--budget</c>, the device-cost budget). Exit 0 when clean, 1 with one line per offence, 2 when the check
/// could not run.
/// </summary>
internal static class NfCheckCommand
{
    public static Command Create()
    {
        var assembly = new Argument<FileInfo>("assembly") { Description = "The nanoFramework build of a library (e.g. src/NanoRemap/bin/Release/netstandard2.0/NanoRemap.dll)" };
        var mscorlib = new Option<FileInfo?>("--mscorlib") { Description = "nanoFramework mscorlib.dll to check against (default: nanoframework.corelibrary 1.17.11 in the NuGet global packages folder)" };
        var budget = new Option<bool>("--budget") { Description = "Also check the device-cost budget: the window's single-register operations (MmioWindow.Read32, Write32, Modify, SetBits, ClearBits, ToggleBits, SetField) are native fast paths (the InternalCall itself on the firmware, no managed frame) whose IL reaches the native call in one managed frame, assembly under --max-size; for user code (no MmioWindow of its own): its size, its register calls, and no register-name lookup or mapping in a loop" };
        var maxSize = new Option<long>("--max-size") { Description = "Budget: assembly size limit in bytes", DefaultValueFactory = _ => DeviceBudget.DefaultMaxBytes };
        var hot = new Option<string[]>("--hot-method")
        {
            Description = "Budget: register-path method as TypeName::Method (repeatable; default the window's single-register operations, MmioWindow::Read32 ... MmioWindow::SetField)",
            AllowMultipleArgumentsPerToken = true,
        };

        var sizeOnly = new Option<bool>("--size-only") { Description = "Budget: check the assembly size only, for an assembly without the register path (e.g. the engine, NanoRemap.dll)" };

        var allow = new Option<string[]>("--allow-reference")
        {
            Description = "Name of another nanoFramework assembly the checked one may reference (repeatable). Not needed for the NanoRemap libraries, nor for a nanoFramework assembly in the same folder",
            AllowMultipleArgumentsPerToken = true,
        };

        var command = new Command("nfcheck", "Check a built assembly against what nanoFramework 1.x and its MetadataProcessor accept. Exit 0 clean, 1 offences (one a line), 2 when the check cannot run (a missing file, or one that is not a valid .NET assembly: empty, text, truncated, malformed metadata)");
        command.Arguments.Add(assembly);
        command.Options.Add(mscorlib);
        command.Options.Add(budget);
        command.Options.Add(maxSize);
        command.Options.Add(hot);
        command.Options.Add(sizeOnly);
        command.Options.Add(allow);
        command.SetAction(parseResult => RunGuarded(
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            parseResult.GetValue(assembly)!,
            parseResult.GetValue(mscorlib),
            parseResult.GetValue(budget),
            parseResult.GetValue(maxSize),
            parseResult.GetValue(hot),
            parseResult.GetValue(sizeOnly),
            parseResult.GetValue(allow)));
        return command;
    }

    // A file that is not a .NET assembly (empty, text, truncated) or whose metadata is broken (a nested-type cycle)
    // cannot be checked: exit 2 with what is wrong, never a stack trace.
    private static int RunGuarded(TextWriter output, TextWriter error, FileInfo assembly, FileInfo? mscorlib, bool budget, long maxSize, string[]? hotMethods, bool sizeOnly, string[]? allowedReferences)
    {
        try
        {
            return Run(output, error, assembly, mscorlib, budget, maxSize, hotMethods, sizeOnly, allowedReferences);
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"nfcheck: {assembly.FullName}: {AssemblyErrors.Describe(e)}");
            return 2;
        }
    }

    private static int Run(TextWriter output, TextWriter error, FileInfo assembly, FileInfo? mscorlib, bool budget, long maxSize, string[]? hotMethods, bool sizeOnly, string[]? allowedReferences)
    {
        MscorlibSurface surface;
        try
        {
            if (!assembly.Exists)
            {
                throw new FileNotFoundException($"assembly not found: {assembly.FullName}");
            }
            surface = MscorlibSurface.Load(MscorlibLocator.Locate(mscorlib?.FullName));
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine($"nfcheck: {e.Message}");
            return 2;
        }

        // References the gate accepts without --allow-reference: the NanoRemap libraries, and every nanoFramework
        // assembly (one built against mscorlib 1.17.11) beside the checked one, as a build output folder holds them.
        var allowed = new List<string>(allowedReferences ?? Array.Empty<string>());
        allowed.AddRange(NfGate.NanoFrameworkAssembliesBeside(assembly.FullName));
        var offences = new List<NfOffence>(new NfGate(surface, allowed).Check(assembly.FullName));
        if (budget)
        {
            IReadOnlyList<string>? hot = sizeOnly ? Array.Empty<string>() : hotMethods is { Length: > 0 } ? hotMethods : null;
            var report = new DeviceBudget().Measure(assembly.FullName, hot, maxSize);
            foreach (var path in report.Paths)
            {
                output.WriteLine(path.NativeFastPath
                    ? $"budget: {path.Method}: 0 managed frames on the firmware (native fast path: the interop library runs it as an InternalCall); its IL: {path.ManagedFrames} managed frame(s) to the native call ({string.Join(" -> ", path.Path)})"
                    : $"budget: {path.Method}: {path.ManagedFrames} managed frame(s) to the native call ({string.Join(" -> ", path.Path)})");
            }
            foreach (var site in report.CallSites ?? Array.Empty<RegisterCallSite>())
            {
                output.WriteLine($"budget: {site.Caller} -> {site.Callee}{(site.InLoop ? " (in a loop)" : string.Empty)}");
            }
            output.WriteLine($"budget: assembly size {report.AssemblyBytes} bytes (limit: under {maxSize})");
            offences.AddRange(report.Offences);
        }

        foreach (var o in offences)
        {
            output.WriteLine(o);
        }
        if (offences.Count > 0)
        {
            error.WriteLine($"nfcheck: {assembly.Name}: {offences.Count} offence(s) against {surface.Name} {surface.Version}");
            return 1;
        }
        output.WriteLine($"nfcheck: {assembly.Name}: clean against {surface.Name} {surface.Version} ({surface.Path})");
        return 0;
    }
}
