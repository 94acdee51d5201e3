using System.Numerics;
using System.Xml.Linq;
using NanoRemap.Mm;
using NanoRemap.Tooling.Config;
using NanoRemap.Tooling.Eval;

namespace NanoRemap.Tooling.Explain.Drawing;

/// <summary>
/// <c>nanoremap explain --svg</c>: draws an explained case from its traced steps (<see cref="ExplainReport.Events"/>;
/// nothing is recomputed but the positions of the inputs). The VMA <c>[vm_start, vm_end)</c> with its pages,
/// the physical range <c>[phys, phys + size)</c> with its sub-page start, the pages and page frames derived from
/// it, <c>pgoff</c> as an offset into them and the resulting pfn, each on its own axis, to scale where possible
/// and with a broken scale where not. A failed check is drawn red where it fails and labelled with the kernel's
/// expression, its two values and the errno. For <c>op=mmap</c> a strip shows hook → prepare → complete → finish
/// with their results and WARN sites.
/// </summary>
/// <remarks>
/// The document carries machine-readable hints for tests and tools: every failed check is a group with
/// <c>class="... check failed"</c> and <c>data-check</c> (the condition as the engine traces it), every strip step a
/// group with <c>class="step"</c>, <c>data-step</c> and <c>data-result</c>.
/// </remarks>
public static class ExplainDrawing
{
    private const double Width = 1060;
    private const double Margin = 24;
    private const double Inner = Width - 2 * Margin;

    /// <summary>Draws <paramref name="report"/> as an SVG document.</summary>
    public static XDocument Draw(ExplainReport report)
    {
        var ctx = new Context(report);
        var svg = new SvgCanvas(Width);
        double y = Margin;
        y = Header(svg, ctx, y);
        if (report.Case.Op == EvalOp.Mmap)
        {
            y = Strip(svg, ctx, y + 10);
        }

        foreach (NumberLine lane in Lanes(ctx))
        {
            y += 14;
            y += lane.Draw(svg, Margin, y, Inner);
        }

        y = Footer(svg, ctx, y + 12);
        string title = $"nanoremap explain: {report.Case.Text}";
        string desc = $"{report.Case.Kernel}; result {report.Result.Format()}" + (report.Rejection != null ? $"; failed: {report.Rejection}" : string.Empty);
        return svg.ToDocument(y + Margin, title, desc);
    }

    /// <summary>The document as text (UTF-8 declaration, indented).</summary>
    public static string ToSvgText(ExplainReport report)
    {
        XDocument doc = Draw(report);
        using var w = new Utf8StringWriter();
        doc.Save(w);
        return w.ToString();
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }

    // ---------------------------------------------------------------- header, strip, footer

    private static double Header(SvgCanvas svg, Context ctx, double y)
    {
        EvalCase c = ctx.Case;
        svg.Begin("header");
        svg.Text(Margin, y + 14, $"nanoremap explain · op={c.Op.Name} · {c.Op.Kernel}", "#111", 15, bold: true, mono: false);
        y += 22;
        foreach (string line in Wrap("case:   " + c.Text, 150))
        {
            y += 15;
            svg.Text(Margin, y, line, "#222");
        }

        y += 15;
        svg.Text(Margin, y, $"kernel: {c.Kernel} · unsigned long {ctx.LongBits}-bit, phys_addr_t {ctx.PhysBits}-bit, PAGE_SIZE {EvalNumber.Hex(1UL << c.PageShift)}", "#222");
        if (c.Op == EvalOp.Mmap)
        {
            y += 15;
            svg.Text(Margin, y, $"runs:   {Explainer.Caller(c)}; the hook calls {c.Action!.Helper}", "#222");
        }

        svg.End();
        return y + 4;
    }

    private sealed record Step(string Name, string Function, bool Ran, int Rc, List<string> Lines, bool Failed);

