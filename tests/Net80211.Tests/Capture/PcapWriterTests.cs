using Net80211.Capture;
using Net80211.Channels;
using Net80211.Radiotap;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Capture;

public class PcapWriterTests
{
    private static readonly byte[] Ack = Hex("d4 00 00 00 00 11 22 33 44 55");

    private static readonly RadiotapHeader Radio = new()
    {
        Present = RadiotapFields.Tsft | RadiotapFields.Flags | RadiotapFields.Rate | RadiotapFields.Channel | RadiotapFields.DbmAntennaSignal,
        Tsft = 42,
        Rate = 12,
        ChannelFrequencyMhz = 5180,
        ChannelFlags = ChannelFlags.A,
        AntennaSignalDbm = -50,
    };

    [Fact]
    public void GlobalAndRecordHeaders_AreClassicLittleEndianPcap()
    {
        var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, LinkType.Ieee80211, snapLength: 65535, leaveOpen: true))
        {
            writer.WriteRecord(1_000_002_000_003, Ack);
            Assert.Equal(1, writer.RecordsWritten);
        }
        // 1_000_002_000_003 µs = 1_000_002 s (0x000F4242) + 3 µs.
        byte[] expected = Concat(
            Hex("d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 69 00 00 00"),
            Hex("42 42 0f 00 03 00 00 00 0a 00 00 00 0a 00 00 00"),
            Ack);
        Assert.Equal(expected, stream.ToArray());
    }

    [Fact]
    public void WriteThenRead_RoundTrips_WithSnapLengthCut()
    {
        byte[] frame = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        var stream = new MemoryStream();
        var when = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1230);
        using (var writer = new PcapWriter(stream, LinkType.Ieee80211Radiotap, snapLength: 64, leaveOpen: true))
        {
            writer.WriteRadiotap(1_700_000_000_000_001, Radio, Ack);
            writer.WriteRadiotap(1_700_000_000_000_002, Radio, frame);
            byte[] rt = new byte[RadiotapHeader.MaxEncodedLength];
            Radio.TryWrite(rt, out int n);
            writer.WriteRecord(when, Concat(rt[..n], Ack));
        }

        stream.Position = 0;
        Assert.True(CaptureReader.TryOpen(stream, out CaptureReader? reader, out CaptureError error), error.ToString());
        using (reader)
        {
            Assert.Equal(CaptureFormat.Pcap, reader.Format);
            Assert.Equal(LinkType.Ieee80211Radiotap, reader.LinkType);
            Assert.False(reader.IsBigEndian);

            Assert.True(reader.TryReadNext(out CaptureRecord first));
            Assert.Equal(1, first.Number);
            Assert.Equal(1_700_000_000_000_001_000, first.TimestampNanoseconds);
            Assert.True(CapturedFrame.TryDecode(first, out CapturedFrame f, out _));
            Assert.Equal(Ack, f.Frame.ToArray());
            Assert.Equal(36, f.Channel);
            Assert.Equal(-50, f.SignalDbm);
            Assert.Equal(12, f.Rate);

            Assert.True(reader.TryReadNext(out CaptureRecord second));
            int rtLength = Radio.EncodedLength;
            Assert.Equal(64, second.Data.Length);
            Assert.Equal(rtLength + 100, second.OriginalLength);
            Assert.True(second.IsTruncated);
            Assert.True(CapturedFrame.TryDecode(second, out f, out _));
            Assert.Equal(frame[..(64 - rtLength)], f.Frame.ToArray());

            Assert.True(reader.TryReadNext(out CaptureRecord third));
            Assert.Equal(when.AddTicks(-(when.Ticks % 10)), third.Timestamp); // µs resolution

            Assert.False(reader.TryReadNext(out _));
            Assert.Equal(0, reader.ErrorCount);
            Assert.Equal(3, reader.RecordsRead);
        }
    }

    [Fact]
    public void WriteRadiotap_OnARawFile_IsACallerBug()
    {
        using var writer = new PcapWriter(new MemoryStream(), LinkType.Ieee80211);
        Assert.Throws<InvalidOperationException>(() => writer.WriteRadiotap(0, Radio, Ack));
    }

    [Fact]
    public void Dispose_FlushesAndClosesUnlessLeftOpen()
    {
        string path = Path.Combine(Path.GetTempPath(), $"net80211-{Guid.NewGuid():N}.pcap");
        try
        {
            using (var writer = PcapWriter.Create(path, LinkType.Ieee80211))
            {
                writer.WriteRecord(0, Ack);
            }
            Assert.Equal(24 + 16 + Ack.Length, new FileInfo(path).Length);
            using var reader = CaptureReader.Open(path);
            Assert.True(reader.TryReadNext(out CaptureRecord r));
            Assert.Equal(Ack, r.Data.ToArray());
        }
        finally
        {
            File.Delete(path);
        }

        var closed = new MemoryStream();
        new PcapWriter(closed, LinkType.Ieee80211).Dispose();
        Assert.False(closed.CanWrite);

        var leftOpen = new MemoryStream();
        new PcapWriter(leftOpen, LinkType.Ieee80211, leaveOpen: true).Dispose();
        Assert.True(leftOpen.CanWrite);
        Assert.Equal(PcapFileHeader.Length, leftOpen.Length);
    }

    [Fact]
    public void Writing_AllocatesNothingPerRecord()
    {
        var stream = new MemoryStream(capacity: 1 << 20);
        using var writer = new PcapWriter(stream, LinkType.Ieee80211Radiotap, leaveOpen: true);
        writer.WriteRadiotap(0, Radio, Ack);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            writer.WriteRadiotap(i, Radio, Ack);
            writer.WriteRecord(i, Ack);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
