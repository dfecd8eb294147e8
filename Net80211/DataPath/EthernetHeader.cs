using System.Buffers.Binary;

namespace Net80211.DataPath;

/// <summary>The 14-byte Ethernet II / IEEE 802.3 header the network interface side speaks.</summary>
/// <remarks>
/// <code>
///  octets:   6     6        2
///        +------+------+-----------------+
///        |  DA  |  SA  | EtherType/Length|
///        +------+------+-----------------+
/// </code>
/// A type/length value below 0x0600 is an IEEE 802.3 length: the payload is an LLC PDU and 802.11 carries it
/// as is. 0x0600 and above is an EtherType, carried behind an LLC/SNAP header (IEEE 802.11-2020 5.1.4).
/// </remarks>
public static class EthernetHeader
{
    public const int Length = 14;
    public const int DestinationOffset = 0;
    public const int SourceOffset = 6;
    public const int TypeOffset = 12;

    /// <summary>Smallest EtherType (IEEE 802.3 clause 3.2.6); values below are lengths.</summary>
    public const ushort MinEtherType = 0x0600;
    /// <summary>Largest LLC payload an 802.3 length field may describe.</summary>
    public const int MaxLengthField = 1500;

    public const ushort EtherTypeIPv4 = 0x0800;
    public const ushort EtherTypeIPv6 = 0x86DD;
    public const ushort EtherTypeVlan = 0x8100;
    /// <summary>IEEE 802.1ad service tag (QinQ outer tag); its TCI carries a PCP just like 802.1Q.</summary>
    public const ushort EtherTypeQinQ = 0x88A8;
    public const ushort EtherTypeEapol = 0x888E;

    public static MacAddress Destination(ReadOnlySpan<byte> frame) => MacAddress.Read(frame);
    public static MacAddress Source(ReadOnlySpan<byte> frame) => MacAddress.Read(frame[SourceOffset..]);
    public static ushort TypeOrLength(ReadOnlySpan<byte> frame) => BinaryPrimitives.ReadUInt16BigEndian(frame[TypeOffset..]);

    /// <summary>Writes DA, SA and the type/length field into the first 14 bytes of <paramref name="destination"/>.</summary>
    public static void Write(Span<byte> destination, MacAddress da, MacAddress sa, ushort typeOrLength)
    {
        da.WriteTo(destination);
        sa.WriteTo(destination[SourceOffset..]);
        BinaryPrimitives.WriteUInt16BigEndian(destination[TypeOffset..], typeOrLength);
    }
}
