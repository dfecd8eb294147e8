using System.Buffers.Binary;
using Net80211.Frames;

namespace Net80211.Capture;

/// <summary>The AVS monitor header (LINKTYPE_IEEE802_11_AVS, also found under the Prism link type).</summary>
/// <remarks>
/// <code>
///  octets:    4        4        8         8          4         4         4         4
///        +---------+--------+---------+----------+---------+---------+---------+---------+
///        | version | length | mactime | hosttime | phytype | channel | datarate| antenna |
///        +---------+--------+---------+----------+---------+---------+---------+---------+
///  offset     0        4        8        16         24        28        32        36
///
///  octets:    4          4          4           4          4          4
///        +----------+----------+------------+-----------+----------+----------+
///        | priority | ssi_type | ssi_signal | ssi_noise | preamble | encoding |
///        +----------+----------+------------+-----------+----------+----------+
///  offset    40         44         48          52         56         60
/// </code>
/// Big-endian. version is 0x80211001 (or ...002 with more fields); length is the header's size.
/// datarate is in 100 kb/s. ssi_type 1 = normalized dBm, 2 = raw RSSI, 3 = dBm.
/// </remarks>
public readonly record struct AvsHeader
{
    public const uint Version1 = 0x80211001;
    public const uint Version2 = 0x80211002;
    public const int MinLength = 64;

    private const int LengthOffset = 4;
    private const int ChannelOffset = 28;
    private const int DataRateOffset = 32;
    private const int SsiTypeOffset = 44;
    private const int SsiSignalOffset = 48;
    private const int SsiNoiseOffset = 52;
    private const uint SsiTypeDbmNormalized = 1;
    private const uint SsiTypeDbm = 3;

    public int Length { get; init; }
    public int Channel { get; init; }
    /// <summary>500 kb/s units.</summary>
    public int Rate { get; init; }
    public int? SignalDbm { get; init; }
    public int? NoiseDbm { get; init; }

    public static bool IsAvs(ReadOnlySpan<byte> source)
        => source.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(source) is Version1 or Version2;

    public static bool TryRead(ReadOnlySpan<byte> source, out AvsHeader header, out FrameParseError error)
    {
        header = default;
        if (source.Length < MinLength)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        if (!IsAvs(source))
        {
            error = FrameParseError.BadVersion;
            return false;
        }
        uint length = BinaryPrimitives.ReadUInt32BigEndian(source[LengthOffset..]);
        if (length < MinLength || length > source.Length)
        {
            error = length < MinLength ? FrameParseError.BadLength : FrameParseError.TooShort;
            return false;
        }
        uint ssiType = BinaryPrimitives.ReadUInt32BigEndian(source[SsiTypeOffset..]);
        bool dbm = ssiType is SsiTypeDbm or SsiTypeDbmNormalized;
        header = new AvsHeader
        {
            Length = (int)length,
            Channel = (int)BinaryPrimitives.ReadUInt32BigEndian(source[ChannelOffset..]),
            Rate = (int)(BinaryPrimitives.ReadUInt32BigEndian(source[DataRateOffset..]) / 5),
            SignalDbm = dbm ? BinaryPrimitives.ReadInt32BigEndian(source[SsiSignalOffset..]) : null,
            NoiseDbm = dbm ? BinaryPrimitives.ReadInt32BigEndian(source[SsiNoiseOffset..]) : null,
        };
        error = FrameParseError.None;
        return true;
    }
}
