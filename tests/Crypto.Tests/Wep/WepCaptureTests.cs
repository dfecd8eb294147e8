using Net80211.Capture;
using Net80211.Crypto.Wep;
using Net80211.Frames;
using Net80211.Packets;
using Net80211.Security;
using Xunit.Abstractions;

namespace Crypto.Tests.Wep;

/// <summary>aircrack-ng's wep_64_ptw.cap (SSID Appart, WEP-40 key 1F:1F:1F:1F:1F): real frames decrypt.</summary>
public class WepCaptureTests(ITestOutputHelper output)
{
    private const int FramesToTry = 2000;
    private static readonly byte[] s_key = [0x1F, 0x1F, 0x1F, 0x1F, 0x1F];

    private static string CapturePath => Path.GetFullPath(Path.Combine(TestVectors.Directory, "..", "captures", "wep_64_ptw.cap"));

    [Fact]
    public void ProtectedDataFramesDecryptAndTheArpIsAmongThem()
    {
        var pool = new PacketPool();
        var keys = new WepKey[4];
        for (int i = 0; i < keys.Length; i++) keys[i] = new WepKey(new WepCipher(), s_key, i, CipherKeyFlags.Receive);

        int tried = 0, passed = 0, records = 0;
        bool foundArp = false;
        var results = new Dictionary<CipherResult, int>();
        using CaptureReader reader = CaptureReader.Open(CapturePath);
        while (tried < FramesToTry && reader.TryReadNext(out CaptureRecord record))
        {
            records++;
            if (!CapturedFrame.TryDecode(record, out CapturedFrame captured, out _) || captured.IsTruncated) continue;
            ReadOnlySpan<byte> mpdu = captured.Frame;
            if (!FrameControl.TryRead(mpdu, out FrameControl fc) || !fc.IsData || !fc.Protected) continue;
            int hdr = FrameHeader.GetHeaderLength(fc);
            if (mpdu.Length < hdr + WepCipher.IvHeaderLength) continue;

            tried++;
            Packet frame = pool.Rent(mpdu);
            WepKey key = keys[mpdu[hdr + 3] >> 6];
            CipherResult result = key.Decapsulate(frame, hdr, 16);
            results[result] = results.GetValueOrDefault(result) + 1;
            if (result == CipherResult.Ok)
            {
                passed++;
                ReadOnlySpan<byte> msdu = frame.Data[hdr..];
                if (Arp.IsArp(msdu))
                {
                    Arp arp = Arp.Parse(msdu);
                    foundArp |= arp.SenderIp == "172.16.0.1" && arp.TargetIp == "172.16.0.240";
                }
            }
            frame.Free();
        }

        output.WriteLine($"records read {records}, protected data frames tried {tried}, ICV passed {passed} ({100.0 * passed / tried:F2} %)");
        foreach ((CipherResult r, int n) in results) output.WriteLine($"  {r}: {n}");
        Assert.Equal(FramesToTry, tried);
        Assert.True(passed >= FramesToTry * 95 / 100, $"only {passed} of {tried} passed the ICV");
        Assert.True(foundArp, "no decrypted LLC/SNAP ARP 172.16.0.1 -> 172.16.0.240");
        Assert.Equal(0, pool.Outstanding);
    }
}
