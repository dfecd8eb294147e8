using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>Header of the one packet in each 4 KiB RX buffer (<c>iwl_rx_packet</c>, §4 "RX queue 0").</summary>
/// <remarks>
/// <code>
///  0x00 u32 len_n_flags   bits 0..13: length of hdr + data; bits 16..23 (emulator) command cookie echo
///  0x04 u8  cmd
///  0x05 u8  group_id
///  0x06 u16 sequence      bit 15 set = unsolicited notification
///  0x08 data
/// </code>
/// </remarks>
public readonly record struct IwxRxPacketHeader
{
    public const int Size = 8;
    /// <summary>The len_n_flags word in front of what its length counts (iwl_rx_packet_len counts hdr + data).</summary>
    public const int LengthWordSize = 4;
    public const uint LengthMask = 0x3fff;
    public const int CookieShift = 16;
    /// <summary>Sequence bit of an unsolicited notification.</summary>
    public const ushort NotificationSequence = 0x8000;

    private const int LenNFlagsOffset = 0, OpcodeOffset = 4, GroupOffset = 5, SequenceOffset = 6;

    public uint LenNFlags { get; init; }
    public byte Opcode { get; init; }
    public byte Group { get; init; }
    public ushort Sequence { get; init; }

    public IwxCommandId Id => new(Group, Opcode);

    /// <summary>Bytes of hdr (cmd, group, sequence) and payload: len_n_flags bits 0..13, as iwlwifi counts.</summary>
    public int Length => (int)(LenNFlags & LengthMask);

    /// <summary>Bytes of the whole packet in the buffer, len_n_flags included.</summary>
    public int TotalLength => LengthWordSize + Length;

    /// <summary>Payload bytes after this header.</summary>
    public int PayloadLength => Math.Max(0, TotalLength - Size);

    public byte Cookie => (byte)(LenNFlags >> CookieShift);
    public bool IsNotification => (Sequence & NotificationSequence) != 0;

    /// <summary>len_n_flags for a packet of <paramref name="totalLength"/> bytes (len_n_flags included).</summary>
    public static uint MakeLenNFlags(int totalLength, byte cookie) => ((uint)(totalLength - LengthWordSize) & LengthMask) | (uint)cookie << CookieShift;

    /// <summary>The header of a packet carrying <paramref name="payloadLength"/> bytes.</summary>
    public static IwxRxPacketHeader For(IwxCommandId id, ushort sequence, int payloadLength, byte cookie = 0) => new()
    {
        LenNFlags = MakeLenNFlags(Size + payloadLength, cookie),
        Opcode = id.Opcode,
        Group = id.Group,
        Sequence = sequence,
    };

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxRxPacketHeader header)
    {
        if (source.Length < Size)
        {
            header = default;
            return false;
        }
        header = new IwxRxPacketHeader
        {
            LenNFlags = BinaryPrimitives.ReadUInt32LittleEndian(source[LenNFlagsOffset..]),
            Opcode = source[OpcodeOffset],
            Group = source[GroupOffset],
            Sequence = BinaryPrimitives.ReadUInt16LittleEndian(source[SequenceOffset..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[LenNFlagsOffset..], LenNFlags);
        destination[OpcodeOffset] = Opcode;
        destination[GroupOffset] = Group;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[SequenceOffset..], Sequence);
        return true;
    }
}
