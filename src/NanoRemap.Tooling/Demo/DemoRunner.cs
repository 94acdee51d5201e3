using NanoRemap.Testing;
using System.Text;
using NanoRemap.Boards;
using NanoRemap.Mm;
using NanoRemap.Mmio;

namespace NanoRemap.Tooling.Demo;

/// <summary>
/// <c>nanoremap demo</c>: the whole story on one board. A driver's <c>mmap_prepare</c> asks for
/// <c>mmap_action_simple_ioremap</c> on the GPIO block. With <c>--model nommu</c> (the ESP32) the engine warns
/// once and rejects it; the driver then does what nommu does instead, maps the block directly at its
/// physical address, and drives an output pin with the W1TS/W1TC registers of the simulated board. With
/// <c>--model mmu</c> the same driver succeeds on the MMU reference.
/// </summary>
public static class DemoRunner
{
    /// <summary>The pin the demo drives: GPIO2 exists on all three chips (the LED of many ESP32 dev boards).</summary>
    public const int Pin = 2;

    /// <summary>The user address the MMU reference maps at (nommu maps at the device's own address instead).</summary>
    public const uint MmuUserAddress = 0x20000000;

    /// <summary>Runs the demo.</summary>
    /// <param name="output">Where the story is written.</param>
    /// <param name="board">esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6 or esp32h2.</param>
    /// <param name="mmu">True for the MMU reference, false for nommu (the device).</param>
    /// <returns>0 when every step behaved as the model says, 1 otherwise (the reason is printed).</returns>
    /// <exception cref="ArgumentException">No board map for <paramref name="board"/>.</exception>
    public static int Run(TextWriter output, string board, bool mmu)
    {
        BoardMap map = BoardMap.Get(board);
        var mm = new MmEngine(mmu, WordModel.Ilp32, 12);
        mm.Warn.Output = line => output.WriteLine($"     {line}");
        var driver = new GpioDemoDriver(mm, map);
        PeripheralBlock gpio = driver.Gpio;

        output.WriteLine($"nanoremap demo: board {map.Chip}, model {(mmu ? "mmu (the reference)" : "nommu (what the ESP32 runs)")}, ILP32, PAGE_SHIFT 12");
        output.WriteLine($"GPIO block {gpio.Name}: 0x{gpio.Base:X8} +0x{gpio.Size:X} (boards/{map.Chip}/board.map)");
        output.WriteLine();
        return mmu ? RunMmu(output, mm, driver) : RunNommu(output, mm, map, driver);
    }

    private static int RunMmu(TextWriter output, MmEngine mm, GpioDemoDriver driver)
    {
        PeripheralBlock gpio = driver.Gpio;
        var desc = new VmAreaDesc();
        var vma = new VmAreaStruct();
        desc.Set(MmuUserAddress, MmuUserAddress + gpio.Size, 0, VmFlags.READ | VmFlags.WRITE | VmFlags.SHARED | VmFlags.MAYREAD | VmFlags.MAYWRITE | VmFlags.MAYSHARE, 0);
        output.WriteLine($"1. mmap: the driver's mmap_prepare asks for mmap_action_simple_ioremap(desc, 0x{gpio.Base:X8}, 0x{gpio.Size:X})");
        output.WriteLine($"   at user address 0x{desc.Start:X8} .. 0x{desc.End:X8}");
        int rc = mm.MmapRegion(desc, driver.MmapPrepare, vma, MmapFlow.Normal, out int prepareRc, out int completeRc, out int ran);
        output.WriteLine($"   mmap_action_prepare  -> {Step(ran, MmapStep.Prepare, prepareRc)}: delegated to {desc.Action.Type}, start_pfn 0x{desc.Action.RemapStartPfn:X} (= 0x{gpio.Base:X8} >> PAGE_SHIFT), size 0x{desc.Action.RemapSize:X}");
        output.WriteLine($"   mmap_action_complete -> {Step(ran, MmapStep.Complete, completeRc)}");
        output.WriteLine($"   mmap -> {Rc(rc)}: the page tables now map 0x{vma.VmStart:X8} to pfn 0x{desc.Action.RemapStartPfn:X}");
        output.WriteLine($"   vm_flags 0x{vma.VmFlags:X8}: {FlagNames(vma.VmFlags)}");
        output.WriteLine($"   vm_pgoff 0x{vma.VmPgoff:X}");
        output.WriteLine();
        output.WriteLine($"WARN counters: total {mm.Warn.Total}");
        output.WriteLine("(The MMU model is the reference of the engine: no register is touched. Run with --model nommu for the device.)");
        bool ok = rc == 0 && ran == (MmapStep.Prepare | MmapStep.Complete) && prepareRc == 0 && completeRc == 0 && mm.Warn.Total == 0
            && (vma.VmFlags & VmFlags.REMAP_FLAGS) == VmFlags.REMAP_FLAGS
            && desc.Action.RemapStartPfn == gpio.Base >> 12;
        return Verdict(output, ok, "the MMU reference maps the GPIO block with the remap flags and the GPIO pfn");
    }

