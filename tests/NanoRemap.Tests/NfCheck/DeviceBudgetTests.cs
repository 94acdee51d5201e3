using NanoRemap.Tooling.NfCheck;
using Xunit;

namespace NanoRemap.Tests.NfCheck;

/// <summary>The device-cost budget on fixture windows: one managed frame to the native call, and the size limit.</summary>
public sealed class DeviceBudgetTests
{
    private const string Natives = @"
using System;
using System.Runtime.CompilerServices;
namespace Fixture
{
    internal static class NativeRegisterAccess
    {
        [MethodImpl(MethodImplOptions.InternalCall)] internal static extern uint NativeRead32(uint address);
        [MethodImpl(MethodImplOptions.InternalCall)] internal static extern void NativeWrite32(uint address, uint value);
    }
    internal static class Errors
    {
        internal static Exception BadOffset(uint offset) { return new ArgumentOutOfRangeException(""offset"", ""bad offset "" + offset.ToString()); }
    }
    public interface IBus { uint Read32(uint address); void Write32(uint address, uint value); }
}";

    private static string Window(string read, string write) => Natives + @"
namespace Fixture
{
    public sealed class MmioWindow
    {
        private readonly uint _base;
        private readonly uint _size;
        private readonly IBus _bus;
        public MmioWindow(uint b, uint s, IBus bus) { _base = b; _size = s; _bus = bus; }
        private uint Raw(uint a) { return NativeRegisterAccess.NativeRead32(a); }
        public uint Read32(uint offset) { " + read + @" }
        public void Write32(uint offset, uint value) { " + write + @" }
    }
}";

    private const string CheckedRead = "if ((offset & 3) != 0 || offset >= _size) throw Errors.BadOffset(offset); return NativeRegisterAccess.NativeRead32(_base + offset);";
    private const string CheckedWrite = "if (offset >= _size) { throw new ArgumentOutOfRangeException(\"offset\"); } NativeRegisterAccess.NativeWrite32(_base + offset, value);";

    [Fact]
    public void Direct_native_call_with_checks_that_throw_is_one_frame()
    {
        string dll = NanoCompiler.Compile(Window(CheckedRead, CheckedWrite));
        var report = new DeviceBudget().Measure(dll);
        Assert.Empty(report.Offences);
        Assert.Equal(2, report.Paths.Count);
        Assert.All(report.Paths, p => Assert.Equal(1, p.ManagedFrames));
        var read = Assert.Single(report.Paths, p => p.Method == "Fixture.MmioWindow::Read32");
        Assert.Equal(new[] { "Fixture.MmioWindow::Read32", "[native] Fixture.NativeRegisterAccess::NativeRead32" }, read.Path);
        Assert.True(report.AssemblyBytes > 0 && report.AssemblyBytes < DeviceBudget.DefaultMaxBytes);
    }

    [Fact]
    public void A_wrapper_method_on_the_register_path_is_a_second_frame()
    {
        string dll = NanoCompiler.Compile(Window("return Raw(_base + offset);", CheckedWrite));
        var report = new DeviceBudget().Measure(dll);
        var read = Assert.Single(report.Paths, p => p.Method == "Fixture.MmioWindow::Read32");
        Assert.Equal(2, read.ManagedFrames);
        Assert.Contains(report.Offences, o => o.Where == "Fixture.MmioWindow::Read32" && o.Message.Contains("2 managed frames"));
        Assert.DoesNotContain(report.Offences, o => o.Where == "Fixture.MmioWindow::Write32");
    }

    [Fact]
    public void Interface_dispatch_on_the_register_path_is_reported()
    {
        string dll = NanoCompiler.Compile(Window(CheckedRead, "_bus.Write32(_base + offset, value);"));
        var report = new DeviceBudget().Measure(dll);
        Assert.Contains(report.Offences, o => o.Where == "Fixture.MmioWindow::Write32" && o.Message.Contains("callvirt Fixture.IBus::Write32"));
        Assert.Contains(report.Offences, o => o.Where == "Fixture.MmioWindow::Write32" && o.Message.Contains("never reaches an InternalCall"));
        Assert.DoesNotContain(report.Offences, o => o.Where == "Fixture.MmioWindow::Read32");
    }

    [Fact]
    public void A_simulator_branch_beside_the_native_call_is_not_on_the_register_path()
    {
        // The device build may keep a host-simulator branch: on hardware it is one field load and a branch, and
        // the register access itself is still one frame. Only what lies on the way to the native call counts.
        string read = "if (offset >= _size) throw Errors.BadOffset(offset); IBus bus = _bus; if (bus == null) { return NativeRegisterAccess.NativeRead32(_base + offset); } return bus.Read32(_base + offset);";
        string write = "IBus bus = _bus; if (bus != null) { bus.Write32(_base + offset, value); return; } Errors.BadOffset(offset); NativeRegisterAccess.NativeWrite32(_base + offset, value);";
        var report = new DeviceBudget().Measure(NanoCompiler.Compile(Window(read, write)));
        Assert.All(report.Paths, p => Assert.Equal(1, p.ManagedFrames));
        Assert.DoesNotContain(report.Offences, o => o.Where == "Fixture.MmioWindow::Read32");
        // ... but a managed call on the way to the native write is an extra frame.
        Assert.Contains(report.Offences, o => o.Where == "Fixture.MmioWindow::Write32" && o.Message.Contains("call Fixture.Errors::BadOffset: an extra managed frame"));
        Assert.DoesNotContain(report.Offences, o => o.Message.Contains("IBus::Write32"));
    }

    [Fact]
    public void The_library_window_is_a_native_fast_path_and_a_fixture_window_is_not()
    {
        // NativeFastPaths names NanoRemap.Mmio.MmioWindow's single-register operations: on the firmware they are the
        // InternalCall (0 frames); the fixture's window of the same shape in another namespace keeps its one frame.
        string library = Window(CheckedRead, CheckedWrite).Replace(
            "namespace Fixture\n{\n    public sealed class MmioWindow", "namespace NanoRemap.Mmio\n{\n    using Fixture;\n    public sealed class MmioWindow");
        Assert.Contains("namespace NanoRemap.Mmio", library);
        var fast = new DeviceBudget().Measure(NanoCompiler.Compile(library));
        Assert.Empty(fast.Offences);
        Assert.All(fast.Paths, p => Assert.True(p.NativeFastPath && p.FirmwareFrames == 0 && p.ManagedFrames == 1, p.Method));

        var fixture = new DeviceBudget().Measure(NanoCompiler.Compile(Window(CheckedRead, CheckedWrite)));
        Assert.All(fixture.Paths, p => Assert.True(!p.NativeFastPath && p.FirmwareFrames == 1, p.Method));
    }

    [Fact]
    public void Assembly_over_the_size_limit_is_reported_with_its_size()
    {
        string dll = NanoCompiler.Compile(Window(CheckedRead, CheckedWrite));
        long size = new FileInfo(dll).Length;
        var report = new DeviceBudget().Measure(dll, maxBytes: size);
        var o = Assert.Single(report.Offences);
        Assert.Equal("<assembly>", o.Where);
        Assert.Contains(size.ToString(), o.Message);
    }
}
