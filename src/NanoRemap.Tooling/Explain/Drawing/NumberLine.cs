using System.Numerics;

namespace NanoRemap.Tooling.Explain.Drawing;

/// <summary>How a bar or mark of a <see cref="NumberLine"/> is drawn.</summary>
public enum LaneStyle
{
    /// <summary>The VMA (blue).</summary>
    Vma,

    /// <summary>A physical range as given (green).</summary>
    Phys,

    /// <summary>Whole pages derived from it (orange).</summary>
    Pages,

    /// <summary>What gets mapped: the window at pgoff, the remap range (purple).</summary>
    Window,

    /// <summary>A result (teal).</summary>
    Result,

    /// <summary>A check that failed here (red, thick).</summary>
    Fail,

    /// <summary>Context (grey).</summary>
    Note,
}

/// <summary>A range [From, To) on a <see cref="NumberLine"/>, drawn as a bar with its label above it.</summary>
/// <param name="From">Start (inclusive).</param>
/// <param name="To">End (exclusive); may pass the type's range (the wrap is what is drawn).</param>
/// <param name="Label">What it is, in the kernel's words, with values.</param>
/// <param name="Style">How it is drawn.</param>
/// <param name="Check">For <see cref="LaneStyle.Fail"/>: the kernel condition that failed (becomes <c>data-check</c>).</param>
public sealed record LaneBar(BigInteger From, BigInteger To, string Label, LaneStyle Style, string? Check = null);

/// <summary>A point on a <see cref="NumberLine"/>, drawn as a vertical line with its label.</summary>
/// <param name="At">Where.</param>
/// <param name="Label">What it is, with its value.</param>
/// <param name="Style">How it is drawn.</param>
/// <param name="Check">For <see cref="LaneStyle.Fail"/>: the kernel condition that failed (becomes <c>data-check</c>).</param>
public sealed record LaneMark(BigInteger At, string Label, LaneStyle Style, string? Check = null);

/// <summary>
/// One axis of numbers (virtual addresses, physical addresses or page frames) with bars and marks, drawn to
/// scale where the values allow and with a broken scale where they do not: a gap far larger than the others
/// (or too small to see) is drawn at a fixed width with a break sign, and its ends keep their exact values.
/// </summary>
public sealed class NumberLine
{
    private const double BreakWidth = 46;
    private const double MinGap = 26;
    private const double RowHeight = 34;
    private const double LabelLine = 14;

