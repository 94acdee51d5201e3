using CsCheck;
using NanoRemap.Mm;

namespace NanoRemap.Tests.Engine;

/// <summary>Generators for engine inputs: every word model, both models, any page shift, edge-heavy values.</summary>
internal static class EngineGen
{
    public static readonly Gen<WordModel> Word = Gen.Int[0, 2].Select(i => (WordModel)i);

    /// <summary>(mmu, word model, page shift valid for it).</summary>
    public static readonly Gen<(bool Mmu, WordModel Word, int PageShift)> Kernel =
        Gen.Select(Gen.Bool, Word, Gen.Int[1, 63], (mmu, w, ps) => (mmu, w, w == WordModel.Lp64 ? ps : 1 + ((ps - 1) % 31)));

    /// <summary>Values around the edges C arithmetic cares about, plus uniform ones (wider than the types too).</summary>
    public static readonly Gen<ulong> Value = Gen.OneOf<ulong>(
        Gen.ULong,
        Gen.ULong[0, 0x10000],
        Gen.ULong[0xFFFF_0000, 0x1_0000_FFFF],
        Gen.ULong[0x3FF4_0000, 0x3FF5_0000],
        Gen.OneOf<ulong>(0, 1, 0xFFF, 0x1000, 0x1001, 0xFFFF_F000, 0xFFFF_FFFF, 0x1_0000_0000, 0xFFFF_FFFF_FFFF_F000, ulong.MaxValue, 0x8000_0000_0000_0000));

    /// <summary>Action types: the enum and values outside it, negative ones included.</summary>
    public static readonly Gen<MmapActionType> ActionType = Gen.OneOf<int>(Gen.Int[0, 4], Gen.Int[-3, 12], Gen.Int).Select(i => (MmapActionType)i);

    /// <summary>error_override: none, valid errnos, and invalid ints.</summary>
    public static readonly Gen<int> ErrorOverride = Gen.OneOf<int>(Gen.OneOf(0, -1, -22, -4095, -4096, 1, int.MinValue, int.MaxValue), Gen.Int[-5000, 10], Gen.Int);

    /// <summary>A ->mapped result: 0 or a valid errno.</summary>
    public static readonly Gen<int> MappedRc = Gen.OneOf<int>(Gen.OneOf(0, -12, -1, -4095), Gen.Int[-4095, 0]);

    /// <summary>0 or a negative errno, as every engine entry point must return.</summary>
    public static bool IsRc(int rc) => rc == 0 || Errno.IsErrValue(rc);
}
