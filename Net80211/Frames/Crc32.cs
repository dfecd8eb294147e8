namespace Net80211.Frames;

/// <summary>CRC-32 with the IEEE 802.3 generator (0x04C11DB7, processed bit-reflected as 0xEDB88320),
/// initial value all ones and final complement: the FCS algorithm of IEEE 802.11-2020 9.2.4.8.</summary>
/// <remarks>Table-driven, one byte per step; the 1 KiB table is built once and no call allocates.</remarks>
public static class Crc32
{
    private const uint ReflectedPolynomial = 0xEDB88320;

    private static readonly uint[] s_table = BuildTable();

    /// <summary>CRC of <paramref name="data"/>; "123456789" gives 0xCBF43926.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues a CRC: <c>Append(Compute(a), b) == Compute(a ++ b)</c>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] table = s_table;
        uint register = ~crc;
        foreach (byte b in data)
        {
            register = table[(byte)(register ^ b)] ^ (register >> 8);
        }
        return ~register;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < table.Length; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
