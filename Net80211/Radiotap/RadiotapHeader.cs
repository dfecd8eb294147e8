using System.Buffers.Binary;
using Net80211.Channels;
using Net80211.Frames;
using Net80211.Radio;

namespace Net80211.Radiotap;

/// <summary>A radiotap header (radiotap.org), the pseudo-header captures put in front of an 802.11
/// frame to say how it was received or sent. Holds the fields this stack reads and writes.</summary>
/// <remarks>
/// <code>
///  octets:    1        1        2          4              4 ...         variable
///        +---------+-------+--------+------------+---------------+------------------------+
///        | version |  pad  | it_len | it_present | it_present ...| fields, in bit order,  |
///        |   (0)   |       |        | (bit 31:   | (while bit 31 | each aligned to its    |
///        |         |       |        | more)      |  is set)      | size from offset 0     |
///        +---------+-------+--------+------------+---------------+------------------------+
///  offset     0        1        2          4             8
/// </code>
/// <para>Little-endian. <c>it_len</c> covers the whole header, so the 802.11 frame starts there
/// whatever the header holds. Bits 29 and 30 of a bitmap switch the next bitmap to the radiotap
/// namespace (numbering restarts at 0, as multi-antenna captures use it) or to a vendor namespace
/// whose 6-octet header (OUI, sub-namespace, <c>skip_length</c>) says how much vendor data to skip.</para>
/// <para>Reading keeps the first occurrence of each field (the first antenna set); it stops, without
/// failing, at a field it cannot size (<see cref="IsPartial"/>). A header that contradicts itself —
/// <c>it_len</c> under 8 or past the buffer, bitmaps or fields running past <c>it_len</c> — is rejected.</para>
/// </remarks>
public readonly record struct RadiotapHeader
{
    public const byte SupportedVersion = 0;
    /// <summary>Version, pad, length and one bitmap.</summary>
    public const int MinLength = 8;
    /// <summary>Size of a header carrying every field in <see cref="WritableFields"/>.</summary>
    public const int MaxEncodedLength = 34;

    /// <summary>The fields <see cref="TryWrite"/> can encode.</summary>
    public const RadiotapFields WritableFields = RadiotapFields.Tsft | RadiotapFields.Flags | RadiotapFields.Rate
        | RadiotapFields.Channel | RadiotapFields.DbmAntennaSignal | RadiotapFields.DbmAntennaNoise | RadiotapFields.DbmTxPower
        | RadiotapFields.Antenna | RadiotapFields.RxFlags | RadiotapFields.TxFlags | RadiotapFields.DataRetries | RadiotapFields.Mcs;

    private const int VersionOffset = 0;
    private const int PadOffset = 1;
    private const int LengthOffset = 2;
    private const int PresentOffset = 4;
    private const int BitmapLength = 4;
    private const int BitsPerBitmap = 32;
    // Vendor namespace field: OUI (3), sub-namespace (1), skip_length (2), 2-aligned.
    private const int VendorNamespaceLength = 6;
    private const int VendorNamespaceAlignment = 2;
    private const int VendorSkipLengthOffset = 4;
    private const int LastFixedField = (int)RadiotapField.LSig;
    // RxInfo.Rate: 0x80 | MCS for HT.
    private const byte HtRateFlag = 0x80;
    // Radiotap's Channel field carries the low 16 bits of ChannelFlags.
    private const ChannelFlags ChannelFlagsMask = (ChannelFlags)0xFFFF;

    /// <summary><c>it_len</c>: where the 802.11 frame starts. Ignored by <see cref="TryWrite"/>, which computes it.</summary>
    public int Length { get; init; }

    /// <summary>The fields read (first occurrences), or the fields to write.</summary>
    public RadiotapFields Present { get; init; }

    /// <summary>Reading stopped at a field it cannot size (unknown, TLVs, beyond the first 32 bits of
    /// a namespace): fields after it were not read. The frame is still at <see cref="Length"/>.</summary>
    public bool IsPartial { get; init; }

    /// <summary>TSFT: the MAC's 64-bit timer in µs when the first bit of the MPDU arrived.</summary>
    public ulong Tsft { get; init; }
    public RadiotapFlags Flags { get; init; }
    /// <summary>Legacy rate in 500 kb/s units.</summary>
    public byte Rate { get; init; }
    public ushort ChannelFrequencyMhz { get; init; }
    /// <summary>Channel flags; radiotap's 16 bits are the low 16 of <see cref="Channels.ChannelFlags"/>.</summary>
    public ChannelFlags ChannelFlags { get; init; }
    public sbyte AntennaSignalDbm { get; init; }
    public sbyte AntennaNoiseDbm { get; init; }
    public sbyte TxPowerDbm { get; init; }
    public byte Antenna { get; init; }
    public RadiotapRxFlags RxFlags { get; init; }
    public RadiotapTxFlags TxFlags { get; init; }
    public byte DataRetries { get; init; }
    public RadiotapMcs Mcs { get; init; }

    public bool Has(RadiotapFields fields) => (Present & fields) == fields;

    /// <summary>Reads the header at the start of <paramref name="source"/>; the frame starts at <see cref="Length"/>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out RadiotapHeader header, out FrameParseError error)
    {
        header = default;
        if (source.Length < MinLength)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        if (source[VersionOffset] != SupportedVersion)
        {
            error = FrameParseError.BadVersion;
            return false;
        }
        int length = BinaryPrimitives.ReadUInt16LittleEndian(source[LengthOffset..]);
        if (length < MinLength)
        {
            error = FrameParseError.BadLength;
            return false;
        }
        if (length > source.Length)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        ReadOnlySpan<byte> h = source[..length];

        // The bitmaps: one at offset 4, then one more for every bitmap with bit 31 set.
        int dataStart = PresentOffset;
        uint word;
        do
        {
            if (dataStart > length - BitmapLength)
            {
                error = FrameParseError.BadLength;
                return false;
            }
            word = BinaryPrimitives.ReadUInt32LittleEndian(h[dataStart..]);
            dataStart += BitmapLength;
        }
        while ((word & (uint)RadiotapFields.Extended) != 0);

        var decoded = new Decoded();
        int offset = dataStart;
        int fieldBase = 0;      // field number of bit 0 in the current bitmap
        bool inVendor = false;  // vendor namespace: its data was skipped as a whole via skip_length
        bool partial = false;
        for (int bitmap = PresentOffset; bitmap < dataStart && !partial; bitmap += BitmapLength)
        {
            word = BinaryPrimitives.ReadUInt32LittleEndian(h[bitmap..]);
            for (int bit = 0; bit < (int)RadiotapField.RadiotapNamespace; bit++)
            {
                if ((word & (1u << bit)) == 0 || inVendor) continue;
                int field = fieldBase + bit;
                if (field > LastFixedField || !RadiotapFieldLayout.TryGet(field, out int alignment, out int size))
                {
                    partial = true;
                    break;
                }
                offset = RadiotapFieldLayout.Align(offset, alignment);
                if (offset > length - size)
                {
                    error = FrameParseError.BadLength;
                    return false;
                }
                decoded.Read(field, h.Slice(offset, size));
                offset += size;
            }
            if (partial) break;

            bool nextRadiotap = (word & (uint)RadiotapFields.RadiotapNamespace) != 0;
            bool nextVendor = (word & (uint)RadiotapFields.VendorNamespace) != 0;
            if (nextRadiotap && nextVendor)
            {
                partial = true; // contradictory: nothing after this can be placed
            }
            else if (nextVendor)
            {
                offset = RadiotapFieldLayout.Align(offset, VendorNamespaceAlignment);
                if (offset > length - VendorNamespaceLength)
                {
                    error = FrameParseError.BadLength;
                    return false;
                }
                int skip = BinaryPrimitives.ReadUInt16LittleEndian(h[(offset + VendorSkipLengthOffset)..]);
                offset += VendorNamespaceLength;
                if (skip > length - offset)
                {
                    error = FrameParseError.BadLength;
                    return false;
                }
                offset += skip;
                inVendor = true;
                fieldBase = 0;
            }
            else if (nextRadiotap)
            {
                inVendor = false;
                fieldBase = 0;
            }
            else
            {
                fieldBase += BitsPerBitmap;
            }
        }

        header = decoded.ToHeader(length, partial);
        error = FrameParseError.None;
        return true;
    }

    /// <summary>Octets <see cref="TryWrite"/> produces for <see cref="Present"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Present"/> has a field outside <see cref="WritableFields"/>.</exception>
    public int EncodedLength => Layout(Span<byte>.Empty, write: false);

    /// <summary>Writes version 0, one bitmap (<see cref="Present"/>) and the fields, zero-padded to their alignment.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Present"/> has a field outside <see cref="WritableFields"/>.</exception>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        int length = EncodedLength;
        bytesWritten = 0;
        if (destination.Length < length) return false;
        Span<byte> h = destination[..length];
        h.Clear();
        h[VersionOffset] = SupportedVersion;
        h[PadOffset] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(h[LengthOffset..], (ushort)length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[PresentOffset..], (uint)Present);
        Layout(h, write: true);
        bytesWritten = length;
        return true;
    }

    /// <summary>Walks the writable fields in bit order; returns the header length, writing the fields when asked.</summary>
    private int Layout(Span<byte> h, bool write)
    {
        if ((Present & ~WritableFields) != 0)
        {
            throw new InvalidOperationException($"Radiotap fields {Present & ~WritableFields} cannot be written.");
        }
        int offset = MinLength;
        for (int field = 0; field <= LastFixedField; field++)
        {
            if (((uint)Present & (1u << field)) == 0) continue;
            RadiotapFieldLayout.TryGet(field, out int alignment, out int size);
            offset = RadiotapFieldLayout.Align(offset, alignment);
            if (write) WriteField((RadiotapField)field, h.Slice(offset, size));
            offset += size;
        }
        return offset;
    }

    private void WriteField(RadiotapField field, Span<byte> d)
    {
        switch (field)
        {
            case RadiotapField.Tsft: BinaryPrimitives.WriteUInt64LittleEndian(d, Tsft); break;
            case RadiotapField.Flags: d[0] = (byte)Flags; break;
            case RadiotapField.Rate: d[0] = Rate; break;
            case RadiotapField.Channel:
                BinaryPrimitives.WriteUInt16LittleEndian(d, ChannelFrequencyMhz);
                BinaryPrimitives.WriteUInt16LittleEndian(d[2..], (ushort)((uint)ChannelFlags & 0xFFFF));
                break;
            case RadiotapField.DbmAntennaSignal: d[0] = (byte)AntennaSignalDbm; break;
            case RadiotapField.DbmAntennaNoise: d[0] = (byte)AntennaNoiseDbm; break;
            case RadiotapField.DbmTxPower: d[0] = (byte)TxPowerDbm; break;
            case RadiotapField.Antenna: d[0] = Antenna; break;
            case RadiotapField.RxFlags: BinaryPrimitives.WriteUInt16LittleEndian(d, (ushort)RxFlags); break;
            case RadiotapField.TxFlags: BinaryPrimitives.WriteUInt16LittleEndian(d, (ushort)TxFlags); break;
            case RadiotapField.DataRetries: d[0] = DataRetries; break;
            case RadiotapField.Mcs:
                d[0] = Mcs.Known;
                d[1] = Mcs.Flags;
                d[2] = Mcs.Index;
                break;
        }
    }

    /// <summary>The header a monitor interface puts in front of a received frame (FreeBSD's
    /// <c>ieee80211_radiotap_rx</c>): TSFT, flags, rate or MCS, channel, antenna, and signal/noise when known.</summary>
    public static RadiotapHeader FromRxInfo(in RxInfo rx, int? signalDbm = null, int? noiseDbm = null)
    {
        RadiotapFields present = RadiotapFields.Tsft | RadiotapFields.Flags | RadiotapFields.Antenna;
        RadiotapFlags flags = RadiotapFlags.None;
        if ((rx.Flags & Radio.RxFlags.ShortPreamble) != 0) flags |= RadiotapFlags.ShortPreamble;
        if ((rx.Flags & Radio.RxFlags.HasFcs) != 0) flags |= RadiotapFlags.FcsAtEnd;
        if ((rx.Flags & Radio.RxFlags.BadFcs) != 0) flags |= RadiotapFlags.BadFcs;
        bool ht = (rx.Rate & HtRateFlag) != 0;
        if (ht) present |= RadiotapFields.Mcs;
        else if (rx.Rate != 0) present |= RadiotapFields.Rate;
        if (rx.FrequencyMhz > 0) present |= RadiotapFields.Channel;
        if (signalDbm is not null) present |= RadiotapFields.DbmAntennaSignal;
        if (noiseDbm is not null) present |= RadiotapFields.DbmAntennaNoise;
        return new RadiotapHeader
        {
            Present = present,
            Tsft = rx.MacTimeMicroseconds,
            Flags = flags,
            Rate = ht ? (byte)0 : rx.Rate,
            Mcs = ht ? RadiotapMcs.ForIndex((byte)(rx.Rate & ~HtRateFlag)) : default,
            ChannelFrequencyMhz = (ushort)Math.Clamp(rx.FrequencyMhz, 0, ushort.MaxValue),
            ChannelFlags = rx.ChannelFlags & ChannelFlagsMask,
            AntennaSignalDbm = ClampDbm(signalDbm),
            AntennaNoiseDbm = ClampDbm(noiseDbm),
            Antenna = rx.Antenna,
        };
    }

    /// <summary>The receive information this header carries (fields it lacks stay 0).</summary>
    public RxInfo ToRxInfo()
    {
        Radio.RxFlags flags = Radio.RxFlags.None;
        if (Has(RadiotapFields.Flags))
        {
            if ((Flags & RadiotapFlags.ShortPreamble) != 0) flags |= Radio.RxFlags.ShortPreamble;
            if ((Flags & RadiotapFlags.FcsAtEnd) != 0) flags |= Radio.RxFlags.HasFcs;
            if ((Flags & RadiotapFlags.BadFcs) != 0) flags |= Radio.RxFlags.BadFcs;
        }
        byte rate = Has(RadiotapFields.Rate) ? Rate
            : Has(RadiotapFields.Mcs) && (Mcs.Known & RadiotapMcs.KnownIndex) != 0 ? (byte)(HtRateFlag | (Mcs.Index & 0x7F))
            : (byte)0;
        return new RxInfo
        {
            FrequencyMhz = Has(RadiotapFields.Channel) ? ChannelFrequencyMhz : 0,
            ChannelFlags = Has(RadiotapFields.Channel) ? ChannelFlags : ChannelFlags.None,
            Rate = rate,
            MacTimeMicroseconds = Has(RadiotapFields.Tsft) ? Tsft : 0,
            Flags = flags,
            Antenna = Has(RadiotapFields.Antenna) ? Antenna : (byte)0,
        };
    }

    private static sbyte ClampDbm(int? dbm) => dbm is int v ? (sbyte)Math.Clamp(v, sbyte.MinValue, sbyte.MaxValue) : (sbyte)0;

    /// <summary>Field values gathered while walking, first occurrence of each.</summary>
    private struct Decoded
    {
        private RadiotapFields _present;
        private ulong _tsft;
        private byte _flags, _rate, _antenna, _dataRetries;
        private ushort _frequency, _channelFlags, _rxFlags, _txFlags;
        private sbyte _signal, _noise, _txPower;
        private RadiotapMcs _mcs;

        public void Read(int field, ReadOnlySpan<byte> d)
        {
            var bit = (RadiotapFields)(1u << field);
            if ((_present & bit) != 0) return;
            switch ((RadiotapField)field)
            {
                case RadiotapField.Tsft: _tsft = BinaryPrimitives.ReadUInt64LittleEndian(d); break;
                case RadiotapField.Flags: _flags = d[0]; break;
                case RadiotapField.Rate: _rate = d[0]; break;
                case RadiotapField.Channel:
                    _frequency = BinaryPrimitives.ReadUInt16LittleEndian(d);
                    _channelFlags = BinaryPrimitives.ReadUInt16LittleEndian(d[2..]);
                    break;
                case RadiotapField.DbmAntennaSignal: _signal = (sbyte)d[0]; break;
                case RadiotapField.DbmAntennaNoise: _noise = (sbyte)d[0]; break;
                case RadiotapField.DbmTxPower: _txPower = (sbyte)d[0]; break;
                case RadiotapField.Antenna: _antenna = d[0]; break;
                case RadiotapField.RxFlags: _rxFlags = BinaryPrimitives.ReadUInt16LittleEndian(d); break;
                case RadiotapField.TxFlags: _txFlags = BinaryPrimitives.ReadUInt16LittleEndian(d); break;
                case RadiotapField.DataRetries: _dataRetries = d[0]; break;
                case RadiotapField.Mcs: _mcs = new RadiotapMcs(d[0], d[1], d[2]); break;
                default: return; // sized and skipped, not kept
            }
            _present |= bit;
        }

        public readonly RadiotapHeader ToHeader(int length, bool partial) => new()
        {
            Length = length,
            Present = _present,
            IsPartial = partial,
            Tsft = _tsft,
            Flags = (RadiotapFlags)_flags,
            Rate = _rate,
            ChannelFrequencyMhz = _frequency,
            ChannelFlags = (ChannelFlags)_channelFlags,
            AntennaSignalDbm = _signal,
            AntennaNoiseDbm = _noise,
            TxPowerDbm = _txPower,
            Antenna = _antenna,
            RxFlags = (RadiotapRxFlags)_rxFlags,
            TxFlags = (RadiotapTxFlags)_txFlags,
            DataRetries = _dataRetries,
            Mcs = _mcs,
        };
    }
}
