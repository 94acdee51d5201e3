using NanoRemap.Mm;

namespace NanoRemap.Tooling.Config;

/// <summary>
/// The project's settings file, <c>nf.config</c>: plain <c>key = value</c> lines, <c>#</c> comments (whole
/// line or trailing), blank lines. Keys are listed in <see cref="NfConfigKeys.All"/>; a key the file does
/// not set takes its built-in default (nommu / ilp32 / 12 / esp32).
/// </summary>
/// <remarks>
/// Lookup, as the CLI does it: an explicit <c>--config PATH</c> (<see cref="Load"/>), else the nearest
/// <c>nf.config</c> in the current directory or one of its parents (<see cref="Find"/>), else
/// <see cref="Defaults"/>. A malformed file is an <see cref="NfConfigException"/> naming file and line.
/// </remarks>
public sealed class NfConfig
{
    /// <summary>The file name looked up by <see cref="Find"/>.</summary>
    public const string FileName = "nf.config";

    private readonly Dictionary<string, string> _values;

    private NfConfig(Dictionary<string, string> values, string? path)
    {
        _values = values;
        SourcePath = path;
        ModelNames.TryParseModel(values[NfConfigKeys.Model], out KernelModel model);
        ModelNames.TryParseArch(values[NfConfigKeys.Arch], out WordModel arch);
        NfConfigKeys.TryParsePageShift(values[NfConfigKeys.PageShift], out int pageShift);
        Model = model;
        Arch = arch;
        PageShift = pageShift;
        Board = NanoRemap.Boards.BoardMap.ChipName(values[NfConfigKeys.Board]) ?? values[NfConfigKeys.Board]; // ESP32-C3 → esp32c3
    }

    /// <summary>The built-in defaults: nommu, ilp32, PAGE_SHIFT 12, esp32; no file.</summary>
    public static NfConfig Defaults { get; } = new NfConfig(NfConfigKeys.All.ToDictionary(k => k.Name, k => k.Default), null);

    /// <summary><c>model</c>: nommu or mmu.</summary>
    public KernelModel Model { get; }

    /// <summary><c>arch</c>: the C data model.</summary>
    public WordModel Arch { get; }

    /// <summary><c>page_shift</c>: PAGE_SHIFT, valid for <see cref="Arch"/>.</summary>
    public int PageShift { get; }

    /// <summary><c>board</c>: esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6 or esp32h2 (canonical: <c>ESP32-C3</c> in the file reads as esp32c3).</summary>
    public string Board { get; }

    /// <summary>The file the settings came from (full path), or null for the built-in defaults.</summary>
    public string? SourcePath { get; }

    /// <summary>The value of any key (the file's, else its default), as written.</summary>
    /// <param name="key">A key of <see cref="NfConfigKeys.All"/>.</param>
    /// <exception cref="KeyNotFoundException">Not a key of nf.config.</exception>
    public string Get(string key) => _values.TryGetValue(key, out string? v) ? v : throw new KeyNotFoundException($"nf.config has no key '{key}' (keys: {NfConfigKeys.Names})");

    /// <summary>The largest nf.config read (64 KiB; a real one is a few lines): a larger input, or an endless one such as /dev/zero, cannot be read.</summary>
    public const long MaxBytes = 64 * 1024;

    /// <summary>Reads and checks one nf.config file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The settings, with <see cref="SourcePath"/> set to the full path.</returns>
    /// <exception cref="NfConfigException">The file cannot be read or is malformed.</exception>
    public static NfConfig Load(string path)
    {
        string text;
        try
        {
            text = NanoRemap.IO.BoundedReader.ReadAllText(path, MaxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new NfConfigException(path, 0, "cannot read: " + e.Message, e);
        }

        return Parse(text, path, Path.GetFullPath(path));
    }

    /// <summary>
    /// Finds the nearest <c>nf.config</c> in <paramref name="startDir"/> or its parents and loads it;
    /// <see cref="Defaults"/> when there is none.
    /// </summary>
    /// <exception cref="NfConfigException">The file found is malformed.</exception>
    public static NfConfig Find(string startDir)
    {
        string? path = Locate(startDir);
        return path == null ? Defaults : Load(path);
    }

    /// <summary>The nearest <c>nf.config</c> in <paramref name="startDir"/> or its parents, or null.</summary>
    public static string? Locate(string startDir)
    {
        for (DirectoryInfo? d = new DirectoryInfo(Path.GetFullPath(startDir)); d != null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Parses nf.config text.</summary>
    /// <param name="text">The file's contents.</param>
    /// <param name="name">The file name to put in error messages.</param>
    /// <param name="sourcePath">What <see cref="SourcePath"/> reports; defaults to <paramref name="name"/>.</param>
    /// <exception cref="NfConfigException">A malformed line: missing <c>=</c>, unknown or duplicate key, bad value.</exception>
    public static NfConfig Parse(string text, string name, string? sourcePath = null)
    {
        var values = new Dictionary<string, string>();
        var lineOf = new Dictionary<string, int>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            string line = lines[i];
            int hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line.Substring(0, hash);
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            int eq = line.IndexOf('=');
            if (eq < 0)
            {
                throw new NfConfigException(name, lineNo, $"missing '=' in '{line}' (expected 'key = value')");
            }

            string key = line.Substring(0, eq).Trim();
            string value = line.Substring(eq + 1).Trim();
            if (key.Length == 0)
            {
                throw new NfConfigException(name, lineNo, $"missing key before '=' (keys: {NfConfigKeys.Names})");
            }

            NfConfigKey? spec = NfConfigKeys.Find(key);
            if (spec == null)
            {
                throw new NfConfigException(name, lineNo, $"unknown key '{key}' (keys: {NfConfigKeys.Names})");
            }

            if (lineOf.TryGetValue(key, out int first))
            {
                throw new NfConfigException(name, lineNo, $"duplicate key '{key}' (already set on line {first})");
            }

            if (value.Length == 0)
            {
                throw new NfConfigException(name, lineNo, $"missing value for {key} ({spec.Description})");
            }

            string? problem = spec.Check(value);
            if (problem != null)
            {
                throw new NfConfigException(name, lineNo, $"bad value for {key}: {problem}");
            }

            values[key] = value;
            lineOf[key] = lineNo;
        }

        foreach (NfConfigKey k in NfConfigKeys.All)
        {
            values.TryAdd(k.Name, k.Default);
        }

        // Cross-key rule: PAGE_SHIFT must be below BITS_PER_LONG of the chosen arch.
        ModelNames.TryParseArch(values[NfConfigKeys.Arch], out WordModel arch);
        NfConfigKeys.TryParsePageShift(values[NfConfigKeys.PageShift], out int pageShift);
        if (!ModelNames.IsValidPageShift(arch, pageShift))
        {
            lineOf.TryGetValue(NfConfigKeys.PageShift, out int psLine);
            throw new NfConfigException(name, psLine,
                $"bad value for page_shift: {pageShift} is out of range for arch {ModelNames.Name(arch)} (1..{ModelNames.LongBits(arch) - 1})");
        }

        return new NfConfig(values, sourcePath ?? name);
    }
}
