using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>MISSED_BEACONS_NOTIFICATION (§6, §7): sent after 8 expected beacons of the BSSID missed in a row, then every 8.</summary>
/// <remarks>
/// <code>
///  0x00 u32 mac_id
///  0x04 u32 consec_missed_beacons_since_last_rx
///  0x08 u32 consec_missed_beacons
///  0x0c u32 num_expected_beacons
///  0x10 u32 num_recvd_beacons
/// </code>
/// </remarks>
public readonly record struct IwxMissedBeaconsNotification
{
    public const int Size = 0x14;

    public uint MacId { get; init; }
    public uint ConsecutiveMissedSinceLastRx { get; init; }
    public uint ConsecutiveMissed { get; init; }
    public uint NumExpectedBeacons { get; init; }
    public uint NumReceivedBeacons { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxMissedBeaconsNotification notification)
    {
        if (source.Length < Size)
        {
            notification = default;
            return false;
        }
        notification = new IwxMissedBeaconsNotification
        {
            MacId = BinaryPrimitives.ReadUInt32LittleEndian(source),
            ConsecutiveMissedSinceLastRx = BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            ConsecutiveMissed = BinaryPrimitives.ReadUInt32LittleEndian(source[0x08..]),
            NumExpectedBeacons = BinaryPrimitives.ReadUInt32LittleEndian(source[0x0c..]),
            NumReceivedBeacons = BinaryPrimitives.ReadUInt32LittleEndian(source[0x10..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, MacId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], ConsecutiveMissedSinceLastRx);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], ConsecutiveMissed);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0c..], NumExpectedBeacons);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x10..], NumReceivedBeacons);
        return true;
    }
}
