using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>One channel of a scan request: <c>u8 channel; u8 band (0/1); u8 flags (bit 0 passive); u8 r</c>.</summary>
public readonly record struct IwxScanChannel(byte Channel, byte Band, byte Flags)
{
    public const int Size = 4;
    public const byte FlagPassive = 1;

    public bool IsPassive => (Flags & FlagPassive) != 0;
}

/// <summary>SCAN_REQ_UMAC payload (trimmed, §6.2): variable length.</summary>
/// <remarks>
/// <code>
///  0x00 u32 uid
///  0x04 u32 flags                 bit 0 PASSIVE (no probes at all)
///  0x08 u16 active_dwell_ms; u16 passive_dwell_ms
///  0x0c u8  channel_count; u8 ssid_count; u16 probe_template_len (2.4 GHz)
///  0x10 u16 probe_template_5ghz_len (0: use the 2.4 GHz one); u16 reserved
///  0x14 channels[channel_count]   { u8 channel; u8 band; u8 flags; u8 r }
///       ssids[ssid_count]         { u8 len; u8 ssid[32] }
///       probe template            a complete probe request frame for 2.4 GHz channels
///       probe template 5 GHz      the same for 5 GHz channels (OFDM rates only), as iwx's per-band IEs
/// </code>
/// </remarks>
public readonly record struct IwxScanReqUmac
{
    public const int FixedSize = 0x14;
    public const int SsidEntrySize = 33;
    public const int MaxSsidLength = 32;
    /// <summary>Most SSIDs the firmware probes for (PROBE_OPTION_MAX).</summary>
    public const int MaxSsids = 20;
    public const uint FlagPassive = 1;

    public uint Uid { get; init; }
    public uint Flags { get; init; }
    public ushort ActiveDwellMs { get; init; }
    public ushort PassiveDwellMs { get; init; }
    public IReadOnlyList<IwxScanChannel> Channels { get; init; }
    public IReadOnlyList<ReadOnlyMemory<byte>> Ssids { get; init; }
    public ReadOnlyMemory<byte> ProbeTemplate { get; init; }
    /// <summary>The probe for 5 GHz channels; empty means <see cref="ProbeTemplate"/> serves both bands.</summary>
    public ReadOnlyMemory<byte> ProbeTemplate5Ghz { get; init; }

    /// <summary>The probe template for a channel of <paramref name="band"/> (0 = 2.4 GHz, 1 = 5 GHz).</summary>
    public ReadOnlyMemory<byte> ProbeTemplateFor(byte band) => band == 1 && !ProbeTemplate5Ghz.IsEmpty ? ProbeTemplate5Ghz : ProbeTemplate;

    public bool IsPassive => (Flags & FlagPassive) != 0;

    public int Size => FixedSize + IwxScanChannel.Size * (Channels?.Count ?? 0) + SsidEntrySize * (Ssids?.Count ?? 0) + ProbeTemplate.Length + ProbeTemplate5Ghz.Length;

    /// <summary>False when the buffer is shorter than the counts say or an SSID is longer than 32.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out IwxScanReqUmac request)
    {
        request = default;
        if (source.Length < FixedSize) return false;
        int channelCount = source[0x0c], ssidCount = source[0x0d];
        int templateLength = BinaryPrimitives.ReadUInt16LittleEndian(source[0x0e..]);
        int template5Length = BinaryPrimitives.ReadUInt16LittleEndian(source[0x10..]);
        int total = FixedSize + IwxScanChannel.Size * channelCount + SsidEntrySize * ssidCount + templateLength + template5Length;
        if (source.Length < total) return false;

        var channels = new IwxScanChannel[channelCount];
        int at = FixedSize;
        for (int i = 0; i < channelCount; i++, at += IwxScanChannel.Size)
            channels[i] = new IwxScanChannel(source[at], source[at + 1], source[at + 2]);
        var ssids = new ReadOnlyMemory<byte>[ssidCount];
        for (int i = 0; i < ssidCount; i++, at += SsidEntrySize)
        {
            int len = source[at];
            if (len > MaxSsidLength) return false;
            ssids[i] = source.Slice(at + 1, len).ToArray();
        }
        request = new IwxScanReqUmac
        {
            Uid = BinaryPrimitives.ReadUInt32LittleEndian(source),
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            ActiveDwellMs = BinaryPrimitives.ReadUInt16LittleEndian(source[0x08..]),
            PassiveDwellMs = BinaryPrimitives.ReadUInt16LittleEndian(source[0x0a..]),
            Channels = channels,
            Ssids = ssids,
            ProbeTemplate = source.Slice(at, templateLength).ToArray(),
            ProbeTemplate5Ghz = source.Slice(at + templateLength, template5Length).ToArray(),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        var channels = Channels ?? [];
        var ssids = Ssids ?? [];
        if (channels.Count > byte.MaxValue || ssids.Count > byte.MaxValue || ProbeTemplate.Length > ushort.MaxValue
            || ProbeTemplate5Ghz.Length > ushort.MaxValue) return false;
        if (destination.Length < Size) return false;
        foreach (var ssid in ssids)
            if (ssid.Length > MaxSsidLength) return false;

        BinaryPrimitives.WriteUInt32LittleEndian(destination, Uid);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x08..], ActiveDwellMs);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x0a..], PassiveDwellMs);
        destination[0x0c] = (byte)channels.Count;
        destination[0x0d] = (byte)ssids.Count;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x0e..], (ushort)ProbeTemplate.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x10..], (ushort)ProbeTemplate5Ghz.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x12..], 0);
        int at = FixedSize;
        foreach (var c in channels)
        {
            destination[at] = c.Channel;
            destination[at + 1] = c.Band;
            destination[at + 2] = c.Flags;
            destination[at + 3] = 0;
            at += IwxScanChannel.Size;
        }
        foreach (var ssid in ssids)
        {
            var entry = destination.Slice(at, SsidEntrySize);
            entry.Clear();
            entry[0] = (byte)ssid.Length;
            ssid.Span.CopyTo(entry[1..]);
            at += SsidEntrySize;
        }
        ProbeTemplate.Span.CopyTo(destination[at..]);
        ProbeTemplate5Ghz.Span.CopyTo(destination[(at + ProbeTemplate.Length)..]);
        return true;
    }
}
