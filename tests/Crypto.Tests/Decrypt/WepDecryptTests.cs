using Crypto.Tests.Wep;
using Net80211;
using Net80211.Crypto.Decrypt;
using Net80211.Testing;

namespace Crypto.Tests.Decrypt;

/// <summary>wep_64_ptw.cap (SSID Appart, WEP-40 key 1F:1F:1F:1F:1F): one pass over its 65,282 records.</summary>
public sealed class WepDecryptTests : IDisposable
{
    private readonly DecryptRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void EveryProtectedDataFrameDecryptsTheArpIsAmongThemAndTsharkReadsTheOutput()
    {
        DecryptResult result = _run.Decrypt("wep_64_ptw.cap", DecryptRun.Wep("Appart", "1F:1F:1F:1F:1F"));

        Assert.True(result.Succeeded, result.Message);
        DecryptedNetwork network = Assert.Single(result.Networks);
        Assert.Equal(MacAddress.Parse("00:12:bf:12:32:29"), network.Bssid);
        Assert.Equal("WEP", network.Security);
        Assert.Equal(65_282, result.RecordsRead);
        Assert.InRange(result.ProtectedDataFrames, 30_000, 31_000);
        Assert.Equal(result.ProtectedDataFrames, result.DecryptedWep);
        Assert.Equal(0, result.DecryptedWpa);
        Assert.Equal(0, result.FailedIntegrity + result.WithoutKey + result.Malformed);

        List<byte[]> frames = DecryptRun.ReadFrames(result.OutputPath!);
        Assert.Equal(result.FramesWritten, frames.Count);
        Assert.Equal(result.DecryptedWep, frames.Count);
        bool arp = false;
        foreach (byte[] frame in frames)
        {
            ReadOnlySpan<byte> body = DecryptRun.Body(frame);
            if (!arp && Arp.IsArp(body))
            {
                Arp parsed = Arp.Parse(body);
                arp = parsed.SenderIp == "172.16.0.1" && parsed.TargetIp == "172.16.0.240";
            }
        }
        Assert.True(arp, "no ARP 172.16.0.1 -> 172.16.0.240 among the decrypted frames");

        IReadOnlyList<Tshark.Frame> dissected = Tshark.Read(result.OutputPath!);
        Assert.Equal(frames.Count, dissected.Count);
        Assert.DoesNotContain(dissected, f => f.Malformed || f.Error);
    }

    [Fact]
    public void AWrongWepKeyIsReported()
    {
        DecryptResult result = _run.Decrypt("wep_64_ptw.cap", DecryptRun.Wep("Appart", "1F1F1F1F1E"));

        Assert.Equal(DecryptError.KeyMismatch, result.Error);
        Assert.Contains("WEP key", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Decrypted);
        Assert.Equal(result.ProtectedDataFrames, result.FailedIntegrity);
    }
}
