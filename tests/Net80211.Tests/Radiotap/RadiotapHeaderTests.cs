using Net80211.Channels;
using Net80211.Frames;
using Net80211.Radio;
using Net80211.Radiotap;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Radiotap;

public class RadiotapHeaderTests
{
    private static readonly RadiotapHeader Everything = new()
    {
        Present = RadiotapHeader.WritableFields,
        Tsft = 0x0102_0304_0506_0708,
        Flags = RadiotapFlags.ShortPreamble | RadiotapFlags.FcsAtEnd,
        Rate = 108,
        ChannelFrequencyMhz = 5180,
        ChannelFlags = ChannelFlags.A,
        AntennaSignalDbm = -42,
        AntennaNoiseDbm = -95,
        TxPowerDbm = 17,
        Antenna = 1,
        RxFlags = RadiotapRxFlags.BadPlcp,
        TxFlags = RadiotapTxFlags.NoAck,
        DataRetries = 3,
        Mcs = RadiotapMcs.ForIndex(7, shortGuardInterval: true),
    };

    private static RadiotapHeader Read(byte[] bytes)
    {
        Assert.True(RadiotapHeader.TryRead(bytes, out RadiotapHeader header, out FrameParseError error), error.ToString());
        return header;
    }

    [Fact]
    public void EveryWritableField_RoundTrips()
    {
        byte[] buf = new byte[64];
        Assert.True(Everything.TryWrite(buf, out int n));
        Assert.Equal(RadiotapHeader.MaxEncodedLength, n);
        Assert.Equal(n, Everything.EncodedLength);

        RadiotapHeader back = Read(buf[..n]);
        Assert.Equal(Everything with { Length = n }, back);
        Assert.False(back.IsPartial);
    }

    [Fact]
    public void Encoding_MatchesHandAssembledBytes()
    {
        // TSFT at 8 (8-aligned), Flags 16, Rate 17, Channel 18 (2-aligned), signal 22, noise 23, antenna 24: 25 octets.
        var header = new RadiotapHeader
        {
            Present = RadiotapFields.Tsft | RadiotapFields.Flags | RadiotapFields.Rate | RadiotapFields.Channel
                | RadiotapFields.DbmAntennaSignal | RadiotapFields.DbmAntennaNoise | RadiotapFields.Antenna,
            Tsft = 0x1122334455667788,
            Flags = RadiotapFlags.FcsAtEnd,
            Rate = 2,
            ChannelFrequencyMhz = 2437,
            ChannelFlags = ChannelFlags.B | ChannelFlags.Ht20, // Ht20 is above radiotap's 16 bits: dropped
            AntennaSignalDbm = -60,
            AntennaNoiseDbm = -96,
            Antenna = 0,
        };
        byte[] expected = Hex("00 00 19 00 6f 08 00 00  88 77 66 55 44 33 22 11  10 02 85 09 a0 00 c4 a0 00");
        byte[] buf = new byte[64];
        Assert.True(header.TryWrite(buf, out int n));
        Assert.Equal(expected, buf[..n]);
        Assert.Equal(ChannelFlags.B, Read(expected).ChannelFlags);
    }

    [Fact]
    public void Channel_IsAlignedAfterOddOffset()
    {
        // Flags at 8, one pad octet, Channel at 10.
        byte[] bytes = Hex("00 00 0e 00 0a 00 00 00  02 ff 6c 09 a0 00");
        RadiotapHeader h = Read(bytes);
        Assert.Equal(RadiotapFlags.ShortPreamble, h.Flags);
        Assert.Equal(2412, h.ChannelFrequencyMhz);
        Assert.Equal(ChannelFlags.B, h.ChannelFlags);
    }

    [Fact]
    public void ExtendedBitmaps_AlignTsftFromHeaderStart_AndKeepFirstAntennaSet()
    {
        // Bitmap 0: TSFT, Flags, dBm signal, radiotap namespace next, extended.
        // Bitmap 1 (namespace restarts at 0): dBm signal, antenna, radiotap namespace next, extended.
        // Bitmap 2: dBm signal, antenna.
        // Data at 16: TSFT (already 8-aligned) 16..24, flags 24, signal 25; signal 26, antenna 27; signal 28, antenna 29.
        byte[] bytes = Hex(
            "00 00 1e 00  23 00 00 a0  20 08 00 a0  20 08 00 00"
            + "01 00 00 00 00 00 00 00  10  d6  d4 00  d8 01");
        RadiotapHeader h = Read(bytes);
        Assert.Equal(30, h.Length);
        Assert.Equal(1UL, h.Tsft);
        Assert.Equal(RadiotapFlags.FcsAtEnd, h.Flags);
        Assert.Equal(-42, h.AntennaSignalDbm);
        Assert.Equal(0, h.Antenna);
        Assert.False(h.IsPartial);
    }

