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
    public const int Length = 10;

    public FrameControlFlags Flags { get; init; }
    public DurationId Duration { get; init; }
    public MacAddress ReceiverAddress { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> frame, out CtsFrame cts, out FrameParseError error)
    {
        cts = default;
        if (!ControlFrameLayout.TryCheck(frame, ControlSubtype.Cts, Length, out FrameControl fc, out error)) return false;
        cts = new CtsFrame
        {
            Flags = fc.Flags,
            Duration = new DurationId(ControlFrameLayout.ReadDuration(frame)),
            ReceiverAddress = MacAddress.Read(frame[ControlFrameLayout.ReceiverAddressOffset..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < Length) return false;
        ControlFrameLayout.WriteStart(destination, ControlSubtype.Cts, Flags, Duration.Value);
        ReceiverAddress.WriteTo(destination[ControlFrameLayout.ReceiverAddressOffset..]);
        bytesWritten = Length;
        return true;
    }
}
