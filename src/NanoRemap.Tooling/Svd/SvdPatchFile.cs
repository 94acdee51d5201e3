using System.Globalization;
using NanoRemap.Facts;
using NanoRemap.IO;

namespace NanoRemap.Tooling.Svd;

/// <summary>
/// boards/&lt;chip&gt;/svd-patches.txt: hand-written corrections of the vendor SVD, applied by the importer
/// before <c>derivedFrom</c> is resolved (so a patch of TIMG0 reaches TIMG1). One statement a line, <c>#</c>
/// comments; every patch follows a <c>source</c> line naming the ESP-IDF file that says what is right:
/// <code>
/// source &lt;ESP-IDF path and symbol&gt;
/// rename &lt;PERIPH&gt;.&lt;REG&gt; &lt;NEWNAME&gt;
/// move &lt;PERIPH&gt;.&lt;REG&gt; &lt;0xOFFSET&gt;
/// register &lt;PERIPH&gt;.&lt;REG&gt; &lt;0xOFFSET&gt; &lt;ro|wo|rw|wo1|rw1&gt; &lt;0xRESET&gt;
/// field &lt;PERIPH&gt;.&lt;REG&gt;.&lt;FIELD&gt; &lt;lsb&gt; &lt;width&gt; &lt;ro|wo|rw|wo1|rw1&gt;
/// remove &lt;PERIPH&gt;.&lt;REG&gt;.&lt;FIELD&gt;
/// dimindex &lt;PERIPH&gt;.&lt;REG&gt; &lt;first&gt;-&lt;last&gt;
/// access &lt;PERIPH&gt;.&lt;REG&gt;[.&lt;FIELD&gt;] &lt;ro|wo|rw|wo1|rw1&gt;
/// reset &lt;PERIPH&gt;.&lt;REG&gt; &lt;0xRESET&gt;
/// base &lt;PERIPH&gt; &lt;0xADDRESS&gt;
/// layout &lt;PERIPH&gt; &lt;ESP-IDF header path&gt; &lt;instance|-&gt; &lt;PREFIX_&gt;
/// </code>
/// <c>layout</c> replaces every register of the peripheral by the registers of an ESP-IDF header (names without
/// PREFIX_ and <c>_REG</c>, fields without PREFIX_, access and reset from the header's comments); it needs the
/// ESP-IDF tree (<see cref="NanoRemap.Tooling.Idf.IdfFolder"/>).
/// Register names are the SVD's before dim expansion (<c>T%sCONFIG</c>); offsets are from the peripheral's base.
/// </summary>
public sealed class SvdPatchFile
{
    /// <summary>The file name used in messages.</summary>
    public required string File { get; init; }

    /// <summary>The patches in file order.</summary>
    public List<SvdPatch> Patches { get; } = new();

    /// <summary>The distinct <c>source</c> citations, in file order.</summary>
    public List<string> Sources { get; } = new();

    /// <summary>Reads a patch file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">The name used in messages (default: <paramref name="path"/>).</param>
    /// <returns>The patches.</returns>
    /// <exception cref="SvdException">A malformed line.</exception>
    public static SvdPatchFile Load(string path, string? displayName = null)
    {
        try
        {
            return Parse(BoundedReader.ReadAllText(path, MaxBytes), displayName ?? path);
        }
        catch (IOException e)
        {
            throw new SvdException(displayName ?? path, 0, "file", e.Message);
        }
    }