    private static double Strip(SvgCanvas svg, Context ctx, double y)
    {
        EvalResult r = ctx.Report.Result;
        bool nommuFns = ctx.Case.Model == KernelModel.Nommu;
        string prepFn = nommuFns ? "mmap_action_prepare (nommu)" : "mmap_action_prepare";
        string compFn = nommuFns ? "mmap_action_complete (nommu)" : "mmap_action_complete";

        var hookLines = new List<string> { ctx.Case.Action!.Helper };
        hookLines.AddRange(ctx.WarnsIn("f_op->mmap_prepare", null));
        ExplainEvent? hookLeave = ctx.Events.FirstOrDefault(e => e.Kind == ExplainEventKind.Leave && e.Text == "f_op->mmap_prepare");
        int hookRc = hookLeave?.Rc ?? 0;
        var steps = new List<Step> { new("hook", "f_op->mmap_prepare", hookLeave != null, hookRc, hookLines, hookRc != 0) };

        var prepLines = new List<string>();
        if (!r.PrepareRan && ctx.Case.Get("skip_prepare") == 1)
        {
            prepLines.Add("skip_prepare=1: not run");
        }

        prepLines.AddRange(ctx.FailureIn(prepFn));
        prepLines.AddRange(ctx.WarnsIn(prepFn, null));
        bool prepareRan = ctx.Entered(prepFn);
        steps.Add(new Step("prepare", prepFn, prepareRan, r.Prepare, prepLines, prepareRan && r.Prepare != 0));

        var compLines = new List<string>();
        ExplainEvent? merged = ctx.Events.FirstOrDefault(e => e.Kind == ExplainEventKind.Check && e.Text.StartsWith("merged", StringComparison.Ordinal));
        if (merged != null)
        {
            compLines.Add("merged with a neighbour:");
            compLines.Add("complete and ->mapped skipped");
        }
        else if (!r.CompleteRan)
        {
            compLines.Add("not run: prepare failed");
        }

        compLines.AddRange(ctx.FailureIn(compFn, "mmap_action_finish"));
        compLines.AddRange(ctx.WarnsIn(compFn, "mmap_action_finish"));
        steps.Add(new Step("complete", compFn, r.CompleteRan, r.Complete, compLines, r.CompleteRan && r.Complete != 0));

        var finLines = new List<string>();
        bool finished = ctx.Entered("mmap_action_finish");
        int finRc = 0;
        if (finished)
        {
            int err = ctx.CompleteErr();
            finLines.Add($"err = {ErrnoNames.Describe(err)}");
            ExplainEvent? mapped = ctx.Events.FirstOrDefault(e => e.Kind == ExplainEventKind.Assign && e.Text == "err = vm_ops->mapped()");
            if (mapped != null)
            {
                finLines.Add($"->mapped() = {ErrnoNames.Describe(ctx.Signed(mapped.Left))}");
            }

            ExplainEvent? branch = ctx.Events.FirstOrDefault(e => e.Kind == ExplainEventKind.Check && e.Text == "!err || is_compat");
            if (branch != null)
            {
                finLines.Add(branch.Left == 0 ? "!err: return err"
                    : branch.Holds ? "is_compat: return err, no unmap"
                    : "err && !is_compat: unmap");
            }

            if (ctx.Events.Any(e => e.Kind == ExplainEventKind.Assign && e.Text == "do_munmap(vma)"))
            {
                finLines.Add("do_munmap(vma): VMA unmapped");
                finLines.Add($"error_override ?: err (override {ctx.Case.GetInt("error_override")})");
            }

            finRc = ctx.Events.Last(e => e.Kind == ExplainEventKind.Leave && e.Text == "mmap_action_finish").Rc;
        }

        steps.Add(new Step("finish", "mmap_action_finish", finished, finRc, finLines, finished && finRc != 0));

        const double arrow = 26;
        double boxW = (Inner - arrow * (steps.Count - 1)) / steps.Count;
        int maxChars = (int)((boxW - 12) / SvgCanvas.CharWidth);
        var wrapped = steps.Select(s => s.Lines.SelectMany(l => Wrap(l, maxChars)).ToList()).ToList();
        double boxH = 58 + wrapped.Max(w => w.Count) * 14;
        svg.Begin("strip");
        svg.Text(Margin, y + 12, $"the flow: {Explainer.Caller(ctx.Case)} → rc={EvalNumber.Dec(r.Rc)}", "#444", 12, bold: true, mono: false);
        y += 20;
        for (int i = 0; i < steps.Count; i++)
        {
            Step s = steps[i];
            double x = Margin + i * (boxW + arrow);
            string result = s.Ran ? EvalNumber.Dec(s.Rc) : "skip";
            (string fill, string stroke) = !s.Ran ? ("#f1f1f1", "#999999") : s.Failed ? ("#fbe0e1", "#c8102e") : ("#e3f1e0", "#3b7a30");
            svg.Begin(s.Failed ? "step failed" : "step", ("step", s.Name), ("function", s.Function), ("result", result));
            svg.Rect(x, y, boxW, boxH, fill, stroke, s.Failed ? 2 : 1.2, s.Ran ? null : "5 4");
            svg.Text(x + 8, y + 16, s.Name, "#111", 12.5, bold: true, mono: false);
            svg.Text(x + 8, y + 31, Ellipsis(s.Function, maxChars), "#333");
            svg.Text(x + 8, y + 47, s.Ran ? $"returns {Ellipsis(ErrnoNames.Describe(s.Rc), maxChars - 8)}" : "skip (did not run)", s.Failed ? "#c8102e" : "#222", bold: true);
            double ly = y + 47;
            foreach (string l in wrapped[i])
            {
                ly += 14;
                svg.Text(x + 8, ly, l, l.StartsWith("WARN", StringComparison.Ordinal) || l.StartsWith("✗", StringComparison.Ordinal) ? "#c8102e" : "#333");
            }

            svg.End();
            if (i + 1 < steps.Count)
            {
                double ax = x + boxW + 3;
                double ay = y + boxH / 2;
                svg.Line(ax, ay, ax + arrow - 8, ay, "#555", 1.5);
                svg.Path($"M{SvgCanvas.F(ax + arrow - 12)},{SvgCanvas.F(ay - 5)} L{SvgCanvas.F(ax + arrow - 5)},{SvgCanvas.F(ay)} L{SvgCanvas.F(ax + arrow - 12)},{SvgCanvas.F(ay + 5)}", "#555", 1.5);
            }
        }

        svg.End();
        return y + boxH + 4;
    }

