using NanoRemap.Boards;

namespace NanoRemap.Tooling.Boards;

/// <summary>A register line of a board.map (<c>reg</c>, <c>regs</c> or <c>gap</c>), with its alias target resolved.</summary>
public sealed record BoardRegister(string Block, string Name, uint Offset, int Count, RegisterAccess Access, string? TargetName, int Line)
{
    /// <summary>Offset of the alias target once resolved, else <see cref="RegisterInfo.NoTarget"/>.</summary>
    public uint TargetOffset { get; set; } = RegisterInfo.NoTarget;
}

/// <summary>A <c>block</c> line of a board.map.</summary>
public sealed record BoardBlock(string Name, uint Base, uint Size, bool Allowed, int Line);

/// <summary>A <c>fifo</c> line of a board.map.</summary>
public sealed record BoardFifo(uint Address, string Name, int Line);

/// <summary>One parsed boards/&lt;chip&gt;/board.map: the single source of truth of a board.</summary>
public sealed class BoardMapFile
{
    /// <summary>The file the map came from (for messages and generated headers).</summary>
    public required string SourcePath { get; init; }

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

    /// <summary>Blocks in file order.</summary>
    public List<BoardBlock> Blocks { get; } = new();

    /// <summary>Registers in file order.</summary>
    public List<BoardRegister> Registers { get; } = new();

    /// <summary>FIFO registers in file order.</summary>
    public List<BoardFifo> Fifos { get; } = new();

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
        return new BoardMap(Chip, BusBase, BusSize, HasDport, DportFirst, DportLast,
            Fifos.Select(f => f.Address).ToArray(), Fifos.Select(f => f.Name).ToArray(), blocks, GpioBlock);
    }
}