    private static int RunNommu(TextWriter output, MmEngine mm, BoardMap map, GpioDemoDriver driver)
    {
        PeripheralBlock gpio = driver.Gpio;
        ulong flags = VmFlags.READ | VmFlags.WRITE | VmFlags.SHARED | VmFlags.MAYREAD | VmFlags.MAYWRITE | VmFlags.MAYSHARE;
        ulong pgoff = gpio.Base >> mm.PageShift;
        var desc = new VmAreaDesc();
        var vma = new VmAreaStruct();

        // nommu: get_unmapped_area proposes the device's own address (NOMMU_MAP_DIRECT), pgoff is its page.
        desc.Set(gpio.Base, (ulong)gpio.Base + gpio.Size, pgoff, flags, 0);
        output.WriteLine($"1. mmap: the driver's mmap_prepare asks for mmap_action_simple_ioremap(desc, 0x{gpio.Base:X8}, 0x{gpio.Size:X})");
        int rc = mm.MmapRegion(desc, driver.MmapPrepare, vma, MmapFlow.Normal, out int prepareRc, out int completeRc, out int ran);
        output.WriteLine($"   mmap_action_prepare  -> {Step(ran, MmapStep.Prepare, prepareRc)} (nommu warns here and defers the rejection)");
        output.WriteLine($"   mmap_action_complete -> {Step(ran, MmapStep.Complete, completeRc)}");
        output.WriteLine($"   mmap -> {Rc(rc)}: the remap is rejected; nommu has no page tables to remap.");
        int rc2 = mm.MmapRegion(desc, driver.MmapPrepare, vma, MmapFlow.Normal, out _, out _, out _);
        output.WriteLine($"   a second mmap -> {Rc(rc2)}, and no new WARN line: WARN_ON_ONCE prints once, counts every hit.");
        output.WriteLine();

        output.WriteLine("2. What nommu does instead: map the device directly, at its physical address");
        var sim = new RegisterSimulator(map, SimulatorModels.ForChip(map.Chip)); // reset values and bit rules from the SVD facts
        RegisterBus bus = RegisterBus.CreateSimulated(sim);
        desc.Set(gpio.Base, (ulong)gpio.Base + gpio.Size, pgoff, flags, 0);
        MmioWindow window = NommuDirectMap.Map(mm, bus, desc, vma);
        output.WriteLine($"   remap_pfn_range(vma, 0x{vma.VmStart:X8}, pfn 0x{pgoff:X}): vm_start == pfn << PAGE_SHIFT, the identity -> 0");
        output.WriteLine($"   vm_flags 0x{vma.VmFlags:X8}: {FlagNames(vma.VmFlags)}");
        output.WriteLine($"   window: virtual 0x{window.VirtualAddress:X8} == physical 0x{window.PhysicalAddress:X8}, +0x{window.Size:X}, block {window.Block.Name} (allowed)");
        output.WriteLine();

        uint bit = 1u << Pin;
        uint outReg = window.OffsetOf("OUT");
        uint enable = window.OffsetOf("ENABLE");
        uint outW1ts = window.OffsetOf("OUT_W1TS");
        output.WriteLine($"3. Drive GPIO{Pin} as an output with W1TS/W1TC (simulated {map.Chip} registers)");
        Dump(output, "before", window, outReg, enable, outW1ts);
        window.AtomicSet(enable, bit);
        output.WriteLine($"   ENABLE_W1TS <- 0x{bit:X8}  (one store: output enable on, no read-modify-write)");
        window.AtomicSet(outReg, bit);
        output.WriteLine($"   OUT_W1TS    <- 0x{bit:X8}  (pin high)");
        Dump(output, "after set", window, outReg, enable, outW1ts);
        uint high = window.Read32(outReg);
        window.AtomicClear(outReg, bit);
        output.WriteLine($"   OUT_W1TC    <- 0x{bit:X8}  (pin low)");
        Dump(output, "after clear", window, outReg, enable, outW1ts);
        uint low = window.Read32(outReg);
        output.WriteLine();

        bool clockOk = RunClock(output, map, bus, sim, out bool protectRefused);
        output.WriteLine();

        output.WriteLine("5. Counters");
        output.WriteLine($"   WARN total {mm.Warn.Total}: {SiteCounts(mm.Warn)}");
        output.WriteLine($"   simulator: {sim.Reads} reads, {sim.Writes} writes, {sim.Refused} refused (the protected write, by the simulated native layer; no access left the {map.Chip} allow-list)");
        bool ok = rc == -Errno.EINVAL && ran == (MmapStep.Prepare | MmapStep.Complete) && prepareRc == 0 && completeRc == -Errno.EINVAL && rc2 == -Errno.EINVAL
            && mm.Warn.Hits(WarnSite.NommuMmapActionPrepare) == 2 && mm.Warn.Hits(WarnSite.NommuMmapActionComplete) == 2
            && (vma.VmFlags & VmFlags.REMAP_FLAGS) == VmFlags.REMAP_FLAGS
            && high == bit && low == 0 && (window.Read32(enable) & bit) == bit && sim.Refused == 1 && clockOk && protectRefused;
        return Verdict(output, ok, $"remap rejected with a WARN, direct map accepted, GPIO{Pin} driven high then low, LEDC clock enabled in its clock block, a bit the firmware owns refused");
    }

