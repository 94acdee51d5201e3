namespace NanoRemap.Tests.NfCheck;

/// <summary>
/// Stand-ins for two published nanoFramework interop assemblies whose native checksums are public, in the
/// firmware's stub files (nanoframework/nf-interpreter):
/// <list type="bullet">
/// <item>nanoFramework.Hardware.Esp32, native version 100.0.7.1, checksum 0x1B75B894
/// (targets/FreeRTOS_ESP32/ESP32_WROOM_32/nanoCLR/nanoFramework.Hardware.ESP32/nanoFramework_hardware_esp32_native.cpp);</item>
/// <item>nanoFramework.Hardware.Esp32.EspNow, checksum 0x9F8D5291
/// (targets/ESP32/_nanoCLR/nanoFramework.Hardware.Esp32.EspNow/nanoFramework_hardware_esp32_espnow_native.cpp).</item>
/// </list>
/// The checksum depends on: the assembly name, the class and mangled names of the native methods, their order,
/// and how many managed methods of classes and structs follow the first native one (each adds "NULL");
/// delegates, enums and interfaces add nothing. The stand-ins reproduce exactly that layout - the published
/// method_lookup[] tables show it slot by slot - with the published native signatures; the bodies and the names
/// of the managed methods are ours (they do not enter the checksum).
/// </summary>
internal static class PublishedNativeAssemblies
{
    public const uint Esp32Checksum = 0x1B75B894;
    public const uint EspNowChecksum = 0x9F8D5291;

    /// <summary>The published method_lookup[] of nanoFramework.Hardware.Esp32 100.0.7.1 ("NULL" or Class::Method).</summary>
    public static IReadOnlyList<string> Esp32Lookup
    {
        get
        {
            const string C = "nanoFramework_Hardware_Esp32_";
            var l = new List<string>();
            l.AddRange(Enumerable.Repeat("NULL", 3));
            l.Add(C + "Configuration::NativeSetPinFunction___STATIC__VOID__I4__I4");
            l.Add(C + "Configuration::NativeGetPinFunction___STATIC__I4__I4");
            l.AddRange(Enumerable.Repeat("NULL", 16));
            l.Add(C + "HighResTimer::NativeEspTimerCreate___I4");
            l.Add(C + "HighResTimer::NativeEspTimerDispose___VOID");
            l.Add(C + "HighResTimer::NativeStop___VOID");
            l.Add(C + "HighResTimer::NativeStartOneShot___VOID__U8");
            l.Add(C + "HighResTimer::NativeStartPeriodic___VOID__U8");
            l.Add("NULL");
            l.Add(C + "HighResTimer::NativeGetCurrent___STATIC__U8");
            l.AddRange(Enumerable.Repeat("NULL", 9));
            l.Add(C + "Logging::NativeSetLogLevel___STATIC__VOID__STRING__I4");
            l.AddRange(Enumerable.Repeat("NULL", 10));
            const string E = "nanoFrameworkHardwareEsp32EspNativeError";
            const string S = "nanoFrameworkHardwareEsp32Sleep";
            l.Add(C + "Sleep::NativeEnableWakeupByTimer___STATIC__" + E + "__U8");
            l.Add(C + "Sleep::NativeEnableWakeupByPin___STATIC__" + E + "__" + S + "WakeupGpioPin__I4");
            l.Add(C + "Sleep::NativeEnableWakeupByMultiPins___STATIC__" + E + "__" + S + "WakeupGpioPin__" + S + "WakeupMode");
            l.Add(C + "Sleep::NativeEnableWakeupByTouchPad___STATIC__" + E);
            l.Add(C + "Sleep::NativeStartLightSleep___STATIC__" + E);
            l.Add(C + "Sleep::NativeStartDeepSleep___STATIC__" + E);
            l.Add(C + "Sleep::NativeGetWakeupCause___STATIC__" + S + "WakeupCause");
            l.Add(C + "Sleep::NativeGetWakeupGpioPin___STATIC__" + S + "WakeupGpioPin");
            l.Add(C + "Sleep::NativeGetWakeupTouchpad___STATIC__" + S + "TouchPad");
            return l;
        }
    }

