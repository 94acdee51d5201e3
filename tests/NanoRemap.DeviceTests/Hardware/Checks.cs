using System;
using nanoFramework.TestFramework;

namespace NanoRemap.DeviceTests.Hardware
{
    /// <summary>Code a check expects to be refused.</summary>
    internal delegate void Probe();

    /// <summary>
    /// The checks of one test: each behaviour check compares a value, each refusal check requires an
    /// InvalidOperationException with the exact words of the native layer. Every failure is printed
    /// (<see cref="OutputHelper"/>, visible in Release) and nothing escapes before <see cref="Done"/>, which prints
    /// <c>hardware: NAME: B behaviour checks, R refusals, F failed</c> (the CI step adds these up) and asserts.
    /// </summary>
    internal sealed class Checks
    {
        private readonly string _name;
        private int _behaviour;
        private int _refusals;
        private int _failed;

        /// <summary>Starts the checks of one test.</summary>
        /// <param name="name">The test's name, for the summary line.</param>
        public Checks(string name)
        {
            _name = name;
        }

        /// <summary>A behaviour check: <paramref name="actual"/> is <paramref name="expected"/>.</summary>
        public void Eq(string what, uint expected, uint actual)
        {
            _behaviour++;
            if (expected != actual)
            {
                Fail(what + ": expected 0x" + expected.ToString("X8") + ", got 0x" + actual.ToString("X8"));
            }
        }

        /// <summary>A behaviour check: <paramref name="condition"/> holds.</summary>
        public void True(string what, bool condition)
        {
            _behaviour++;
            if (!condition)
            {
                Fail(what + ": is false");
            }
        }

        /// <summary>A behaviour check: <paramref name="probe"/> runs without an exception.</summary>
        public void Works(string what, Probe probe)
        {
            _behaviour++;
            try
            {
                probe();
            }
            catch (Exception ex)
            {
                Fail(what + ": threw " + ex.GetType().FullName + ": " + ex.Message);
            }
        }

        /// <summary>A refusal check: <paramref name="probe"/> throws InvalidOperationException saying <paramref name="words"/>.</summary>
        public void Refused(string what, string words, Probe probe)
        {
            _refusals++;
            try
            {
                probe();
                Fail(what + ": not refused (expected \"" + words + "\")");
            }
            catch (InvalidOperationException ex)
            {
                if (ex.Message != words)
                {
                    Fail(what + ": refused with \"" + ex.Message + "\", expected \"" + words + "\"");
                }
            }
            catch (Exception ex)
            {
                Fail(what + ": threw " + ex.GetType().FullName + ": " + ex.Message + " (expected InvalidOperationException \"" + words + "\")");
            }
        }

        /// <summary>Runs <paramref name="probe"/>; an exception there fails the test with its message (set-up steps).</summary>
        public bool Step(string what, Probe probe)
        {
            try
            {
                probe();
                return true;
            }
            catch (Exception ex)
            {
                Fail(what + ": threw " + ex.GetType().FullName + ": " + ex.Message);
                return false;
            }
        }

        /// <summary>Prints the summary line and fails the test when a check failed or none ran.</summary>
        public void Done()
        {
            string summary = "hardware: " + _name + ": " + _behaviour.ToString() + " behaviour checks, " + _refusals.ToString()
                + " refusals, " + _failed.ToString() + " failed";
            OutputHelper.WriteLine(summary);
            Assert.IsTrue(_behaviour + _refusals > 0, _name + ": no check ran");
            Assert.AreEqual(0, _failed, summary);
        }

        private void Fail(string line)
        {
            _failed++;
            OutputHelper.WriteLine("hardware: " + _name + ": " + line);
        }
    }
}
