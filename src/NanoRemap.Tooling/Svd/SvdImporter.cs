using NanoRemap.Facts;
using NanoRemap.Tooling.Generated;
using NanoRemap.Tooling.IO;

namespace NanoRemap.Tooling.Svd;

/// <summary>
/// Turns a vendor SVD (plus boards/&lt;chip&gt;/svd-patches.txt) into the chip's register facts
/// (boards/&lt;chip&gt;/registers.txt, <see cref="ChipFacts"/>): derivedFrom resolved, clusters flattened
/// (<c>CLUSTER_REG</c>), dim arrays expanded with the SVD's names (<c>%s</c> and <c>[%s]</c> replaced by the
/// index), inherited size/access/resetValue/resetMask applied, a register without access taking it from its
/// fields (all read-only: ro, all write-only: wo, else rw), <c>oneToClear</c> as w1c and read <c>clear</c> as cor.
/// Arrays of registers narrower than 32 bits (the crypto memories described byte by byte, <c>DS.C_MEM[%s]</c>)
/// are kept whole as one <c>range</c>.
/// </summary>
public static class SvdImporter
{
    /// <summary>The most registers, ranges and fields of a device once the dim arrays are expanded (the vendor SVDs have under 16,000).</summary>
    public const int MaxItems = 250_000;

    /// <summary>The facts file of a chip, relative to the repository root.</summary>
    /// <param name="chip">Chip name.</param>
    /// <returns>boards/&lt;chip&gt;/registers.txt.</returns>
    public static string FactsPath(string chip) => Path.Combine("boards", chip, "registers.txt");

    /// <summary>The patch file of a chip, relative to the repository root.</summary>
    /// <param name="chip">Chip name.</param>
    /// <returns>boards/&lt;chip&gt;/svd-patches.txt.</returns>
    public static string PatchesPath(string chip) => Path.Combine("boards", chip, "svd-patches.txt");

    /// <summary>The chip name of an SVD file: its file name without extension, lower case (esp32c6.svd: esp32c6).</summary>
    /// <param name="svdPath">The SVD file.</param>
    /// <returns>The chip name.</returns>
    public static string ChipOf(string svdPath) => Path.GetFileNameWithoutExtension(svdPath).ToLowerInvariant();

    /// <summary>Reads an SVD and the chip's patches from the repository and builds the facts (writes nothing).</summary>
    /// <param name="svdPath">The SVD file.</param>
    /// <param name="root">Repository root (where boards/&lt;chip&gt;/svd-patches.txt is looked for).</param>
    /// <param name="chip">Chip name.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="SvdException">A malformed SVD or patch line.</exception>
    public static ChipFacts Import(string svdPath, string root, string chip)
    {
        if (!ChipFacts.IsName(chip, false) || chip != chip.ToLowerInvariant())
        {
            throw new SvdException(svdPath, 0, "--chip", $"'{chip}' is not a chip name (lower-case letters, digits, '_')");
        }

        SvdDevice device = SvdReader.Read(svdPath);
        string patchRel = PatchesPath(chip);
        string patchPath = Path.Combine(root, patchRel);
        SvdPatchFile? patches = File.Exists(patchPath) ? SvdPatchFile.Load(patchPath, patchRel.Replace('\\', '/')) : null;
        string idfRoot = Idf.IdfFolder.Resolve(root);
        string? missing = Idf.IdfFolder.Missing(idfRoot, chip);
        if (missing != null)
        {
            // A chip ESP-IDF does not know (or no ESP-IDF tree): the facts come from the SVD alone, without idf= names.
            ChipFacts plain = Build(device, patches, chip, null);
            plain.Header.Insert(plain.Header.Count - 1, "ESP-IDF: not read (" + missing.Split(':')[0] + "): no idf= names or ESP-IDF access kinds");
            return plain;
        }

        ChipFacts facts = Build(device, patches, chip, idfRoot);
        Idf.IdfReviewFile review;
        try
        {
            review = Idf.IdfReviewFile.Load(root, chip);
        }
        catch (FormatException e)
        {
            throw new SvdException(Idf.IdfReviewFile.PathOf(chip), 0, "instances", e.Message);
        }

        ChipFacts annotated = Idf.IdfAnnotator.Annotate(facts, Idf.IdfHeaders.Read(idfRoot, chip), review.Instances);
        annotated.Header.Insert(annotated.Header.Count - 1, $"ESP-IDF: v5.5.4 components/soc/{chip}/register/soc/ and include/soc/ register headers (idf= names, idfaccess= kinds and their sc/ss/wt/w1s/w1c/cor flags)");
        return annotated;
    }

