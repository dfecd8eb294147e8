using Net80211;
using Net80211.Capture;
using Net80211.Frames;

namespace Crypto.Tests.Rsn;

/// <summary>shared/captures/wpa2.eapol.cap: a beacon of SSID "Harkonen" (passphrase "12345678") and a complete
/// 4-way handshake between AP 00:14:6c:7e:40:80 and STA 00:13:46:fe:32:0c.</summary>
internal sealed class Wpa2EapolCapture
{
    public const string Ssid = "Harkonen";
    public const string Passphrase = "12345678";

    public MacAddress Ap { get; private set; }
    public MacAddress Sta { get; private set; }
    /// <summary>The beacon's RSN element, header included.</summary>
    public byte[] BeaconRsn { get; private set; } = [];
    /// <summary>The four EAPOL PDUs in order (message 1..4 at index 0..3).</summary>
    public List<byte[]> Eapol { get; } = [];

    public static Wpa2EapolCapture Load()
    {
        string path = Path.GetFullPath(Path.Combine(TestVectors.Directory, "..", "captures", "wpa2.eapol.cap"));
        var capture = new Wpa2EapolCapture();
        using CaptureReader reader = CaptureReader.Open(path);
        while (reader.TryReadNext(out CaptureRecord record))
        {
            Assert.True(CapturedFrame.TryDecode(record, out CapturedFrame frame, out _));
            Assert.True(FrameHeader.TryRead(frame.Frame, out FrameHeader header, out _));
            ReadOnlySpan<byte> body = frame.Frame[header.Length..];
            if (header.FrameControl.IsManagement && header.FrameControl.ManagementSubtype == ManagementSubtype.Beacon)
            {
                // Fixed fields (12), then elements.
                ReadOnlySpan<byte> ies = body[12..];
                while (ies.Length >= 2)
                {
                    int length = ies[1];
                    if (ies[0] == (byte)ElementId.Rsn) capture.BeaconRsn = ies[..(2 + length)].ToArray();
                    ies = ies[(2 + length)..];
                }
            }
            else if (header.FrameControl.IsData && Llc.TryReadSnap(body, out ushort etherType, out ReadOnlySpan<byte> payload) && etherType == 0x888E)
            {
                capture.Eapol.Add(payload.ToArray());
                if (header.FrameControl.FromDs)
                {
                    capture.Ap = header.Address2;
                    capture.Sta = header.Address1;
                }
            }
        }
        Assert.Equal(4, capture.Eapol.Count);
        Assert.NotEmpty(capture.BeaconRsn);
        return capture;
    }
}
