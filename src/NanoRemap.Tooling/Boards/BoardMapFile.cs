using NanoRemap.Boards;
using NanoRemap.Facts;

namespace NanoRemap.Tooling.Boards;

/// <summary>
/// A register a block's device table names (for <c>OffsetOf</c> and the W1TS/W1TC aliases): one register, or an
/// array <c>PREFIX%sSUFFIX</c> of equal registers 4 bytes apart (<c>PIN%s</c>, <c>FUNC%s_OUT_SEL_CFG</c>).
/// </summary>
public sealed record BoardRegister(string Block, string Name, uint Offset, int Count, RegisterAccess Access, string? TargetName)
{
    /// <summary>Offset of the alias target once resolved, else <see cref="RegisterInfo.NoTarget"/>.</summary>
    public uint TargetOffset { get; set; } = RegisterInfo.NoTarget;
}

/// <summary>A <c>map</c> line resolved against the facts: a block with its base and size.</summary>
public sealed record BoardBlock(string Name, uint Base, uint Size, bool Allowed, int Line);

/// <summary>A <c>fifo</c> line resolved against the facts.</summary>
public sealed record BoardFifo(uint Address, string Name, int Line);

/// <summary>
/// A register-level policy entry (<c>ro</c>, <c>deny</c>, <c>protect</c>) resolved against the facts: a run of
/// <see cref="Size"/> bytes from <see cref="Address"/> (consecutive registers of one glob merge into one run).
/// </summary>
public sealed record BoardPolicy(uint Address, uint Size, RegisterPolicy Kind, uint Mask, string Name, int Line);

/// <summary>
/// An <c>owned</c> line: a block the firmware owns (some or all of it), in which every register must be classified
/// by a <c>ro</c>, <c>deny</c>, <c>protect</c> or <c>allow</c> line.
/// </summary>
public sealed record BoardOwned(string Block, string Owner, string Reason, int Line);

/// <summary>
/// How one register of the facts is classified by the policy lines: the most specific line that matches it
/// (<see cref="RegisterPolicy.None"/> for an <c>allow</c> line), with the owner and reason of that line.
/// </summary>
public sealed record BoardRule(FactsRegister Register, RegisterPolicy Kind, uint Mask, string Owner, string Reason, int Line);

/// <summary>A <c>clock</c> line resolved against the facts.</summary>
public sealed record BoardClock(string Name, uint EnableRegister, uint EnableMask, uint ResetRegister, uint ResetMask, string IdfModule, string EnableName, string ResetName, int Line);

/// <summary>
/// One board: the hand-written policy of boards/&lt;chip&gt;/board.map resolved against the register facts of
/// boards/&lt;chip&gt;/registers.txt. Everything the generator emits comes from here.
/// </summary>
public sealed class BoardMapFile
{
    /// <summary>The policy file the map came from (for messages and generated headers).</summary>
    public required string SourcePath { get; init; }

    /// <summary>The register facts the policy was resolved against.</summary>
    public required ChipFacts Facts { get; init; }

    /// <summary><c>chip</c>.</summary>
    public string Chip { get; set; } = "";

    /// <summary><c>bus</c> base.</summary>
    public uint BusBase { get; set; }

    /// <summary><c>bus</c> size.</summary>
    public uint BusSize { get; set; }

    /// <summary>Whether a <c>dport</c> line is present.</summary>
    public bool HasDport { get; set; }

    /// <summary><c>dport</c> first address.</summary>
    public uint DportFirst { get; set; }

    /// <summary><c>dport</c> last register (inclusive).</summary>
    public uint DportLast { get; set; }

    /// <summary><c>gpio</c>: name of the GPIO block.</summary>
    public string GpioBlock { get; set; } = "";

    /// <summary>Blocks sorted by base.</summary>
    public List<BoardBlock> Blocks { get; } = new();

    /// <summary>Named registers of the device table (aliases and their targets in every block, all registers of the GPIO block).</summary>
    public List<BoardRegister> Registers { get; } = new();

    /// <summary>FIFO registers in file order.</summary>
    public List<BoardFifo> Fifos { get; } = new();

    /// <summary>Register-level policy, sorted by address, non-overlapping.</summary>
    public List<BoardPolicy> Policy { get; } = new();

    /// <summary><c>owned</c> lines: blocks the firmware owns, every register of which a line classifies.</summary>
    public List<BoardOwned> Owned { get; } = new();

    /// <summary>Every register a <c>ro</c>, <c>deny</c>, <c>protect</c> or <c>allow</c> line classifies, by address.</summary>
    public List<BoardRule> Rules { get; } = new();

    /// <summary>The <c>owned</c> line of a block, or null.</summary>
    /// <param name="block">Block (peripheral) name.</param>
    /// <returns>The line, or null when the block is not owned.</returns>
    public BoardOwned? OwnedBlock(string block) => Owned.FirstOrDefault(o => o.Block == block);

    /// <summary>The line that classifies a register, or null when none does (the block decides).</summary>
    /// <param name="register">A register of the facts.</param>
    /// <returns>The rule, or null.</returns>
    public BoardRule? RuleOf(FactsRegister register) => Rules.FirstOrDefault(r => r.Register == register);

    /// <summary>Peripheral clocks in file order (the index is what the native side receives).</summary>
    public List<BoardClock> Clocks { get; } = new();

    /// <summary>Blocks sorted by base, the order every generated table uses.</summary>
    public IReadOnlyList<BoardBlock> SortedBlocks => Blocks.OrderBy(b => b.Base).ToList();

    /// <summary>Registers of one block sorted by offset.</summary>
    /// <param name="block">Block name.</param>
    /// <returns>The registers.</returns>
    public IReadOnlyList<BoardRegister> RegistersOf(string block) =>
        Registers.Where(r => r.Block == block).OrderBy(r => r.Offset).ToList();

    /// <summary>Builds the managed <see cref="BoardMap"/> this file describes (the same object the generated table builds).</summary>
    /// <returns>The map.</returns>
    public BoardMap ToBoardMap()
    {
        var blocks = SortedBlocks.Select(b =>
        {
            var regs = RegistersOf(b.Name);
            return new PeripheralBlock(b.Name, b.Base, b.Size, b.Allowed,
                regs.Count == 0 ? null : regs.Select(r => new RegisterInfo(r.Name, r.Offset, r.Count, r.Access, r.TargetOffset)).ToArray());
        }).ToArray();
        var clocks = Clocks.Select((c, i) => new PeripheralClock(c.Name, c.EnableRegister, c.EnableMask, c.ResetRegister, c.ResetMask, i)).ToArray();
        return new BoardMap(Chip, BusBase, BusSize, HasDport, DportFirst, DportLast,
            Fifos.Select(f => f.Address).ToArray(), Fifos.Select(f => f.Name).ToArray(), blocks, GpioBlock,
            Policy.Select(p => p.Address).ToArray(), Policy.Select(p => p.Size).ToArray(), Policy.Select(p => (byte)p.Kind).ToArray(),
            Policy.Select(p => p.Mask).ToArray(), clocks);
    }
}
