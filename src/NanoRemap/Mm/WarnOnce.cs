using System;

namespace NanoRemap.Mm
{
    /// <summary>Where a first WARN line goes.</summary>
    /// <param name="line">One line naming the site, without a newline.</param>
    public delegate void WarnWriter(string line);

    /// <summary>
    /// The <c>WARN_ON_ONCE</c> latches of one <see cref="MmEngine"/>: one per <see cref="WarnSite"/>.
    /// The first hit of a site writes one line naming it; every hit is counted, and the condition and
    /// return value apply every time (execution continues, as in the kernel).
    /// </summary>
    /// <remarks>
    /// The line goes to <see cref="Output"/>, which defaults to <c>Console.WriteLine</c>: on nanoFramework
    /// that reaches the device output in Release builds, where <c>Debug.WriteLine</c> is compiled out.
    /// A hit allocates nothing: the lines are constants.
    /// </remarks>
    public sealed class WarnOnce
    {
        /// <summary>How many sites there are (the values of <see cref="WarnSite"/> are 0..SiteCount-1).</summary>
        public const int SiteCount = 9;

        // One constant line per site, in WarnSite order, shaped like the kernel's "WARNING: ... at file:function".
        private static readonly string[] Lines = new string[]
        {
            "WARNING: include/linux/mm.h mmap_action_remap: start < desc->start || start >= desc->end",
            "WARNING: include/linux/mm.h mmap_action_remap: start + size > desc->end",
            "WARNING: mm/util.c check_mmap_action: error_override is not an errno",
            "WARNING: mm/util.c mmap_action_prepare: unknown action type",
            "WARNING: mm/util.c mmap_action_complete: should have been delegated",
            "WARNING: mm/util.c mmap_action_prepare (nommu): nommu cannot handle these",
            "WARNING: mm/util.c mmap_action_complete (nommu): nommu cannot handle this",
            "WARNING: mm/memory.c remap_pfn_range_internal: !PAGE_ALIGNED(addr)",
            "WARNING: mm/memory.c remap_pfn_range_internal: BUG_ON(addr >= end), modelled as WARN + -EINVAL",
        };

        private readonly int[] _hits = new int[SiteCount];
        private readonly bool[] _latched = new bool[SiteCount];
        private int _total;

        /// <summary>Where first-hit lines go; null discards them. Defaults to <c>Console.WriteLine</c>.</summary>
        public WarnWriter Output = Console.WriteLine;

        /// <summary>Hits of every site since the last <see cref="Reset"/>.</summary>
        public int Total
        {
            get { return _total; }
        }

        /// <summary>Hits of one site since the last <see cref="Reset"/>.</summary>
        /// <param name="site">The site.</param>
        /// <returns>The count; 0 for a value outside <see cref="WarnSite"/>.</returns>
        public int Hits(WarnSite site)
        {
            int i = (int)site;
            return (uint)i < SiteCount ? _hits[i] : 0;
        }

        /// <summary>True once the site has printed its line (until <see cref="Reset"/>).</summary>
        /// <param name="site">The site.</param>
        /// <returns>Whether the latch is set.</returns>
        public bool IsLatched(WarnSite site)
        {
            int i = (int)site;
            return (uint)i < SiteCount && _latched[i];
        }

        /// <summary>The line a site prints on its first hit.</summary>
        /// <param name="site">The site.</param>
        /// <returns>The line, or an empty string for a value outside <see cref="WarnSite"/>.</returns>
        public static string LineOf(WarnSite site)
        {
            int i = (int)site;
            return (uint)i < SiteCount ? Lines[i] : string.Empty;
        }

        /// <summary>Clears every counter and latch, as a fresh boot would.</summary>
        public void Reset()
        {
            for (int i = 0; i < SiteCount; i++)
            {
                _hits[i] = 0;
                _latched[i] = false;
            }

            _total = 0;
        }

        /// <summary>
        /// Records a hit of <paramref name="site"/>: counts it and, the first time, writes its line.
        /// </summary>
        /// <param name="site">The site that fired.</param>
        /// <returns>True if this was the first hit (the line was written); false for a value outside <see cref="WarnSite"/>, which is not counted.</returns>
        public bool Hit(WarnSite site)
        {
            int i = (int)site;
            if ((uint)i >= SiteCount)
            {
                return false;
            }

            _total++;
            _hits[i]++;
            if (_latched[i])
            {
                return false;
            }

            _latched[i] = true;
            WarnWriter output = Output;
            if (output != null)
            {
                output(Lines[i]);
            }

            return true;
        }
    }
}
