namespace Net80211.Frames;

/// <summary>PS-Poll frame (IEEE 802.11-2020 9.3.1.5).</summary>
/// <remarks>
/// <code>
///  octets:  2      2      6           6
///        +-----+-------+-----------+----+
///        | FC  |  AID  | BSSID (RA)| TA |
///        +-----+-------+-----------+----+
/// </code>
/// The Duration/ID field carries the AID with bits 14 and 15 set (9.2.4.2); the reader accepts the
/// field whatever its top bits hold (some stations leave them clear) and keeps only the 14-bit AID.
/// </remarks>
public readonly record struct PsPollFrame
{
    public const int Length = 16;

    public FrameControlFlags Flags { get; init; }
    /// <summary>Association ID, 1..2007.</summary>
    public ushort Aid { get; init; }
    public MacAddress Bssid { get; init; }
    public MacAddress TransmitterAddress { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> frame, out PsPollFrame psPoll, out FrameParseError error)
    {
        psPoll = default;
        if (!ControlFrameLayout.TryCheck(frame, ControlSubtype.PsPoll, Length, out FrameControl fc, out error)) return false;
        psPoll = new PsPollFrame
        {
            Flags = fc.Flags,
            Aid = (ushort)(ControlFrameLayout.ReadDuration(frame) & 0x3FFF),
            Bssid = MacAddress.Read(frame[ControlFrameLayout.ReceiverAddressOffset..]),
            TransmitterAddress = MacAddress.Read(frame[ControlFrameLayout.TransmitterAddressOffset..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < Length) return false;
        ControlFrameLayout.WriteStart(destination, ControlSubtype.PsPoll, Flags, DurationId.FromAid(Aid).Value);
        Bssid.WriteTo(destination[ControlFrameLayout.ReceiverAddressOffset..]);
        TransmitterAddress.WriteTo(destination[ControlFrameLayout.TransmitterAddressOffset..]);
        bytesWritten = Length;
        return true;
    }
}
