using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>Body of an Association Response (IEEE 802.11-2020 9.3.3.7) or Reassociation Response
/// (9.3.3.9) frame; the layouts are identical.</summary>
/// <remarks>
/// <code>
///  octets:       2               2              2             variable
///        +-----------------+-------------+-----------------+--------------+
///        | Capability Info | Status Code | Association ID  | Elements ... |
///        +-----------------+-------------+-----------------+--------------+
///  offset        0               2              4               6
/// </code>
/// The AID field carries the AID (1..2007) with its two most significant bits set (9.4.1.8);
/// <see cref="Aid"/> is the bare value, the reader masks the bits off and the writer sets them.
/// </remarks>
public readonly ref struct AssociationResponseFrame
{
    public const int FixedLength = 6;

    private const int CapabilityOffset = 0;
    private const int StatusCodeOffset = 2;
    private const int AidOffset = 4;
    private const ushort AidTopBits = 0xC000;
    private const ushort AidMask = 0x3FFF;

    public CapabilityInfo Capabilities { get; init; }
    public StatusCode StatusCode { get; init; }
    public ushort Aid { get; init; }
    public ReadOnlySpan<byte> Elements { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> body, out AssociationResponseFrame response, out FrameParseError error)
    {
        response = default;
        if (!ManagementBody.TryCheck(body, FixedLength, out error)) return false;
        response = new AssociationResponseFrame
        {
            Capabilities = (CapabilityInfo)BinaryPrimitives.ReadUInt16LittleEndian(body[CapabilityOffset..]),
            StatusCode = (StatusCode)BinaryPrimitives.ReadUInt16LittleEndian(body[StatusCodeOffset..]),
            Aid = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(body[AidOffset..]) & AidMask),
            Elements = body[FixedLength..],
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!ManagementBody.TryReserve(destination, FixedLength, Elements, out bytesWritten)) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[CapabilityOffset..], (ushort)Capabilities);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[StatusCodeOffset..], (ushort)StatusCode);
        // A refused association has no AID; send 0 rather than a bare marker.
        ushort aid = (ushort)(Aid & AidMask);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[AidOffset..], aid == 0 ? (ushort)0 : (ushort)(aid | AidTopBits));
        return true;
    }
}