    private static double Footer(SvgCanvas svg, Context ctx, double y)
    {
        svg.Begin("footer");
        ExplainRejection? rej = ctx.Report.Rejection;
        if (rej != null)
        {
            foreach (string line in Wrap($"failed: {rej}", 150))
            {
                y += 15;
                svg.Text(Margin, y, line, "#c8102e", bold: true);
            }
        }

        EvalResult r = ctx.Report.Result;
        if (r.WarnLines.Count > 0)
        {
            foreach (string w in r.WarnLines)
            {
                foreach (string line in Wrap("printed: " + w, 150))
                {
                    y += 15;
                    svg.Text(Margin, y, line, "#8a5a00");
                }
            }
        }

        y += 17;
        svg.Text(Margin, y, "result: " + r.Format(), "#111", 12, bold: true);
        svg.End();
        return y;
    }

    // ---------------------------------------------------------------- the axes, per op

    private static List<NumberLine> Lanes(Context ctx)
    {
        EvalCase c = ctx.Case;
        var lanes = new List<NumberLine>();
        if (c.Op == EvalOp.Prep)
        {
            PrepLanes(ctx, lanes, c.Get("vm_len"), c.Get("pgoff"), c.Get("phys"), c.Get("size"), "op=prep: no VMA, vm_len=" + EvalNumber.Hex(c.Get("vm_len")));
            return lanes;
        }

        ulong vmStart = c.Get("vm_start");
        ulong vmEnd = c.Get("vm_end");
        ulong vmLen = (vmEnd - vmStart) & ctx.LongMask;
        if (c.Op == EvalOp.Iomap)
        {
            if (c.Model == KernelModel.Nommu)
            {
                lanes.Add(IdentityLane(ctx, vmStart, vmEnd, $"pfn = (start >> PAGE_SHIFT) + vma->vm_pgoff = {Hx(ctx.Assigned("pfn = (start >> PAGE_SHIFT) + vma->vm_pgoff") ?? 0)} (len ignored)"));
                lanes.Add(PhysLaneSimple(ctx, c.Get("phys"), c.Get("len"), "[phys, phys + len): len is ignored by nommu vm_iomap_memory"));
                return lanes;
            }

            NumberLine vma = VmaLane(ctx, vmStart, vmEnd, c.Get("pgoff"));
            lanes.Add(vma);
            PrepLanes(ctx, lanes, vmLen, c.Get("pgoff"), c.Get("phys"), c.Get("len"), null);
            if (ctx.Entered("remap_pfn_range"))
            {
                RemapVmaPath(ctx, vma, vmStart, vmEnd, vmStart);
            }

            return lanes;
        }

        if (c.Op == EvalOp.RemapPfnRange)
        {
            if (c.Model == KernelModel.Nommu)
            {
                lanes.Add(IdentityLane(ctx, vmStart, vmEnd, $"pfn = {Hx(c.Get("pfn"))}; size and prot are ignored"));
                return lanes;
            }

            NumberLine vma = VmaLane(ctx, vmStart, vmEnd, c.Get("pgoff"));
            lanes.Add(vma);
            RemapVmaPath(ctx, vma, vmStart, vmEnd, c.Get("addr"));
            lanes.Add(PfnLane(ctx, c.Get("pfn"), c.Get("size"), "remap_pfn_range(vma, addr, pfn, size, prot): pfn"));
            return lanes;
        }

        MmapLanes(ctx, lanes, vmStart, vmEnd, vmLen);
        return lanes;
    }

