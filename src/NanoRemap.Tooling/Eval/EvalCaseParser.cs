using NanoRemap.Mm;
using NanoRemap.Tooling.Config;

namespace NanoRemap.Tooling.Eval;

/// <summary>
/// Parses one case line of the eval contract into an <see cref="EvalCase"/>. Every malformed line is an
/// <see cref="EvalCaseException"/> whose message says what is wrong and where (the key, the token and its
/// 1-based position).
/// </summary>
/// <remarks>
/// Checks, in this order (the first problem is reported): tokens that are not <c>key=value</c>; duplicate
/// keys; a missing or unknown <c>op=</c>; unknown keys; a missing or unknown <c>action=</c> (mmap); keys the
/// op or action does not take; bad <c>model=</c>/<c>arch=</c>/<c>page_shift=</c>; numbers that are malformed
/// or too wide for their C type in the case's arch; missing required keys; flow flags that are not 0/1;
/// a <c>flow=</c> other than <c>region</c>/<c>compat</c>; <c>merged=1</c> on nommu; <c>merged=1</c> with
/// <c>flow=compat</c>.
/// </remarks>
public static class EvalCaseParser
{
    private sealed record Token(int Index, string Text, string Key, string Value)
    {
        public string Where => $"token {Index} '{Text}'";
    }

