using System.Buffers.Binary;
using Net80211.Frames;

namespace Net80211.Capture;

/// <summary>The Prism monitoring header (linux-wlan-ng's <c>wlan_ng_prism2_header</c>) that
/// LINKTYPE_IEEE802_11_PRISM captures put in front of each frame.</summary>
/// <remarks>
/// <code>
///  octets:    4         4          16                 12 x 10
///        +---------+---------+--------------+--------------------------------------+
///        | msgcode | msglen  | device name  | items: did (4) status (2) len (2)    |
///        | 0x44 or |  (144)  |              |        data (4)                      |
///        | 0x41    |         |              |                                      |
///        +---------+---------+--------------+--------------------------------------+
///  offset     0         4          8                  24
/// </code>
/// Host byte order: the msgcode reads 0x41/0x44 in the writer's order. Each item's DID names it:
/// msgcode 0x44 puts the item number in the upper 16 bits (0x00030044 = channel), 0x41 in bits
/// 12-15 (0x00003041). Items: 1 host time, 2 MAC time, 3 channel, 4 RSSI, 5 signal quality,
/// 6 signal, 7 noise, 8 rate (500 kb/s), 9 is-TX, 10 frame length. Status 0 means supplied.
/// Signal and noise are in whatever unit the driver used (often not dBm).
/// </remarks>
public readonly record struct PrismHeader
{
    public const uint MessageCode = 0x44;
    public const uint MessageCodeOld = 0x41;
    public const int Length = 144;

    private const int MessageCodeOffset = 0;
    private const int MessageLengthOffset = 4;
    private const int ItemsOffset = 24;
    private const int ItemLength = 12;
    private const int ItemStatusOffset = 4;
    private const int ItemDataOffset = 8;
    private const int ItemChannel = 3;
    private const int ItemSignal = 6;
    private const int ItemNoise = 7;
    private const int ItemRate = 8;

    /// <summary>msglen: where the 802.11 frame starts.</summary>
    public int MessageLength { get; init; }
    /// <summary>Channel number; 0 when not supplied.</summary>
    public int Channel { get; init; }
    public int? Signal { get; init; }
    public int? Noise { get; init; }
    /// <summary>500 kb/s units; 0 when not supplied.</summary>
    public int Rate { get; init; }

    /// <summary>True when <paramref name="source"/> starts with a Prism msgcode in either byte order.</summary>
    public static bool IsPrism(ReadOnlySpan<byte> source)
        => source.Length >= 4
            && (BinaryPrimitives.ReadUInt32LittleEndian(source) is MessageCode or MessageCodeOld
                || BinaryPrimitives.ReadUInt32BigEndian(source) is MessageCode or MessageCodeOld);

    public static bool TryRead(ReadOnlySpan<byte> source, out PrismHeader header, out FrameParseError error)
    {
        header = default;
        if (source.Length < MessageLengthOffset)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        uint code = BinaryPrimitives.ReadUInt32LittleEndian(source[MessageCodeOffset..]);
        bool big = code is not (MessageCode or MessageCodeOld);
        if (big) code = BinaryPrimitives.ReverseEndianness(code);
        if (code is not (MessageCode or MessageCodeOld))
        {
            error = FrameParseError.BadValue;
            return false;
        }
        if (source.Length < ItemsOffset)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        uint length = Endian.ReadUInt32(source[MessageLengthOffset..], big);
        if (length < ItemsOffset || length > source.Length)
        {
            error = length < ItemsOffset ? FrameParseError.BadLength : FrameParseError.TooShort;
            return false;
        }

        int channel = 0, rate = 0;
        int? signal = null, noise = null;
        for (int offset = ItemsOffset; offset <= (int)length - ItemLength; offset += ItemLength)
        {
            ReadOnlySpan<byte> item = source.Slice(offset, ItemLength);
            uint did = Endian.ReadUInt32(item, big);
            if (Endian.ReadUInt16(item[ItemStatusOffset..], big) != 0) continue;
            int number = (did & 0xFFFF) == MessageCode ? (int)(did >> 16)
                : (did & 0xFFF) == MessageCodeOld ? (int)((did >> 12) & 0xF)
                : 0;
            int value = (int)Endian.ReadUInt32(item[ItemDataOffset..], big);
            switch (number)
            {
                case ItemChannel: channel = value; break;
                case ItemSignal: signal = value; break;
                case ItemNoise: noise = value; break;
                case ItemRate: rate = value; break;
            }
        }
        header = new PrismHeader { MessageLength = (int)length, Channel = channel, Signal = signal, Noise = noise, Rate = rate };
        error = FrameParseError.None;
        return true;
    }
}