    [Fact]
    public void TsftAfterTwoBitmaps_IsPaddedTo16()
    {
        // Bitmap 0: TSFT + extended; bitmap 1 (fields 32+): empty. Data starts at 12, TSFT at 16.
        byte[] bytes = Hex("00 00 18 00  01 00 00 80  00 00 00 00  ee ee ee ee  08 07 06 05 04 03 02 01");
        RadiotapHeader h = Read(bytes);
        Assert.Equal(0x0102030405060708UL, h.Tsft);
    }

    [Fact]
    public void SkipsFieldsItDoesNotKeep_UsingTheirSizes()
    {
        // Flags 8, FHSS 9..11 (1-aligned), dBm signal 11, lock quality 12..14 (2-aligned), antenna 14,
        // XChannel 16..24 (4-aligned), MCS 24..27.
        byte[] bytes = Hex("00 00 1b 00  b2 08 0c 00  00  01 02  c0  33 00  03  00  00 00 00 00 00 00 00 00  07 00 05");
        RadiotapHeader h = Read(bytes);
        Assert.Equal(-64, h.AntennaSignalDbm);
        Assert.Equal(3, h.Antenna);
        Assert.Equal(new RadiotapMcs(7, 0, 5), h.Mcs);
        Assert.True(h.Has(RadiotapFields.Mcs | RadiotapFields.Antenna | RadiotapFields.Flags));
        Assert.False(h.Has(RadiotapFields.Fhss)); // sized and skipped, not kept
    }

    [Fact]
    public void LaterFixedFields_AreSizedCorrectly()
    {
        // Rate 8; A-MPDU status 12..20 (4-aligned); VHT 20..32 (2); timestamp 32..44 (8-aligned); HE 44..56;
        // HE-MU 56..68; HE-MU other user 68..74; 0-length PSDU 74; L-SIG 76..80 (2-aligned). it_len 80 exactly.
        uint present = (1u << 2) | (1u << 20) | (1u << 21) | (1u << 22) | (1u << 23) | (1u << 24) | (1u << 25) | (1u << 26) | (1u << 27);
        byte[] bytes = new byte[80];
        bytes[2] = 80;
        BitConverter.TryWriteBytes(bytes.AsSpan(4), present);
        bytes[8] = 22;
        RadiotapHeader h = Read(bytes);
        Assert.Equal(22, h.Rate);
        Assert.False(h.IsPartial);

        // One octet less and L-SIG runs past it_len.
        bytes[2] = 79;
        Assert.False(RadiotapHeader.TryRead(bytes, out _, out FrameParseError error));
        Assert.Equal(FrameParseError.BadLength, error);
    }

    [Fact]
    public void UnknownField_StopsWithoutFailing()
    {
        // Bitmap 0: Flags, extended; bitmap 1 (fields 32..63, none defined): bit 0; then Antenna can't be placed.
        byte[] bytes = Hex("00 00 10 00  02 00 00 80  01 00 00 00  10 ff ff ff");
        RadiotapHeader h = Read(bytes);
        Assert.True(h.IsPartial);
        Assert.Equal(RadiotapFlags.FcsAtEnd, h.Flags);
        Assert.Equal(16, h.Length);

        // TLVs (bit 28) are not sized either.
        byte[] tlv = Hex("00 00 10 00  02 00 00 10  10 00 00 00 00 00 00 00");
        Assert.True(Read(tlv).IsPartial);
    }

    [Fact]
    public void VendorNamespace_IsSkippedBySkipLength()
    {
        // Bitmap 0: Flags, vendor namespace next, extended. Bitmap 1 (vendor): bit 0, radiotap namespace next,
        // extended. Bitmap 2: antenna. Data at 16: flags 16, vendor header 18..24 (skip_length 3), vendor
        // data 24..27, antenna 27.
        byte[] bytes = Hex(
            "00 00 1c 00  02 00 00 c0  01 00 00 a0  00 08 00 00"
            + "10 00  00 11 22 01 03 00  aa bb cc  02");
        RadiotapHeader h = Read(bytes);
        Assert.Equal(RadiotapFlags.FcsAtEnd, h.Flags);
        Assert.Equal(2, h.Antenna);
        Assert.False(h.IsPartial);
    }

