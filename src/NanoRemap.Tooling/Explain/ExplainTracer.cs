using NanoRemap.Mm;
using NanoRemap.Tooling.Eval;

namespace NanoRemap.Tooling.Explain;

/// <summary>
/// An <see cref="IMmTracer"/> that writes the engine's steps for a person: each kernel function entered
/// (indented by call depth), each check with its two sides in hex and its outcome, each assignment, each
/// WARN (printed or latched), each return with its errno name. It also finds the check, WARN or hook
/// result that made the case fail (<see cref="Rejection"/>): the first failing event of the deepest
/// function that returned an error.
/// </summary>
public sealed class ExplainTracer : IMmTracer
{
    private const int ConditionWidth = 46;

    private readonly List<string> _lines = new();
    private readonly List<ExplainEvent> _events = new();
    private readonly List<string> _stack = new();
    private readonly Stack<List<ExplainRejection>> _frames = new();
    private readonly int[] _siteHits = new int[WarnOnce.SiteCount];

    /// <summary>The lines written so far.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>The same steps as data, in order (what <c>explain --svg</c> draws from).</summary>
    public IReadOnlyList<ExplainEvent> Events => _events;

    /// <summary>What made the case fail, or null if no function returned an error for a reason it traced.</summary>
    public ExplainRejection? Rejection { get; private set; }

    private readonly int _longBits;

    /// <summary>Creates a tracer.</summary>
    /// <param name="longBits">BITS_PER_LONG of the case, to read values traced as <c>unsigned long</c> back as signed errors.</param>
    public ExplainTracer(int longBits = 64)
    {
        _longBits = longBits;
    }

    private string Indent => new(' ', 2 * (_frames.Count + 1));

    /// <inheritdoc/>
    public void Enter(string function)
    {
        _lines.Add($"{Indent}→ {function}");
        _frames.Push(new List<ExplainRejection>());
        _stack.Add(function);
        _events.Add(new ExplainEvent(ExplainEventKind.Enter, _stack.ToArray(), function));
    }

    /// <inheritdoc/>
    public void Check(string condition, ulong left, ulong right, bool holds)
    {
        bool rejects = CheckPolarities.Rejects(condition, holds);
        string outcome = holds ? "true" : "false";
        if (CheckPolarities.Of(condition) != CheckPolarity.Branch)
        {
            outcome += rejects ? ": REJECTS" : ": passes";
        }

        string sides = $"{EvalNumber.Hex(left)} vs {EvalNumber.Hex(right)}";
        _lines.Add($"{Indent}check  {condition.PadRight(ConditionWidth)} {sides} → {outcome}");
        _events.Add(new ExplainEvent(ExplainEventKind.Check, _stack.ToArray(), condition, left, right, holds, rejects));
        if (rejects)
        {
            Note(new ExplainRejection(string.Empty, condition, $"check {condition} ({sides})"));
        }
    }

    /// <inheritdoc/>
    public void Assign(string name, ulong value)
    {
        _lines.Add($"{Indent}set    {name.PadRight(ConditionWidth)} = {EvalNumber.Hex(value)}");
        _events.Add(new ExplainEvent(ExplainEventKind.Assign, _stack.ToArray(), name, value));
        const string err = "err = ";
        if (name.StartsWith(err, StringComparison.Ordinal) && value != 0)
        {
            Note(new ExplainRejection(string.Empty, null, $"{name.Substring(err.Length)} returned {ErrnoNames.Describe(Signed(value))}"));
        }
    }

    /// <inheritdoc/>
    public void Warn(WarnSite site, bool first)
    {
        int i = (int)site;
        int hit = (uint)i < _siteHits.Length ? ++_siteHits[i] : 0;
        string line = WarnOnce.LineOf(site);
        string how = first ? "printed" : $"latched, not printed (hit {hit} of this site)";
        _lines.Add($"{Indent}WARN   [{site}] {how}: {line}");
        _events.Add(new ExplainEvent(ExplainEventKind.Warn, _stack.ToArray(), line, Holds: first, Site: site));
        Note(new ExplainRejection(string.Empty, null, $"WARN_ON_ONCE [{site}]"));
    }

    /// <inheritdoc/>
    public void Leave(string function, int rc)
    {
        List<ExplainRejection>? reasons = _frames.Count > 0 ? _frames.Pop() : null;
        _lines.Add($"{Indent}← {function} returns {ErrnoNames.Describe(rc)}");
        _events.Add(new ExplainEvent(ExplainEventKind.Leave, _stack.ToArray(), function, Rc: rc));
        if (_stack.Count > 0)
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
        if (rc != 0 && Rejection == null && reasons is { Count: > 0 })
        {
            Rejection = reasons[0] with { Function = function };
        }
    }

    // An int that the engine widened to unsigned long for the trace, back to int.
    private int Signed(ulong value) => _longBits == 32 ? unchecked((int)(uint)value) : unchecked((int)(long)value);

    private void Note(ExplainRejection r)
    {
        if (_frames.Count > 0)
        {
            _frames.Peek().Add(r);
        }
    }
}
