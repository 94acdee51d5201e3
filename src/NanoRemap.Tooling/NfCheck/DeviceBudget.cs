using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>The measured cost of one register-path method.</summary>
/// <param name="Method">"Type::Method" of the entry point (e.g. NanoRemap.Mmio.MmioWindow::Read32).</param>
/// <param name="ManagedFrames">Managed frames of its IL from the entry to the native call, the entry included (0 when no native call was reached).</param>
/// <param name="Path">The chain, entry first, ending in the InternalCall extern ("[native] ...").</param>
/// <param name="NativeFastPath">
/// The interop library implements the method itself (<see cref="Native.NativeFastPaths"/>): on a firmware with the
/// library it is the InternalCall, no managed frame; its IL (<see cref="ManagedFrames"/>) runs on the host, on a
/// nanoCLR without the library, and where the handler hands a call back (a simulated window, a bad argument).
/// </param>
public sealed record HotPathCost(string Method, int ManagedFrames, IReadOnlyList<string> Path, bool NativeFastPath = false)
{
    /// <summary>Managed frames on top of the InternalCall on a firmware with the interop library: 0 for a native fast path.</summary>
    public int FirmwareFrames => NativeFastPath ? 0 : ManagedFrames;
}

/// <summary>A call from user code (a driver built on NanoRemap.Mmio) to a method of the register path's types.</summary>
/// <param name="Caller">"Type::Method" of the user method.</param>
/// <param name="Callee">"Type::Method" called (e.g. NanoRemap.Mmio.MmioWindow::Write32).</param>
/// <param name="InLoop">Whether the call sits in a loop of the caller.</param>
public sealed record RegisterCallSite(string Caller, string Callee, bool InLoop);

/// <summary>What the budget check measured, and what broke it.</summary>
/// <param name="AssemblyBytes">Size of the assembly file.</param>
/// <param name="Paths">Cost of each register-path method found.</param>
/// <param name="Offences">Budget breaches (empty when within budget).</param>
/// <param name="CallSites">User code: its calls into MmioWindow / RegisterBus (empty for the library itself).</param>
public sealed record BudgetReport(long AssemblyBytes, IReadOnlyList<HotPathCost> Paths, IReadOnlyList<NfOffence> Offences, IReadOnlyList<RegisterCallSite>? CallSites = null);

/// <summary>
/// The device-cost budget, read from the IL: each register-path method (by default the window's
/// <see cref="SingleRegisterOperations"/>, <c>MmioWindow.Read32</c> ... <c>SetField</c>) of the library must be a native fast path (<see cref="Native.NativeFastPaths"/>: the
/// interop library implements it, so on the firmware it is the InternalCall itself, zero managed frames), and its IL
/// (run on the host, on a nanoCLR without the library and when the handler hands a call back) must reach its
/// InternalCall extern in one managed frame - the IL calls the extern
/// directly, with no <c>callvirt</c> and no call to another managed method except on the error path (blocks that end in throw, see
/// <see cref="ErrorPaths"/>) or to throw helpers - and the assembly must stay under a size limit (32 KB by default). nanoCLR costs: about 25 ns per
/// managed frame, about 60 ns per interface dispatch (team rules).
/// </summary>
public sealed class DeviceBudget
{
    /// <summary>Default size limit: 32 KB.</summary>
    public const long DefaultMaxBytes = 32 * 1024;

    /// <summary>
    /// The window's single-register operations: in the library (which defines <c>NanoRemap.Mmio.MmioWindow</c>) each
    /// must be a native fast path, one InternalCall on the firmware. Block and FIFO transfers move N words in one
    /// InternalCall and keep their managed frame.
    /// </summary>
    public static readonly IReadOnlyList<string> SingleRegisterOperations = new[] { "Read32", "Write32", "Modify", "SetBits", "ClearBits", "ToggleBits", "SetField" };

    /// <summary>Default register-path methods: type name "MmioWindow", its <see cref="SingleRegisterOperations"/> (Read32 and Write32 required, the others where the window has them).</summary>
    public static readonly IReadOnlyList<string> DefaultHotMethods = SingleRegisterOperations.Select(m => "MmioWindow::" + m).ToArray();

    private const int MaxFrames = 1;
    private MetadataReader _md = null!;
    private PEReader _pe = null!;

