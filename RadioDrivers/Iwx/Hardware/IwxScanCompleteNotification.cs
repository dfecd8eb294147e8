using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>SCAN_COMPLETE_UMAC notification (§6.2).</summary>
/// <remarks>
/// <code>
///  0x00 u32 uid
///  0x04 u8  last_schedule; u8 last_iter; u8 status (0 done, 1 aborted); u8 ebs_status
///  0x08 u32 time_from_last_iter
///  0x0c u32 r
/// </code>
/// </remarks>
public readonly record struct IwxScanCompleteNotification
{
    public const int Size = 0x10;
    public const byte StatusDone = 0;
    public const byte StatusAborted = 1;

    public uint Uid { get; init; }
    public byte LastSchedule { get; init; }
    public byte LastIter { get; init; }
    public byte Status { get; init; }
    public byte EbsStatus { get; init; }
    public uint TimeFromLastIter { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxScanCompleteNotification notification)
    {
        if (source.Length < Size)
        {
            notification = default;
            return false;
        }
        notification = new IwxScanCompleteNotification
        {
            Uid = BinaryPrimitives.ReadUInt32LittleEndian(source),
            LastSchedule = source[0x04],
            LastIter = source[0x05],
            Status = source[0x06],
            EbsStatus = source[0x07],
            TimeFromLastIter = BinaryPrimitives.ReadUInt32LittleEndian(source[0x08..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Uid);
        destination[0x04] = LastSchedule;
        destination[0x05] = LastIter;
        destination[0x06] = Status;
        destination[0x07] = EbsStatus;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], TimeFromLastIter);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0c..], 0);
        return true;
    }
}
