using NanoRemap.Mmio;

namespace NanoRemap.Tests.Samples;

/// <summary>
/// What the silicon does on its own that the four sample drivers wait for, as simulator hooks: the LEDC clearing
/// DUTY_START when a fade is done, the UART draining its TX FIFO, the SYSTIMER latching a count on UPDATE, a GPIO pad
/// reading back what it drives. The simulator is gaining these behaviours itself (branch <c>sim</c>: UART FIFO counts,
/// the SYSTIMER counter, GPIO loopback, LEDC updates); when they land, each helper here is replaced by the simulator's
/// own model and the tests keep their assertions. One helper per behaviour, so the switch is one line per test.
/// </summary>
internal static class SampleHardware
{
    /// <summary>The LEDC's DUTY_START bit reads 0 again once read after being set: the fade (or update) is done.</summary>
    public static void LedcDutyStartSelfClears(RegisterSimulator sim, uint conf1Address, uint dutyStartField) =>
        sim.OnRead(conf1Address, (s, a, v) => v & ~RegisterField.InPlace(dutyStartField));

    /// <summary>
    /// A UART TX FIFO: each write of the FIFO register queues a byte (into <paramref name="sent"/>), each read of STATUS
    /// first sends up to <paramref name="drainPerRead"/> bytes and then reports the count left in TXFIFO_CNT. A write
    /// into a full FIFO (<paramref name="depth"/> bytes) fails the test.
    /// </summary>
    public static void UartFifo(RegisterSimulator sim, uint fifoAddress, uint statusAddress, uint txFifoCntField, int depth, int drainPerRead, List<byte> sent)
    {
        int queued = 0;
        sim.OnWrite(fifoAddress, (s, a, v) =>
        {
            Xunit.Assert.True(queued < depth, $"write into a full TX FIFO ({queued} of {depth} bytes)");
            queued++;
            sent.Add((byte)v);
        });
        sim.OnRead(statusAddress, (s, a, v) =>
        {
            queued = Math.Max(0, queued - drainPerRead);
            return (v & ~RegisterField.InPlace(txFifoCntField)) | ((uint)queued << RegisterField.Shift(txFifoCntField));
        });
    }

    /// <summary>
    /// A SYSTIMER unit: writing UPDATE latches <paramref name="count"/>() into VALUE_HI / VALUE_LO, and VALUE_VALID reads 1
    /// from the <paramref name="validAfter"/>-th read of the OP register after it.
    /// </summary>
    public static void SystimerUnit(RegisterSimulator sim, uint opAddress, uint updateField, uint validField, uint hiAddress, uint loAddress, Func<ulong> count, int validAfter)
    {
        int polls = -1;
        sim.OnWrite(opAddress, (s, a, v) =>
        {
            if ((v & RegisterField.InPlace(updateField)) != 0)
            {
                ulong c = count();
                s.Poke(hiAddress, (uint)(c >> 32));
                s.Poke(loAddress, (uint)c);
                polls = 0;
            }
        });
        sim.OnRead(opAddress, (s, a, v) => polls >= 0 && ++polls >= validAfter ? v | RegisterField.InPlace(validField) : v & ~RegisterField.InPlace(validField));
    }

    /// <summary>GPIO_IN reads the pins driven (OUT where ENABLE) and, elsewhere, the levels <paramref name="outside"/>() gives.</summary>
    public static void GpioLoopback(RegisterSimulator sim, uint gpioBase, uint inOffset, uint outOffset, uint enableOffset, Func<uint> outside) =>
        sim.OnRead(gpioBase + inOffset, (s, a, v) =>
        {
            uint enable = s.Peek(gpioBase + enableOffset);
            return (s.Peek(gpioBase + outOffset) & enable) | (outside() & ~enable);
        });
}