    /// <summary>The largest patch file read (1 MiB; the committed ones are under 8 KiB).</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Parses patch text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="file">The name used in messages.</param>
    /// <returns>The patches.</returns>
    /// <exception cref="SvdException">A malformed line: file, line and element named.</exception>
    public static SvdPatchFile Parse(string text, string file)
    {
        var result = new SvdPatchFile { File = file };
        string? source = null;
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            string line = lines[i];
            int hash = line.IndexOf('#');
            string body = (hash >= 0 ? line[..hash] : line).Trim();
            if (body.Length == 0)
            {
                continue;
            }

            string[] f = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            SvdException Err(string message) => new(file, lineNo, f.Length > 1 ? f[0] + " " + f[1] : f[0], message);
            if (f[0] == "source")
            {
                source = body["source".Length..].Trim();
                if (source.Length == 0)
                {
                    throw Err("'source' names no ESP-IDF file");
                }

                if (!result.Sources.Contains(source))
                {
                    result.Sources.Add(source);
                }

                continue;
            }

            if (f[0] is not ("rename" or "move" or "register" or "field" or "remove" or "dimindex" or "access" or "reset" or "base" or "layout"))
            {
                throw Err($"unknown statement '{f[0]}' (source, rename, move, register, field, remove, dimindex, access, reset, base, layout)");
            }

            if (source == null)
            {
                throw Err("a patch before any 'source' line: cite the ESP-IDF file that says what is right");
            }

            int want = f[0] switch { "rename" or "move" or "dimindex" or "access" or "reset" or "base" => 3, "remove" => 2, "layout" => 5, _ => 5 };
            if (f.Length != want)
            {
                throw Err($"'{f[0]}' takes {want - 1} fields, found {f.Length - 1}");
            }

            string[] path = f[1].Split('.');
            int parts = f[0] is "field" or "remove" ? 3 : f[0] is "base" or "layout" ? 1 : f[0] == "access" && path.Length == 3 ? 3 : 2;
            if (path.Length != parts || path.Any(p => p.Length == 0))
            {
                throw Err(parts == 3 ? "the target is not PERIPH.REG.FIELD" : parts == 1 ? "the target is not PERIPH" : "the target is not PERIPH.REG");
            }

            uint Hex(string s, string what) =>
                s.StartsWith("0x", StringComparison.Ordinal) && uint.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint v)
                    ? v
                    : throw Err($"{what} '{s}' is not a 0x hex number");
            int Dec(string s, string what) =>
                int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : throw Err($"{what} '{s}' is not a decimal number");
            FactsAccess Acc(string s) =>
                FactsAccessNames.TryParseToken(s, out FactsAccess a) ? a : throw Err($"access '{s}' is not ro, wo, rw, wo1 or rw1");

            SvdPatch patch = f[0] switch
            {
                "rename" => new SvdPatch(SvdPatchKind.Rename, path[0], path[1], null, f[2], 0, FactsAccess.ReadWrite, 0, 0, 0, source, lineNo),
                "move" => new SvdPatch(SvdPatchKind.Move, path[0], path[1], null, null, Hex(f[2], "offset"), FactsAccess.ReadWrite, 0, 0, 0, source, lineNo),
                "dimindex" => new SvdPatch(SvdPatchKind.DimIndex, path[0], path[1], null, f[2], 0, FactsAccess.ReadWrite, 0, 0, 0, source, lineNo),
                "remove" => new SvdPatch(SvdPatchKind.Remove, path[0], path[1], path[2], null, 0, FactsAccess.ReadWrite, 0, 0, 0, source, lineNo),
                "access" => new SvdPatch(SvdPatchKind.Access, path[0], path[1], path.Length == 3 ? path[2] : null, null, 0, Acc(f[2]), 0, 0, 0, source, lineNo),
                "reset" => new SvdPatch(SvdPatchKind.Reset, path[0], path[1], null, null, 0, FactsAccess.ReadWrite, Hex(f[2], "reset"), 0, 0, source, lineNo),
                "base" => new SvdPatch(SvdPatchKind.Base, path[0], string.Empty, null, null, Hex(f[2], "address"), FactsAccess.ReadWrite, 0, 0, 0, source, lineNo),
                "layout" => new SvdPatch(SvdPatchKind.Layout, path[0], string.Empty, f[4], f[2], 0, FactsAccess.ReadWrite, 0,
                    f[3] == "-" ? -1 : Dec(f[3], "instance"), 0, source, lineNo),
                "register" => new SvdPatch(SvdPatchKind.Register, path[0], path[1], null, null, Hex(f[2], "offset"), Acc(f[3]), Hex(f[4], "reset"), 0, 0, source, lineNo),
                _ => new SvdPatch(SvdPatchKind.Field, path[0], path[1], path[2], null, 0, Acc(f[4]), 0, Dec(f[2], "lsb"), Dec(f[3], "width"), source, lineNo),
            };
            if (patch.Kind == SvdPatchKind.Rename && !ChipFacts.IsName(patch.NewName!.Replace("%s", "X"), false))
            {
                throw Err($"new name '{patch.NewName}' is not a name");
            }