    /// <summary>Creates an empty axis.</summary>
    /// <param name="title">What the axis counts, e.g. <c>virtual addresses (unsigned long, 32-bit)</c>.</param>
    /// <param name="tick">The page size in the axis' unit for page ticks (1 for page frames), or 0 for none.</param>
    public NumberLine(string title, BigInteger tick)
    {
        Title = title;
        Tick = tick;
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The page tick spacing, 0 for none.</summary>
    public BigInteger Tick { get; }

    /// <summary>The bars, drawn one a row in this order.</summary>
    public List<LaneBar> Bars { get; } = new();

    /// <summary>The marks.</summary>
    public List<LaneMark> Marks { get; } = new();

    /// <summary>Whether the last <see cref="Draw"/> needed a broken scale.</summary>
    public bool Broken { get; private set; }

    /// <summary>Draws the axis at (<paramref name="x0"/>, <paramref name="y0"/>) across <paramref name="width"/> pixels.</summary>
    /// <returns>The height used.</returns>
    public double Draw(SvgCanvas svg, double x0, double y0, double width)
    {
        var points = Bars.SelectMany(b => new[] { b.From, b.To }).Concat(Marks.Select(m => m.At)).Distinct().OrderBy(p => p).ToList();
        if (points.Count == 0)
        {
            return 0;
        }

        Scale scale = Layout(points, width);
        Broken = scale.Broken.Any(b => b);
        svg.Begin("number-line", ("title", Title), ("scale", Broken ? "broken" : "linear"));
        double y = y0 + LabelLine;
        svg.Text(x0, y, Title + (Broken ? "  (broken scale: ≈ marks a gap not drawn to scale)" : "  (to scale)"), "#444", 12, bold: true, mono: false);
        y += 6;

        // Mark labels, stacked so they do not overlap.
        var markLevels = Stack(Marks.Select(m => (X: X(scale, x0, m.At), m.Label)).ToList(), x0 + width);
        int markRows = markLevels.Count == 0 ? 0 : markLevels.Max() + 1;
        double markTop = y;
        y += markRows * LabelLine;

        double barsTop = y;
        for (int i = 0; i < Bars.Count; i++)
        {
            LaneBar b = Bars[i];
            double xa = X(scale, x0, BigInteger.Min(b.From, b.To));
            double xb = X(scale, x0, BigInteger.Max(b.From, b.To));
            double by = barsTop + i * RowHeight;
            (string fill, string stroke) = Colors(b.Style);
            svg.Begin(b.Style == LaneStyle.Fail ? "bar check failed" : "bar", Data(b.Label, b.Check));
            svg.Text(Math.Min(xa, x0 + width - SvgCanvas.TextWidth(b.Label)), by + 11, b.Label, b.Style == LaneStyle.Fail ? stroke : "#222", bold: b.Style == LaneStyle.Fail);
            svg.Rect(xa, by + 15, Math.Max(xb - xa, 2), 14, fill, stroke, b.Style == LaneStyle.Fail ? 2 : 1, opacity: 0.85);
            DrawTicks(svg, scale, x0, BigInteger.Min(b.From, b.To), BigInteger.Max(b.From, b.To), by + 15, by + 29);
            svg.End();
        }

        double axisY = barsTop + Bars.Count * RowHeight + 8;
        for (int i = 0; i < Marks.Count; i++)
        {
            LaneMark m = Marks[i];
            double x = X(scale, x0, m.At);
            (_, string stroke) = Colors(m.Style);
            double ly = markTop + (markLevels[i] + 1) * LabelLine - 3;
            svg.Begin(m.Style == LaneStyle.Fail ? "mark check failed" : "mark", Data(m.Label, m.Check));
            svg.Line(x, ly + 2, x, axisY, stroke, m.Style == LaneStyle.Fail ? 2.5 : 1.2, m.Style == LaneStyle.Fail ? null : "4 3");
            svg.Text(Math.Min(x, x0 + width - SvgCanvas.TextWidth(m.Label)), ly, m.Label, m.Style == LaneStyle.Fail ? stroke : "#222", bold: m.Style == LaneStyle.Fail);
            svg.End();
        }

        // The axis: exact values at every point, a break sign on every gap not drawn to scale.
        svg.Line(x0, axisY, x0 + width, axisY, "#333", 1.2);
        for (int i = 0; i + 1 < points.Count; i++)
        {
            if (scale.Broken[i])
            {
                double xm = (scale.Xs[i] + scale.Xs[i + 1]) / 2 + x0;
                svg.Rect(xm - 7, axisY - 6, 14, 12, "#ffffff");
                svg.Path($"M{SvgCanvas.F(xm - 8)},{SvgCanvas.F(axisY + 6)} L{SvgCanvas.F(xm - 2)},{SvgCanvas.F(axisY - 6)} M{SvgCanvas.F(xm + 2)},{SvgCanvas.F(axisY + 6)} L{SvgCanvas.F(xm + 8)},{SvgCanvas.F(axisY - 6)}", "#333", 1.4);
                svg.Text(xm, axisY - 9, "≈", "#666", 11, "middle");
            }
        }

        var axisLabels = points.Select(p => (X: X(scale, x0, p), Label: Hex(p))).ToList();
        var axisLevels = Stack(axisLabels, x0 + width);
        for (int i = 0; i < points.Count; i++)
        {
            double x = axisLabels[i].X;
            double ly = axisY + 13 + axisLevels[i] * LabelLine;
            svg.Line(x, axisY - 4, x, axisY + 4, "#333", 1.2);
            svg.Text(Math.Min(x, x0 + width - SvgCanvas.TextWidth(axisLabels[i].Label)), ly, axisLabels[i].Label, "#333", 10.5);
        }

        int axisRows = axisLevels.Count == 0 ? 1 : axisLevels.Max() + 1;
        svg.End();
        return axisY + 8 + axisRows * LabelLine - y0;
    }

    /// <summary>A value in hex as the kernel prints it (0x, lower case); past 64 bits as 2^N + x.</summary>
    public static string Hex(BigInteger v)
    {
        if (v.Sign < 0)
        {
            return "-" + Hex(-v);
        }

        if (v > ulong.MaxValue)
        {
            BigInteger two64 = BigInteger.One << 64;
            return v == two64 ? "2^64" : "2^64+" + Hex(v - two64);
        }

        return "0x" + ((ulong)v).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (string Name, string Value)[] Data(string label, string? check) =>
        check == null ? new[] { ("label", label) } : new[] { ("label", label), ("check", check) };

    private static (string Fill, string Stroke) Colors(LaneStyle s) => s switch
    {
        LaneStyle.Vma => ("#a9c4e4", "#2f5f98"),
        LaneStyle.Phys => ("#b6dcae", "#3b7a30"),
        LaneStyle.Pages => ("#f8c99a", "#b4600e"),
        LaneStyle.Window => ("#dcc3d8", "#7c4a76"),
        LaneStyle.Result => ("#a8dbd6", "#1f7a72"),
        LaneStyle.Fail => ("#f6b8b9", "#c8102e"),
        _ => ("#e0e0e0", "#777777"),
    };

    // Page ticks inside a bar, only where the gap is drawn to scale and the ticks are far enough apart.
    private void DrawTicks(SvgCanvas svg, Scale scale, double x0, BigInteger from, BigInteger to, double ya, double yb)
    {
        if (Tick <= 0)
        {
            return;
        }

        for (int i = 0; i + 1 < scale.Points.Count; i++)
        {
            BigInteger a = BigInteger.Max(scale.Points[i], from);
            BigInteger b = BigInteger.Min(scale.Points[i + 1], to);
            if (scale.Broken[i] || a >= b)
            {
                continue;
            }

            double pxPerTick = (double)Tick * scale.PxPerUnit[i];
            BigInteger first = (a + Tick - 1) / Tick * Tick;
            BigInteger count = (b - first) / Tick;
            if (pxPerTick < 5 || count > 512)
            {
                continue;
            }

            for (BigInteger t = first; t < b; t += Tick)
            {
                if (t == from)
                {
                    continue; // the bar's own edge
                }

                double x = X(scale, x0, t);
                svg.Line(x, ya, x, yb, "#555", 0.8);
            }
        }
    }

    // Greedy levels so that labels at x (of estimated width) on one level do not overlap.
    private static List<int> Stack(List<(double X, string Label)> items, double right)
    {
        var levels = new List<int>(new int[items.Count]);
        var ends = new List<double>();
        foreach (int i in Enumerable.Range(0, items.Count).OrderBy(i => items[i].X))
        {
            double w = SvgCanvas.TextWidth(items[i].Label) + 8;
            double start = Math.Min(items[i].X, right - w + 8);
            int level = 0;
            while (level < ends.Count && ends[level] > start)
            {
                level++;
            }

            if (level == ends.Count)
            {
                ends.Add(0);
            }

            ends[level] = start + w;
            levels[i] = level;
        }

        return levels;
    }

    private sealed record Scale(List<BigInteger> Points, double[] Xs, bool[] Broken, double[] PxPerUnit);

    // Linear if every gap is at least MinGap wide. Otherwise: a gap too small to see is widened to MinGap,
    // and if that leaves one empty gap (no bar spans it) taking most of the width, that gap is broken
    // (drawn BreakWidth wide) so the ranges around it get the room. Every gap not drawn to scale is marked.
    private Scale Layout(List<BigInteger> points, double width)
    {
        int n = points.Count;
        var xs = new double[n];
        if (n == 1)
        {
            xs[0] = width / 2;
            return new Scale(points, xs, Array.Empty<bool>(), Array.Empty<double>());
        }

        var gaps = new BigInteger[n - 1];
        var covered = new bool[n - 1];
        for (int i = 0; i < n - 1; i++)
        {
            gaps[i] = points[i + 1] - points[i];
            covered[i] = Bars.Any(b => BigInteger.Min(b.From, b.To) <= points[i] && BigInteger.Max(b.From, b.To) >= points[i + 1]);
        }

        var fixedWidth = new double[n - 1]; // 0: to scale
        double scale = 0;
        for (int round = 0; round < n; round++)
        {
            Array.Clear(fixedWidth);
            for (int i = 0; i < gaps.Length && round > 0; i++)
            {
                // gaps broken in earlier rounds stay broken
                fixedWidth[i] = _breaks.Contains(i) ? BreakWidth : 0;
            }

            bool changed = true;
            while (changed)
            {
                changed = false;
                BigInteger sum = BigInteger.Zero;
                double fixedSum = 0;
                for (int i = 0; i < gaps.Length; i++)
                {
                    if (fixedWidth[i] > 0)
                    {
                        fixedSum += fixedWidth[i];
                    }
                    else
                    {
                        sum += gaps[i];
                    }
                }

                scale = sum.IsZero ? 0 : (width - fixedSum) / (double)sum;
                for (int i = 0; i < gaps.Length; i++)
                {
                    if (fixedWidth[i] == 0 && (double)gaps[i] * scale < MinGap)
                    {
                        fixedWidth[i] = MinGap;
                        changed = true;
                    }
                }
            }

            bool widened = Enumerable.Range(0, gaps.Length).Any(i => fixedWidth[i] == MinGap);
            int candidate = -1;
            for (int i = 0; i < gaps.Length; i++)
            {
                if (fixedWidth[i] == 0 && !covered[i] && (candidate < 0 || gaps[i] > gaps[candidate]))
                {
                    candidate = i;
                }
            }

            if (!widened || candidate < 0 || (double)gaps[candidate] * scale < width * 0.5)
            {
                break;
            }

            _breaks.Add(candidate);
        }

        _breaks.Clear();
        var widths = new double[gaps.Length];
        var pxPerUnit = new double[gaps.Length];
        var broken = new bool[gaps.Length];
        for (int i = 0; i < gaps.Length; i++)
        {
            broken[i] = fixedWidth[i] > 0;
            widths[i] = broken[i] ? fixedWidth[i] : (double)gaps[i] * scale;
        }

        double total = widths.Sum();
        double k = total > 0 ? width / total : 1;
        double x = 0;
        for (int i = 0; i < n; i++)
        {
            xs[i] = x;
            if (i < gaps.Length)
            {
                widths[i] *= k;
                pxPerUnit[i] = broken[i] ? 0 : scale * k;
                x += widths[i];
            }
        }

        return new Scale(points, xs, broken, pxPerUnit);
    }

    private readonly HashSet<int> _breaks = new();

    // x of a value: exact at the points, linear inside a to-scale gap, proportional inside a broken one.
    private static double X(Scale s, double x0, BigInteger v)
    {
        List<BigInteger> p = s.Points;
        if (p.Count == 1)
        {
            return x0 + s.Xs[0];
        }

        int i = p.BinarySearch(v);
        if (i >= 0)
        {
            return x0 + s.Xs[i];
        }

        int hi = ~i;
        if (hi <= 0)
        {
            return x0 + s.Xs[0];
        }

        if (hi >= p.Count)
        {
            return x0 + s.Xs[^1];
        }

        int lo = hi - 1;
        double f = (double)(v - p[lo]) / (double)(p[hi] - p[lo]);
        return x0 + s.Xs[lo] + f * (s.Xs[hi] - s.Xs[lo]);
    }
}