    private static void MmapLanes(Context ctx, List<NumberLine> lanes, ulong vmStart, ulong vmEnd, ulong vmLen)
    {
        EvalCase c = ctx.Case;
        NumberLine vma = VmaLane(ctx, vmStart, vmEnd, c.Get("pgoff"));
        lanes.Add(vma);
        string action = c.Action!.Name;
        if (action == "raw")
        {
            // A type written directly: the union stays zero, the kernel reads it as that type's fields.
            action = c.Get("raw_type") switch
            {
                1 or 2 => "remap",
                3 => "simple_ioremap",
                4 => "map_kernel_pages",
                _ => action,
            };
        }

        bool nommu = c.Model == KernelModel.Nommu;
        if (action == "simple_ioremap")
        {
            if (nommu || !ctx.Entered("__simple_ioremap_prep"))
            {
                lanes.Add(PhysLaneSimple(ctx, c.Get("phys"), c.Get("size"),
                    nommu ? "[phys, phys + size): nommu cannot map it (prepare WARNs and returns 0, complete -EINVAL)" : "[phys, phys + size): prepare did not run"));
                return;
            }

            PrepLanes(ctx, lanes, vmLen, c.Get("pgoff"), c.Get("phys"), c.Get("size"), null);
        }

        if (action is "remap" or "remap_full" or "ioremap" or "ioremap_full" or "simple_ioremap")
        {
            // What the helpers stored (a raw type leaves the zeroed union).
            bool helper = ctx.Assigned("action->remap.start") != null;
            ulong start = helper ? ctx.Assigned("action->remap.start") ?? 0 : 0;
            ulong size = helper ? ctx.Assigned("action->remap.size") ?? 0 : 0;
            ulong pfn = helper ? ctx.Assigned("action->remap.start_pfn") ?? 0 : 0;
            if (action == "simple_ioremap" && !helper)
            {
                return; // prepare failed before delegating: the prep lanes show why
            }

            RemapDescPath(ctx, vma, start, size, nommu);
            lanes.Add(PfnLane(ctx, pfn, size, "action->remap.start_pfn"));

            return;
        }

        if (action is "map_kernel_pages" or "map_kernel_pages_full")
        {
            ulong start = ctx.Assigned("map_kernel.start") ?? c.Get("start");
            ulong nr = ctx.Assigned("map_kernel.nr_pages") ?? c.Get("nr_pages");
            ExplainEvent? check = ctx.CheckEvent("!range_in_vma_desc(desc, start, start + PAGE_SIZE * nr_pages)");
            BigInteger end = new BigInteger(start) + (new BigInteger(nr) << c.PageShift);
            string label = $"[start, start + PAGE_SIZE * nr_pages): nr_pages={Hx(nr)}";
            if (check != null && check.Rejects)
            {
                vma.Bars.Add(new LaneBar(start, end, $"✗ -EFAULT: !range_in_vma_desc(desc, {Hx(check.Left)}, {Hx(check.Right)}) ({label})", LaneStyle.Fail, check.Text));
            }
            else
            {
                vma.Bars.Add(new LaneBar(start, end, label + (nommu ? " (nommu cannot map it)" : string.Empty), nommu ? LaneStyle.Note : LaneStyle.Window));
            }
        }
    }

    private static NumberLine VmaLane(Context ctx, ulong vmStart, ulong vmEnd, ulong pgoff)
    {
        var lane = new NumberLine($"virtual addresses (unsigned long, {ctx.LongBits}-bit)", BigInteger.One << ctx.Case.PageShift);
        ulong len = (vmEnd - vmStart) & ctx.LongMask;
        string pages = EvalNumber.Hex(len >> ctx.Case.PageShift);
        lane.Bars.Add(new LaneBar(vmStart, vmEnd, $"the VMA [vm_start, vm_end): {Hx(vmEnd - vmStart & ctx.LongMask)} bytes = {pages} pages, vm_pgoff={Hx(pgoff)}", LaneStyle.Vma));
        return lane;
    }

