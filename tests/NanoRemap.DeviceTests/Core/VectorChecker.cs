using System;

namespace NanoRemap.DeviceTests
{
    /// <summary>
    /// Compares what the engine computed for a case with the case's expected output, field by field, in the
    /// contract's output order, and says what differs. It never throws for a mismatch: on the nanoCLR an
    /// uncaught exception prints nothing, so the failure is returned as text for the caller to print.
    /// </summary>
    public static class VectorChecker
    {
        /// <summary>Evaluates <paramref name="c"/> and checks it.</summary>
        /// <param name="fileName">The .vec file, for the message.</param>
        /// <param name="c">The case.</param>
        /// <returns>Null when the case passes, else one line naming the file, line and every differing field.</returns>
        public static string Check(string fileName, VectorCase c)
        {
            VectorOutcome o;
            try
            {
                o = VectorEvaluator.Evaluate(c);
            }
            catch (Exception ex)
            {
                return Where(fileName, c) + "threw " + ex.GetType().FullName + ": " + ex.Message;
            }

            return Compare(fileName, c, o);
        }

        /// <summary>Checks a computed outcome against the case's expected fields.</summary>
        /// <param name="fileName">The .vec file, for the message.</param>
        /// <param name="c">The case with its expected output.</param>
        /// <param name="o">What the engine computed.</param>
        /// <returns>Null when every printed field matches, else the differences.</returns>
        public static string Compare(string fileName, VectorCase c, VectorOutcome o)
        {
            string diff = null;
            diff = Int(diff, "rc", c.ExpectRc, o.Rc);
            switch (c.Op)
            {
                case VectorOp.Prep:
                    if (c.ExpectRc == 0 && o.Rc == 0)
                    {
                        diff = Hex(diff, "pfn", c.ExpectPfn, o.Pfn);
                    }

                    break;
                case VectorOp.Iomap:
                    if (c.ExpectRc == 0 && o.Rc == 0)
                    {
                        diff = Hex(diff, "pfn", c.ExpectPfn, o.Pfn);
                        diff = Hex(diff, "pgoff", c.ExpectPgoff, o.Pgoff);
                        diff = Hex(diff, "flags", c.ExpectFlags, o.Flags);
                    }

                    break;
                case VectorOp.RemapPfnRange:
                    if (c.ExpectRc == 0 && o.Rc == 0)
                    {
                        diff = Hex(diff, "pgoff", c.ExpectPgoff, o.Pgoff);
                        diff = Hex(diff, "flags", c.ExpectFlags, o.Flags);
                    }

                    break;
                default:
                    diff = Step(diff, "prepare", !c.ExpectPrepareSkipped, c.ExpectPrepare, o.PrepareRan, o.Prepare);
                    diff = Step(diff, "complete", !c.ExpectCompleteSkipped, c.ExpectComplete, o.CompleteRan, o.Complete);
                    diff = Int(diff, "type", c.ExpectType, o.Type);
                    if (HasPfn(c.ExpectType) && HasPfn(o.Type))
                    {
                        diff = Hex(diff, "pfn", c.ExpectPfn, o.Pfn);
                    }

                    diff = Hex(diff, "pgoff", c.ExpectPgoff, o.Pgoff);
                    diff = Hex(diff, "flags", c.ExpectFlags, o.Flags);
                    diff = Int(diff, "warns", c.ExpectWarns, o.Warns);
                    break;
            }

            return diff == null ? null : Where(fileName, c) + diff;
        }

        // mmap prints pfn= only for remap_pfn (1) and io_remap_pfn (2).
        private static bool HasPfn(int type)
        {
            return type == 1 || type == 2;
        }

        private static string Where(string fileName, VectorCase c)
        {
            return fileName + ":" + c.Line.ToString() + ": ";
        }

        private static string Int(string diff, string key, int expected, int actual)
        {
            if (expected == actual)
            {
                return diff;
            }

            return Append(diff, key + " expected " + expected.ToString() + " got " + actual.ToString());
        }

        private static string Hex(string diff, string key, ulong expected, ulong actual)
        {
            if (expected == actual)
            {
                return diff;
            }

            return Append(diff, key + " expected 0x" + expected.ToString("X") + " got 0x" + actual.ToString("X"));
        }

        // prepare= / complete=: whether the step ran, then its result (any int) when it did.
        private static string Step(string diff, string key, bool expectedRan, int expected, bool ran, int actual)
        {
            if (expectedRan == ran && (!ran || expected == actual))
            {
                return diff;
            }

            return Append(diff, key + " expected " + StepText(expectedRan, expected) + " got " + StepText(ran, actual));
        }

        private static string StepText(bool ran, int value)
        {
            return ran ? value.ToString() : "skip";
        }

        private static string Append(string diff, string part)
        {
            return diff == null ? part : diff + "; " + part;
        }
    }
}
