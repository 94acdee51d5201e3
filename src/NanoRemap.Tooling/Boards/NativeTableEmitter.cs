using System.Text;
using NanoRemap.Tooling.Generated;
using NanoRemap.Boards;

namespace NanoRemap.Tooling.Boards;

/// <summary>
/// Writes the native allow-list of a board for the portable C core (boards/native/core/nanoremap_core.h):
/// boards/&lt;chip&gt;/native/nanoremap_board_&lt;chip&gt;.h (declaration) and .c (the table).
/// </summary>
public static class NativeTableEmitter
{
    /// <summary>The C identifier of a board: <c>nr_board_esp32s3</c>.</summary>
    /// <param name="chip">Chip name.</param>
    /// <returns>The identifier.</returns>
    public static string Symbol(string chip) => "nr_board_" + chip;

    /// <summary>Renders the header.</summary>
    /// <param name="map">The parsed map.</param>
    /// <param name="sourceRelative">board.map path relative to the repository root.</param>
    /// <returns>The header text.</returns>
    public static string EmitHeader(BoardMapFile map, string sourceRelative)
    {
        string guard = $"NANOREMAP_BOARD_{map.Chip.ToUpperInvariant()}_H";
        var w = new StringBuilder();
        Banner(w, sourceRelative);
        w.Append($"#ifndef {guard}\n#define {guard}\n\n#include \"nanoremap_core.h\"\n\n");
        w.Append("#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
        w.Append($"/* The {map.Chip} allow-list: {map.Blocks.Count} blocks ({map.Blocks.Count(b => b.Allowed)} allowed), ");
        w.Append($"{map.Fifos.Count} refused FIFO reads{(map.HasDport ? ", a DPORT range" : "")}, {map.Policy.Count} register policy runs, {map.Clocks.Count} clocks. */\n");
        w.Append($"extern const nr_board_t {Symbol(map.Chip)};\n\n");
        w.Append("#ifdef __cplusplus\n}\n#endif\n\n");
        w.Append($"#endif /* {guard} */\n");
        return w.ToString();
    }

    /// <summary>Renders the C table.</summary>
    /// <param name="map">The parsed map.</param>
    /// <param name="sourceRelative">board.map path relative to the repository root.</param>
    /// <returns>The C source text.</returns>
    public static string EmitSource(BoardMapFile map, string sourceRelative)
    {
        string sym = Symbol(map.Chip);
        var w = new StringBuilder();
        Banner(w, sourceRelative);
        w.Append($"#include \"nanoremap_board_{map.Chip}.h\"\n\n");
        w.Append("/* Sorted by base: nr_find_block does a binary search. */\n");
        w.Append($"static const nr_block_t {sym}_blocks[] = {{\n");
        foreach (var b in map.SortedBlocks)
        {
            w.Append($"    {{ 0x{b.Base:X8}u, 0x{b.Size:X8}u, {(b.Allowed ? 1 : 0)}u, \"{GeneratedText.CIdentifier(b.Name, "block name")}\" }},\n");
        }

        w.Append("};\n\n");
        if (map.Fifos.Count > 0)
        {
            w.Append("/* Errata CPU-3.21: FIFO registers whose reads are refused. */\n");
            w.Append($"static const uint32_t {sym}_fifo[] = {{\n");
            foreach (var f in map.Fifos)
            {
                w.Append($"    0x{f.Address:X8}u, /* {GeneratedText.CIdentifier(f.Name, "FIFO name")} */\n");
            }

            w.Append("};\n\n");
        }

        if (map.Policy.Count > 0)
        {
            w.Append("/* Register-level policy (ro / deny / protect lines), sorted by address: nr_check does a binary search. */\n");
            w.Append($"static const nr_reg_policy_t {sym}_policy[] = {{\n");
            foreach (var p in map.Policy)
            {
                string kind = p.Kind switch
                {
                    RegisterPolicy.ReadOnly => "NR_POLICY_RO",
                    RegisterPolicy.Deny => "NR_POLICY_DENY",
                    _ => "NR_POLICY_PROTECT",
                };
                w.Append($"    {{ 0x{p.Address:X8}u, {kind}, 0x{p.Mask:X8}u, 0x{p.Size:X}u }}, /* {GeneratedText.Comment(p.Name, "policy name")} */\n");
            }

            w.Append("};\n\n");
        }

        if (map.Clocks.Count > 0)
        {
            w.Append("/* Peripheral clocks; the index is what the managed side passes (PeripheralClock.Index). */\n");
            w.Append("#ifndef NR_IDF_MODULE\n#define NR_IDF_MODULE(x) (-1) /* host build: no ESP-IDF periph_module_t */\n#endif\n");
            w.Append($"static const nr_clock_t {sym}_clocks[] = {{\n");
            foreach (var c in map.Clocks)
            {
                w.Append($"    {{ \"{GeneratedText.CIdentifier(c.Name, "clock name")}\", 0x{c.EnableRegister:X8}u, 0x{c.EnableMask:X8}u, 0x{c.ResetRegister:X8}u, 0x{c.ResetMask:X8}u, NR_IDF_MODULE({GeneratedText.CIdentifier(c.IdfModule, "ESP-IDF module")}) }}, /* {GeneratedText.Comment(c.EnableName + ", " + c.ResetName, "clock fields")} */\n");
            }

            w.Append("};\n\n");
        }

        w.Append($"const nr_board_t {sym} = {{\n");
        w.Append($"    \"{map.Chip}\",\n");
        w.Append($"    0x{map.BusBase:X8}u, /* bus base */\n");
        w.Append($"    0x{map.BusSize:X8}u, /* bus size */\n");
        w.Append($"    {(map.HasDport ? 1 : 0)}u, /* has DPORT */\n");
        w.Append($"    0x{map.DportFirst:X8}u, /* DPORT first */\n");
        w.Append($"    0x{map.DportLast:X8}u, /* DPORT last (inclusive) */\n");
        w.Append($"    {sym}_blocks,\n");
        w.Append($"    {map.Blocks.Count}u,\n");
        w.Append(map.Fifos.Count > 0 ? $"    {sym}_fifo,\n" : "    0, /* no FIFO errata */\n");
        w.Append($"    {map.Fifos.Count}u,\n");
        w.Append(map.Policy.Count > 0 ? $"    {sym}_policy,\n" : "    0, /* no register-level policy */\n");
        w.Append($"    {map.Policy.Count}u,\n");
        w.Append(map.Clocks.Count > 0 ? $"    {sym}_clocks,\n" : "    0, /* no clocks */\n");
        w.Append($"    {map.Clocks.Count}u,\n");
        w.Append("};\n");
        return w.ToString();
    }

    private static void Banner(StringBuilder w, string sourceRelative)
    {
        string facts = sourceRelative.Replace("board.map", "registers.txt");
        w.Append($"/* Generated by 'nanoremap boards generate' from {sourceRelative} (policy) and {facts} (SVD facts).\n");
        w.Append(" * Do not edit: change the board.map and regenerate (a test fails when this file and a fresh generation differ). */\n");
    }
}
