using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>Compressed BlockAck frame (IEEE 802.11-2020 9.3.1.8, 9.3.1.8.3): a 64-bit bitmap.</summary>
/// <remarks>
/// <code>
///  octets:  2      2       6    6        2              2                8
///        +-----+--------+----+----+------------+------------------+--------------+
///        | FC  |Duration| RA | TA | BA Control | Starting Seq Ctl | BA Bitmap    |
///        +-----+--------+----+----+------------+------------------+--------------+
///  offset  0      2       4    10       16             18                20
/// </code>
/// Bit <c>n</c> of the bitmap acknowledges sequence number <c>SSN + n</c> (mod 4096). The Basic
/// variant's 128-octet per-fragment bitmap, Multi-TID and GCR are reported as
/// <see cref="FrameParseError.Unsupported"/>.
/// </remarks>
public readonly record struct BlockAckFrame
{
    public const int Length = 28;

    private const int BaControlOffset = 16;
    private const int StartingSequenceControlOffset = 18;
    private const int BitmapOffset = 20;

    public FrameControlFlags Flags { get; init; }
    public DurationId Duration { get; init; }
    public MacAddress ReceiverAddress { get; init; }
    public MacAddress TransmitterAddress { get; init; }
    public BlockAckControl Control { get; init; }
    public SequenceControl StartingSequenceControl { get; init; }
    public ulong Bitmap { get; init; }

    /// <summary>True when the bitmap acknowledges <paramref name="sequenceNumber"/>.</summary>
    public bool IsAcknowledged(int sequenceNumber)
    {
        int offset = SequenceControl.Distance(StartingSequenceControl.SequenceNumber, sequenceNumber);
        return offset < 64 && (Bitmap & (1UL << offset)) != 0;
    }

    public static bool TryRead(ReadOnlySpan<byte> frame, out BlockAckFrame blockAck, out FrameParseError error)
    {
        blockAck = default;
        if (!ControlFrameLayout.TryCheck(frame, ControlSubtype.BlockAck, BaControlOffset + BlockAckControl.Length,
                out FrameControl fc, out error) && error != FrameParseError.BadLength)
        {
            return false;
        }
        var control = new BlockAckControl(BinaryPrimitives.ReadUInt16LittleEndian(frame[BaControlOffset..]));
        if (control.Type != BlockAckType.Compressed)
        {
            error = FrameParseError.Unsupported;
            return false;
        }
        if (!ControlFrameLayout.TryCheck(frame, ControlSubtype.BlockAck, Length, out _, out error)) return false;
        blockAck = new BlockAckFrame
        {
            Flags = fc.Flags,
            Duration = new DurationId(ControlFrameLayout.ReadDuration(frame)),
            ReceiverAddress = MacAddress.Read(frame[ControlFrameLayout.ReceiverAddressOffset..]),
            TransmitterAddress = MacAddress.Read(frame[ControlFrameLayout.TransmitterAddressOffset..]),
            Control = control,
            StartingSequenceControl = new SequenceControl(BinaryPrimitives.ReadUInt16LittleEndian(frame[StartingSequenceControlOffset..])),
            Bitmap = BinaryPrimitives.ReadUInt64LittleEndian(frame[BitmapOffset..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < Length) return false;
        ControlFrameLayout.WriteStart(destination, ControlSubtype.BlockAck, Flags, Duration.Value);
        ReceiverAddress.WriteTo(destination[ControlFrameLayout.ReceiverAddressOffset..]);
        TransmitterAddress.WriteTo(destination[ControlFrameLayout.TransmitterAddressOffset..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[BaControlOffset..], Control.Value);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[StartingSequenceControlOffset..], StartingSequenceControl.Value);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[BitmapOffset..], Bitmap);
        bytesWritten = Length;
        return true;
    }
}
