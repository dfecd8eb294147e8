using System.Diagnostics;
using System.Globalization;
using Net80211;
using Net80211.Capture;
using Net80211.Channels;
using Net80211.Frames;
using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.Radiotap;
using Net80211.Scheduling;

namespace RadioDrivers.Tests.Air;

public class AirCaptureTests
{
    private static readonly TxDescriptor Unicast = new(new RateChain(108, 2, 22, 2));
    private static readonly TxDescriptor Broadcast = new(RateChain.Single(2), noAck: true);

    /// <summary>A beacon from <paramref name="ap"/>, written with the frame codec.</summary>
    private static byte[] Beacon(MacAddress ap, byte channel)
    {
        byte[] elements = new byte[64];
        new SsidElement("air"u8).TryWrite(elements, out int n);
        SupportedRatesElement.TryWriteRateSet(elements.AsSpan(n), [0x82, 0x84, 0x8B, 0x96, 0x0C, 0x12, 0x18, 0x24], out int w);
        n += w;
        new DsParameterSetElement(channel).TryWrite(elements.AsSpan(n), out w);
        n += w;
        byte[] body = new byte[128];
        new BeaconFrame { BeaconInterval = 100, Capabilities = CapabilityInfo.Ess, Elements = elements.AsSpan(0, n) }.TryWrite(body, out int b);
        byte[] frame = new byte[FrameHeader.ThreeAddressLength + b];
        FrameHeader.Management(ManagementSubtype.Beacon, MacAddress.Broadcast, ap, ap).TryWrite(frame, out int h);
        body.AsSpan(0, b).CopyTo(frame.AsSpan(h));
        return frame;
    }

    /// <summary>A data frame with LLC/SNAP and the local experimental EtherType, which no dissector interprets.</summary>
    private static byte[] Data(MacAddress from, MacAddress to, bool qos, ushort sequence)
    {
        byte[] msdu = new byte[Llc.SnapHeaderLength + 100];
        Llc.TryWriteSnap(msdu, 0x88B5, out _);
        var frame = new DataFrame
        {
            Header = new FrameHeader
            {
                FrameControl = FrameControl.Data(qos ? DataSubtype.QosData : DataSubtype.Data, FrameControlFlags.ToDs),
                Address1 = to,
                Address2 = from,
                Address3 = to,
                SequenceControl = new SequenceControl(sequence, 0),
                QosControl = qos ? QosControl.Create(0) : default,
            },
            Payload = msdu,
        };
        byte[] buf = new byte[512];
        frame.TryWrite(buf, out int n);
        return buf[..n];
    }

    private static void Send(AirHarness h, Station st, byte[] frame, in TxDescriptor descriptor)
    {
        Packet p = h.Pool.Rent(frame);
        Assert.True(st.Port.TryEnqueue(p, descriptor));
        st.Track(p);
    }

    /// <summary>An AP and a station on channel 1 exchanging a beacon and data (ACKed), and a third radio on
    /// channel 36 beaconing: 2 beacons + 3 data frames + 3 ACKs on 2412, 1 beacon on 5180.</summary>
    private static (AirHarness H, List<(long Start, int Frequency, byte Rate, bool Ack, int Attempt)> Air) Scenario(Func<Medium, IDisposable> capture, out IDisposable captureHandle)
    {
        var h = new AirHarness(seed: 7);
        var air = new List<(long, int, byte, bool, int)>();
        h.Medium.FrameOnAir += (in AirFrameEvent e) => air.Add((e.StartTicks, e.FrequencyMhz, e.Rate, e.IsAck, e.Attempt));
        captureHandle = capture(h.Medium);
        Station ap = h.Add("ap", 2412);
        Station sta = h.Add("sta", 2412, new Position(10, 0));
        Station other = h.Add("other", 5180, new Position(0, 10));
        Send(h, ap, Beacon(ap.Address, 1), Broadcast);
        Send(h, other, Beacon(other.Address, 36), new TxDescriptor(RateChain.Single(12), noAck: true));
        Send(h, sta, Data(sta.Address, ap.Address, qos: false, 1), Unicast);
        Send(h, sta, Data(sta.Address, ap.Address, qos: true, 2), Unicast);
        h.Run(TimeSpan.FromMilliseconds(50));
        Send(h, ap, Beacon(ap.Address, 1), Broadcast);
        Send(h, sta, Data(sta.Address, ap.Address, qos: true, 3), Unicast);
        h.Run(TimeSpan.FromMilliseconds(50));
        return (h, air);
    }

