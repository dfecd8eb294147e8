namespace Net80211.Frames;

/// <summary>Ack frame (IEEE 802.11-2020 9.3.1.3).</summary>
/// <remarks>
/// <code>
///  octets:  2        2        6
///        +-------+----------+----+
///        |  FC   | Duration | RA |
///        +-------+----------+----+
/// </code>
/// </remarks>
public readonly record struct AckFrame
{
    public const int Length = ControlFrameLayout.ReceiverOnlyLength;

    public FrameControlFlags Flags { get; init; }
    public DurationId Duration { get; init; }
    public MacAddress ReceiverAddress { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> frame, out AckFrame ack, out FrameParseError error)
    {
        bool ok = ControlFrameLayout.TryReadReceiverOnly(frame, ControlSubtype.Ack, out var flags, out var duration, out var ra, out error);
        ack = ok ? new AckFrame { Flags = flags, Duration = duration, ReceiverAddress = ra } : default;
        return ok;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
        => ControlFrameLayout.TryWriteReceiverOnly(destination, ControlSubtype.Ack, Flags, Duration, ReceiverAddress, out bytesWritten);
}
