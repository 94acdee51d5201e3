using nanoFramework.TestFramework;

namespace NanoRemap.DeviceTests
{
    /// <summary>
    /// The MMIO window checks of Core/MmioChecks.cs on the nanoCLR, one test per check, each on every board
    /// map against a simulated register bus (the emulator has no ESP32 registers). The method order is
    /// MmioChecks.Names; HostRun/MmioChecksOnHostTests.cs runs the same checks in xunit.
    /// </summary>
    [TestClass]
    public class MmioTests
    {
        [TestMethod]
        public void MapsTheGpioBlockAtItsPhysicalAddress()
        {
            DeviceAssert.MmioCheckPasses(0);
        }

        [TestMethod]
        public void WriteThenReadBack()
        {
            DeviceAssert.MmioCheckPasses(1);
        }

        [TestMethod]
        public void W1tsSetsW1tcClearsAndBothReadZero()
        {
            DeviceAssert.MmioCheckPasses(2);
        }

        [TestMethod]
        public void AtomicSetAndClearAreOneStoreEach()
        {
            DeviceAssert.MmioCheckPasses(3);
        }

        [TestMethod]
        public void SetClearToggleBitsReadModifyWrite()
        {
            DeviceAssert.MmioCheckPasses(4);
        }

        [TestMethod]
        public void FieldsGetAndSet()
        {
            DeviceAssert.MmioCheckPasses(5);
        }

        [TestMethod]
        public void ReadOnlyRegisterIgnoresWrites()
        {
            DeviceAssert.MmioCheckPasses(6);
        }

        [TestMethod]
        public void ReservedGapReadsZeroAndIgnoresWrites()
        {
            DeviceAssert.MmioCheckPasses(7);
        }

        [TestMethod]
        public void OffsetOutsideTheWindowThrowsBeforeAnyAccess()
        {
            DeviceAssert.MmioCheckPasses(8);
        }

        [TestMethod]
        public void MisalignedOffsetThrowsBeforeAnyAccess()
        {
            DeviceAssert.MmioCheckPasses(9);
        }

        [TestMethod]
        public void WindowOutsideTheBoardMapIsRefused()
        {
            DeviceAssert.MmioCheckPasses(10);
        }

        [TestMethod]
        public void DeniedBlockIsRefused()
        {
            DeviceAssert.MmioCheckPasses(11);
        }

        [TestMethod]
        public void DefaultWindowThrows()
        {
            DeviceAssert.MmioCheckPasses(12);
        }

        [TestMethod]
        public void FifoReadIsRefusedOnTheClassicEsp32()
        {
            DeviceAssert.MmioCheckPasses(13);
        }

        [TestMethod]
        public void NommuRejectsRemapThenMapsDirectly()
        {
            DeviceAssert.MmioCheckPasses(14);
        }

        [TestMethod]
        public void DirectMapRejectsNonIdentityAndMmu()
        {
            DeviceAssert.MmioCheckPasses(15);
        }

        [TestMethod]
        public void ModifyIsOneAtomicReadModifyWrite()
        {
            DeviceAssert.MmioCheckPasses(16);
        }

        [TestMethod]
        public void BlockTransfersMoveWordsInOneCall()
        {
            DeviceAssert.MmioCheckPasses(17);
        }

        [TestMethod]
        public void FifoIsReadTheSafeWayOnTheClassicEsp32()
        {
            DeviceAssert.MmioCheckPasses(18);
        }

        [TestMethod]
        public void ClockIsOwnedOnlyWhenNanoRemapTurnsItOn()
        {
            DeviceAssert.MmioCheckPasses(19);
        }

        [TestMethod]
        public void RefusalsNameTheCheckAndTheAddress()
        {
            DeviceAssert.MmioCheckPasses(20);
        }

        [TestMethod]
        public void RegisterPolicyIsRefusedBeforeTheBus()
        {
            DeviceAssert.MmioCheckPasses(21);
        }

        [TestMethod]
        public void HandBuiltModelRunsInterruptsAndGpioLoopback()
        {
            DeviceAssert.MmioCheckPasses(22);
        }
    }
}
