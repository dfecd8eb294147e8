using System.Buffers.Binary;
using Net80211.Frames;

namespace Net80211.Crypto.Bip;

/// <summary>The Management MIC element (IEEE 802.11-2020 9.4.2.53) BIP appends to a group-addressed robust
/// management frame.</summary>
/// <remarks>
/// <code>
///  octets:  1     1      2       6       8 or 16
///        +-----+------+-------+-------+---------+
///        | 76  | Len  |Key ID | IPN   |  MIC    |
///        +-----+------+-------+-------+---------+
/// </code>
/// Key ID and IPN are little-endian; the MIC is 8 octets for BIP-CMAC-128 and 16 for the others.
/// </remarks>
internal static class Mmie
{
    public const int KeyIdOffset = 2;
    public const int IpnOffset = 4;
    public const int MicOffset = 10;
    /// <summary>The IPN is 48 bits (12.5.4.4).</summary>
    public const ulong MaxIpn = (1UL << 48) - 1;

    public static int Length(int micLength) => MicOffset + micLength;

    public static void Write(Span<byte> mmie, int keyId, ulong ipn, int micLength)
    {
        mmie[0] = (byte)ElementId.ManagementMic;
        mmie[1] = (byte)(Length(micLength) - 2);
        BinaryPrimitives.WriteUInt16LittleEndian(mmie[KeyIdOffset..], (ushort)keyId);
        BinaryPrimitives.WriteUInt32LittleEndian(mmie[IpnOffset..], (uint)ipn);
        BinaryPrimitives.WriteUInt16LittleEndian(mmie[(IpnOffset + 4)..], (ushort)(ipn >> 32));
        mmie.Slice(MicOffset, micLength).Clear();
    }

    public static bool IsMmie(ReadOnlySpan<byte> mmie, int micLength)
        => mmie.Length == Length(micLength) && mmie[0] == (byte)ElementId.ManagementMic && mmie[1] == Length(micLength) - 2;

    public static int ReadKeyId(ReadOnlySpan<byte> mmie) => BinaryPrimitives.ReadUInt16LittleEndian(mmie[KeyIdOffset..]);

    public static ulong ReadIpn(ReadOnlySpan<byte> mmie)
        => BinaryPrimitives.ReadUInt32LittleEndian(mmie[IpnOffset..]) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(mmie[(IpnOffset + 4)..]) << 32);
}