    // __simple_ioremap_prep: the physical range and its pages, then the page frames with pgoff and the VMA's window.
    private static void PrepLanes(Context ctx, List<NumberLine> lanes, ulong vmLen, ulong vmPgoff, ulong startPhys, ulong size, string? note)
    {
        const string fn = "__simple_ioremap_prep";
        if (!ctx.Entered(fn))
        {
            return;
        }

        int ps = ctx.Case.PageShift;
        BigInteger page = BigInteger.One << ps;
        var phys = new NumberLine($"physical addresses (phys_addr_t, {ctx.PhysBits}-bit): {fn}" + (note != null ? " · " + note : string.Empty), page);
        ExplainEvent? overflow = ctx.CheckEvent("start_phys + size < start_phys");
        var rangeEnd = new BigInteger(startPhys) + size;
        if (overflow != null && overflow.Rejects)
        {
            phys.Bars.Add(new LaneBar(startPhys, rangeEnd, $"[start_phys, start_phys + size): {Hx(startPhys)} + {Hx(size)}", LaneStyle.Fail, overflow.Text));
            phys.Marks.Add(new LaneMark(BigInteger.One << ctx.PhysBits, $"✗ start_phys + size < start_phys: {Hx(overflow.Left)} < {Hx(overflow.Right)} (wraps past 2^{ctx.PhysBits}) → -EINVAL", LaneStyle.Fail, overflow.Text));
        }
        else
        {
            phys.Bars.Add(new LaneBar(startPhys, rangeEnd, $"[start_phys, start_phys + size): start_phys={Hx(startPhys)}, size={Hx(size)}", LaneStyle.Phys));
        }

        ulong? pfn = ctx.Assigned("pfn = start_phys >> PAGE_SHIFT");
        ulong? pages = ctx.Assigned("pages = (size + ~PAGE_MASK) >> PAGE_SHIFT");
        ulong? sizeAdj = ctx.Assigned("size += start_phys & ~PAGE_MASK");
        lanes.Add(phys);
        if (pfn == null || pages == null)
        {
            return;
        }

        BigInteger pageBase = new BigInteger(startPhys) >> ps << ps;
        BigInteger sub = startPhys - pageBase;
        if (!sub.IsZero)
        {
            phys.Bars.Add(new LaneBar(pageBase, startPhys, $"sub-page start: start_phys & ~PAGE_MASK = {NumberLine.Hex(sub)}, dropped: the map starts at the page; size += it = {Hx(sizeAdj ?? 0)}", LaneStyle.Note));
        }

        phys.Bars.Add(new LaneBar(pageBase, pageBase + (new BigInteger(pages.Value) << ps), $"pages = (size + ~PAGE_MASK) >> PAGE_SHIFT = {Hx(pages.Value)}", LaneStyle.Pages));

        var frames = new NumberLine($"page frames (pfn: unsigned long, {ctx.LongBits}-bit)", BigInteger.One);
        BigInteger p0 = pfn.Value;
        BigInteger pEnd = p0 + pages.Value;
        ExplainEvent? wrap = ctx.CheckEvent("pfn + pages < pfn");
        if (wrap != null && wrap.Rejects)
        {
            frames.Bars.Add(new LaneBar(p0, pEnd, $"[pfn, pfn + pages): pfn = start_phys >> PAGE_SHIFT = {Hx(pfn.Value)}, pages={Hx(pages.Value)}", LaneStyle.Fail, wrap.Text));
            frames.Marks.Add(new LaneMark(BigInteger.One << ctx.LongBits, $"✗ pfn + pages < pfn: {Hx(wrap.Left)} < {Hx(wrap.Right)} (wraps past 2^{ctx.LongBits}) → -EINVAL", LaneStyle.Fail, wrap.Text));
            lanes.Add(frames);
            return;
        }

        frames.Bars.Add(new LaneBar(p0, pEnd, $"[pfn, pfn + pages): pfn = start_phys >> PAGE_SHIFT = {Hx(pfn.Value)}, pages={Hx(pages.Value)}", LaneStyle.Pages));
        ExplainEvent? pg = ctx.CheckEvent("vm_pgoff > pages");
        BigInteger at = p0 + vmPgoff;
        ulong? result = ctx.Assigned("*pfnp");
        if (pg != null && pg.Rejects)
        {
            frames.Marks.Add(new LaneMark(at, $"✗ vm_pgoff > pages: {Hx(pg.Left)} > {Hx(pg.Right)} → -EINVAL (pfn + vm_pgoff is past the range)", LaneStyle.Fail, pg.Text));
        }
        else if (pg != null)
        {
            frames.Marks.Add(new LaneMark(at, result != null
                ? $"*pfnp = pfn + vm_pgoff = {Hx(result.Value)} (vm_pgoff={Hx(vmPgoff)})"
                : $"pfn + vm_pgoff (vm_pgoff={Hx(vmPgoff)} ≤ pages={Hx(pg.Right)})", result != null ? LaneStyle.Result : LaneStyle.Window));
        }

        ExplainEvent? fit = ctx.CheckEvent("(vm_len >> PAGE_SHIFT) > pages");
        if (fit != null)
        {
            BigInteger winEnd = at + fit.Left;
            if (fit.Rejects)
            {
                frames.Bars.Add(new LaneBar(at, winEnd, $"✗ (vm_len >> PAGE_SHIFT) > pages: {Hx(fit.Left)} > {Hx(fit.Right)} (pages left after vm_pgoff) → -EINVAL: the VMA does not fit", LaneStyle.Fail, fit.Text));
            }
            else
            {
                frames.Bars.Add(new LaneBar(at, winEnd, $"the VMA's pages: vm_len >> PAGE_SHIFT = {Hx(fit.Left)} ≤ pages - vm_pgoff = {Hx(fit.Right)}", LaneStyle.Window));
            }
        }

        lanes.Add(frames);
    }

