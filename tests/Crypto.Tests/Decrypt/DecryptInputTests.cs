using System.Buffers.Binary;
using Net80211.Capture;
using Net80211.Crypto.Decrypt;
using Net80211.Frames;
using Net80211.Radiotap;
using Net80211.Testing;

namespace Crypto.Tests.Decrypt;

/// <summary>Input the decryptor must take without throwing: other framings of the same capture, damaged files,
/// bad paths and options.</summary>
public sealed class DecryptInputTests : IDisposable
{
    private readonly DecryptRun _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData("3.pcap")]
    [InlineData("floatingpoint_exception.pcap")]
    [InlineData("wpaclean_crash.pcap")]
    [InlineData("80211ad_beacon.pcap")]
    [InlineData("wep.shared.key.authentication.cap")]
    public void RegressionCapturesAreReadSafely(string capture)
    {
        DecryptResult wpa = _run.Decrypt(capture, DecryptRun.Passphrase("linksys", "dictionary"), "wpa.pcap");
        DecryptResult wep = _run.Decrypt(capture, DecryptRun.Wep("teddy", "1F1F1F1F1F"), "wep.pcap");
        foreach (DecryptResult result in new[] { wpa, wep })
        {
            Assert.True(result.Error is DecryptError.None or DecryptError.KeyMismatch or DecryptError.NotACapture, result.Message);
            if (result.Error == DecryptError.NotACapture) continue;
            Assert.Equal(result.FramesWritten, DecryptRun.ReadFrames(result.OutputPath!).Count);
        }
    }

    [Fact]
    public void RadiotapWithFcsGivesTheSameCounts()
    {
        string path = _run.OutputPath("radiotap.pcap");
        using (PcapWriter writer = PcapWriter.Create(path, LinkType.Ieee80211Radiotap))
        {
            var radiotap = new RadiotapHeader { Present = RadiotapFields.Flags, Flags = RadiotapFlags.FcsAtEnd };
            foreach ((long us, byte[] frame) in Records("wpa2-psk-linksys.cap"))
            {
                var withFcs = new byte[frame.Length + Fcs.Length];
                frame.CopyTo(withFcs, 0);
                Assert.True(Fcs.TryAppend(withFcs, frame.Length, out _));
                writer.WriteRadiotap(us, radiotap, withFcs);
            }
        }
        AssertLinksysCounts(CaptureDecryptor.DecryptFile(path, _run.OutputPath("radiotap-dec.pcap"), DecryptRun.Passphrase("linksys", "dictionary")));
    }

    [Fact]
    public void PcapNgGivesTheSameCounts()
    {
        string path = _run.OutputPath("linksys.pcapng");
        using (var file = File.Create(path))
        {
            file.Write(Block(0x0A0D0D0A, [0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]));
            var idb = new byte[8];
            BinaryPrimitives.WriteUInt16LittleEndian(idb, (ushort)LinkType.Ieee80211);
            BinaryPrimitives.WriteUInt32LittleEndian(idb.AsSpan(4), 65535);
            file.Write(Block(1, idb));
            foreach ((long us, byte[] frame) in Records("wpa2-psk-linksys.cap"))
            {
                var epb = new byte[20 + (frame.Length + 3) / 4 * 4];
                BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(4), (uint)(us >> 32));
                BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(8), (uint)us);
                BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(12), (uint)frame.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(16), (uint)frame.Length);
                frame.CopyTo(epb, 20);
                file.Write(Block(6, epb));
            }
        }
        AssertLinksysCounts(CaptureDecryptor.DecryptFile(path, _run.OutputPath("pcapng-dec.pcap"), DecryptRun.Passphrase("linksys", "dictionary")));
    }

    /// <summary>Random octets of the capture changed, or the file cut anywhere: counted, never thrown.</summary>
    [Fact]
    public void DamagedCapturesNeverThrow()
    {
        byte[] original = File.ReadAllBytes(SharedFolder.CapturePath("wpa-psk-linksys.cap"));
        var random = new Random(80211);
        string damaged = _run.OutputPath("damaged.cap");
        string output = _run.OutputPath("damaged-dec.pcap");
        for (int round = 0; round < 24; round++)
        {
            byte[] bytes = round % 3 == 2 ? original[..random.Next(original.Length)] : (byte[])original.Clone();
            if (round % 3 != 2)
            {
                for (int i = 0; i < 200; i++) bytes[24 + random.Next(bytes.Length - 24)] = (byte)random.Next(256);
            }
            File.WriteAllBytes(damaged, bytes);
            DecryptResult result = CaptureDecryptor.DecryptFile(damaged, output, DecryptRun.Passphrase("linksys", "dictionary"));
            Assert.True(result.Error is DecryptError.None or DecryptError.KeyMismatch, $"round {round}: {result.Error} {result.Message}");
            Assert.Equal(result.FramesWritten, DecryptRun.ReadFrames(output).Count);
        }
    }

    [Fact]
    public void FileProblemsComeBackAsErrors()
    {
        DecryptOptions options = DecryptRun.Passphrase("linksys", "dictionary");
        string output = _run.OutputPath("out.pcap");

        DecryptResult missing = CaptureDecryptor.DecryptFile(_run.OutputPath("missing.cap"), output, options);
        Assert.Equal(DecryptError.InputUnreadable, missing.Error);
        Assert.Contains("no such file", missing.Message, StringComparison.Ordinal);

        string text = _run.OutputPath("text.cap");
        File.WriteAllText(text, "not a capture at all");
        Assert.Equal(DecryptError.NotACapture, CaptureDecryptor.DecryptFile(text, output, options).Error);

        string capture = SharedFolder.CapturePath("wpa.cap");
        Assert.Equal(DecryptError.BadOptions, CaptureDecryptor.DecryptFile(capture, capture, options).Error);
        Assert.Equal(DecryptError.OutputFailed,
            CaptureDecryptor.DecryptFile(capture, Path.Combine(_run.OutputPath("no-such-dir"), "out.pcap"), options).Error);

        Assert.True(DecryptionKey.TryFromPassphrase("dictionary", out DecryptionKey? key, out _));
        Assert.Equal(DecryptError.BadOptions, CaptureDecryptor.DecryptFile(capture, output, new DecryptOptions { Key = key }).Error);
    }

    private static void AssertLinksysCounts(DecryptResult result)
    {
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(499, result.RecordsRead);
        Assert.Equal(3, result.HandshakesVerified);
        Assert.Equal(25, result.DecryptedPairwise);
        Assert.Equal(1, result.DecryptedGroup);
        Assert.Equal(4, result.RetransmissionsSkipped);
    }

    private static List<(long Microseconds, byte[] Frame)> Records(string capture)
    {
        var records = new List<(long, byte[])>();
        using CaptureReader reader = CaptureReader.Open(SharedFolder.CapturePath(capture));
        while (reader.TryReadNext(out CaptureRecord record))
        {
            Assert.True(CapturedFrame.TryDecode(record, out CapturedFrame frame, out _));
            records.Add((record.TimestampNanoseconds / 1000, frame.Frame.ToArray()));
        }
        return records;
    }

    /// <summary>A pcapng block: type, total length, body (a multiple of 4), total length.</summary>
    private static byte[] Block(uint type, byte[] body)
    {
        var block = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(block, type);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(4), (uint)block.Length);
        body.CopyTo(block, 8);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(block.Length - 4), (uint)block.Length);
        return block;
    }
}
