namespace NanoRemap.Boards
{
    /// <summary>
    /// Name lookups as people type them, for the error paths of <see cref="BoardMap"/> and the bus: an ASCII
    /// case-insensitive compare and the closest names by edit distance (Levenshtein), for "did you mean" messages.
    /// Off the hot path; arrays only (no LINQ, no generics), so it runs on the nanoCLR.
    /// </summary>
    internal static class NameMatch
    {
        /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are equal ignoring ASCII case.</summary>
        /// <param name="a">One name.</param>
        /// <param name="b">The other.</param>
        /// <returns>Whether they match.</returns>
        internal static bool EqualsIgnoreCase(string a, string b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (Upper(a[i]) != Upper(b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Up to three of <paramref name="names"/> closest to <paramref name="name"/>, comma-separated, best first.</summary>
        /// <param name="name">The name given.</param>
        /// <param name="names">The names that exist.</param>
        /// <returns>"A, B, C", or an empty string when there are no names.</returns>
        internal static string Closest(string name, string[] names)
        {
            int count = names.Length < 3 ? names.Length : 3;
            int[] best = new int[count];
            int[] score = new int[count];
            int found = 0;
            for (int i = 0; i < names.Length; i++)
            {
                int s = Distance(name, names[i]);
                int at = found;
                while (at > 0 && score[at - 1] > s)
                {
                    at--;
                }

                if (at >= count)
                {
                    continue;
                }

                for (int j = (found < count ? found : count - 1); j > at; j--)
                {
                    best[j] = best[j - 1];
                    score[j] = score[j - 1];
                }

                best[at] = i;
                score[at] = s;
                if (found < count)
                {
                    found++;
                }
            }

            string text = string.Empty;
            for (int i = 0; i < found; i++)
            {
                text += (i == 0 ? string.Empty : ", ") + names[best[i]];
            }

            return text;
        }

        /// <summary>Edit distance ignoring ASCII case; a name that contains the other (or is contained) scores as close.</summary>
        /// <param name="a">One name.</param>
        /// <param name="b">The other.</param>
        /// <returns>The number of single-character edits, at most that of a containment.</returns>
        internal static int Distance(string a, string b)
        {
            int[] prev = new int[b.Length + 1];
            int[] cur = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                prev[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int d = prev[j - 1] + (Upper(a[i - 1]) == Upper(b[j - 1]) ? 0 : 1);
                    if (prev[j] + 1 < d)
                    {
                        d = prev[j] + 1;
                    }

                    if (cur[j - 1] + 1 < d)
                    {
                        d = cur[j - 1] + 1;
                    }

                    cur[j] = d;
                }

                int[] t = prev;
                prev = cur;
                cur = t;
            }

            int distance = prev[b.Length];
            return Contains(a, b) || Contains(b, a) ? distance / 2 : distance;
        }

        /// <summary>The chip name without separators and in lower case: <c>ESP32-C3</c>, <c>esp32_c3</c>, <c>ESP32C3</c> → <c>esp32c3</c>.</summary>
        /// <param name="name">A chip name as written.</param>
        /// <returns>The squeezed lower-case form.</returns>
        internal static string SqueezeLower(string name)
        {
            char[] c = new char[name.Length];
            int n = 0;
            for (int i = 0; i < name.Length; i++)
            {
                char ch = name[i];
                if (ch == '-' || ch == '_' || ch == ' ')
                {
                    continue;
                }

                c[n++] = ch >= 'A' && ch <= 'Z' ? (char)(ch + ('a' - 'A')) : ch;
            }

            return new string(c, 0, n);
        }

        private static bool Contains(string hay, string needle)
        {
            if (needle.Length == 0 || needle.Length > hay.Length)
            {
                return false;
            }

            for (int i = 0; i + needle.Length <= hay.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && Upper(hay[i + j]) == Upper(needle[j]))
                {
                    j++;
                }

                if (j == needle.Length)
                {
                    return true;
                }
            }

            return false;
        }

        private static char Upper(char c)
        {
            return c >= 'a' && c <= 'z' ? (char)(c - ('a' - 'A')) : c;
        }
    }
}