    // The desc path of the remap (mmap_action_remap + remap_pfn_range_prepare + remap_pfn_range_complete).
    private static void RemapDescPath(Context ctx, NumberLine vma, ulong start, ulong size, bool nommu)
    {
        BigInteger end = new BigInteger(start) + size;
        string label = $"[start, start + size): action->remap.start={Hx(start)}, size={Hx(size)}";
        if (nommu)
        {
            vma.Bars.Add(new LaneBar(start, end, label + " (nommu cannot remap: complete WARNs, -EINVAL)", LaneStyle.Note));
            return;
        }

        ExplainEvent? lo = ctx.CheckEvent("desc->start <= start");
        ExplainEvent? hi = ctx.CheckEvent("end <= desc->end");
        if (lo != null && lo.Rejects)
        {
            vma.Bars.Add(new LaneBar(start, end, label, LaneStyle.Fail, lo.Text));
            vma.Marks.Add(new LaneMark(start, $"✗ -EFAULT: range_in_vma_desc: desc->start <= start: {Hx(lo.Left)} <= {Hx(lo.Right)} is false", LaneStyle.Fail, lo.Text));
        }
        else if (hi != null && hi.Rejects)
        {
            vma.Bars.Add(new LaneBar(start, end, label, LaneStyle.Fail, hi.Text));
            vma.Marks.Add(new LaneMark(end, $"✗ -EFAULT: range_in_vma_desc: end <= desc->end: {Hx(hi.Left)} <= {Hx(hi.Right)} is false", LaneStyle.Fail, hi.Text));
        }
        else
        {
            vma.Bars.Add(new LaneBar(start, end, label, LaneStyle.Window));
        }

        CowAndPageTable(ctx, vma, start);
    }

    // The VMA path: remap_pfn_range(vma, addr, pfn, size, prot) with end = addr + PAGE_ALIGN(size).
    private static void RemapVmaPath(Context ctx, NumberLine vma, ulong vmStart, ulong vmEnd, ulong addr)
    {
        ulong? end = ctx.Assigned("end = addr + PAGE_ALIGN(size)");
        if (end == null)
        {
            return;
        }

        BigInteger e = end.Value >= addr ? new BigInteger(end.Value) : new BigInteger(end.Value) + (BigInteger.One << ctx.LongBits);
        vma.Bars.Add(new LaneBar(addr, e, $"remap_pfn_range: [addr, addr + PAGE_ALIGN(size)) = [{Hx(addr)}, {Hx(end.Value)})", LaneStyle.Window));
        CowAndPageTable(ctx, vma, addr);
        _ = vmStart;
        _ = vmEnd;
    }