    /// <summary>
    /// The register-path calls that cost too much in user code: a register-name lookup (about 1.1 us on the nanoCLR,
    /// sixteen empty loop iterations) or a new window inside a loop. Look the offset up once, or use the generated
    /// constants of the chip's definitions assembly (NanoRemap.&lt;Chip&gt;).
    /// </summary>
    public static readonly IReadOnlyList<string> CostlyInLoops = new[] { "MmioWindow::OffsetOf", "RegisterBus::Map", "RegisterBus::MapBlock" };

    /// <summary>Measures the assembly at <paramref name="assemblyPath"/>.</summary>
    /// <param name="assemblyPath">The nanoFramework build of the library, or of user code (a driver) built on it.</param>
    /// <param name="hotMethods">
    /// "TypeName::Method" (type name without namespace); every overload is checked. Null: the library's
    /// <see cref="DefaultHotMethods"/> when the assembly defines MmioWindow; otherwise the assembly is user code, and
    /// the budget is its size plus no <see cref="CostlyInLoops"/> call in a loop (its calls are listed in
    /// <see cref="BudgetReport.CallSites"/>; the library's own register path is gated when the library is checked).
    /// </param>
    /// <param name="maxBytes">Size limit of the assembly file.</param>
    public BudgetReport Measure(string assemblyPath, IReadOnlyList<string>? hotMethods = null, long maxBytes = DefaultMaxBytes) =>
        MalformedAssembly.Guard(assemblyPath, () => MeasureFile(assemblyPath, hotMethods, maxBytes));

    private BudgetReport MeasureFile(string assemblyPath, IReadOnlyList<string>? hotMethods, long maxBytes)
    {
        long size = new FileInfo(assemblyPath).Length;
        var offences = new List<NfOffence>();
        if (size >= maxBytes)
        {
            offences.Add(new NfOffence("<assembly>", NfRule.Budget, $"assembly is {size} bytes; the budget is under {maxBytes} bytes"));
        }

        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        _pe = pe;
        _md = pe.GetMetadataReader();
        if (hotMethods == null && !DefinesType("MmioWindow"))
        {
            var sites = CallSites();
            foreach (var site in sites.Where(c => c.InLoop && CostlyInLoops.Any(k => c.Callee.EndsWith("." + k, StringComparison.Ordinal))))
            {
                offences.Add(new NfOffence(site.Caller, NfRule.Budget,
                    $"calls {site.Callee} in a loop: look the register up once outside the loop, or use the chip's generated constants (NanoRemap.<Chip>)"));
            }

            return new BudgetReport(size, Array.Empty<HotPathCost>(), offences, sites);
        }

        // The defaults: Read32 and Write32 must be there; the other single-register operations are checked where a
        // window has them.
        bool defaults = hotMethods == null;
        hotMethods ??= DefaultHotMethods;
        var paths = new List<HotPathCost>();
        foreach (string spec in hotMethods)
        {
            int sep = spec.IndexOf("::", StringComparison.Ordinal);
            string typeName = spec.Substring(0, sep);
            string methodName = spec.Substring(sep + 2);
            var found = FindMethods(typeName, methodName).ToList();
            if (found.Count == 0)
            {
                if (defaults && methodName != "Read32" && methodName != "Write32")
                {
                    continue;
                }

                offences.Add(new NfOffence(spec, NfRule.Budget, "register-path method not found in the assembly"));
                continue;
            }
            foreach (var mh in found)
            {
                string where = TypeNames.MemberOf(_md, mh);
                var problems = new List<string>();
                var path = new List<string> { where };
                int frames = Walk(mh, path, problems, depth: 1, new HashSet<MethodDefinitionHandle>());
                bool fastPath = IsNativeFastPath(mh);
                paths.Add(new HotPathCost(where, frames, path, fastPath));
                if (!fastPath && SingleRegisterOperations.Contains(methodName) && DefinesType(Native.NativeFastPaths.WindowType))
                {
                    offences.Add(new NfOffence(where, NfRule.Budget,
                        "no native fast path (NativeFastPaths): on the firmware a managed frame runs on top of its InternalCall"));
                }
                foreach (string p in problems)
                {
                    offences.Add(new NfOffence(where, NfRule.Budget, p));
                }
                if (frames == 0)
                {
                    offences.Add(new NfOffence(where, NfRule.Budget, "never reaches an InternalCall extern: the register access is not native"));
                }
                else if (frames > MaxFrames)
                {
                    offences.Add(new NfOffence(where, NfRule.Budget, $"{frames} managed frames on the register path ({string.Join(" -> ", path)}); the budget is {MaxFrames}"));
                }
            }
        }
        return new BudgetReport(size, paths, offences);
    }

