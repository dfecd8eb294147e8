namespace Net80211.Crypto.Ccmp;

/// <summary>
/// The 8-octet CCMP header (IEEE 802.11-2020 12.5.3.2, Figure 12-16), also the GCMP header (12.5.5.2).
/// </summary>
/// <remarks>
/// <code>
///  octet   0     1     2          3             4     5     6     7
///       +-----+-----+------+---------------+-----+-----+-----+-----+
///       | PN0 | PN1 | Rsvd | Rsvd ExtIV Key| PN2 | PN3 | PN4 | PN5 |
///       |     |     |      | b0-4  b5  b6-7|     |     |     |     |
///       +-----+-----+------+---------------+-----+-----+-----+-----+
/// </code>
/// ExtIV is always 1; Key ID is the key index 0..3. The 48-bit PN is PN0 (least significant) .. PN5.
/// </remarks>
public static class CcmpHeader
{
    public const int Length = 8;
    /// <summary>Largest packet number; a key whose transmit PN would pass it must be replaced.</summary>
    public const ulong MaxPacketNumber = 0xFFFF_FFFF_FFFF;

    private const int Pn0Offset = 0;
    private const int Pn1Offset = 1;
    private const int ReservedOffset = 2;
    private const int KeyIdOctetOffset = 3;
    private const int Pn2Offset = 4;
    private const byte ExtIvBit = 0x20;
    private const int KeyIdShift = 6;

    /// <summary>Writes the header for <paramref name="packetNumber"/> (low 48 bits) and key index 0..3.</summary>
    public static void Write(Span<byte> destination, ulong packetNumber, int keyIndex)
    {
        Span<byte> h = destination[..Length];
        h[Pn0Offset] = (byte)packetNumber;
        h[Pn1Offset] = (byte)(packetNumber >> 8);
        h[ReservedOffset] = 0;
        h[KeyIdOctetOffset] = (byte)(ExtIvBit | ((keyIndex & 0x3) << KeyIdShift));
        h[Pn2Offset] = (byte)(packetNumber >> 16);
        h[Pn2Offset + 1] = (byte)(packetNumber >> 24);
        h[Pn2Offset + 2] = (byte)(packetNumber >> 32);
        h[Pn2Offset + 3] = (byte)(packetNumber >> 40);
    }

    /// <summary>The 48-bit PN of a header.</summary>
    public static ulong ReadPacketNumber(ReadOnlySpan<byte> header)
    {
        ReadOnlySpan<byte> h = header[..Length];
        return h[Pn0Offset]
            | ((ulong)h[Pn1Offset] << 8)
            | ((ulong)h[Pn2Offset] << 16)
            | ((ulong)h[Pn2Offset + 1] << 24)
            | ((ulong)h[Pn2Offset + 2] << 32)
            | ((ulong)h[Pn2Offset + 3] << 40);
    }

    /// <summary>The ExtIV bit, which CCMP and GCMP always set (TKIP sets it too; WEP does not).</summary>
    public static bool HasExtIv(ReadOnlySpan<byte> header) => (header[KeyIdOctetOffset] & ExtIvBit) != 0;

    /// <summary>The Key ID subfield, 0..3.</summary>
    public static int KeyId(ReadOnlySpan<byte> header) => header[KeyIdOctetOffset] >> KeyIdShift;
}