    [Fact]
    public void EveryTransmission_IsWrittenAsRadiotap()
    {
        var stream = new MemoryStream();
        var (h, air) = Scenario(m => new AirCapture(m, stream, leaveOpen: true), out IDisposable capture);
        var airCapture = (AirCapture)capture;
        Assert.Equal(air.Count, airCapture.FramesWritten);
        capture.Dispose();
        h.FinishAndCheckLeaks();
        Assert.Equal(9, air.Count);

        stream.Position = 0;
        Assert.True(CaptureReader.TryOpen(stream, out CaptureReader? reader, out _));
        using (reader)
        {
            Assert.Equal(LinkType.Ieee80211Radiotap, reader.LinkType);
            int i = 0;
            while (reader.TryReadNext(out CaptureRecord record))
            {
                var expected = air[i++];
                Assert.True(CapturedFrame.TryDecode(record, out CapturedFrame frame, out _));
                RadiotapHeader rt = frame.Radiotap;
                Assert.Equal((ulong)(expected.Start / 10), rt.Tsft);
                Assert.Equal(expected.Rate, rt.Rate);
                Assert.Equal(expected.Frequency, rt.ChannelFrequencyMhz);
                Assert.Equal(expected.Frequency == 2412 ? ChannelFlags.G : ChannelFlags.A, rt.ChannelFlags);
                Assert.Equal(20, rt.TxPowerDbm);
                Assert.False(rt.Has(RadiotapFields.DbmAntennaSignal)); // the air view has no receiver
                Assert.Equal(!expected.Ack, rt.Has(RadiotapFields.DataRetries));
                if (!expected.Ack) Assert.Equal(expected.Attempt - 1, rt.DataRetries);
                Assert.False(frame.HadFcs);
                Assert.Equal(VirtualTimeProvider.Epoch.AddTicks(expected.Start - expected.Start % 10), record.Timestamp);
            }
            Assert.Equal(air.Count, i);
            Assert.Equal(0, reader.ErrorCount);
        }
    }

    [Fact]
    public void FrequencyFilter_AndDispose_StopRecording()
    {
        var stream = new MemoryStream();
        var (h, air) = Scenario(m => new AirCapture(m, stream, frequencyMhz: 5180, leaveOpen: true), out IDisposable capture);
        Assert.Equal(1, ((AirCapture)capture).FramesWritten);
        capture.Dispose();
        long length = stream.Length;

        // Unsubscribed: later transmissions are not written.
        Station other = h.Stations[2];
        Send(h, other, Beacon(other.Address, 36), new TxDescriptor(RateChain.Single(12), noAck: true));
        h.Run(TimeSpan.FromMilliseconds(10));
        Assert.Equal(length, stream.Length);
        h.FinishAndCheckLeaks();

        stream.Position = 0;
        CaptureScanner scanner = new();
        Assert.True(CaptureReader.TryOpen(stream, out CaptureReader? reader, out _));
        using (reader) scanner.Scan(reader);
        ScannedBss bss = Assert.Single(scanner.Networks);
        Assert.Equal(36, bss.Channel);
    }

    [Fact]
    public void Capturing_AllocatesNothingPerFrame()
    {
        var h = new AirHarness(seed: 4);
        Station ap = h.Add("ap", 2412);
        Station s1 = h.Add("s1", 2412, new Position(5, 0));
        s1.Saturate(ap.Address, 1500, Unicast);
        using var capture = new AirCapture(h.Medium, new MemoryStream(capacity: 64 << 20));
        h.Run(TimeSpan.FromMilliseconds(100)); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        long framesBefore = capture.FramesWritten;
        h.Run(TimeSpan.FromMilliseconds(300));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long n = capture.FramesWritten - framesBefore;
        Assert.True(n > 500, $"{n} frames");
        Assert.True(allocated < 1024, $"{allocated} bytes allocated over {n} captured transmissions");
        h.FinishAndCheckLeaks();
    }

    [Fact]
    public void Tshark_ReadsTheAirCapture_WithoutMalformedPackets()
    {
        string tshark = LocateTshark();
        string path = Path.Combine(Path.GetTempPath(), $"net80211-air-{Guid.NewGuid():N}.pcap");
        try
        {
            var (h, air) = Scenario(m => AirCapture.Create(m, path), out IDisposable capture);
            capture.Dispose();
            h.FinishAndCheckLeaks();

            string output = RunTshark(tshark, path);
            string[][] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToArray();
            Assert.Equal(air.Count, rows.Length);
            Assert.All(rows, r => Assert.True(r[2].Length == 0, $"tshark: frame {r[0]} is malformed"));
            Assert.All(rows, r => Assert.DoesNotContain(r[3].Split(',', StringSplitOptions.RemoveEmptyEntries),
                s => long.Parse(s, CultureInfo.InvariantCulture) >= 0x0080_0000)); // no error-level expert item
            var byType = rows.GroupBy(r => Convert.ToInt32(r[1], 16)).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(3, byType[0x08]);                   // beacons (two on channel 1, one on 36)
            Assert.Equal(1, byType[0x20]);                   // data
            Assert.Equal(2, byType[0x28]);                   // QoS data
            Assert.Equal(air.Count(a => a.Ack), byType[0x1d]); // ACKs
            Assert.Equal(3, air.Count(a => a.Ack));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string RunTshark(string tshark, string path)
    {
        var start = new ProcessStartInfo(tshark) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "-r", path, "-T", "fields", "-E", "separator=/t",
            "-e", "frame.number", "-e", "wlan.fc.type_subtype", "-e", "_ws.malformed", "-e", "_ws.expert.severity" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "tshark did not finish within 2 minutes");
        Assert.True(process.ExitCode == 0, $"tshark exited with {process.ExitCode}: {stderr.Result}");
        return output;
    }

    private static string LocateTshark()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "tshark");
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail("tshark is not on PATH. .ci/run installs it (apt-get install tshark); install it the same way to run this test.");
        return "";
    }
}
