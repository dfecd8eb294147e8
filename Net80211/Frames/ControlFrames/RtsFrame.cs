namespace Net80211.Frames;

/// <summary>RTS frame (IEEE 802.11-2020 9.3.1.2).</summary>
/// <remarks>
/// <code>
///  octets:  2        2        6    6
///        +-------+----------+----+----+
///        |  FC   | Duration | RA | TA |
///        +-------+----------+----+----+
/// </code>
/// </remarks>
public readonly record struct RtsFrame
{
    public const int Length = 16;

    public FrameControlFlags Flags { get; init; }
    public DurationId Duration { get; init; }
    public MacAddress ReceiverAddress { get; init; }
    public MacAddress TransmitterAddress { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> frame, out RtsFrame rts, out FrameParseError error)
    {
        rts = default;
        if (!ControlFrameLayout.TryCheck(frame, ControlSubtype.Rts, Length, out FrameControl fc, out error)) return false;
        rts = new RtsFrame
        {
            Flags = fc.Flags,
            Duration = new DurationId(ControlFrameLayout.ReadDuration(frame)),
            ReceiverAddress = MacAddress.Read(frame[ControlFrameLayout.ReceiverAddressOffset..]),
            TransmitterAddress = MacAddress.Read(frame[ControlFrameLayout.TransmitterAddressOffset..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < Length) return false;
        ControlFrameLayout.WriteStart(destination, ControlSubtype.Rts, Flags, Duration.Value);
        ReceiverAddress.WriteTo(destination[ControlFrameLayout.ReceiverAddressOffset..]);
        TransmitterAddress.WriteTo(destination[ControlFrameLayout.TransmitterAddressOffset..]);
        bytesWritten = Length;
        return true;
    }
}
