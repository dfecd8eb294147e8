using Net80211.Frames;
using Net80211.Nodes;

namespace Net80211.Crypto.Tkip;

/// <summary>
/// The 16 octets Michael covers ahead of the MSDU data (IEEE 802.11-2020 12.5.2.3):
/// <code>
///   octets:  6    6       1        3
///         +----+----+----------+---------+
///         | DA | SA | Priority | 0  0  0 |
///         +----+----+----------+---------+
/// </code>
/// DA and SA come from the MAC header by ToDS/FromDS (9.3.2.1 Table 9-26); Priority is the TID of a QoS
/// Data frame, 0 otherwise.
/// </summary>
internal static class TkipMicHeader
{
    public const int Length = 16;

    private const int Address1Offset = 4;
    private const int Address2Offset = 10;
    private const int Address3Offset = 16;
    private const int Address4Offset = 24;
    private const int SaOffset = 6;
    private const int PriorityOffset = 12;
    private const int TidMask = 0x0F;

    /// <summary>Fills <paramref name="micHeader"/> from the MAC header; false when the header is not a data
    /// header of at least the length its Frame Control implies.</summary>
    public static bool TryWrite(ReadOnlySpan<byte> macHeader, int headerLength, Span<byte> micHeader)
    {
        if (headerLength < FrameHeader.ThreeAddressLength || macHeader.Length < headerLength) return false;
        var fc = new FrameControl((ushort)(macHeader[0] | macHeader[1] << 8));
        if (!fc.IsData) return false;
        int required = fc.HasAddress4 ? FrameHeader.FourAddressLength : FrameHeader.ThreeAddressLength;
        int qosOffset = required;
        if (fc.IsQosData) required += QosControl.Length;
        if (headerLength < required) return false;

        int da = fc.ToDs ? Address3Offset : Address1Offset;
        int sa = (fc.ToDs, fc.FromDs) switch
        {
            (true, true) => Address4Offset,
            (false, true) => Address3Offset,
            _ => Address2Offset,
        };
        macHeader.Slice(da, MacAddress.Length).CopyTo(micHeader);
        macHeader.Slice(sa, MacAddress.Length).CopyTo(micHeader[SaOffset..]);
        micHeader[PriorityOffset] = fc.IsQosData ? (byte)(macHeader[qosOffset] & TidMask) : (byte)0;
        micHeader[(PriorityOffset + 1)..Length].Clear();
        return true;
    }

    /// <summary>The replay counter a frame uses: its TID for QoS Data, else 16 (non-QoS). Call after
    /// <see cref="TryWrite"/> accepted the header.</summary>
    public static int ReplayCounterIndex(ReadOnlySpan<byte> macHeader)
    {
        var fc = new FrameControl((ushort)(macHeader[0] | macHeader[1] << 8));
        if (!fc.IsQosData) return Ieee80211Node.NonQosTid;
        int qosOffset = fc.HasAddress4 ? FrameHeader.FourAddressLength : FrameHeader.ThreeAddressLength;
        return macHeader[qosOffset] & TidMask;
    }
}