    public static TheoryData<string, string, FrameParseError> Malformed => new()
    {
        { "shorter than the fixed part", "00 00 08 00 00 00 00", FrameParseError.TooShort },
        { "version 1", "01 00 08 00 00 00 00 00", FrameParseError.BadVersion },
        { "it_len below 8", "00 00 07 00 00 00 00 00", FrameParseError.BadLength },
        { "it_len past the buffer", "00 00 20 00 00 00 00 00 00", FrameParseError.TooShort },
        { "bitmap chain past it_len", "00 00 08 00 00 00 00 80 00 00 00 00", FrameParseError.BadLength },
        { "endless bitmap chain", "00 00 0c 00 00 00 00 80 00 00 00 80", FrameParseError.BadLength },
        { "field past it_len", "00 00 0a 00 08 00 00 00 6c 09 a0 00", FrameParseError.BadLength },
        { "TSFT past it_len", "00 00 0c 00 01 00 00 00 01 02 03 04", FrameParseError.BadLength },
        { "vendor skip past it_len", "00 00 10 00 00 00 00 40 00 11 22 01 ff 00 00 00", FrameParseError.BadLength },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedHeaders_AreRejected(string name, string hex, FrameParseError expected)
    {
        Assert.False(RadiotapHeader.TryRead(Hex(hex), out _, out FrameParseError error), name);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void EveryPrefixAndRandomBytes_NeverThrow()
    {
        byte[] buf = new byte[64];
        Everything.TryWrite(buf, out int n);
        for (int i = 0; i <= n; i++) RadiotapHeader.TryRead(buf.AsSpan(0, i), out _, out _);

        var random = new Random(80211);
        byte[] fuzz = new byte[96];
        for (int i = 0; i < 20_000; i++)
        {
            random.NextBytes(fuzz);
            fuzz[0] = 0;
            fuzz[2] = (byte)random.Next(0, 97);
            fuzz[3] = 0;
            if (RadiotapHeader.TryRead(fuzz, out RadiotapHeader h, out _))
            {
                Assert.InRange(h.Length, RadiotapHeader.MinLength, fuzz.Length);
            }
        }
    }

    [Fact]
    public void FromRxInfo_AndBack()
    {
        var rx = new RxInfo
        {
            FrequencyMhz = 2437,
            ChannelFlags = ChannelFlags.G | ChannelFlags.Ht20,
            Rate = 22,
            MacTimeMicroseconds = 123_456_789,
            Flags = RxFlags.ShortPreamble | RxFlags.HasFcs,
            Antenna = 1,
        };
        RadiotapHeader header = RadiotapHeader.FromRxInfo(rx, signalDbm: -55, noiseDbm: -300);
        Assert.Equal(sbyte.MinValue, header.AntennaNoiseDbm); // clamped
        byte[] buf = new byte[RadiotapHeader.MaxEncodedLength];
        Assert.True(header.TryWrite(buf, out int n));
        RadiotapHeader back = Read(buf[..n]);
        Assert.Equal(-55, back.AntennaSignalDbm);
        Assert.Equal(RadiotapFlags.ShortPreamble | RadiotapFlags.FcsAtEnd, back.Flags);
        // Radiotap carries only the low 16 channel flag bits.
        Assert.Equal(rx with { ChannelFlags = ChannelFlags.G }, back.ToRxInfo());

        var ht = rx with { Rate = 0x80 | 7, Flags = RxFlags.BadFcs };
        RadiotapHeader htHeader = RadiotapHeader.FromRxInfo(ht);
        Assert.True(htHeader.Has(RadiotapFields.Mcs));
        Assert.False(htHeader.Has(RadiotapFields.Rate));
        htHeader.TryWrite(buf, out n);
        Assert.Equal(ht with { ChannelFlags = ChannelFlags.G }, Read(buf[..n]).ToRxInfo());
    }

    [Fact]
    public void UnwritableField_IsACallerBug()
    {
        var header = new RadiotapHeader { Present = RadiotapFields.Vht };
        Assert.Throws<InvalidOperationException>(() => header.TryWrite(new byte[64], out _));
    }

    [Fact]
    public void TooSmallDestination_ReturnsFalse()
    {
        Assert.False(Everything.TryWrite(new byte[RadiotapHeader.MaxEncodedLength - 1], out int n));
        Assert.Equal(0, n);
    }

    [Fact]
    public void EncodeAndDecode_DoNotAllocate()
    {
        byte[] buf = new byte[64];
        Everything.TryWrite(buf, out int n);
        RadiotapHeader.TryRead(buf.AsSpan(0, n), out _, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            Everything.TryWrite(buf, out n);
            RadiotapHeader.TryRead(buf.AsSpan(0, n), out RadiotapHeader h, out _);
            sum += h.Rate;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(108_000, sum);
    }
}
