namespace Net80211.Frames;

/// <summary>CF-End frame (IEEE 802.11-2020 9.3.1.6); also truncates a TXOP.</summary>
/// <remarks>
/// <code>
///  octets:  2        2        6         6
///        +-------+----------+----+------------+
///        |  FC   | Duration | RA | BSSID (TA) |
///        +-------+----------+----+------------+
/// </code>
/// RA is normally the broadcast address; Duration is 0.
/// </remarks>
public readonly record struct CfEndFrame
{
    public const int Length = 16;

    public FrameControlFlags Flags { get; init; }
    public DurationId Duration { get; init; }
    public MacAddress ReceiverAddress { get; init; }
    public MacAddress Bssid { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> frame, out CfEndFrame cfEnd, out FrameParseError error)
    {
        cfEnd = default;
        if (!ControlFrameLayout.TryCheck(frame, ControlSubtype.CfEnd, Length, out FrameControl fc, out error)) return false;
        cfEnd = new CfEndFrame
        {
            Flags = fc.Flags,
            Duration = new DurationId(ControlFrameLayout.ReadDuration(frame)),
            ReceiverAddress = MacAddress.Read(frame[ControlFrameLayout.ReceiverAddressOffset..]),
            Bssid = MacAddress.Read(frame[ControlFrameLayout.TransmitterAddressOffset..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < Length) return false;
        ControlFrameLayout.WriteStart(destination, ControlSubtype.CfEnd, Flags, Duration.Value);
        ReceiverAddress.WriteTo(destination[ControlFrameLayout.ReceiverAddressOffset..]);
        Bssid.WriteTo(destination[ControlFrameLayout.TransmitterAddressOffset..]);
        bytesWritten = Length;
        return true;
    }
}