    public const string Esp32Source = @"
using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.Hardware.Esp32
{
    public enum EspNativeError { OK = 0, FAIL = -1 }

    public static class Configuration
    {
        public static void SetPinFunction(int gpio, int function) { NativeSetPinFunction(gpio, function); }
        public static int GetFunctionPin(int function) { return NativeGetPinFunction(function); }
        public static bool IsPin(int gpio) { return gpio >= 0; }
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern void NativeSetPinFunction(int gpio, int function);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeGetPinFunction(int function);
    }

    // Eleven managed methods standing for the ones between the Configuration and HighResTimer natives.
    public static class Gpio
    {
        public static int P0() { return 0; }
        public static int P1() { return 1; }
        public static int P2() { return 2; }
        public static int P3() { return 3; }
        public static int P4() { return 4; }
        public static int P5() { return 5; }
        public static int P6() { return 6; }
        public static int P7() { return 7; }
        public static int P8() { return 8; }
        public static int P9() { return 9; }
        public static int P10() { return 10; }
    }

    public class HighResTimer : IDisposable
    {
        private int _handle;
        public HighResTimer() { _handle = NativeEspTimerCreate(); }
        public void Dispose() { NativeEspTimerDispose(); }
        public void StartOneShot(ulong us) { NativeStartOneShot(us); }
        public void StartOnePeriodic(ulong us) { NativeStartPeriodic(us); }
        public void Stop() { NativeStop(); }
        [MethodImpl(MethodImplOptions.InternalCall)] private extern int NativeEspTimerCreate();
        [MethodImpl(MethodImplOptions.InternalCall)] private extern void NativeEspTimerDispose();
        [MethodImpl(MethodImplOptions.InternalCall)] private extern void NativeStop();
        [MethodImpl(MethodImplOptions.InternalCall)] private extern void NativeStartOneShot(ulong us);
        [MethodImpl(MethodImplOptions.InternalCall)] private extern void NativeStartPeriodic(ulong us);
        internal int Handle() { return _handle; }
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern ulong NativeGetCurrent();
        public static ulong GetCurrent() { return NativeGetCurrent(); }
    }

    // A delegate: its four methods are NULL slots of the table but not part of the checksum.
    public delegate void HighResTimerEventHandler(HighResTimer sender, object e);

    public static class Logging
    {
        public static void SetLogLevel(string tag, int level) { NativeSetLogLevel(tag, level); }
        public static void SetLogLevel(int level) { NativeSetLogLevel(""*"", level); }
        public static void Quiet() { NativeSetLogLevel(""*"", 0); }
        public static void Loud() { NativeSetLogLevel(""*"", 5); }
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern void NativeSetLogLevel(string tag, int level);
    }

    public static class Sleep
    {
        public enum WakeupGpioPin { None = 0, Pin0 = 1 }
        public enum WakeupMode { AllLow = 0, AnyHigh = 1 }
        public enum WakeupCause { Undefined = 0, Timer = 4 }
        public enum TouchPad { None = -1, Pad0 = 0 }

        public static EspNativeError EnableWakeupByTimer(ulong us) { return NativeEnableWakeupByTimer(us); }
        public static EspNativeError EnableWakeupByPin(WakeupGpioPin pin, int level) { return NativeEnableWakeupByPin(pin, level); }
        public static EspNativeError EnableWakeupByMultiPins(WakeupGpioPin pins, WakeupMode mode) { return NativeEnableWakeupByMultiPins(pins, mode); }
        public static EspNativeError EnableWakeupByTouchPad() { return NativeEnableWakeupByTouchPad(); }
        public static EspNativeError StartLightSleep() { return NativeStartLightSleep(); }
        public static EspNativeError StartDeepSleep() { return NativeStartDeepSleep(); }
        public static WakeupCause GetWakeupCause() { return NativeGetWakeupCause(); }
        public static WakeupGpioPin GetWakeupGpioPin() { return NativeGetWakeupGpioPin(); }
        public static TouchPad GetWakeupTouchpad() { return NativeGetWakeupTouchpad(); }
        public static bool IsWakeup() { return true; }
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern EspNativeError NativeEnableWakeupByTimer(ulong us);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern EspNativeError NativeEnableWakeupByPin(WakeupGpioPin pin, int level);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern EspNativeError NativeEnableWakeupByMultiPins(WakeupGpioPin pins, WakeupMode mode);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern EspNativeError NativeEnableWakeupByTouchPad();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern EspNativeError NativeStartLightSleep();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern EspNativeError NativeStartDeepSleep();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern WakeupCause NativeGetWakeupCause();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern WakeupGpioPin NativeGetWakeupGpioPin();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern TouchPad NativeGetWakeupTouchpad();
    }
}";

    public const string EspNowSource = @"
using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.Hardware.Esp32.EspNow
{
    public class EspNowController : IDisposable
    {
        public delegate void RegisterRecvDelegate(byte[] mac, byte[] data, int length);
        public delegate void RegisterSendDelegate(byte[] mac, int status);

        // Declared, so the constructor is not synthesised after the natives (each method after them adds a NULL).
        public EspNowController() { }
        public void Dispose() { NativeEspNowDeinit(); }
        public int Init() { return NativeEspNowInit(); }
        public int Send(byte[] mac, byte[] data) { return NativeEspNowSend(mac, data, data.Length); }
        public int AddPeer(byte[] mac, byte channel) { return NativeEspNowAddPeer(mac, channel); }
        public int OnReceive(RegisterRecvDelegate d) { return d == null ? NativeEspNowUnregisterRecvCb() : NativeEspNowRegisterRecvCb(d); }
        public int OnSent(RegisterSendDelegate d) { return d == null ? NativeEspNowUnregisterSendCb() : NativeEspNowRegisterSendCb(d); }
        [MethodImpl(MethodImplOptions.InternalCall)] private extern int NativeEspNowInit();
        [MethodImpl(MethodImplOptions.InternalCall)] private extern int NativeEspNowDeinit();
        [MethodImpl(MethodImplOptions.InternalCall)] private extern int NativeEspNowRegisterRecvCb(RegisterRecvDelegate d);
        [MethodImpl(MethodImplOptions.InternalCall)] private extern int NativeEspNowUnregisterRecvCb();
        [MethodImpl(MethodImplOptions.InternalCall)] private extern int NativeEspNowRegisterSendCb(RegisterSendDelegate d);
        [MethodImpl(MethodImplOptions.InternalCall)] private extern int NativeEspNowUnregisterSendCb();
        [MethodImpl(MethodImplOptions.InternalCall)] private extern int NativeEspNowSend(byte[] mac, byte[] data, int length);
        [MethodImpl(MethodImplOptions.InternalCall)] private extern int NativeEspNowAddPeer(byte[] mac, byte channel);
    }
}";
}
