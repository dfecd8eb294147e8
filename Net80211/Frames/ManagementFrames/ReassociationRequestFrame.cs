using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>Body of a Reassociation Request frame (IEEE 802.11-2020 9.3.3.8).</summary>
/// <remarks>
/// <code>
///  octets:       2                  2                 6               variable
///        +-----------------+-----------------+------------------+--------------+
///        | Capability Info | Listen Interval | Current AP Addr. | Elements ... |
///        +-----------------+-----------------+------------------+--------------+
///  offset        0                  2                 4                10
/// </code>
/// </remarks>
public readonly ref struct ReassociationRequestFrame
{
    public const int FixedLength = 10;

    private const int CapabilityOffset = 0;
    private const int ListenIntervalOffset = 2;
    private const int CurrentApAddressOffset = 4;

    public CapabilityInfo Capabilities { get; init; }
    public ushort ListenInterval { get; init; }
    /// <summary>The AP the station is currently associated with (the one it is leaving).</summary>
    public MacAddress CurrentApAddress { get; init; }
    public ReadOnlySpan<byte> Elements { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> body, out ReassociationRequestFrame request, out FrameParseError error)
    {
        request = default;
        if (!ManagementBody.TryCheck(body, FixedLength, out error)) return false;
        request = new ReassociationRequestFrame
        {
            Capabilities = (CapabilityInfo)BinaryPrimitives.ReadUInt16LittleEndian(body[CapabilityOffset..]),
            ListenInterval = BinaryPrimitives.ReadUInt16LittleEndian(body[ListenIntervalOffset..]),
            CurrentApAddress = MacAddress.Read(body[CurrentApAddressOffset..]),
            Elements = body[FixedLength..],
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!ManagementBody.TryReserve(destination, FixedLength, Elements, out bytesWritten)) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[CapabilityOffset..], (ushort)Capabilities);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[ListenIntervalOffset..], ListenInterval);
        CurrentApAddress.WriteTo(destination[CurrentApAddressOffset..]);
        return true;
    }
}
