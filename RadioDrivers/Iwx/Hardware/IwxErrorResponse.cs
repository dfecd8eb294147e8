using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>Payload of a REPLY_ERROR response (trimmed <c>iwl_error_resp</c>): which command the firmware refused.</summary>
/// <remarks>
/// <code>
///  0x00 u32 error_type       1 unknown command, 2 malformed payload, 3 command on the wrong queue (emulator numbering)
///  0x04 u8  cmd_id; u8 group_id (reserved in the real struct)
///  0x06 u16 bad_cmd_seq_num
/// </code>
/// </remarks>
public readonly record struct IwxErrorResponse
{
    public const int Size = 8;
    public const uint UnknownCommand = 1;
    public const uint Malformed = 2;
    public const uint WrongQueue = 3;

    public uint ErrorType { get; init; }
    public byte CmdId { get; init; }
    public byte GroupId { get; init; }
    public ushort BadCmdSequence { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxErrorResponse response)
    {
        if (source.Length < Size)
        {
            response = default;
            return false;
        }
        response = new IwxErrorResponse
        {
            ErrorType = BinaryPrimitives.ReadUInt32LittleEndian(source),
            CmdId = source[4],
            GroupId = source[5],
            BadCmdSequence = BinaryPrimitives.ReadUInt16LittleEndian(source[6..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, ErrorType);
        destination[4] = CmdId;
        destination[5] = GroupId;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], BadCmdSequence);
        return true;
    }
}