            if (patch.Kind == SvdPatchKind.DimIndex && !TryRange(patch.NewName!, out _, out _))
            {
                throw Err($"'{patch.NewName}' is not FIRST-LAST (decimal)");
            }

            if (patch.Kind == SvdPatchKind.Field && (patch.Width < 1 || patch.Width > 32 || patch.Lsb > 32 - patch.Width))
            {
                throw Err($"bits {patch.Lsb}..{(long)patch.Lsb + patch.Width - 1} do not fit a 32-bit register");
            }

            result.Patches.Add(patch);
        }

        return result;
    }

    /// <summary>
    /// Applies the patches to the device as read (before <see cref="SvdReader.ResolveDerivedPeripherals"/>).
    /// A patch that no longer applies (its register is gone, already where it would move it, already present)
    /// is an error, so stale patches are noticed when the vendor fixes the SVD.
    /// </summary>
    /// <param name="device">The device; changed in place.</param>
    /// <param name="idfRoot">The ESP-IDF tree, for <c>layout</c> patches (null: a <c>layout</c> patch is an error).</param>
    /// <exception cref="SvdException">A patch that does not apply.</exception>
    public void Apply(SvdDevice device, string? idfRoot = null)
    {
        foreach (SvdPatch p in Patches)
        {
            string target = p.Peripheral + (p.Register.Length > 0 ? "." + p.Register : string.Empty) + (p.FieldName != null && p.Kind != SvdPatchKind.Layout ? "." + p.FieldName : string.Empty);
            SvdException Err(string message) => new(File, p.Line, target, message);
            SvdPeripheral periph = device.Peripherals.FirstOrDefault(x => x.Name == p.Peripheral)
                ?? throw Err($"the SVD has no peripheral {p.Peripheral}");
            if (p.Kind == SvdPatchKind.Base)
            {
                if (periph.BaseAddress == p.Offset)
                {
                    throw Err($"already at 0x{p.Offset:X8} (stale patch?)");
                }

                periph.BaseAddress = p.Offset;
                periph.Patched = "address";
                continue;
            }

            if (p.Kind == SvdPatchKind.Layout)
            {
                if (idfRoot == null)
                {
                    throw Err("a 'layout' patch needs the ESP-IDF tree (set NANOREMAP_IDF_DIR or put it at <repo>/../shared/esp-idf-v5.5.4)");
                }

                // Peripherals derived from this one keep the SVD's layout (the patch is about this block only).
                foreach (SvdPeripheral q in device.Peripherals.Where(q => q.DerivedFrom == periph.Name && !q.HasOwnRegisters))
                {
                    q.Children = periph.Children.Select(n => n.Clone()).ToList();
                    q.HasOwnRegisters = true;
                }

                periph.Children = SvdIdfLayout.Registers(idfRoot, p.NewName!, p.Lsb, p.FieldName!, periph.BaseAddress, device.File, msg => Err(msg));
                periph.HasOwnRegisters = true;
                periph.DerivedFrom = null;
                continue;
            }

            if (!periph.HasOwnRegisters)
            {
                throw Err($"{p.Peripheral} is derived from {periph.DerivedFrom}: patch {periph.DerivedFrom}");
            }

            SvdRegister? reg = periph.Children.OfType<SvdRegister>().FirstOrDefault(r => r.Name == p.Register);
            switch (p.Kind)
            {
                case SvdPatchKind.Rename:
                    if (reg == null)
                    {
                        throw Err($"no register {p.Register} in {p.Peripheral} (stale patch?)");
                    }

                    if (periph.Children.Any(n => n.Name == p.NewName))
                    {
                        throw Err($"{p.Peripheral} already has a register {p.NewName}");
                    }

                    reg.Name = p.NewName!;
                    reg.Patched = Add(reg.Patched, "name");
                    break;
                case SvdPatchKind.Access:
                    if (reg == null)
                    {
                        throw Err($"no register {p.Register} in {p.Peripheral} (stale patch?)");
                    }

                    if (p.FieldName == null)
                    {
                        if (reg.Properties.Access == p.Access)
                        {
                            throw Err($"already {FactsAccessNames.Token(p.Access)} (stale patch?)");
                        }

                        reg.Properties = reg.Properties with { Access = p.Access };
                        reg.Patched = Add(reg.Patched, "access");
                        break;
                    }

                    SvdField fa = reg.Fields.FirstOrDefault(x => x.Name == p.FieldName) ?? throw Err($"{p.Register} has no field {p.FieldName} (stale patch?)");
                    if (fa.Access == p.Access)
                    {
                        throw Err($"already {FactsAccessNames.Token(p.Access)} (stale patch?)");
                    }

                    fa.Access = p.Access;
                    fa.Patched = Add(fa.Patched, "access");
                    break;
                case SvdPatchKind.Reset:
                    if (reg == null)
                    {
                        throw Err($"no register {p.Register} in {p.Peripheral} (stale patch?)");
                    }

                    if (reg.Properties.ResetValue == p.Reset && reg.Properties.ResetMask is null or 0xFFFFFFFFu)
                    {
                        throw Err($"the reset value is already 0x{p.Reset:X8} (stale patch?)");
                    }

                    reg.Properties = reg.Properties with { ResetValue = p.Reset, ResetMask = 0xFFFFFFFFu };
                    reg.Patched = Add(reg.Patched, "reset");
                    break;
                case SvdPatchKind.Move:
                    if (reg == null)
                    {
                        throw Err($"no register {p.Register} in {p.Peripheral} (stale patch?)");
                    }

                    if (reg.AddressOffset == p.Offset)
                    {
                        throw Err($"already at offset 0x{p.Offset:X} (stale patch?)");
                    }

                    reg.AddressOffset = p.Offset;
                    reg.Patched = Add(reg.Patched, "address");
                    break;
                case SvdPatchKind.Register:
                    if (reg != null)
                    {
                        throw Err($"{p.Peripheral} already has {p.Register} (stale patch?)");
                    }

                    periph.Children.Add(new SvdRegister
                    {
                        Name = p.Register,
                        AddressOffset = p.Offset,
                        Properties = new SvdProperties(32, p.Access, p.Reset, null),
                        Line = p.Line,
                        Patched = "added",
                        File = File,
                    });
                    break;
                case SvdPatchKind.DimIndex:
                    if (reg?.Dim == null)
                    {
                        throw Err($"no dim array {p.Register} in {p.Peripheral} (stale patch?)");
                    }

                    TryRange(p.NewName!, out int first, out int last);
                    if (last - first + 1 != reg.Dim.Count)
                    {
                        throw Err($"{p.NewName} gives {last - first + 1} indices for <dim>{reg.Dim.Count}</dim>");
                    }

                    if (reg.Dim.Indices[0] == first.ToString(CultureInfo.InvariantCulture))
                    {
                        throw Err($"the indices already start at {first} (stale patch?)");
                    }

                    reg.Dim = reg.Dim with { Indices = Enumerable.Range(first, last - first + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList() };
                    break;
                case SvdPatchKind.Remove:
                    if (reg == null)
                    {
                        throw Err($"no register {p.Register} in {p.Peripheral} (stale patch?)");
                    }

                    if (reg.Fields.RemoveAll(x => x.Name == p.FieldName) == 0)
                    {
                        throw Err($"{p.Register} has no field {p.FieldName} (stale patch?)");
                    }

                    break;
                default:
                    if (reg == null)
                    {
                        throw Err($"no register {p.Register} in {p.Peripheral}");
                    }

                    if (reg.Fields.Any(x => x.Name == p.FieldName))
                    {
                        throw Err($"{p.Register} already has a field {p.FieldName} (stale patch?)");
                    }

                    reg.Fields.Add(new SvdField { Name = p.FieldName!, Lsb = p.Lsb, Width = p.Width, Access = p.Access, Line = p.Line, Patched = "added", File = File });
                    break;
            }
        }
    }

    private static string Add(string? list, string what) => list == null ? what : list.Split(',').Contains(what) ? list : list + "," + what;

    private static bool TryRange(string text, out int first, out int last)
    {
        first = last = 0;
        string[] r = text.Split('-');
        return r.Length == 2 && int.TryParse(r[0], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && int.TryParse(r[1], NumberStyles.None, CultureInfo.InvariantCulture, out last) && last >= first;
    }
}
