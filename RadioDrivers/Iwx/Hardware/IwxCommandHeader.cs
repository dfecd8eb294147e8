using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>The wide command header that starts every command TFD's gathered bytes (§4 "Commands").</summary>
/// <remarks>
/// <code>
///  0x00 u8  cmd        opcode
///  0x01 u8  group_id
///  0x02 u16 sequence   (qid &lt;&lt; 8) | index of this TFD
///  0x04 u16 length     payload length
///  0x06 u8  cookie     (emulator) echoed in the response's len_n_flags bits 16..23
///  0x07 u8  version
/// </code>
/// </remarks>
public readonly record struct IwxCommandHeader
{
    public const int Size = 8;

    private const int OpcodeOffset = 0, GroupOffset = 1, SequenceOffset = 2, LengthOffset = 4, CookieOffset = 6, VersionOffset = 7;

    public byte Opcode { get; init; }
    public byte Group { get; init; }
    public ushort Sequence { get; init; }
    public ushort Length { get; init; }
    public byte Cookie { get; init; }
    public byte Version { get; init; }

    public IwxCommandId Id => new(Group, Opcode);
    public int QueueId => Sequence >> 8 & 0x7f;
    public int Index => Sequence & 0xff;

    public static IwxCommandHeader For(IwxCommandId id, int queue, int index, int length, byte cookie = 0, byte version = 0) => new()
    {
        Opcode = id.Opcode,
        Group = id.Group,
        Sequence = MakeSequence(queue, index),
        Length = checked((ushort)length),
        Cookie = cookie,
        Version = version,
    };

    public static ushort MakeSequence(int queue, int index) => (ushort)((queue & 0x7f) << 8 | (index & 0xff));

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxCommandHeader header)
    {
        if (source.Length < Size)
        {
            header = default;
            return false;
        }
        header = new IwxCommandHeader
        {
            Opcode = source[OpcodeOffset],
            Group = source[GroupOffset],
            Sequence = BinaryPrimitives.ReadUInt16LittleEndian(source[SequenceOffset..]),
            Length = BinaryPrimitives.ReadUInt16LittleEndian(source[LengthOffset..]),
            Cookie = source[CookieOffset],
            Version = source[VersionOffset],
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        destination[OpcodeOffset] = Opcode;
        destination[GroupOffset] = Group;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[SequenceOffset..], Sequence);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[LengthOffset..], Length);
        destination[CookieOffset] = Cookie;
        destination[VersionOffset] = Version;
        return true;
    }
}