    private static void CowAndPageTable(Context ctx, NumberLine vma, ulong addr)
    {
        ExplainEvent? cow = ctx.CheckEvent("is_cow");
        ExplainEvent? s = ctx.CheckEvent("addr != vm_start");
        ExplainEvent? e = ctx.CheckEvent("end != vm_end");
        if ((s != null && s.Rejects) || (e != null && e.Rejects))
        {
            // the remap range is what the rule refuses: draw it failed too
            int last = vma.Bars.FindLastIndex(b => b.Style == LaneStyle.Window);
            ExplainEvent failed = s != null && s.Rejects ? s : e!;
            if (last >= 0)
            {
                vma.Bars[last] = vma.Bars[last] with { Style = LaneStyle.Fail, Check = failed.Text };
            }
        }

        if (s != null && s.Rejects)
        {
            vma.Marks.Add(new LaneMark(s.Left, $"✗ COW rule (MAYWRITE, !SHARED): addr != vm_start: {Hx(s.Left)} != {Hx(s.Right)} → -EINVAL", LaneStyle.Fail, s.Text));
        }
        else if (e != null && e.Rejects)
        {
            vma.Marks.Add(new LaneMark(e.Left, $"✗ COW rule (MAYWRITE, !SHARED): end != vm_end: {Hx(e.Left)} != {Hx(e.Right)} → -EINVAL", LaneStyle.Fail, e.Text));
        }
        else if (cow != null && cow.Holds)
        {
            ulong? pg = ctx.Assigned("*vm_pgoff_p = pfn");
            if (pg != null)
            {
                vma.Marks.Add(new LaneMark(addr, $"COW mapping covers the whole VMA: vm_pgoff = pfn = {Hx(pg.Value)}", LaneStyle.Result));
            }
        }

        ExplainEvent? unaligned = ctx.CheckEvent("!PAGE_ALIGNED(addr)");
        ExplainEvent? bug = ctx.CheckEvent("addr >= end (BUG_ON)");
        if (unaligned != null && unaligned.Rejects)
        {
            vma.Marks.Add(new LaneMark(addr, $"✗ remap_pfn_range_internal: WARN_ON_ONCE(!PAGE_ALIGNED(addr)): addr & ~PAGE_MASK = {Hx(unaligned.Left)} → -EINVAL", LaneStyle.Fail, unaligned.Text));
        }
        else if (bug != null && bug.Rejects)
        {
            vma.Marks.Add(new LaneMark(bug.Left, $"✗ remap_pfn_range_internal: BUG_ON(addr >= end): {Hx(bug.Left)} >= {Hx(bug.Right)} (empty or wrapping; modelled WARN + -EINVAL)", LaneStyle.Fail, bug.Text));
        }
    }

    private static NumberLine PfnLane(Context ctx, ulong pfn, ulong size, string what)
    {
        var lane = new NumberLine($"page frames (pfn: unsigned long, {ctx.LongBits}-bit)", BigInteger.One);
        int ps = ctx.Case.PageShift;
        BigInteger pages = (new BigInteger(size) + (BigInteger.One << ps) - 1) >> ps;
        lane.Bars.Add(new LaneBar(pfn, pfn + pages, $"{what} = {Hx(pfn)}, size {Hx(size)} = {NumberLine.Hex(pages)} pages (physical {NumberLine.Hex(new BigInteger(pfn) << ps)})", LaneStyle.Result));
        return lane;
    }

    private static NumberLine PhysLaneSimple(Context ctx, ulong phys, ulong size, string label)
    {
        var lane = new NumberLine($"physical addresses (phys_addr_t, {ctx.PhysBits}-bit)", BigInteger.One << ctx.Case.PageShift);
        lane.Bars.Add(new LaneBar(phys, new BigInteger(phys) + size, label + $": phys={Hx(phys)}, size={Hx(size)}", LaneStyle.Note));
        return lane;
    }

    // nommu remap_pfn_range: the only check is the identity addr == pfn << PAGE_SHIFT.
    private static NumberLine IdentityLane(Context ctx, ulong vmStart, ulong vmEnd, string note)
    {
        var lane = new NumberLine($"addresses (nommu: virtual == physical, unsigned long {ctx.LongBits}-bit) · {note}", BigInteger.One << ctx.Case.PageShift);
        lane.Bars.Add(new LaneBar(vmStart, vmEnd, $"the VMA [vm_start, vm_end), vm_pgoff={Hx(ctx.Case.Get("pgoff"))}", LaneStyle.Vma));
        ExplainEvent? id = ctx.CheckEvent("addr != (pfn << PAGE_SHIFT)");
        if (id == null)
        {
            return lane;
        }

        if (id.Rejects)
        {
            lane.Bars.Add(new LaneBar(BigInteger.Min(id.Left, id.Right), BigInteger.Max(id.Left, id.Right),
                $"✗ addr != (pfn << PAGE_SHIFT): {Hx(id.Left)} != {Hx(id.Right)} → -EINVAL (nommu can only \"remap\" onto itself)", LaneStyle.Fail, id.Text));
            lane.Marks.Add(new LaneMark(id.Left, $"addr = {Hx(id.Left)}", LaneStyle.Vma));
            lane.Marks.Add(new LaneMark(id.Right, $"pfn << PAGE_SHIFT = {Hx(id.Right)}", LaneStyle.Fail, id.Text));
        }
        else
        {
            lane.Marks.Add(new LaneMark(id.Left, $"addr == pfn << PAGE_SHIFT = {Hx(id.Right)}: the identity, mapped", LaneStyle.Result));
        }

        return lane;
    }