    /// <summary>Builds the facts from a device as read and its patches.</summary>
    /// <param name="device">The device from <see cref="SvdReader.Read(string)"/> (patched and resolved here).</param>
    /// <param name="patches">The chip's patches, or null.</param>
    /// <param name="chip">Chip name.</param>
    /// <returns>The facts, with a header saying what generated them and from what.</returns>
    /// <exception cref="SvdException">A patch that does not apply, a name with %s but no dim, a field outside its register, a name given twice.</exception>
    public static ChipFacts Build(SvdDevice device, SvdPatchFile? patches, string chip) => Build(device, patches, chip, null);

    /// <summary>Builds the facts from a device as read and its patches, with the ESP-IDF tree for <c>layout</c> patches.</summary>
    /// <param name="device">The device from <see cref="SvdReader.Read(string)"/> (patched and resolved here).</param>
    /// <param name="patches">The chip's patches, or null.</param>
    /// <param name="chip">Chip name.</param>
    /// <param name="idfRoot">The ESP-IDF tree, or null.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="SvdException">A patch that does not apply, a name with %s but no dim, a field outside its register, a name given twice.</exception>
    public static ChipFacts Build(SvdDevice device, SvdPatchFile? patches, string chip, string? idfRoot)
    {
        patches?.Apply(device, idfRoot);
        SvdReader.ResolveDerivedPeripherals(device);

        var facts = new ChipFacts(chip);
        var expanded = new List<(SvdPeripheral P, List<Item> Items)>();
        var budget = new Counter();
        foreach (SvdPeripheral p in device.Peripherals)
        {
            var items = new List<Item>();
            Walk(device, p, p.Children, p.BaseAddress, string.Empty, p.Properties.Over(device.Properties), items, budget);
            items.Sort((a, b) => a.Address != b.Address ? a.Address.CompareTo(b.Address) : string.CompareOrdinal(a.Name, b.Name));
            expanded.Add((p, items));
        }

        expanded.Sort((a, b) => a.P.BaseAddress != b.P.BaseAddress ? a.P.BaseAddress.CompareTo(b.P.BaseAddress) : string.CompareOrdinal(a.P.Name, b.P.Name));
        int registers = 0;
        int fields = 0;
        int ranges = 0;
        foreach (var (p, items) in expanded)
        {
            ulong end = p.BaseAddress + (ulong)p.BlockSpan;
            foreach (Item it in items)
            {
                end = Math.Max(end, it.Address + (ulong)it.Bytes);
            }

            uint size = (uint)Math.Max(1UL, end - p.BaseAddress);
            FactsPeripheral fp;
            try
            {
                fp = facts.AddPeripheral(p.Name, p.BaseAddress, size);
            }
            catch (ArgumentException e)
            {
                throw new SvdException(device.File, p.Line, "peripheral " + p.Name, e.Message);
            }

            foreach (Item it in items)
            {
                try
                {
                    if (it.IsRange)
                    {
                        facts.AddRange(fp, it.Name, it.Address, it.Bytes, it.Access, it.Elements);
                        ranges++;
                        continue;
                    }

                    FactsRegister r = facts.AddRegister(fp, it.Name, it.Address, it.Access, it.Reset, it.SizeBits, it.ReadClears);
                    r.SetProvenance(null, Join(p.Patched, it.Patched));
                    registers++;
                    foreach (FieldItem f in it.Fields)
                    {
                        try
                        {
                            facts.AddField(r, f.Name, f.Lsb, f.Width, f.Access,
                                (f.OneToClear ? FactsKinds.WriteOneToClear : FactsKinds.None) | (f.ReadClears ? FactsKinds.ClearOnRead : FactsKinds.None), null, null, f.Patched);
                        }
                        catch (ArgumentException e)
                        {
                            throw new SvdException(f.File, f.Line, $"peripheral {p.Name} register {it.Name} field {f.Name}", e.Message);
                        }

                        fields++;
                    }
                }
                catch (ArgumentException e)
                {
                    throw new SvdException(it.File, it.Line, $"peripheral {p.Name} register {it.Name}", e.Message);
                }
            }
        }

        facts.Header.Add($"Register facts of the {device.Name}: generated by `nanoremap boards import-svd` -- do not edit, regenerate.");
        facts.Header.Add($"from: {device.File} ({device.Name}{(device.Version != null ? ", SVD version " + device.Version : string.Empty)}; Espressif, Apache-2.0)");
        if (patches != null && patches.Patches.Count > 0)
        {
            facts.Header.Add($"patches: {patches.File} ({patches.Patches.Count} corrections, each citing its ESP-IDF source)");
        }
        else
        {
            facts.Header.Add("patches: none");
        }

        facts.Header.Add($"{registers} registers, {fields} fields, {ranges} ranges; format: boards/README.md (Register facts)");
        foreach (string h in facts.Header)
        {
            if (GeneratedText.WhyNotCommentText(h) is { } why)
            {
                throw new SvdException(device.File, 0, "device", $"a header line of the facts file: {why}");
            }
        }

        return facts;
    }

