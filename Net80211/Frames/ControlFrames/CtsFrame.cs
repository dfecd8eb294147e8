namespace Net80211.Frames;

/// <summary>CTS frame (IEEE 802.11-2020 9.3.1.2). Also used as CTS-to-self, with RA = own address.</summary>
/// <remarks>
/// <code>
///  octets:  2        2        6
///        +-------+----------+----+
///        |  FC   | Duration | RA |
///        +-------+----------+----+
/// </code>
/// </remarks>
public readonly record struct CtsFrame
{
    public const int Length = ControlFrameLayout.ReceiverOnlyLength;

    public FrameControlFlags Flags { get; init; }
    public DurationId Duration { get; init; }
    public MacAddress ReceiverAddress { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> frame, out CtsFrame cts, out FrameParseError error)
    {
        bool ok = ControlFrameLayout.TryReadReceiverOnly(frame, ControlSubtype.Cts, out var flags, out var duration, out var ra, out error);
        cts = ok ? new CtsFrame { Flags = flags, Duration = duration, ReceiverAddress = ra } : default;
        return ok;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
        => ControlFrameLayout.TryWriteReceiverOnly(destination, ControlSubtype.Cts, Flags, Duration, ReceiverAddress, out bytesWritten);
}