    // ---------------------------------------------------------------- helpers

    private static string Hx(ulong v) => EvalNumber.Hex(v);

    private static string Ellipsis(string s, int max) => s.Length <= max ? s : s.Substring(0, Math.Max(1, max - 1)) + "…";

    /// <summary>Splits <paramref name="text"/> at spaces into lines of at most <paramref name="max"/> characters.</summary>
    internal static IEnumerable<string> Wrap(string text, int max)
    {
        var line = new System.Text.StringBuilder();
        foreach (string word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > max)
            {
                yield return line.ToString();
                line.Clear().Append("  ");
            }

            if (line.Length > 0 && line.ToString() != "  ")
            {
                line.Append(' ');
            }

            line.Append(word.Length > max ? word.Substring(0, max - 1) + "…" : word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private sealed class Context
    {
        public Context(ExplainReport report)
        {
            Report = report;
            LongBits = ModelNames.LongBits(report.Case.Arch);
            PhysBits = ModelNames.PhysBits(report.Case.Arch);
            LongMask = LongBits == 64 ? ulong.MaxValue : uint.MaxValue;
        }

        public ExplainReport Report { get; }

        public EvalCase Case => Report.Case;

        public IReadOnlyList<ExplainEvent> Events => Report.Events;

        public int LongBits { get; }

        public int PhysBits { get; }

        public ulong LongMask { get; }

        public bool Entered(string fn) => Events.Any(e => e.Kind == ExplainEventKind.Enter && e.Text == fn);

        // The last value assigned to name (the tracer's lvalue text).
        public ulong? Assigned(string name)
        {
            ExplainEvent? e = Events.LastOrDefault(x => x.Kind == ExplainEventKind.Assign && x.Text == name);
            return e?.Left;
        }

        // The check with this condition that decided (the first that rejected, else the last evaluated).
        public ExplainEvent? CheckEvent(string condition) =>
            Events.FirstOrDefault(x => x.Kind == ExplainEventKind.Check && x.Text == condition && x.Rejects)
            ?? Events.LastOrDefault(x => x.Kind == ExplainEventKind.Check && x.Text == condition);

        public int Signed(ulong v) => LongBits == 32 ? unchecked((int)(uint)v) : unchecked((int)(long)v);

        // WARN sites hit inside fn (not inside exclude).
        public IEnumerable<string> WarnsIn(string fn, string? exclude) =>
            Events.Where(e => e.Kind == ExplainEventKind.Warn && e.Inside(fn) && (exclude == null || !e.Inside(exclude)))
                .Select(e => $"WARN [{e.Site}] {(e.Holds ? "printed" : "latched")}");

        // The rejecting check of the case when its function ran inside fn.
        public IEnumerable<string> FailureIn(string fn, string? exclude = null)
        {
            ExplainRejection? rej = Report.Rejection;
            if (rej?.Check == null)
            {
                yield break;
            }

            ExplainEvent? e = Events.FirstOrDefault(x => x.Kind == ExplainEventKind.Check && x.Text == rej.Check && x.Rejects && x.Inside(fn) && (exclude == null || !x.Inside(exclude)));
            if (e != null)
            {
                yield return $"✗ {rej.Function}: {e.Text} ({EvalNumber.Hex(e.Left)} vs {EvalNumber.Hex(e.Right)})";
            }
        }

        // err as mmap_action_complete passed it to finish: the value before ->mapped and the unmap path.
        public int CompleteErr()
        {
            ExplainEvent? branch = Events.FirstOrDefault(e => e.Kind == ExplainEventKind.Check && e.Text == "!err || is_compat");
            ExplainEvent? mapped = Events.FirstOrDefault(e => e.Kind == ExplainEventKind.Assign && e.Text == "err = vm_ops->mapped()");
            if (mapped != null)
            {
                return 0; // ->mapped runs only when the action succeeded
            }

            return branch == null ? 0 : Signed(branch.Left);
        }
    }
}
