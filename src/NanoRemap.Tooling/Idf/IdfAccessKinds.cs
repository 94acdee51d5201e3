using NanoRemap.Facts;

namespace NanoRemap.Tooling.Idf;

/// <summary>How ESP-IDF's access kinds (<c>R/W</c>, <c>RO</c>, <c>WT</c>, <c>R/SS/WTC</c>, ...) map onto the facts.</summary>
public static class IdfAccessKinds
{
    /// <summary>The facts flags of an IDF kind: <c>WTC</c>/<c>WC</c> w1c, <c>RC</c> cor, <c>SC</c> sc, <c>SS</c> ss, <c>WT</c>/<c>WS</c> (alone) wt, <c>WTS</c> w1s.</summary>
    /// <param name="idf">The IDF kind (<c>R/SS/WTC</c>).</param>
    /// <returns>The kinds.</returns>
    public static FactsKinds Kinds(string idf)
    {
        FactsKinds k = FactsKinds.None;
        string[] parts = idf.ToUpperInvariant().Split('/');
        foreach (string p in parts)
        {
            k |= p switch
            {
                "WTC" or "WC" => FactsKinds.WriteOneToClear,
                "RC" => FactsKinds.ClearOnRead,
                "SC" => FactsKinds.SelfClearing,
                "SS" => FactsKinds.SetByHardware,
                "WTS" => FactsKinds.WriteOneToSet,
                "WT" or "WS" when parts.Length == 1 => FactsKinds.WriteTrigger,
                "WS" => FactsKinds.WriteOneToSet,
                _ => FactsKinds.None,
            };
        }

        return k;
    }

    /// <summary>Whether software can read the field (any <c>R</c> part, <c>RO</c>, <c>HRO</c>, <c>RW</c>, <c>SRW</c>).</summary>
    /// <param name="idf">The IDF kind.</param>
    /// <returns>True when readable.</returns>
    public static bool Readable(string idf)
    {
        string u = idf.ToUpperInvariant();
        return u.Split('/').Any(p => p is "R" or "RO" or "HRO" or "RW" or "SRW" or "RC");
    }

    /// <summary>Whether a plain write stores the value (<c>W</c>, <c>RW</c>, <c>WO</c>, <c>SRW</c>; not WT/WTC-only kinds).</summary>
    /// <param name="idf">The IDF kind.</param>
    /// <returns>True when a write stores what is written.</returns>
    public static bool Writable(string idf)
    {
        string u = idf.ToUpperInvariant();
        return u.Split('/').Any(p => p is "W" or "RW" or "WO" or "SRW" or "WOD" or "WOR");
    }

    /// <summary>
    /// Whether the facts' plain access agrees with IDF's kind. A readable-and-writable IDF field needs rw (rw1);
    /// a read-only one ro; a write-only one wo (wo1); WT/WS (a trigger, reads 0) wo or rw; a field software only
    /// clears or sets (<c>R/SS/WTC</c>, <c>R/WTC/WTS</c>) ro or rw.
    /// </summary>
    /// <param name="facts">The facts' access.</param>
    /// <param name="idf">The IDF kind.</param>
    /// <returns>True when they agree.</returns>
    public static bool Agrees(FactsAccess facts, string idf)
    {
        bool fr = facts is FactsAccess.ReadOnly or FactsAccess.ReadWrite or FactsAccess.ReadWriteOnce;
        bool fw = facts is FactsAccess.WriteOnly or FactsAccess.ReadWrite or FactsAccess.WriteOnce or FactsAccess.ReadWriteOnce;
        bool r = Readable(idf);
        bool w = Writable(idf);
        FactsKinds k = Kinds(idf);
        if ((k & FactsKinds.WriteTrigger) != 0)
        {
            return fw;
        }

        if (!w && (k & (FactsKinds.WriteOneToClear | FactsKinds.WriteOneToSet | FactsKinds.SelfClearing)) != 0)
        {
            return fr;
        }

        return fr == r && fw == w;
    }

    /// <summary>The facts access an IDF kind stands for (for an <c>access</c> patch): rw, ro or wo.</summary>
    /// <param name="idf">The IDF kind.</param>
    /// <returns>The access.</returns>
    public static FactsAccess Plain(string idf) =>
        Readable(idf) && Writable(idf) ? FactsAccess.ReadWrite : Readable(idf) ? FactsAccess.ReadOnly : FactsAccess.WriteOnly;
}
