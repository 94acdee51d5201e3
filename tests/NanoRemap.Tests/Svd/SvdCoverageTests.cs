using System.Globalization;
using System.Xml.Linq;
using NanoRemap.Facts;
using NanoRemap.Tests.Boards;
using NanoRemap.Tooling.Svd;
using Xunit;
using Xunit.Abstractions;

namespace NanoRemap.Tests.Svd;

/// <summary>
/// Every register (after dim expansion) and every field of each vendor SVD is in the committed facts with its
/// address, access and reset value. The SVD is read here on its own, more simply than the importer does (the
/// Espressif files use neither clusters nor register-level derivedFrom); the only thing taken from the importer's
/// code is the parse of svd-patches.txt, whose corrections the expectation then applies.
/// </summary>
public class SvdCoverageTests(ITestOutputHelper output)
{
    private sealed record Expected(string Periph, string Owner, string SvdName, string Name, uint Address, string Access, uint Reset, bool InRange, List<(string Name, int Lsb, int Width, string Access)> Fields);

    [SvdTheory]
    [MemberData(nameof(SvdFiles.Chips), MemberType = typeof(SvdFiles))]
    public void Every_svd_register_and_field_is_in_the_committed_facts(string chip)
    {
        ChipFacts facts = ChipFacts.Load(BoardFiles.Path("boards", chip, "registers.txt"));
        string patchPath = BoardFiles.Path("boards", chip, "svd-patches.txt");
        SvdPatchFile patches = File.Exists(patchPath) ? SvdPatchFile.Load(patchPath) : null;
        List<Expected> expected = ReadSvd(SvdFiles.Path(chip), patches);

        int registers = 0, inRanges = 0, fields = 0, removed = 0, patchedValues = 0;
        var problems = new List<string>();
        foreach (Expected e in expected)
        {
            if (e.InRange)
            {
                FactsPeripheral p = facts.FindPeripheral(e.Periph);
                bool covered = p != null && p.Ranges.Any(r => e.Address >= r.Address && e.Address < r.Address + r.Bytes && FactsAccessNames.Token(r.Access) == e.Access);
                if (!covered)
                {
                    problems.Add($"{e.Periph}.{e.Name} 0x{e.Address:X8} {e.Access}: in no range");
                }

                inRanges++;
                continue;
            }

            FactsRegister r = facts.FindRegister(e.Periph + "." + e.Name);
            // A value svd-patches.txt set (patched=, citing ESP-IDF) may differ from the SVD's; so may everything
            // of a block whose layout a patch replaced.
            bool Patched(string what) => (r?.Patched != null && r.Patched.Split(',').Any(x => x == what || x == "layout"))
                || (what == "access" && r != null && r.Fields.Any(x => x.Patched != null)); // a register's access follows its (patched) fields
            bool layout = facts.FindPeripheral(e.Periph)?.Registers.Any(x => x.Patched != null && x.Patched.Split(',').Contains("layout")) == true;
            if (layout || (r != null && Patched("layout")))
            {
                patchedValues++;
                continue;
            }

            if (r == null || (r.Address != e.Address && !Patched("address")) || (FactsAccessNames.Token(r.Access) != e.Access && !Patched("access")) || (r.Reset != e.Reset && !Patched("reset")))
            {
                problems.Add($"{e.Periph}.{e.Name} 0x{e.Address:X8} {e.Access} 0x{e.Reset:X8}: facts have "
                    + (r == null ? "nothing" : $"0x{r.Address:X8} {FactsAccessNames.Token(r.Access)} 0x{r.Reset:X8}"));
                continue;
            }

            registers++;
            foreach (var f in e.Fields)
            {
                if (patches != null && patches.Patches.Any(p => p.Kind == SvdPatchKind.Remove && p.Peripheral == e.Owner && p.Register == e.SvdName && p.FieldName == f.Name))
                {
                    removed++;
                    continue;
                }

                FactsField ff = r.FindField(f.Name);
                if (ff != null && ff.Lsb == f.Lsb && ff.Width == f.Width && FactsAccessNames.Token(ff.Access) != f.Access && ff.Patched == "access")
                {
                    patchedValues++;
                    continue;
                }

                if (ff == null || ff.Lsb != f.Lsb || ff.Width != f.Width || FactsAccessNames.Token(ff.Access) != f.Access)
                {
                    problems.Add($"{e.Periph}.{e.Name}.{f.Name} bit {f.Lsb} width {f.Width} {f.Access}: facts have " + (ff == null ? "nothing" : $"bit {ff.Lsb} width {ff.Width} {FactsAccessNames.Token(ff.Access)}"));
                    continue;
                }

                fields++;
            }
        }

        output.WriteLine($"{chip}: {registers} of {expected.Count(x => !x.InRange)} registers, {fields} fields ({removed} removed by patches, {patchedValues} registers/fields with values a patch set), "
            + $"{inRanges} byte-wide registers in {facts.Ranges.Count} ranges; facts: {facts.Registers.Count} registers, {facts.Fields.Count} fields");
        Assert.True(problems.Count == 0, $"{problems.Count} SVD registers/fields missing or different in boards/{chip}/registers.txt:\n" + string.Join("\n", problems.Take(20)));
        Assert.True(registers > 1000, "implausibly few registers: " + registers);

        // Whatever the facts have beyond the SVD is a register a patch adds.
        var known = new HashSet<string>(expected.Select(e => e.Periph + "." + e.Name));
        foreach (FactsRegister extra in facts.Registers.Where(x => !known.Contains(x.FullName)))
        {
            Assert.True(extra.Patched != null && extra.Patched.Split(',').Any(x => x is "added" or "layout"), extra.FullName + " is not in the SVD and no patch added it");
        }
    }

