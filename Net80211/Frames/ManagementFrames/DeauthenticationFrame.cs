using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>Body of a Deauthentication (IEEE 802.11-2020 9.3.3.13) or Disassociation (9.3.3.5)
/// frame; the layouts are identical.</summary>
/// <remarks>
/// <code>
///  octets:      2                 variable
///        +-------------+----------------------------------------+
///        | Reason Code | Elements (Vendor Specific, MME, ...)    |
///        +-------------+----------------------------------------+
/// </code>
/// </remarks>
public readonly ref struct DeauthenticationFrame
{
    public const int FixedLength = 2;

    private const int ReasonCodeOffset = 0;

    public ReasonCode ReasonCode { get; init; }
    public ReadOnlySpan<byte> Elements { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> body, out DeauthenticationFrame frame, out FrameParseError error)
    {
        frame = default;
        if (!ManagementBody.TryCheck(body, FixedLength, out error)) return false;
        frame = new DeauthenticationFrame
        {
            ReasonCode = (ReasonCode)BinaryPrimitives.ReadUInt16LittleEndian(body[ReasonCodeOffset..]),
            Elements = body[FixedLength..],
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!ManagementBody.TryReserve(destination, FixedLength, Elements, out bytesWritten)) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[ReasonCodeOffset..], (ushort)ReasonCode);
        return true;
    }
}
