namespace NanoRemap.Tests.NfCheck;

/// <summary>The smallest corlib Roslyn compiles ordinary code against (stand-in for mscorlib in fixtures).</summary>
internal static class StandInCorlib
{
    public const string Source = @"
[assembly: System.Reflection.AssemblyVersion(""1.17.11.0"")]
namespace System
{
    public class Object { public Object() { } public virtual string ToString() { return null; } public virtual bool Equals(object o) { return false; } public virtual int GetHashCode() { return 0; } }
    public abstract class ValueType { }
    public abstract class Enum : ValueType { }
    public struct Void { }
    public struct Boolean { }
    public struct Char { }
    public struct SByte { }
    public struct Byte { }
    public struct Int16 { }
    public struct UInt16 { }
    public struct Int32 { }
    public struct UInt32 { }
    public struct Int64 { }
    public struct UInt64 { }
    public struct Single { }
    public struct Double { }
    public struct IntPtr { }
    public struct UIntPtr { }
    public struct RuntimeTypeHandle { }
    public struct RuntimeFieldHandle { }
    public struct RuntimeMethodHandle { }
    public abstract class Array { }
    public abstract class Delegate { }
    public abstract class MulticastDelegate : Delegate { }
    public class Attribute { }
    public class Exception { public Exception() { } }
    public sealed partial class String
    {
        public static bool IsNullOrEmpty(string s) { return s == null; }
        public int Length { get { return 0; } }
    }
}
namespace System.Reflection
{
    public sealed class AssemblyVersionAttribute : Attribute { public AssemblyVersionAttribute(string version) { } }
}
";
}
