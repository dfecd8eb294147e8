using Net80211.Capture;
using Net80211.Channels;
using Net80211.Frames;
using Net80211.Radio;
using Net80211.Radiotap;
using Net80211.Testing;
using static Net80211.Tests.Capture.TestFrames;

namespace Net80211.Tests.Capture;

/// <summary>Wireshark reads what <see cref="PcapWriter"/> writes: every frame type of an association,
/// under radiotap and raw 802.11, without a malformed packet.</summary>
public class TsharkPcapWriterTests
{
    // wlan.fc.type_subtype values: type << 4 | subtype.
    private const int AssocRequest = 0x00, AssocResponse = 0x01, ProbeRequestType = 0x04, ProbeResponse = 0x05, BeaconType = 0x08,
        Auth = 0x0b, Deauth = 0x0c, DataType = 0x20, QosData = 0x28, AckType = 0x1d;

    private static (byte[] Frame, int Type)[] Association()
    {
        byte[] payload = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        return
        [
            (Beacon(Ap, "net80211"u8, 6, TestSecurity.Wpa2), BeaconType),
            (ProbeRequest(Sta), ProbeRequestType),
            (Beacon(Ap, "net80211"u8, 6, TestSecurity.Wpa2, probeResponse: true, destination: Sta), ProbeResponse),
            (Ack(Ap), AckType),
            (Authentication(Sta, Ap, Ap, 1), Auth),
            (Authentication(Ap, Sta, Ap, 2), Auth),
            (AssociationRequest(Sta, Ap, "net80211"u8), AssocRequest),
            (AssociationResponse(Ap, Sta), AssocResponse),
            (Data(Sta, Ap, toAp: true, qos: false, ExperimentalEtherType, payload), DataType),
            (Data(Ap, Sta, toAp: false, qos: true, ExperimentalEtherType, payload), QosData),
            (Ack(Sta), AckType),
            (Deauthentication(Ap, Sta, Ap), Deauth),
        ];
    }

    private static void AssertTsharkReads(string path, (byte[] Frame, int Type)[] written)
    {
        IReadOnlyList<Tshark.Frame> frames = Tshark.Read(path);
        Assert.Equal(written.Length, frames.Count);
        Assert.All(frames, f => Assert.False(f.Malformed, $"tshark: frame {f.Number} is malformed"));
        Assert.All(frames, f => Assert.False(f.Error, $"tshark: frame {f.Number} has an error-level expert item"));
        Assert.Equal(written.Select(w => w.Type), frames.Select(f => f.TypeSubtype));
        Assert.Equal(
            written.GroupBy(w => w.Type).ToDictionary(g => g.Key, g => g.Count()),
            frames.GroupBy(f => f.TypeSubtype).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Fact]
    public void RadiotapCapture_IsReadByTshark()
    {
        (byte[] Frame, int Type)[] frames = Association();
        string path = Path.Combine(Path.GetTempPath(), $"net80211-radiotap-{Guid.NewGuid():N}.pcap");
        try
        {
            using (var writer = PcapWriter.Create(path, LinkType.Ieee80211Radiotap))
            {
                for (int i = 0; i < frames.Length; i++)
                {
                    byte[] frame = frames[i].Frame;
                    var rx = new RxInfo
                    {
                        FrequencyMhz = 2437,
                        ChannelFlags = ChannelFlags.G,
                        Rate = (byte)(i % 2 == 0 ? 2 : 108),
                        MacTimeMicroseconds = (ulong)(1000 * i),
                        Flags = i % 3 == 0 ? RxFlags.HasFcs : RxFlags.None,
                        Antenna = 1,
                    };
                    if (i % 3 == 0)
                    {
                        // Every third frame keeps its FCS, flagged in radiotap; tshark checks it.
                        byte[] withFcs = new byte[frame.Length + Fcs.Length];
                        frame.CopyTo(withFcs, 0);
                        Fcs.TryAppend(withFcs, frame.Length, out _);
                        frame = withFcs;
                    }
                    writer.WriteRadiotap(1_700_000_000_000_000 + 1000 * i, RadiotapHeader.FromRxInfo(rx, -40 - i, -95), frame);
                }
            }
            AssertTsharkReads(path, frames);

            // And our own reader agrees.
            CaptureScanner scanner = CaptureScanner.ScanFile(path);
            Assert.Equal(frames.Length, scanner.Ieee80211Frames);
            ScannedBss bss = Assert.Single(scanner.Networks);
            Assert.Equal(-40, bss.BestSignalDbm);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Raw80211Capture_IsReadByTshark()
    {
        (byte[] Frame, int Type)[] frames = Association();
        string path = Path.Combine(Path.GetTempPath(), $"net80211-raw-{Guid.NewGuid():N}.pcap");
        try
        {
            using (var writer = PcapWriter.Create(path, LinkType.Ieee80211))
            {
                for (int i = 0; i < frames.Length; i++) writer.WriteRecord(1_700_000_000_000_000 + 1000 * i, frames[i].Frame);
            }
            AssertTsharkReads(path, frames);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
