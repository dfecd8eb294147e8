using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>Basic or Compressed BlockAckReq frame (IEEE 802.11-2020 9.3.1.7).</summary>
/// <remarks>
/// <code>
///  octets:  2      2       6    6        2              2
///        +-----+--------+----+----+-------------+------------------+
///        | FC  |Duration| RA | TA | BAR Control | Starting Seq Ctl |
///        +-----+--------+----+----+-------------+------------------+
///  offset  0      2       4    10        16             18
/// </code>
/// Multi-TID and GCR variants carry a different BAR Information field and are reported as
/// <see cref="FrameParseError.Unsupported"/>.
/// </remarks>
public readonly record struct BlockAckRequestFrame
{
    public const int Length = 20;

    private const int BarControlOffset = 16;
    private const int StartingSequenceControlOffset = 18;

    public FrameControlFlags Flags { get; init; }
    public DurationId Duration { get; init; }
    public MacAddress ReceiverAddress { get; init; }
    public MacAddress TransmitterAddress { get; init; }
    public BlockAckControl Control { get; init; }
    /// <summary>Fragment number 0 and the first sequence number the originator still wants acknowledged.</summary>
    public SequenceControl StartingSequenceControl { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> frame, out BlockAckRequestFrame request, out FrameParseError error)
    {
        request = default;
        // Check the type before the length so a Multi-TID BAR (longer) is reported as such.
        if (!ControlFrameLayout.TryCheck(frame, ControlSubtype.BlockAckRequest, BarControlOffset + BlockAckControl.Length,
                out FrameControl fc, out error) && error != FrameParseError.BadLength)
        {
            return false;
        }
        var control = new BlockAckControl(BinaryPrimitives.ReadUInt16LittleEndian(frame[BarControlOffset..]));
        if (control.Type is not (BlockAckType.Basic or BlockAckType.Compressed))
        {
            error = FrameParseError.Unsupported;
            return false;
        }
        if (!ControlFrameLayout.TryCheck(frame, ControlSubtype.BlockAckRequest, Length, out _, out error)) return false;
        request = new BlockAckRequestFrame
        {
            Flags = fc.Flags,
            Duration = new DurationId(ControlFrameLayout.ReadDuration(frame)),
            ReceiverAddress = MacAddress.Read(frame[ControlFrameLayout.ReceiverAddressOffset..]),
            TransmitterAddress = MacAddress.Read(frame[ControlFrameLayout.TransmitterAddressOffset..]),
            Control = control,
            StartingSequenceControl = new SequenceControl(BinaryPrimitives.ReadUInt16LittleEndian(frame[StartingSequenceControlOffset..])),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < Length) return false;
        ControlFrameLayout.WriteStart(destination, ControlSubtype.BlockAckRequest, Flags, Duration.Value);
        ReceiverAddress.WriteTo(destination[ControlFrameLayout.ReceiverAddressOffset..]);
        TransmitterAddress.WriteTo(destination[ControlFrameLayout.TransmitterAddressOffset..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[BarControlOffset..], Control.Value);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[StartingSequenceControlOffset..], StartingSequenceControl.Value);
        bytesWritten = Length;
        return true;
    }
}
