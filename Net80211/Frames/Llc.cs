using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>LLC/SNAP encapsulation of MSDUs (IEEE 802.2 + IEEE 802.1H / RFC 1042), the way 802.11
/// carries EtherType payloads (IEEE 802.11-2020 5.1.4 and Annex P).</summary>
/// <remarks>
/// <code>
///  octets:  1      1      1        3          2
///        +------+------+------+-----------+-----------+
///        | DSAP | SSAP | Ctrl |    OUI    | EtherType |
///        | 0xAA | 0xAA | 0x03 | 00-00-00  | (big-end.)|
///        +------+------+------+-----------+-----------+
/// </code>
/// OUI 00-00-F8 (802.1H bridge tunnel) is used instead of 00-00-00 for the two EtherTypes
/// (AppleTalk AARP, IPX) whose RFC 1042 form would be mistaken for translated Ethernet II.
/// </remarks>
public static class Llc
{
    public const int SnapHeaderLength = 8;

    private const int DsapOffset = 0;
    private const int SsapOffset = 1;
    private const int ControlOffset = 2;
    private const int OuiOffset = 3;
    private const int EtherTypeOffset = 6;

    private const byte SnapSap = 0xAA;
    private const byte UnnumberedInformation = 0x03;
    private const byte BridgeTunnelOuiLastOctet = 0xF8;

    public const ushort EtherTypeAppleTalkAarp = 0x80F3;
    public const ushort EtherTypeIpx = 0x8137;

    /// <summary>Reads an RFC 1042 or 802.1H SNAP header; <paramref name="payload"/> is what follows it.</summary>
    public static bool TryReadSnap(ReadOnlySpan<byte> msdu, out ushort etherType, out ReadOnlySpan<byte> payload)
    {
        etherType = 0;
        payload = default;
        if (msdu.Length < SnapHeaderLength
            || msdu[DsapOffset] != SnapSap || msdu[SsapOffset] != SnapSap || msdu[ControlOffset] != UnnumberedInformation
            || msdu[OuiOffset] != 0 || msdu[OuiOffset + 1] != 0
            || msdu[OuiOffset + 2] is not (0 or BridgeTunnelOuiLastOctet))
        {
            return false;
        }
        etherType = BinaryPrimitives.ReadUInt16BigEndian(msdu[EtherTypeOffset..]);
        payload = msdu[SnapHeaderLength..];
        return true;
    }

    /// <summary>Writes AA-AA-03-OUI-EtherType (EtherType big-endian, as on Ethernet).</summary>
    public static bool TryWriteSnap(Span<byte> destination, ushort etherType, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < SnapHeaderLength) return false;
        destination[DsapOffset] = SnapSap;
        destination[SsapOffset] = SnapSap;
        destination[ControlOffset] = UnnumberedInformation;
        destination[OuiOffset] = 0;
        destination[OuiOffset + 1] = 0;
        destination[OuiOffset + 2] = etherType is EtherTypeAppleTalkAarp or EtherTypeIpx ? BridgeTunnelOuiLastOctet : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[EtherTypeOffset..], etherType);
        bytesWritten = SnapHeaderLength;
        return true;
    }
}
