using Net80211.Capture;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Capture;

public class CaptureReaderTests
{
    private static readonly byte[] Ack = Hex("d4 00 00 00 00 11 22 33 44 55");
    private static readonly byte[] Cts = Hex("c4 00 3c 00 02 aa bb cc dd ee 01"); // odd length: exercises padding

    private static CaptureReader Open(byte[] file)
    {
        Assert.True(CaptureReader.TryOpen(new MemoryStream(file), out CaptureReader? reader, out CaptureError error), error.ToString());
        return reader;
    }

    /// <summary>Reads every record; the count is bounded by the file size, so a looping reader fails here.</summary>
    private static List<(long Ns, LinkType Link, int Iface, int Original, byte[] Data)> ReadAll(CaptureReader reader, int fileLength)
    {
        var records = new List<(long, LinkType, int, int, byte[])>();
        while (reader.TryReadNext(out CaptureRecord r))
        {
            records.Add((r.TimestampNanoseconds, r.LinkType, r.InterfaceIndex, r.OriginalLength, r.Data.ToArray()));
            Assert.True(records.Count <= fileLength / 12 + 1, "the reader returned more records than the file can hold");
        }
        return records;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void ClassicPcap_BothByteOrders_MicroAndNanoseconds(bool bigEndian, bool nanoseconds)
    {
        byte[] file = new CaptureBytes(bigEndian)
            .PcapHeader(LinkType.Ieee80211, nanoseconds: nanoseconds)
            .PcapRecord(1_600_000_000, 123, Ack)
            .PcapRecord(1_600_000_001, 999, Cts, originalLength: 100)
            .ToArray();
        using CaptureReader reader = Open(file);
        Assert.Equal(bigEndian, reader.IsBigEndian);
        Assert.Equal(nanoseconds ? CaptureFormat.PcapNanoseconds : CaptureFormat.Pcap, reader.Format);
        Assert.Equal(LinkType.Ieee80211, reader.LinkType);

        var records = ReadAll(reader, file.Length);
        long unit = nanoseconds ? 1 : 1000;
        Assert.Equal(2, records.Count);
        Assert.Equal(1_600_000_000_000_000_000 + 123 * unit, records[0].Ns);
        Assert.Equal(Ack, records[0].Data);
        Assert.Equal(1_600_000_001_000_000_000 + 999 * unit, records[1].Ns);
        Assert.Equal(Cts, records[1].Data);
        Assert.Equal(100, records[1].Original);
        Assert.Equal(0, reader.ErrorCount);
    }

    [Fact]
    public void PcapNg_HandBuilt_SectionsInterfacesAndBlocks()
    {
        byte[] file = new CaptureBytes()
            .SectionHeader()
            .InterfaceDescription(LinkType.Ieee80211Radiotap, tsresol: 9)          // ns
            .Block(4, b => b.U16(1).U16(8).Raw("10.0.0.1"u8).U32(0))              // name resolution: skipped
            .EnhancedPacket(0, 1_700_000_000_123_456_789, Ack)
            .SimplePacket(Cts)
            .InterfaceDescription(LinkType.Ieee80211, snapLength: 65535)           // default µs
            .EnhancedPacket(1, 1_700_000_000_000_001, Cts, originalLength: 200)
            .EnhancedPacket(5, 0, Ack)                                             // no such interface
            .Block(0x00000BAD, b => b.U32(0xDEADBEEF))                              // unknown: skipped
            .EnhancedPacket(1, 1_700_000_000_000_002, Ack)
            .ToArray();
        // A second, big-endian section with its own interface numbering and a 2^-3 s resolution.
        byte[] section2 = new CaptureBytes(bigEndian: true)
            .SectionHeader()
            .InterfaceDescription(LinkType.Ieee80211, tsresol: 0x83, tsoffset: 100)
            .EnhancedPacket(0, 16, Ack)
            .EnhancedPacket(1, 16, Ack)                                            // interface 1 was the first section's
            .ToArray();
        file = Concat(file, section2);

        using CaptureReader reader = Open(file);
        Assert.Equal(CaptureFormat.PcapNg, reader.Format);
        var records = ReadAll(reader, file.Length);

        Assert.Equal(5, records.Count);
        Assert.Equal((1_700_000_000_123_456_789L, LinkType.Ieee80211Radiotap, 0, Ack.Length), (records[0].Ns, records[0].Link, records[0].Iface, records[0].Original));
        Assert.Equal(Ack, records[0].Data);
        Assert.Equal((0L, LinkType.Ieee80211Radiotap, 0), (records[1].Ns, records[1].Link, records[1].Iface));
        Assert.Equal(Cts, records[1].Data);
        Assert.Equal((1_700_000_000_000_001_000L, LinkType.Ieee80211, 1, 200), (records[2].Ns, records[2].Link, records[2].Iface, records[2].Original));
        Assert.Equal(Cts, records[2].Data);
        Assert.Equal(1_700_000_000_000_002_000L, records[3].Ns);
        // 16 units of 1/8 s = 2 s, plus the 100 s offset.
        Assert.Equal((102_000_000_000L, LinkType.Ieee80211), (records[4].Ns, records[4].Link));
        Assert.True(reader.IsBigEndian);

        Assert.Equal(2, reader.ErrorCount);
        Assert.Equal(CaptureError.UnknownInterface, reader.LastError);
    }

    [Fact]
    public void PcapNg_SimplePacket_IsCutToTheInterfaceSnapLength()
    {
        byte[] file = new CaptureBytes().SectionHeader().InterfaceDescription(LinkType.Ieee80211, snapLength: 4)
            .SimplePacket(Cts).ToArray();
        using CaptureReader reader = Open(file);
        Assert.True(reader.TryReadNext(out CaptureRecord r));
        Assert.Equal(Cts[..4], r.Data.ToArray());
        Assert.Equal(Cts.Length, r.OriginalLength);
        Assert.True(r.IsTruncated);
    }

    public static TheoryData<string, byte[], CaptureError> Damaged => new()
    {
        {
            "record larger than any capture",
            new CaptureBytes().PcapHeader(LinkType.Ieee80211).U32(0).U32(0).U32(0x7FFF_FFFF).U32(10).Raw(Ack).ToArray(),
            CaptureError.RecordTooLarge
        },
        {
            "record longer than the rest of the file",
            new CaptureBytes().PcapHeader(LinkType.Ieee80211).U32(0).U32(0).U32(5000).U32(5000).Raw(Ack).ToArray(),
            CaptureError.Truncated
        },
        {
            "pcapng block length not a multiple of 4",
            new CaptureBytes().SectionHeader().U32(1).U32(21).U32(0).U32(0).U32(0).U8(0).U32(21).ToArray(),
            CaptureError.BadBlockLength
        },
        {
            "pcapng block length under 12",
            new CaptureBytes().SectionHeader().U32(6).U32(8).ToArray(),
            CaptureError.BadBlockLength
        },
        {
            "pcapng trailing length differs",
            new CaptureBytes().SectionHeader().U32(4).U32(16).U32(0).U32(20).ToArray(),
            CaptureError.BadBlockLength
        },
        {
            "pcapng block past the end of the file",
            new CaptureBytes().SectionHeader().U32(6).U32(4096).U32(0).ToArray(),
            CaptureError.Truncated
        },
        {
            "pcapng section of an unknown major version",
            Concat(new CaptureBytes().SectionHeader().ToArray(),
                new CaptureBytes().Block(PcapNgBlock.SectionHeader, b => b.U32(PcapNgBlock.ByteOrderMagic).U16(2).U16(0).U64(0)).ToArray()),
            CaptureError.UnsupportedVersion
        },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void DamagedFraming_IsCountedAndEndsTheFile(string name, byte[] file, CaptureError expected)
    {
        using CaptureReader reader = Open(file);
        Assert.Empty(ReadAll(reader, file.Length));
        Assert.Equal(1, reader.ErrorCount);
        Assert.Equal(expected, reader.LastError);
        Assert.False(reader.TryReadNext(out _), name);
    }

    [Fact]
    public void EnhancedPacketLongerThanItsBlock_IsSkipped()
    {
        byte[] file = new CaptureBytes().SectionHeader().InterfaceDescription(LinkType.Ieee80211)
            .Block(PcapNgBlock.EnhancedPacket, b => b.U32(0).U32(0).U32(0).U32(1000).U32(1000).Raw(Ack))
            .EnhancedPacket(0, 0, Ack)
            .ToArray();
        using CaptureReader reader = Open(file);
        Assert.Single(ReadAll(reader, file.Length));
        Assert.Equal(CaptureError.BadBlock, reader.LastError);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryTruncation_StopsCleanly(bool pcapng)
    {
        byte[] file = pcapng
            ? new CaptureBytes().SectionHeader().InterfaceDescription(LinkType.Ieee80211).EnhancedPacket(0, 1, Ack).EnhancedPacket(0, 2, Cts).ToArray()
            : new CaptureBytes().PcapHeader(LinkType.Ieee80211).PcapRecord(1, 1, Ack).PcapRecord(2, 2, Cts).ToArray();
        int complete = 0;
        for (int length = 0; length <= file.Length; length++)
        {
            foreach (bool seekable in new[] { true, false })
            {
                byte[] prefix = file[..length];
                Stream stream = seekable ? new MemoryStream(prefix) : new NonSeekableStream(prefix);
                if (!CaptureReader.TryOpen(stream, out CaptureReader? reader, out CaptureError openError))
                {
                    Assert.True(openError is CaptureError.NotACapture or CaptureError.Truncated, $"{length}: {openError}");
                    continue;
                }
                using (reader)
                {
                    int n = ReadAll(reader, prefix.Length).Count;
                    Assert.InRange(n, 0, 2);
                    if (n == 2 && length == file.Length && reader.ErrorCount == 0) complete++;
                    if (reader.ErrorCount > 0) Assert.Equal(CaptureError.Truncated, reader.LastError);
                }
            }
        }
        Assert.Equal(2, complete); // only the whole file reads without error, seekable or not
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RandomDamage_NeverThrowsNorLoops(bool pcapng)
    {
        byte[] good = pcapng
            ? new CaptureBytes().SectionHeader().InterfaceDescription(LinkType.Ieee80211Radiotap, tsresol: 6)
                .EnhancedPacket(0, 1, Ack).SimplePacket(Cts).EnhancedPacket(0, 3, Ack).ToArray()
            : new CaptureBytes().PcapHeader(LinkType.Ieee80211Prism).PcapRecord(1, 1, Ack).PcapRecord(2, 2, Cts).PcapRecord(3, 3, Ack).ToArray();
        var random = new Random(pcapng ? 6 : 5);
        for (int i = 0; i < 3000; i++)
        {
            byte[] file = (byte[])good.Clone();
            int hits = random.Next(1, 4);
            for (int h = 0; h < hits; h++) file[random.Next(file.Length)] = (byte)random.Next(256);
            if (!CaptureReader.TryOpen(new MemoryStream(file), out CaptureReader? reader, out _)) continue;
            using (reader)
            {
                while (reader.TryReadNext(out CaptureRecord record))
                {
                    Assert.True(reader.RecordsRead <= file.Length / 12 + 1);
                    CapturedFrame.TryDecode(record, out _, out _);
                }
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RecordsLargerThanTheInitialBuffer_ReadToTheLastOctet(bool pcapng)
    {
        byte[] big = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        byte[] file = pcapng
            ? new CaptureBytes().SectionHeader().InterfaceDescription(LinkType.Ieee80211).EnhancedPacket(0, 0, Ack).EnhancedPacket(0, 1, big).ToArray()
            : new CaptureBytes().PcapHeader(LinkType.Ieee80211, snapLength: 262_144).PcapRecord(0, 0, Ack).PcapRecord(0, 1, big).ToArray();
        using CaptureReader reader = Open(file);
        var records = ReadAll(reader, file.Length);
        Assert.Equal(2, records.Count);
        Assert.Equal(big, records[1].Data);
        Assert.Equal(0, reader.ErrorCount);

        // The same record cut short: counted, and no buffer is grown for it.
        using CaptureReader cut = Open(file[..^1000]);
        Assert.Single(ReadAll(cut, file.Length));
        Assert.Equal(CaptureError.Truncated, cut.LastError);
    }

    [Fact]
    public void NotACapture_IsRefusedAtOpen()
    {
        Assert.False(CaptureReader.TryOpen(new MemoryStream("# Real 802.11 captures\n"u8.ToArray()), out _, out CaptureError error));
        Assert.Equal(CaptureError.NotACapture, error);
        Assert.False(CaptureReader.TryOpen(new MemoryStream([]), out _, out error));
        Assert.Equal(CaptureError.NotACapture, error);
        byte[] pcap1 = new CaptureBytes().U32(0xA1B2C3D4).U16(1).U16(0).U32(0).U32(0).U32(0).U32(1).ToArray();
        Assert.False(CaptureReader.TryOpen(new MemoryStream(pcap1), out _, out error));
        Assert.Equal(CaptureError.UnsupportedVersion, error);
    }

    [Fact]
    public void Reading_AllocatesNothingPerRecord()
    {
        var builder = new CaptureBytes().SectionHeader().InterfaceDescription(LinkType.Ieee80211);
        for (int i = 0; i < 2000; i++) builder.EnhancedPacket(0, (ulong)i, i % 2 == 0 ? Ack : Cts);
        byte[] file = builder.ToArray();
        // Warm up on a whole first pass, so JIT tiering of the loop is done before measuring.
        using (CaptureReader warm = Open(file)) { while (warm.TryReadNext(out _)) { } }
        using CaptureReader reader = Open(file);
        Assert.True(reader.TryReadNext(out _));
        long before = GC.GetAllocatedBytesForCurrentThread();
        int n = 0;
        while (reader.TryReadNext(out CaptureRecord r)) n += r.Data.Length > 0 ? 1 : 0;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1999, n);
    }
}