    [SvdTheory]
    [MemberData(nameof(SvdFiles.Chips), MemberType = typeof(SvdFiles))]
    public void The_committed_facts_equal_a_fresh_import(string chip)
    {
        string committed = File.ReadAllText(BoardFiles.Path("boards", chip, "registers.txt")).Replace("\r\n", "\n");
        string fresh = SvdImporter.Render(SvdFiles.Path(chip), BoardFiles.Root, chip);
        Assert.True(committed == fresh, $"boards/{chip}/registers.txt is stale: run 'nanoremap boards import-svd {SvdFiles.Path(chip)}'");
    }

    // The independent reading: peripherals (derivedFrom copies the base's registers), registers with dim expanded,
    // access from the register, peripheral or fields, reset from register, peripheral or device, masked by resetMask.
    private static List<Expected> ReadSvd(string path, SvdPatchFile patches)
    {
        XElement device = XDocument.Load(path).Root;
        var periphs = device.Element("peripherals").Elements("peripheral").ToList();
        var byName = periphs.ToDictionary(p => (string)p.Element("name"));
        uint devReset = Num((string)device.Element("resetValue") ?? "0");
        uint devMask = Num((string)device.Element("resetMask") ?? "0xFFFFFFFF");
        var result = new List<Expected>();
        foreach (XElement p in periphs)
        {
            string pname = (string)p.Element("name");
            XElement owner = p.Element("registers") != null ? p : byName[(string)p.Attribute("derivedFrom")];
            string ownerName = (string)owner.Element("name");
            uint baseAddr = Num((string)p.Element("baseAddress"));
            foreach (XElement r in owner.Element("registers").Elements("register"))
            {
                string svdName = (string)r.Element("name");
                string name = svdName;
                uint offset = Num((string)r.Element("addressOffset"));
                SvdPatch Patch(SvdPatchKind k) => patches?.Patches.FirstOrDefault(x => x.Kind == k && x.Peripheral == ownerName && x.Register == svdName);
                uint size = Num((string)r.Element("size") ?? "32");
                uint reset = Num((string)r.Element("resetValue") ?? (string)p.Element("resetValue") ?? devReset.ToString(CultureInfo.InvariantCulture))
                    & Num((string)r.Element("resetMask") ?? devMask.ToString(CultureInfo.InvariantCulture));
                var fieldEls = r.Element("fields")?.Elements("field").ToList() ?? new List<XElement>();
                string access = Token((string)r.Element("access") ?? (string)owner.Element("access"));
                if (access == null)
                {
                    var fa = fieldEls.Select(f => (string)f.Element("access")).ToList();
                    access = fa.Count > 0 && fa.All(a => a == "read-only") ? "ro" : fa.Count > 0 && fa.All(a => a == "write-only") ? "wo" : "rw";
                }

                var fields = fieldEls.Select(f => ((string)f.Element("name"), (int)Num((string)f.Element("bitOffset")), (int)Num((string)f.Element("bitWidth")), Token((string)f.Element("access")) ?? access)).ToList();
                if (Patch(SvdPatchKind.Rename) is { } rn)
                {
                    name = rn.NewName;
                }

                if (Patch(SvdPatchKind.Move) is { } mv)
                {
                    offset = mv.Offset;
                }

                if (r.Element("dim") == null)
                {
                    result.Add(new Expected(pname, ownerName, svdName, name, baseAddr + offset, access, reset, false, fields));
                    continue;
                }

                int dim = (int)Num((string)r.Element("dim"));
                uint inc = Num((string)r.Element("dimIncrement"));
                int first = Patch(SvdPatchKind.DimIndex) is { } di ? int.Parse(di.NewName.Split('-')[0], CultureInfo.InvariantCulture) : 0;
                for (int i = 0; i < dim; i++)
                {
                    string n = name.Replace("[%s]", "%s").Replace("%s", (first + i).ToString(CultureInfo.InvariantCulture));
                    result.Add(new Expected(pname, ownerName, svdName, n, baseAddr + offset + (uint)i * inc, access, reset, size < 32, fields));
                }
            }
        }

        return result;
    }

    private static string Token(string svdAccess) => svdAccess switch
    {
        "read-only" => "ro",
        "write-only" => "wo",
        "read-write" => "rw",
        "writeOnce" => "wo1",
        "read-writeOnce" => "rw1",
        _ => null,
    };

    private static uint Num(string s) => s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        ? uint.Parse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
        : uint.Parse(s, CultureInfo.InvariantCulture);
}