    // Step 4: the LEDC bus clock, in the block the chip keeps it in (DPORT on the ESP32, SYSTEM on the S2/S3/C3,
    // PCR on the C5/C6/H2), then a write the board policy refuses in that same block.
    private static bool RunClock(TextWriter output, BoardMap map, RegisterBus bus, RegisterSimulator sim, out bool protectRefused)
    {
        var facts = SimulatorModels.Facts(map.Chip);
        string NameAt(uint address) => facts.Registers.FirstOrDefault(r => r.Address == address)?.FullName ?? $"0x{address:X8}";
        PeripheralClock clock = map.FindClock("LEDC") ?? throw new InvalidOperationException($"{map.Chip}: no LEDC clock line in boards/{map.Chip}/board.map");
        PeripheralBlock enBlock = map.FindBlock(clock.EnableRegister);
        PeripheralBlock rstBlock = map.FindBlock(clock.ResetRegister);
        output.WriteLine($"4. Peripheral clock of LEDC: block {enBlock.Name} (boards/{map.Chip}/board.map 'clock LEDC')");
        MmioWindow en = bus.MapBlock(enBlock.Name);
        MmioWindow rst = rstBlock == enBlock ? en : bus.MapBlock(rstBlock.Name);
        en.SetBits(clock.EnableRegister - enBlock.Base, clock.EnableMask);
        output.WriteLine($"   {NameAt(clock.EnableRegister)} |= 0x{clock.EnableMask:X8}  (clock on)");
        rst.ClearBits(clock.ResetRegister - rstBlock.Base, clock.ResetMask);
        output.WriteLine($"   {NameAt(clock.ResetRegister)} &= ~0x{clock.ResetMask:X8}  (out of reset)");
        bool ok = (sim.Peek(clock.EnableRegister) & clock.EnableMask) == clock.EnableMask && (sim.Peek(clock.ResetRegister) & clock.ResetMask) == 0;

        // A protected bit, preferably in the clock block (the SPI0/1 clock and reset bits); where the clock block is
        // read-only for the firmware's registers (PCR), a protected bit of another block the firmware owns
        // (the watchdog's interrupt enable in TIMG0).
        protectRefused = false;
        int found = -1;
        for (int pass = 0; pass < 2 && found < 0; pass++)
        {
            for (int i = 0; i < map.PolicyCount && found < 0; i++)
            {
                if (map.GetPolicy(i, out uint at, out _, out _) == RegisterPolicy.Protect && (pass == 1 || enBlock.Contains(at)))
                {
                    found = i;
                }
            }
        }

        if (found >= 0)
        {
            map.GetPolicy(found, out uint address, out _, out uint mask);
            PeripheralBlock block = map.FindBlock(address);
            MmioWindow w = block == enBlock ? en : bus.MapBlock(block.Name);
            uint before = sim.Peek(address);
            try
            {
                w.Write32(address - block.Base, before ^ mask);
            }
            catch (InvalidOperationException e)
            {
                protectRefused = sim.Peek(address) == before;
                output.WriteLine($"   {NameAt(address)} ^= 0x{mask:X8} (bits the firmware owns): {e.Message}");
            }
        }

        return ok;
    }