    private bool DefinesType(string typeName) =>
        _md.TypeDefinitions.Any(h => _md.GetString(_md.GetTypeDefinition(h).Name) == typeName || TypeNames.Of(_md, h) == typeName);

    // Whether the interop library's method_lookup[] names a handler for this method although it has IL.
    private bool IsNativeFastPath(MethodDefinitionHandle mh)
    {
        var m = _md.GetMethodDefinition(mh);
        return Native.NativeFastPaths.All.Contains(TypeNames.Of(_md, m.GetDeclaringType()) + "::" + _md.GetString(m.Name));
    }

    // Every call of a user method to a member of MmioWindow or RegisterBus (by type name, from any assembly).
    private List<RegisterCallSite> CallSites()
    {
        var sites = new List<RegisterCallSite>();
        foreach (var th in _md.TypeDefinitions)
        {
            foreach (var mh in _md.GetTypeDefinition(th).GetMethods())
            {
                var m = _md.GetMethodDefinition(mh);
                if (m.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var flow = new IlFlow(IlReader.Read(_pe.GetMethodBody(m.RelativeVirtualAddress)));
                for (int b = 0; b < flow.Count; b++)
                {
                    bool inLoop = flow.ReachableFrom(flow.Successors(b)).Contains(b);
                    foreach (var ins in flow.Instructions(b))
                    {
                        if (ins.OpCode != OpCodes.Call && ins.OpCode != OpCodes.Callvirt)
                        {
                            continue;
                        }

                        var target = MetadataTokens.EntityHandle(ins.Token);
                        if (target.Kind != HandleKind.MemberReference)
                        {
                            continue;
                        }

                        string callee = MethodName(target);
                        if (callee.Contains(".MmioWindow::", StringComparison.Ordinal) || callee.Contains(".RegisterBus::", StringComparison.Ordinal))
                        {
                            sites.Add(new RegisterCallSite(TypeNames.MemberOf(_md, mh), callee, inLoop));
                        }
                    }
                }
            }
        }

        return sites;
    }

    private IEnumerable<MethodDefinitionHandle> FindMethods(string typeName, string methodName)
    {
        foreach (var th in _md.TypeDefinitions)
        {
            var td = _md.GetTypeDefinition(th);
            if (_md.GetString(td.Name) != typeName)
            {
                continue;
            }
            foreach (var mh in td.GetMethods())
            {
                if (_md.GetString(_md.GetMethodDefinition(mh).Name) == methodName)
                {
                    yield return mh;
                }
            }
        }
    }

    // Returns the managed frames from this method to the native call (this frame counted), 0 when no native
    // call is reached. Only the register path is judged: the blocks that lie on a way from the entry to the
    // native call. Error blocks (ending in throw) and other branches (e.g. a host simulator) are not on it.
    private int Walk(MethodDefinitionHandle mh, List<string> path, List<string> problems, int depth, HashSet<MethodDefinitionHandle> visiting)
    {
        if (!visiting.Add(mh) || depth > 8)
        {
            return 0;
        }
        var m = _md.GetMethodDefinition(mh);
        if (m.RelativeVirtualAddress == 0)
        {
            visiting.Remove(mh);
            return 0;
        }
        string where = TypeNames.MemberOf(_md, mh);
        var flow = new IlFlow(IlReader.Read(_pe.GetMethodBody(m.RelativeVirtualAddress)));
        var error = ErrorPaths.ErrorBlocks(flow);
        var live = flow.ReachableFromEntry();
        live.ExceptWith(error);

        var calls = new List<(int Block, IlInstruction Ins)>();
        foreach (int b in live.OrderBy(x => x))
        {
            foreach (var ins in flow.Instructions(b))
            {
                if (ins.OpCode == OpCodes.Call || ins.OpCode == OpCodes.Callvirt || ins.OpCode == OpCodes.Newobj)
                {
                    calls.Add((b, ins));
                }
            }
        }

        // Phase 1: which calls reach the native register access (directly, or through a managed callee).
        int best = 0;
        List<string>? bestTail = null;
        var nativeBlocks = new HashSet<int>();
        var nativeCalls = new HashSet<int>();
        var calleeProblems = new Dictionary<int, List<string>>();
        foreach (var (block, ins) in calls)
        {
            var target = MetadataTokens.EntityHandle(ins.Token);
            if (ins.OpCode != OpCodes.Call || target.Kind != HandleKind.MethodDefinition)
            {
                continue;
            }
            var callee = (MethodDefinitionHandle)target;
            var cm = _md.GetMethodDefinition(callee);
            if ((cm.ImplAttributes & MethodImplAttributes.InternalCall) != 0)
            {
                nativeBlocks.Add(block);
                if (best == 0)
                {
                    best = depth;
                    bestTail = new List<string> { "[native] " + MethodName(target) };
                }
                continue;
            }
            if (IsThrowHelper(cm))
            {
                continue;
            }
            var tail = new List<string> { MethodName(target) };
            var sub = new List<string>();
            int frames = Walk(callee, tail, sub, depth + 1, visiting);
            calleeProblems[ins.Offset] = sub;
            if (frames > 0)
            {
                nativeBlocks.Add(block);
                nativeCalls.Add(ins.Offset);
                if (frames > best)
                {
                    best = frames;
                    bestTail = tail;
                }
            }
        }

        // Phase 2: judge every call on the register path.
        var onPath = new HashSet<int>(live);
        if (nativeBlocks.Count > 0)
        {
            onPath = flow.Reaching(nativeBlocks);
            onPath.UnionWith(flow.ReachableFrom(nativeBlocks));
        }
        onPath.IntersectWith(live);
        foreach (var (block, ins) in calls)
        {
            if (!onPath.Contains(block))
            {
                continue;
            }
            var target = MetadataTokens.EntityHandle(ins.Token);
            string targetName = MethodName(target);
            if (ins.OpCode == OpCodes.Newobj)
            {
                if (!IsExceptionConstructor(target))
                {
                    problems.Add($"{where} IL_{ins.Offset:X4} allocates ({targetName}) on the register path");
                }
                continue;
            }
            if (ins.OpCode == OpCodes.Callvirt)
            {
                problems.Add($"{where} IL_{ins.Offset:X4} callvirt {targetName}: {(IsVirtual(target) ? "virtual/interface dispatch" : "a null-checked managed call")} on the register path");
                continue;
            }
            if (target.Kind != HandleKind.MethodDefinition)
            {
                problems.Add($"{where} IL_{ins.Offset:X4} call {targetName}: a managed call outside the library on the register path");
                continue;
            }
            var cm = _md.GetMethodDefinition((MethodDefinitionHandle)target);
            if ((cm.ImplAttributes & MethodImplAttributes.InternalCall) != 0 || IsThrowHelper(cm))
            {
                continue;
            }
            if (calleeProblems.TryGetValue(ins.Offset, out var sub))
            {
                problems.AddRange(sub);
            }
            if (!nativeCalls.Contains(ins.Offset))
            {
                problems.Add($"{where} IL_{ins.Offset:X4} call {targetName}: an extra managed frame on the register path");
            }
        }

        visiting.Remove(mh);
        if (bestTail is not null)
        {
            path.AddRange(bestTail);
        }
        return best;
    }

    private bool IsVirtual(EntityHandle h) =>
        h.Kind != HandleKind.MethodDefinition || (_md.GetMethodDefinition((MethodDefinitionHandle)h).Attributes & MethodAttributes.Virtual) != 0;

    // A throw helper never returns: its body has a throw and no ret (the error path of a register access).
    private bool IsThrowHelper(MethodDefinition m)
    {
        if (m.RelativeVirtualAddress == 0)
        {
            return false;
        }
        bool throws = false;
        foreach (var ins in IlReader.Read(_pe.GetMethodBody(m.RelativeVirtualAddress)))
        {
            if (ins.OpCode == OpCodes.Ret)
            {
                return false;
            }
            throws |= ins.OpCode == OpCodes.Throw;
        }
        return throws;
    }

    private bool IsExceptionConstructor(EntityHandle ctor)
    {
        string? typeName = ctor.Kind switch
        {
            HandleKind.MemberReference => TypeNames.Of(_md, _md.GetMemberReference((MemberReferenceHandle)ctor).Parent),
            HandleKind.MethodDefinition => TypeNames.Of(_md, _md.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType()),
            _ => null,
        };
        return typeName is not null && (typeName.EndsWith("Exception", StringComparison.Ordinal));
    }

    private string MethodName(EntityHandle h) => h.Kind switch
    {
        HandleKind.MethodDefinition => TypeNames.MemberOf(_md, (MethodDefinitionHandle)h),
        HandleKind.MemberReference => TypeNames.Of(_md, _md.GetMemberReference((MemberReferenceHandle)h).Parent) + "::" +
            _md.GetString(_md.GetMemberReference((MemberReferenceHandle)h).Name),
        HandleKind.MethodSpecification => MethodName(_md.GetMethodSpecification((MethodSpecificationHandle)h).Method) + "<...>",
        _ => h.Kind.ToString(),
    };
}