    /// <summary>
    /// Imports an SVD into boards/&lt;chip&gt;/registers.txt: the text is written to a temporary file beside it and
    /// renamed over it, so a failed import leaves the old file untouched.
    /// </summary>
    /// <param name="svdPath">The SVD file.</param>
    /// <param name="root">Repository root.</param>
    /// <param name="chip">Chip name, or null for the SVD's file name.</param>
    /// <returns>The facts written and the path written (relative to <paramref name="root"/>).</returns>
    /// <exception cref="SvdException">A malformed SVD or patch line (nothing written).</exception>
    public static (ChipFacts Facts, string RelativePath) Write(string svdPath, string root, string? chip)
    {
        chip ??= ChipOf(svdPath);
        ChipFacts facts = Import(svdPath, root, chip);
        string text = ChipFactsWriter.ToText(facts);
        string rel = FactsPath(chip);
        string path = Path.Combine(root, rel);
        SafeFile.WriteText(path, text);

        return (facts, rel.Replace('\\', '/'));
    }

    /// <summary>The text a fresh import would write (for freshness checks).</summary>
    /// <param name="svdPath">The SVD file.</param>
    /// <param name="root">Repository root.</param>
    /// <param name="chip">Chip name.</param>
    /// <returns>The facts text.</returns>
    public static string Render(string svdPath, string root, string chip) => ChipFactsWriter.ToText(Import(svdPath, root, chip));