    private static void Dump(TextWriter output, string when, MmioWindow window, uint outReg, uint enable, uint outW1ts)
    {
        output.WriteLine($"   {when,-12} OUT=0x{window.Read32(outReg):X8} ENABLE=0x{window.Read32(enable):X8} OUT_W1TS reads 0x{window.Read32(outW1ts):X8}");
    }

    private static string SiteCounts(WarnOnce warn)
    {
        var parts = new List<string>();
        foreach (WarnSite site in Enum.GetValues<WarnSite>())
        {
            if (warn.Hits(site) > 0)
            {
                parts.Add($"{site} x{warn.Hits(site)}");
            }
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private static int Verdict(TextWriter output, bool ok, string what)
    {
        output.WriteLine();
        output.WriteLine(ok ? $"demo ok: {what}." : $"demo FAILED: expected {what}.");
        return ok ? 0 : 1;
    }

    private static string Step(int ran, int step, int rc) => (ran & step) != 0 ? Rc(rc) : "not run";

    private static string Rc(int rc) => rc switch
    {
        0 => "0",
        -Errno.EINVAL => "-22 (-EINVAL)",
        _ => rc.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The names of the VMA flag bits set in <paramref name="flags"/>.</summary>
    /// <param name="flags">VM_* bits.</param>
    /// <returns>e.g. <c>READ|WRITE|SHARED|...|IO|PFNMAP|DONTEXPAND|DONTDUMP</c>.</returns>
    public static string FlagNames(ulong flags)
    {
        (ulong Bit, string Name)[] names =
        {
            (VmFlags.READ, "READ"), (VmFlags.WRITE, "WRITE"), (VmFlags.EXEC, "EXEC"), (VmFlags.SHARED, "SHARED"),
            (VmFlags.MAYREAD, "MAYREAD"), (VmFlags.MAYWRITE, "MAYWRITE"), (VmFlags.MAYEXEC, "MAYEXEC"),
            (VmFlags.MAYSHARE, "MAYSHARE"), (VmFlags.MAYOVERLAY, "MAYOVERLAY"), (VmFlags.PFNMAP, "PFNMAP"),
            (VmFlags.IO, "IO"), (VmFlags.DONTEXPAND, "DONTEXPAND"), (VmFlags.DONTDUMP, "DONTDUMP"), (VmFlags.MIXEDMAP, "MIXEDMAP"),
        };
        var sb = new StringBuilder();
        foreach (var (bit, name) in names)
        {
            if ((flags & bit) != 0)
            {
                sb.Append(sb.Length == 0 ? "" : "|").Append(name);
            }
        }

        return sb.Length == 0 ? "none" : sb.ToString();
    }
}
