using NanoRemap.Testing;
using LedcPwm;
using NanoRemap.Boards;
using NanoRemap.Facts;
using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Simulation;

/// <summary>
/// The LedcPwm sample's driver (samples/LedcPwm/LedcFader.cs, compiled in here) fades on the ESP32 simulator with the
/// LEDC peripheral model: every duty it writes reaches the channel's output duty on the update bits. No hook.
/// </summary>
public class LedcFadeTests
{
    /// <summary>
    /// The ESP32 simulator with every LEDC <c>xSCHn_DUTY</c> register read/write, as ESP-IDF's ledc_reg.h has them
    /// (the vendor SVD says read-only: issue 13's facts fix, an svd-patches.txt access patch). Once the facts say
    /// R/W this changes nothing (asserted below, so the crutch is visible while it exists).
    /// </summary>
    internal static RegisterSimulator Esp32WithWritableDuty()
    {
        ChipFacts facts = SimulatorModels.Facts("esp32");
        RegisterModel model = SimulatorModels.FromFacts(facts);
        foreach (FactsRegister r in facts.Registers.Where(r => r.Peripheral.Name == "LEDC" && System.Text.RegularExpressions.Regex.IsMatch(r.Name, "^[HL]SCH[0-7]_DUTY$")))
        {
            int i = model.Find(r.Address);
            if (model.GetReadOnlyMask(i) != 0)
            {
                model.Add(r.Address, r.Reset, ~r.Fields[0].Mask, 0, 0, 0); // IDF LEDC_DUTY_LSCHn: R/W, bits 0..24
            }
        }

        return new RegisterSimulator(BoardMap.Get("esp32"), model);
    }

    [Fact]
    public void The_sample_fades_on_the_esp32_simulator()
    {
        RegisterSimulator sim = Esp32WithWritableDuty();
        var ledc = new LedcModel();
        sim.Attach(ledc);
        sim.Attach(new GpioLoopbackModel());
        RegisterBus bus = RegisterBus.CreateSimulated(sim);
        MmioWindow window = LedcFader.Setup(sim.Board, bus);
        MmioWindow gpio = bus.MapBlock("GPIO");
        Assert.Equal(1u << LedcFader.LedPin, gpio.Read32(gpio.OffsetOf("ENABLE")) & (1u << LedcFader.LedPin));

        uint dutyR = SimulatorModels.Facts("esp32").FindRegister("LEDC.LSCH0_DUTY_R")!.Address - window.PhysicalAddress;
        uint duty = 0, highest = 0;
        int step = 16, turns = 0, lastStep = step;
        for (int i = 0; i < 200; i++)
        {
            LedcFader.SetDuty(window, duty);
            Assert.Equal(duty << 4, window.Read32(dutyR));   // the output duty follows, step by step
            highest = Math.Max(highest, duty);
            duty = LedcFader.Next(duty, ref step);
            turns += step != lastStep ? 1 : 0;
            lastStep = step;
        }

        Assert.Equal(200, ledc.Updates);
        Assert.True(highest > LedcFader.MaxDuty - 16, $"highest duty {highest}");
        Assert.True(turns >= 2, "the fade turns at both ends");
    }
}
