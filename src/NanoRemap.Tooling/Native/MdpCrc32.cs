namespace NanoRemap.Tooling.Native;

/// <summary>
/// The CRC-32 the nanoFramework MetadataProcessor uses for the native checksum: polynomial 0x04C11DB7 (IEEE 802 /
/// ZModem table), MSB-first (not reflected), the running value passed in as the seed, no final XOR. With seed 0
/// this is CRC-32/POSIX without its final complement: "123456789" gives 0x89A1897F (= ~0x765E7680).
/// </summary>
/// <remarks>
/// Re-implemented from nanoframework/metadata-processor, MetadataProcessor.Shared/Utility/Crc32.cs at commit
/// 40d83e3ba60e9c4d101b2ef244b06b3824bd60e7 (<c>_crcTable[((crc &gt;&gt; 24) ^ b) &amp; 0xFF] ^ (crc &lt;&lt; 8)</c>).
/// </remarks>
public static class MdpCrc32
{
    private const uint Polynomial = 0x04C11DB7;
    private static readonly uint[] Table = BuildTable();

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i << 24;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ Polynomial : c << 1;
            }
            table[i] = c;
        }
        return table;
    }

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data, uint crc = 0)
    {
        foreach (byte b in data)
        {
            crc = Table[((crc >> 24) ^ b) & 0xFF] ^ (crc << 8);
        }
        return crc;
    }

    /// <summary>The table entry for <paramref name="index"/> (exposed so tests can compare it with the published table).</summary>
    public static uint TableEntry(int index) => Table[index];
}
