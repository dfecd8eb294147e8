using Net80211.Channels;
using Net80211.Frames;
using Net80211.Radiotap;

namespace Net80211.Capture;

/// <summary>The 802.11 frame inside a capture record, without its link-layer header and FCS, with
/// what that header said about the reception.</summary>
/// <remarks>
/// <para>Link types: 105 (bare frame), 119 (Prism header, or AVS under that link type), 127 (radiotap),
/// 163 (AVS).</para>
/// <para>FCS: radiotap says whether the frame ends with one (Flags 0x10) and whether it was bad (0x40).
/// The other link types do not, so a trailing FCS is recognised by its CRC matching the octets before
/// it (a false match has odds of 2^-32). A record cut short by the snap length has no FCS to strip.</para>
/// </remarks>
public readonly ref struct CapturedFrame
{
    /// <summary>The MPDU without FCS (possibly cut short, see <see cref="IsTruncated"/>).</summary>
    public ReadOnlySpan<byte> Frame { get; init; }
    public LinkType LinkType { get; init; }
    /// <summary>The record ended with an FCS, now stripped.</summary>
    public bool HadFcs { get; init; }
    /// <summary>The capture marked the frame as failing its FCS check, or its FCS does not match.</summary>
    public bool FcsBad { get; init; }
    /// <summary>Radiotap's DataPad flag: the payload starts at the next 32-bit boundary after the MAC header.</summary>
    public bool HasDataPad { get; init; }
    /// <summary>The capture holds fewer octets than were on the air.</summary>
    public bool IsTruncated { get; init; }
    /// <summary>0 when the header gave none.</summary>
    public int FrequencyMhz { get; init; }
    /// <summary>IEEE channel number; 0 when the header gave none.</summary>
    public int Channel { get; init; }
    public int? SignalDbm { get; init; }
    public int? NoiseDbm { get; init; }
    /// <summary>500 kb/s units; 0 when unknown.</summary>
    public byte Rate { get; init; }
    /// <summary>The radiotap header (link type 127 only).</summary>
    public RadiotapHeader Radiotap { get; init; }

    /// <summary>Strips the link-layer header of <paramref name="record"/>. False (with the reason) for
    /// a link type that does not carry 802.11 or a header that does not parse.</summary>
    public static bool TryDecode(scoped in CaptureRecord record, out CapturedFrame frame, out FrameParseError error)
    {
        frame = default;
        ReadOnlySpan<byte> data = record.Data;
        bool truncated = record.IsTruncated;
        switch (record.LinkType)
        {
            case LinkType.Ieee80211:
                frame = WithDetectedFcs(data, truncated, new CapturedFrame { LinkType = record.LinkType, IsTruncated = truncated });
                error = FrameParseError.None;
                return true;

            case LinkType.Ieee80211Radiotap:
                return TryDecodeRadiotap(data, truncated, out frame, out error);

            case LinkType.Ieee80211Prism when AvsHeader.IsAvs(data):
            case LinkType.Ieee80211Avs:
                if (!AvsHeader.TryRead(data, out AvsHeader avs, out error)) return false;
                frame = WithDetectedFcs(data[avs.Length..], truncated, new CapturedFrame
                {
                    LinkType = record.LinkType,
                    IsTruncated = truncated,
                    Channel = avs.Channel,
                    FrequencyMhz = Ieee80211Channel.IeeeToFrequency(avs.Channel),
                    Rate = (byte)Math.Clamp(avs.Rate, 0, byte.MaxValue),
                    SignalDbm = avs.SignalDbm,
                    NoiseDbm = avs.NoiseDbm,
                });
                return true;

            case LinkType.Ieee80211Prism:
                if (!PrismHeader.TryRead(data, out PrismHeader prism, out error)) return false;
                frame = WithDetectedFcs(data[prism.MessageLength..], truncated, new CapturedFrame
                {
                    LinkType = record.LinkType,
                    IsTruncated = truncated,
                    Channel = prism.Channel,
                    FrequencyMhz = Ieee80211Channel.IeeeToFrequency(prism.Channel),
                    Rate = (byte)Math.Clamp(prism.Rate, 0, byte.MaxValue),
                    // Many Prism drivers report signal above the noise floor, not dBm; only a negative value is taken as dBm.
                    SignalDbm = prism.Signal is < 0 and > -128 ? prism.Signal : null,
                    NoiseDbm = prism.Noise is < 0 and > -128 ? prism.Noise : null,
                });
                return true;

            default:
                error = FrameParseError.Unsupported;
                return false;
        }
    }

    private static bool TryDecodeRadiotap(ReadOnlySpan<byte> data, bool truncated, out CapturedFrame frame, out FrameParseError error)
    {
        frame = default;
        if (!RadiotapHeader.TryRead(data, out RadiotapHeader rt, out error)) return false;
        ReadOnlySpan<byte> mpdu = data[rt.Length..];
        bool fcsAtEnd = rt.Has(RadiotapFields.Flags) && (rt.Flags & RadiotapFlags.FcsAtEnd) != 0;
        bool bad = rt.Has(RadiotapFields.Flags) && (rt.Flags & RadiotapFlags.BadFcs) != 0;
        bool hadFcs = false;
        if (fcsAtEnd && !truncated && mpdu.Length >= Fcs.Length)
        {
            bad |= !Fcs.Verify(mpdu);
            mpdu = mpdu[..^Fcs.Length];
            hadFcs = true;
        }
        int frequency = rt.Has(RadiotapFields.Channel) ? rt.ChannelFrequencyMhz : 0;
        frame = new CapturedFrame
        {
            Frame = mpdu,
            LinkType = LinkType.Ieee80211Radiotap,
            HadFcs = hadFcs,
            FcsBad = bad,
            HasDataPad = rt.Has(RadiotapFields.Flags) && (rt.Flags & RadiotapFlags.DataPad) != 0,
            IsTruncated = truncated,
            FrequencyMhz = frequency,
            Channel = frequency > 0 ? Ieee80211Channel.FrequencyToIeee(frequency, rt.ChannelFlags) : 0,
            SignalDbm = rt.Has(RadiotapFields.DbmAntennaSignal) ? rt.AntennaSignalDbm : null,
            NoiseDbm = rt.Has(RadiotapFields.DbmAntennaNoise) ? rt.AntennaNoiseDbm : null,
            Rate = rt.Has(RadiotapFields.Rate) ? rt.Rate : (byte)0,
            Radiotap = rt,
        };
        return true;
    }

    private static CapturedFrame WithDetectedFcs(ReadOnlySpan<byte> mpdu, bool truncated, CapturedFrame info)
    {
        // Shorter than an ACK plus FCS: nothing worth checking.
        bool hasFcs = !truncated && mpdu.Length >= FrameHeader.ControlShortLength + Fcs.Length && Fcs.Verify(mpdu);
        return info with { Frame = hasFcs ? mpdu[..^Fcs.Length] : mpdu, HadFcs = hasFcs };
    }
}