    private static void Walk(SvdDevice device, SvdPeripheral p, List<SvdNode> nodes, uint baseAddress, string prefix, SvdProperties outer, List<Item> items, Counter budget)
    {
        foreach (SvdNode node in nodes)
        {
            SvdProperties props = node.Properties.Over(outer);
            string element = $"peripheral {p.Name} {(node is SvdCluster ? "cluster" : "register")} {node.Name}";
            if (node.Dim == null && node.Name.Contains("%s", StringComparison.Ordinal))
            {
                throw new SvdException(node.File ?? device.File, node.Line, element,
                    "the name holds %s but there is no <dim>: add a 'rename' to boards/<chip>/svd-patches.txt citing the ESP-IDF register name");
            }

            int size = props.Size ?? 32;
            if (node is SvdRegister reg && node.Dim != null && size < 32 && (ulong)node.Dim.Increment * 8 == (ulong)size)
            {
                // A byte- or halfword-wide array (a crypto memory): kept whole.
                string name = prefix + node.Name.Replace("[%s]", string.Empty, StringComparison.Ordinal).Replace("%s", string.Empty, StringComparison.Ordinal).TrimEnd('_');
                if ((ulong)baseAddress + node.AddressOffset + ((ulong)node.Dim.Count * node.Dim.Increment) > 0x100000000UL)
                {
                    throw new SvdException(node.File ?? device.File, node.Line, element, "the array leaves the 32-bit address space (<dim> or <addressOffset> is wrong)");
                }

                items.Add(new Item(name, baseAddress + node.AddressOffset, RegisterAccess(reg, props), 0, size, false, true,
                    (uint)node.Dim.Count * node.Dim.Increment, node.Dim.Count, new List<FieldItem>(), node.File ?? device.File, node.Line));
                continue;
            }

            int count = node.Dim?.Count ?? 1;
            for (int i = 0; i < count; i++)
            {
                if (++budget.Count > MaxItems)
                {
                    throw new SvdException(node.File ?? device.File, node.Line, element, $"more than {MaxItems:N0} registers, clusters and fields once the dim arrays are expanded (limit)");
                }

                string name = node.Dim == null
                    ? node.Name
                    : node.Name.Replace("[%s]", "%s", StringComparison.Ordinal).Replace("%s", node.Dim.Indices[i], StringComparison.Ordinal);
                if (node.Dim != null && !node.Name.Contains("%s", StringComparison.Ordinal))
                {
                    throw new SvdException(node.File ?? device.File, node.Line, element, "a <dim> array whose name holds no %s");
                }

                ulong wide = (ulong)baseAddress + node.AddressOffset + ((ulong)i * (node.Dim?.Increment ?? 0));
                if (wide > 0xFFFFFFFFUL)
                {
                    throw new SvdException(node.File ?? device.File, node.Line, element,
                        $"element {i} of the array lies at 0x{wide:X}, past the 32-bit address space (<dimIncrement> or <addressOffset> is wrong)");
                }

                uint address = (uint)wide;
                if (node is SvdCluster cluster)
                {
                    Walk(device, p, cluster.Children, address, prefix + name + "_", props, items, budget);
                    continue;
                }

                var r = (SvdRegister)node;
                if (size != 8 && size != 16 && size != 32)
                {
                    throw new SvdException(node.File ?? device.File, node.Line, element, $"size {size} is not 8, 16 or 32 bits");
                }

                uint sizeMask = size == 32 ? 0xFFFFFFFFu : (1u << size) - 1u;
                uint reset = (props.ResetValue ?? 0) & (props.ResetMask ?? 0xFFFFFFFFu) & sizeMask;
                FactsAccess access = RegisterAccess(r, props);
                var fields = new List<FieldItem>();
                foreach (SvdField f in r.Fields)
                {
                    int fcount = f.Dim?.Count ?? 1;
                    if (f.Dim == null && f.Name.Contains("%s", StringComparison.Ordinal))
                    {
                        throw new SvdException(f.File ?? device.File, f.Line, element + " field " + f.Name, "the name holds %s but there is no <dim>");
                    }

                    for (int k = 0; k < fcount; k++)
                    {
                        if (++budget.Count > MaxItems)
                        {
                            throw new SvdException(f.File ?? device.File, f.Line, element + " field " + f.Name, $"more than {MaxItems:N0} registers, clusters and fields once the dim arrays are expanded (limit)");
                        }

                        string fname = f.Dim == null ? f.Name : f.Name.Replace("[%s]", "%s", StringComparison.Ordinal).Replace("%s", f.Dim.Indices[k], StringComparison.Ordinal);
                        long lsb = f.Lsb + (k * (long)(f.Dim?.Increment ?? 0));
                        if (f.Width < 1 || lsb + f.Width > size)
                        {
                            throw new SvdException(f.File ?? device.File, f.Line, element + " field " + fname,
                                $"bits {lsb}..{lsb + f.Width - 1} do not fit the {size}-bit register: add a 'remove' (or 'field') to boards/<chip>/svd-patches.txt citing ESP-IDF");
                        }

                        fields.Add(new FieldItem(fname, (int)lsb, (int)f.Width, f.Access ?? access, f.OneToClear || r.OneToClear, f.ReadClears, f.Patched, f.File ?? device.File, f.Line));
                    }
                }

                fields.Sort((a, b) => a.Lsb != b.Lsb ? a.Lsb.CompareTo(b.Lsb) : string.CompareOrdinal(a.Name, b.Name));
                items.Add(new Item(prefix + name, address, access, reset, size, r.ReadClears, false, (uint)size / 8, 1, fields, node.File ?? device.File, node.Line) { Patched = r.Patched });
            }
        }
    }

    private static FactsAccess RegisterAccess(SvdRegister r, SvdProperties props)
    {
        if (props.Access is FactsAccess a)
        {
            return a;
        }

        if (r.Fields.Count > 0 && r.Fields.All(f => f.Access == FactsAccess.ReadOnly))
        {
            return FactsAccess.ReadOnly;
        }

        if (r.Fields.Count > 0 && r.Fields.All(f => f.Access == FactsAccess.WriteOnly))
        {
            return FactsAccess.WriteOnly;
        }

        return FactsAccess.ReadWrite;
    }

    private static string? Join(string? a, string? b) => a == null ? b : b == null ? a : a + "," + b;

    private sealed class Counter
    {
        public int Count;
    }

    private sealed record FieldItem(string Name, int Lsb, int Width, FactsAccess Access, bool OneToClear, bool ReadClears, string? Patched, string File, int Line);

    private sealed record Item(
        string Name, uint Address, FactsAccess Access, uint Reset, int SizeBits, bool ReadClears, bool IsRange, uint Bytes, int Elements, List<FieldItem> Fields, string File, int Line)
    {
        public string? Patched { get; init; }
    }
}