    /// <summary>
    /// Removes a <c>#</c> comment (whole line or trailing) and surrounding blanks. An empty result means
    /// the line is not a case.
    /// </summary>
    public static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return (hash >= 0 ? line.Substring(0, hash) : line).Trim();
    }

    /// <summary>Parses a case line (comments allowed) against the given defaults.</summary>
    /// <param name="line">The line; must contain a case (not blank or only a comment).</param>
    /// <param name="defaults">model/arch/page_shift for keys the line does not set.</param>
    /// <returns>The case.</returns>
    /// <exception cref="EvalCaseException">The line is malformed.</exception>
    public static EvalCase Parse(string line, EvalSettings defaults)
    {
        string text = StripComment(line);
        List<Token> tokens = Tokenize(text);
        if (tokens.Count == 0)
        {
            throw new EvalCaseException("empty case (a case is key=value tokens, starting with op=)");
        }

        var byKey = new Dictionary<string, Token>();
        foreach (Token t in tokens)
        {
            if (byKey.TryGetValue(t.Key, out Token? first))
            {
                throw new EvalCaseException($"duplicate key '{t.Key}' in {t.Where} (already set in token {first.Index})");
            }

            byKey[t.Key] = t;
        }

        EvalOp op = ResolveOp(byKey);
        foreach (Token t in tokens)
        {
            if (!EvalKeys.IsKnown(t.Key))
            {
                throw new EvalCaseException($"unknown key '{t.Key}' in {t.Where} (op={op.Name} takes {Describe(op, null)})");
            }
        }

        EvalAction? action = null;
        if (op == EvalOp.Mmap)
        {
            action = ResolveAction(byKey);
        }

        foreach (Token t in tokens)
        {
            bool taken = Array.IndexOf(EvalKeys.Common, t.Key) >= 0 || op.Takes(t.Key) || (action != null && Array.IndexOf(action.Keys, t.Key) >= 0);
            if (!taken)
            {
                string who = action == null ? $"op={op.Name}" : $"op=mmap action={action.Name}";
                throw new EvalCaseException($"key '{t.Key}' in {t.Where} is not taken by {who} (it takes {Describe(op, action)})");
            }
        }

        KernelModel model = defaults.Model;
        if (byKey.TryGetValue("model", out Token? mt) && !ModelNames.TryParseModel(mt.Value, out model))
        {
            throw new EvalCaseException($"bad model '{mt.Value}' in {mt.Where} (expected {string.Join(" or ", ModelNames.Models)})");
        }

        WordModel arch = defaults.Arch;
        if (byKey.TryGetValue("arch", out Token? at) && !ModelNames.TryParseArch(at.Value, out arch))
        {
            throw new EvalCaseException($"bad arch '{at.Value}' in {at.Where} (expected {string.Join(", ", ModelNames.Arches)})");
        }

        int pageShift = ResolvePageShift(byKey, defaults, arch);

        var numbers = new Dictionary<string, ulong>();
        foreach (Token t in tokens)
        {
            EvalKeyKind kind = EvalKeys.KindOf(t.Key);
            if (kind != EvalKeyKind.Word && kind != EvalKeyKind.PageShift)
            {
                numbers[t.Key] = ParseValue(t, kind, arch);
            }
        }

        RequireKeys(byKey, op.Required, $"op={op.Name}");
        if (action != null)
        {
            RequireKeys(byKey, action.Keys, $"action={action.Name}");
        }

        foreach (string flag in new[] { "skip_prepare", "merged" })
        {
            if (byKey.TryGetValue(flag, out Token? ft) && numbers[flag] > 1)
            {
                throw new EvalCaseException($"{flag} in {ft.Where} must be 0 or 1");
            }
        }

        if (model == KernelModel.Nommu && numbers.TryGetValue("merged", out ulong merged) && merged == 1)
        {
            throw new EvalCaseException($"merged=1 in {byKey["merged"].Where} needs model=mmu (nommu has no merge: compat_vma_mmap always completes)");
        }

        EvalFlow flow = model == KernelModel.Mmu ? EvalFlow.Region : EvalFlow.Compat;
        bool flowSet = byKey.TryGetValue("flow", out Token? flt);
        if (flowSet)
        {
            flow = flt!.Value switch
            {
                "region" => EvalFlow.Region,
                "compat" => EvalFlow.Compat,
                _ => throw new EvalCaseException($"bad flow '{flt.Value}' in {flt.Where} (expected region (__mmap_region, is_compat=false) or compat (compat_vma_mmap, is_compat=true))"),
            };
        }

        if (flow == EvalFlow.Compat && numbers.TryGetValue("merged", out ulong m2) && m2 == 1)
        {
            throw new EvalCaseException($"merged=1 in {byKey["merged"].Where} cannot go with flow=compat (compat_vma_mmap maps an existing VMA: nothing merges, complete always runs)");
        }

        return new EvalCase(text, op, action, model, arch, pageShift, numbers, flow, flowSet);
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        string[] parts = text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string p = parts[i];
            int index = i + 1;
            int eq = p.IndexOf('=');
            if (eq < 0)
            {
                throw new EvalCaseException($"token {index} '{p}' is not key=value");
            }

            if (eq == 0)
            {
                throw new EvalCaseException($"token {index} '{p}' has no key before '='");
            }

            string key = p.Substring(0, eq);
            string value = p.Substring(eq + 1);
            if (value.Length == 0)
            {
                throw new EvalCaseException($"key '{key}' in token {index} '{p}' has no value");
            }

            tokens.Add(new Token(index, p, key, value));
        }

        return tokens;
    }

    private static EvalOp ResolveOp(Dictionary<string, Token> byKey)
    {
        if (!byKey.TryGetValue("op", out Token? t))
        {
            throw new EvalCaseException($"missing key op= (every case needs op={string.Join("|", EvalOp.All.Select(o => o.Name))})");
        }

        return EvalOp.Find(t.Value) ?? throw new EvalCaseException($"unknown op '{t.Value}' in {t.Where} (ops: {EvalOp.Names})");
    }

    private static EvalAction ResolveAction(Dictionary<string, Token> byKey)
    {
        if (!byKey.TryGetValue("action", out Token? t))
        {
            throw new EvalCaseException($"missing key action= (op=mmap needs action={string.Join("|", EvalAction.All.Select(a => a.Name))})");
        }

        return EvalAction.Find(t.Value) ?? throw new EvalCaseException($"unknown action '{t.Value}' in {t.Where} (actions: {EvalAction.Names})");
    }

    private static int ResolvePageShift(Dictionary<string, Token> byKey, EvalSettings defaults, WordModel arch)
    {
        int max = ModelNames.LongBits(arch) - 1;
        if (byKey.TryGetValue("page_shift", out Token? t))
        {
            if (!EvalNumber.TryParseUnsigned(t.Value, out ulong v, out bool overflow))
            {
                throw new EvalCaseException($"bad number '{t.Value}' for page_shift in {t.Where} (expected decimal or 0x hex)");
            }

            if (overflow || !ModelNames.IsValidPageShift(arch, (long)Math.Min(v, int.MaxValue)))
            {
                throw new EvalCaseException($"page_shift {t.Value} in {t.Where} is out of range for arch={ModelNames.Name(arch)} (1..{max})");
            }

            return (int)v;
        }

        if (!ModelNames.IsValidPageShift(arch, defaults.PageShift))
        {
            throw new EvalCaseException($"page_shift {defaults.PageShift} (the default) is out of range for arch={ModelNames.Name(arch)} (1..{max}); set page_shift= on the line");
        }

        return defaults.PageShift;
    }

    private static ulong ParseValue(Token t, EvalKeyKind kind, WordModel arch)
    {
        if (kind == EvalKeyKind.Int32)
        {
            if (EvalNumber.TryParseInt32(t.Value, out int iv, out string problem, out bool tooWide))
            {
                return unchecked((ulong)(long)iv);
            }

            throw new EvalCaseException(tooWide
                ? $"value '{t.Value}' for {t.Key} in {t.Where} is too wide for int ({problem})"
                : $"bad number '{t.Value}' for {t.Key} in {t.Where} ({problem})");
        }

        if (!EvalNumber.TryParseUnsigned(t.Value, out ulong v, out bool overflow))
        {
            string sign = t.Value.StartsWith('-') ? "; only error_override and mapped_rc may be negative" : string.Empty;
            throw new EvalCaseException($"bad number '{t.Value}' for {t.Key} in {t.Where} (expected decimal or 0x hex{sign})");
        }

        if (kind == EvalKeyKind.Bool01)
        {
            return overflow ? ulong.MaxValue : v;
        }

        int bits = kind switch
        {
            EvalKeyKind.ULong => ModelNames.LongBits(arch),
            EvalKeyKind.Phys => ModelNames.PhysBits(arch),
            EvalKeyKind.UInt32 => 32,
            _ => 64,
        };

        if (overflow || (bits < 64 && v >> bits != 0))
        {
            throw new EvalCaseException($"value '{t.Value}' for {t.Key} in {t.Where} is too wide for {EvalKeys.TypeName(kind, arch)}");
        }

        return v;
    }

    private static void RequireKeys(Dictionary<string, Token> byKey, string[] required, string who)
    {
        foreach (string k in required)
        {
            if (!byKey.ContainsKey(k))
            {
                throw new EvalCaseException($"missing key {k}= ({who} requires {string.Join(", ", required.Select(r => r + "="))})");
            }
        }
    }

    // "vm_start=, vm_end=, phys=, len= (required); pgoff=, flags= (optional)".
    private static string Describe(EvalOp op, EvalAction? action)
    {
        IEnumerable<string> required = op.Required.Concat(action?.Keys ?? Array.Empty<string>());
        string req = string.Join(", ", required.Select(k => k + "="));
        string opt = string.Join(", ", op.Optional.Select(k => k + "="));
        string common = "model=, arch=, page_shift=";
        var parts = new List<string>();
        if (req.Length > 0)
        {
            parts.Add(req + " (required)");
        }

        if (opt.Length > 0)
        {
            parts.Add(opt + " (optional)");
        }

        parts.Add(common);
        return string.Join("; ", parts);
    }
}
