using System;

namespace NanoRemap.Mm
{
    /// <summary>
    /// One kernel configuration of the mmap action engine: MMU or nommu (<c>CONFIG_MMU</c>), a
    /// <see cref="WordModel"/> and a <c>PAGE_SHIFT</c>. Its methods are the kernel functions of
    /// include/linux/mm.h, mm/util.c, mm/memory.c and mm/nommu.c under their kernel names.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The engine never throws on any input and allocates nothing: errors are negative errno values
    /// (<see cref="Errno"/>), and all arithmetic is the C arithmetic of the word model. Values wider than
    /// their C type are truncated on entry, as a C conversion would.
    /// </para>
    /// <para>
    /// The source is split like the kernel's: <c>MmEngine.Helpers.cs</c> (mm.h helpers),
    /// <c>MmEngine.Util.cs</c> (mm/util.c dispatch, MMU), <c>MmEngine.Nommu.cs</c> (the nommu siblings and
    /// mm/nommu.c), <c>MmEngine.Memory.cs</c> (mm/memory.c), <c>MmEngine.Mmap.cs</c> (the caller:
    /// <c>__mmap_region</c> / <c>compat_vma_mmap</c>).
    /// </para>
    /// </remarks>
    public sealed partial class MmEngine
    {
        private readonly bool _mmu;
        private readonly WordModel _word;
        private readonly int _pageShift;
        private readonly ulong _longMask;   // unsigned long, pgoff_t, pfns
        private readonly ulong _physMask;   // phys_addr_t
        private readonly ulong _pageOffset; // ~PAGE_MASK == PAGE_SIZE - 1
        private readonly WarnOnce _warn = new WarnOnce();

        /// <summary>Step tracer for <c>explain</c> and tests; null (the default) for none.</summary>
        public IMmTracer Tracer;

        /// <summary>
        /// Follow the v1/v2 series: <c>simple_ioremap_prepare</c> re-enters <c>mmap_action_prepare</c>
        /// once instead of calling <c>io_remap_pfn_range_prepare</c> directly (v3 and later). The end
        /// state is the same; only the trace differs. Default false (latest).
        /// </summary>
        public bool SimpleIoremapReentersPrepare;

        /// <summary>Creates an engine for one kernel configuration.</summary>
        /// <param name="mmu">True for <c>CONFIG_MMU</c> (the reference), false for nommu (the device).</param>
        /// <param name="word">The C data model.</param>
        /// <param name="pageShift"><c>PAGE_SHIFT</c>, 1 .. BITS_PER_LONG - 1 (12 on almost every arch).</param>
        /// <exception cref="ArgumentOutOfRangeException">A word model or page shift outside those ranges.</exception>
        public MmEngine(bool mmu, WordModel word, int pageShift)
        {
            if (word != WordModel.Ilp32 && word != WordModel.Ilp32Phys64 && word != WordModel.Lp64)
            {
                throw new ArgumentOutOfRangeException("word", "word model must be Ilp32, Ilp32Phys64 or Lp64");
            }

            int longBits = word == WordModel.Lp64 ? 64 : 32;
            if (pageShift < 1 || pageShift >= longBits)
            {
                throw new ArgumentOutOfRangeException("pageShift", "PAGE_SHIFT must be 1 .. BITS_PER_LONG - 1");
            }

            _mmu = mmu;
            _word = word;
            _pageShift = pageShift;
            _longMask = longBits == 64 ? ulong.MaxValue : 0xFFFFFFFFUL;
            _physMask = word == WordModel.Ilp32 ? 0xFFFFFFFFUL : ulong.MaxValue;
            _pageOffset = (1UL << pageShift) - 1;
        }

        /// <summary>Creates the device configuration: nommu, <see cref="WordModel.Ilp32"/>, 4 KiB pages (the ESP32).</summary>
        /// <returns>A new engine.</returns>
        public static MmEngine CreateNommuIlp32()
        {
            return new MmEngine(false, WordModel.Ilp32, 12);
        }

        /// <summary>True for the MMU model, false for nommu.</summary>
        public bool Mmu
        {
            get { return _mmu; }
        }

        /// <summary>The C data model.</summary>
        public WordModel Word
        {
            get { return _word; }
        }

        /// <summary><c>PAGE_SHIFT</c>.</summary>
        public int PageShift
        {
            get { return _pageShift; }
        }

        /// <summary><c>PAGE_SIZE</c>, in bytes.</summary>
        public ulong PageSize
        {
            get { return _pageOffset + 1; }
        }

        /// <summary>All ones in the width of <c>unsigned long</c>.</summary>
        public ulong LongMask
        {
            get { return _longMask; }
        }

        /// <summary>All ones in the width of <c>phys_addr_t</c>.</summary>
        public ulong PhysMask
        {
            get { return _physMask; }
        }

        /// <summary>The <c>WARN_ON_ONCE</c> latches and counters of this engine.</summary>
        public WarnOnce Warn
        {
            get { return _warn; }
        }

        /// <summary><c>PAGE_ALIGN(x)</c> in <c>unsigned long</c>: rounds up to a page, wrapping like C.</summary>
        /// <param name="x">A length or address.</param>
        /// <returns>The aligned value.</returns>
        public ulong PageAlign(ulong x)
        {
            return (x + _pageOffset) & ~_pageOffset & _longMask;
        }

        // One WARN_ON_ONCE hit: count it, print once, tell the tracer.
        private void WarnOn(WarnSite site)
        {
            bool first = _warn.Hit(site);
            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Warn(site, first);
            }
        }
    }
}
