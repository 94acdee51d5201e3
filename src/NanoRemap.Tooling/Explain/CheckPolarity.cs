namespace NanoRemap.Tooling.Explain;

/// <summary>
/// How to read a traced check. Most of the engine's checks are the kernel's error conditions (true
/// rejects); a few are requirements (false rejects) or just branches. The explanation uses this to say
/// "rejects"/"passes" and to name the check that made a function fail.
/// </summary>
public enum CheckPolarity
{
    /// <summary>True means the function rejects (the common kernel form <c>if (cond) return -EINVAL;</c>).</summary>
    RejectsWhenTrue,

    /// <summary>True means the requirement holds; false rejects (<c>range_in_vma_desc</c>'s two sides).</summary>
    RejectsWhenFalse,

    /// <summary>A branch, neither outcome is a rejection by itself.</summary>
    Branch,
}

/// <summary>The polarity of each check the engine traces (by its condition text); unknown ones reject when true.</summary>
public static class CheckPolarities
{
    private static readonly Dictionary<string, CheckPolarity> Known = new()
    {
        ["desc->start <= start"] = CheckPolarity.RejectsWhenFalse,
        ["end <= desc->end"] = CheckPolarity.RejectsWhenFalse,
        ["is_cow"] = CheckPolarity.Branch,
        ["!err || is_compat"] = CheckPolarity.Branch,
        ["merged with a neighbour: complete skipped"] = CheckPolarity.Branch,
        // mmap_action_remap's WARN conditions: diagnostics, the helper goes on either way.
        ["start < desc->start"] = CheckPolarity.Branch,
        ["start >= desc->end"] = CheckPolarity.Branch,
        ["start + size > desc->end"] = CheckPolarity.Branch,
    };

    /// <summary>The polarity of a traced condition.</summary>
    public static CheckPolarity Of(string condition) =>
        Known.TryGetValue(condition, out CheckPolarity p) ? p : CheckPolarity.RejectsWhenTrue;

    /// <summary>Whether a check with this outcome is a rejection.</summary>
    public static bool Rejects(string condition, bool holds) => Of(condition) switch
    {
        CheckPolarity.RejectsWhenTrue => holds,
        CheckPolarity.RejectsWhenFalse => !holds,
        _ => false,
    };
}
