using Net80211;
using Net80211.Capture;
using Net80211.Crypto.Decrypt;
using Net80211.Crypto.Rsn;
using Net80211.Frames;
using Net80211.Testing;

namespace Crypto.Tests.Decrypt;

/// <summary>The WPA/WPA2 captures of shared/captures/README.md, decrypted and checked against what airdecap-ng reports.</summary>
public sealed class WpaDecryptTests : IDisposable
{
    private static readonly MacAddress LinksysAp = MacAddress.Parse("00:0b:86:c2:a4:85");
    private static readonly MacAddress LinksysSta = MacAddress.Parse("00:13:ce:55:98:ef");

    private readonly DecryptRun _run = new();

    public void Dispose() => _run.Dispose();

    /// <summary>README: airdecap-ng reports 25 decrypted WPA packets; 30 frames pass the CCMP MIC, 6 of them
    /// retries, 1 group-addressed. Of the 6 retries 4 repeat the frame before them (same sequence number); the
    /// other 2 follow a lost original and are new. airdecap-ng writes 30 − 4 − the group frame (it keeps no GTK).</summary>
    [Fact]
    public void Wpa2LinksysDecryptsTheUnicastFramesAirdecapDoesAndTheGroupFrame()
    {
        DecryptResult result = _run.Decrypt("wpa2-psk-linksys.cap", DecryptRun.Passphrase("linksys", "dictionary"));

        Assert.True(result.Succeeded, result.Message);
        DecryptedNetwork network = Assert.Single(result.Networks);
        Assert.Equal(LinksysAp, network.Bssid);
        Assert.Equal("WPA2(CCMP/PSK)", network.Security);
        Assert.Equal(499, result.RecordsRead);
        Assert.Equal(1, result.Stations);
        Assert.Equal(3, result.HandshakesComplete);   // three 4-way handshakes, the station re-keys twice
        Assert.Equal(3, result.HandshakesVerified);
        Assert.Equal(32, result.ProtectedDataFrames);

        Assert.Equal(30, result.PassedIntegrity);       // "30 frames pass the CCMP MIC"
        Assert.Equal(4, result.RetransmissionsSkipped);
        Assert.Equal(25, result.DecryptedPairwise);     // airdecap-ng's 25
        Assert.Equal(1, result.DecryptedGroup);         // "1 group-addressed", opened with the GTK of message 3
        Assert.Equal(26, result.DecryptedCcmp);
        Assert.Equal(0, result.DecryptedTkip + result.DecryptedWep);
        Assert.Equal(2, result.WithoutKey);             // two frames before the first handshake of the capture
        Assert.Equal(0, result.FailedIntegrity + result.FailedMichael + result.Malformed);
        Assert.Empty(result.MismatchedStations);

        List<byte[]> frames = DecryptRun.ReadFrames(result.OutputPath!);
        Assert.Equal(26, result.FramesWritten);
        Assert.Equal(26, frames.Count);
        int retries = 0;
        foreach (byte[] frame in frames)
        {
            Assert.True(Llc.TryReadSnap(DecryptRun.Body(frame), out _, out _), "decrypted body is not LLC/SNAP");
            Assert.True(FrameHeader.TryRead(frame, out FrameHeader header, out _));
            if (header.FrameControl.Retry) retries++;
        }
        Assert.Equal(6, retries + result.RetransmissionsSkipped); // "6 are retries"
    }

    /// <summary>README: airdecap-ng reports 53; 55 frames pass the ICV. The GTK comes by the WPA1 group handshake,
    /// whose message 1 is itself TKIP-protected under the PTK: with it the 4 group-addressed frames open too.</summary>
    [Fact]
    public void WpaLinksysTkipDecryptsTheUnicastFramesAirdecapDoesAndTheGroupFrames()
    {
        DecryptResult result = _run.Decrypt("wpa-psk-linksys.cap", DecryptRun.Passphrase("linksys", "dictionary"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("WPA(TKIP/PSK)", Assert.Single(result.Networks).Security);
        Assert.Equal(587, result.RecordsRead);
        Assert.Equal(1, result.HandshakesComplete);
        Assert.Equal(1, result.HandshakesVerified);
        Assert.Equal(59, result.ProtectedDataFrames);
        Assert.Equal(2, result.RetransmissionsSkipped);
        Assert.Equal(55, result.DecryptedPairwise + result.RetransmissionsSkipped); // "55 frames pass the ICV" (unicast)
        Assert.Equal(53, result.DecryptedPairwise);                                 // airdecap-ng's 53
        Assert.Equal(4, result.DecryptedGroup);
        Assert.Equal(57, result.DecryptedTkip);
        Assert.Equal(0, result.FailedIntegrity + result.FailedMichael + result.WithoutKey + result.Malformed);

        List<byte[]> frames = DecryptRun.ReadFrames(result.OutputPath!);
        Assert.Equal(57, frames.Count);
        foreach (byte[] frame in frames) Assert.True(Llc.TryReadSnap(DecryptRun.Body(frame), out _, out _));
    }

    /// <summary>README: Prism headers with FCS; airdecap-ng reports 2 decrypted WPA packets (the group handshake,
    /// sent under the PTK).</summary>
    [Fact]
    public void WpaCapWithPrismAndFcsDecryptsTwo()
    {
        DecryptResult result = _run.Decrypt("wpa.cap", DecryptRun.Passphrase("test", "biscotte"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(MacAddress.Parse("00:0d:93:eb:b0:8c"), Assert.Single(result.Networks).Bssid);
        Assert.Equal(1, result.HandshakesVerified);
        Assert.Equal(2, result.DecryptedTkip);
        Assert.Equal(2, result.Decrypted);
        Assert.Equal(0, result.FailedIntegrity + result.FailedMichael + result.WithoutKey);
        List<byte[]> frames = DecryptRun.ReadFrames(result.OutputPath!);
        Assert.Equal(2, frames.Count);
        foreach (byte[] frame in frames)
        {
            Assert.True(Llc.TryReadSnap(DecryptRun.Body(frame), out ushort etherType, out _));
            Assert.Equal(0x888E, etherType); // the WPA1 group key handshake
        }
    }

    [Fact]
    public void Wpa2EapolHasOneVerifiedHandshake()
    {
        DecryptResult result = _run.Decrypt("wpa2.eapol.cap", DecryptRun.Passphrase("Harkonen", "12345678"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(MacAddress.Parse("00:14:6c:7e:40:80"), Assert.Single(result.Networks).Bssid);
        Assert.Equal(4, result.EapolKeyFrames);
        Assert.Equal(1, result.HandshakesComplete);
        Assert.Equal(1, result.HandshakesVerified);
        Assert.Equal(0, result.ProtectedDataFrames);
        Assert.Empty(DecryptRun.ReadFrames(result.OutputPath!));
    }

    [Fact]
    public void WrongPassphraseDecryptsNothingAndNamesTheStation()
    {
        DecryptResult result = _run.Decrypt("wpa2-psk-linksys.cap", DecryptRun.Passphrase("linksys", "not-the-passphrase"));

        Assert.Equal(DecryptError.KeyMismatch, result.Error);
        Assert.Equal($"passphrase does not match the handshake of {LinksysSta}", result.Message);
        Assert.Equal([LinksysSta], result.MismatchedStations);
        Assert.Equal(3, result.HandshakesComplete);
        Assert.Equal(0, result.HandshakesVerified);
        Assert.Equal(0, result.Decrypted);
        Assert.Equal(32, result.WithoutKey);
        Assert.Empty(DecryptRun.ReadFrames(result.OutputPath!));
    }

    [Fact]
    public void ThePskInHexWorksLikeThePassphrase()
    {
        byte[] pmk = Net80211.Crypto.Rsn.Psk.FromPassphrase("dictionary", "linksys"u8);
        Assert.True(DecryptionKey.TryFromPskHex(Convert.ToHexString(pmk), out DecryptionKey? key, out _));
        DecryptResult result = _run.Decrypt("wpa2-psk-linksys.cap", new DecryptOptions { Bssid = LinksysAp, Key = key });

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(26, result.Decrypted);
    }

    [Fact]
    public void AnotherBssidLeavesTheCaptureAlone()
    {
        DecryptResult result = _run.Decrypt("wpa2-psk-linksys.cap",
            DecryptRun.Passphrase("linksys", "dictionary", MacAddress.Parse("02:00:00:00:00:01")));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(499, result.RecordsRead);
        Assert.Equal(0, result.DataFrames);
        Assert.Equal(0, result.Decrypted);
    }

    [Fact]
    public void TsharkReadsTheOutputWithoutMalformedFrames()
    {
        DecryptResult wpa2 = _run.Decrypt("wpa2-psk-linksys.cap", DecryptRun.Passphrase("linksys", "dictionary"));
        DecryptResult tkip = _run.Decrypt("wpa-psk-linksys.cap", DecryptRun.Passphrase("linksys", "dictionary"));
        foreach (DecryptResult result in new[] { wpa2, tkip })
        {
            IReadOnlyList<Tshark.Frame> frames = Tshark.Read(result.OutputPath!);
            Assert.Equal(result.FramesWritten, frames.Count);
            Assert.All(frames, f => Assert.False(f.Malformed || f.Error, $"frame {f.Number} of {result.OutputPath} is malformed"));
            Assert.All(frames, f => Assert.Equal(0x20, f.TypeSubtype)); // data frames only
        }
    }

    /// <summary>Without message 1 the ANonce comes from message 3, which follows message 2.</summary>
    [Fact]
    public void WithoutMessage1TheANonceOfMessage3Serves()
    {
        string path = _run.OutputPath("no-message-1.pcap");
        int dropped = 0;
        using (PcapWriter writer = PcapWriter.Create(path, LinkType.Ieee80211))
        using (CaptureReader reader = CaptureReader.Open(SharedFolder.CapturePath("wpa2-psk-linksys.cap")))
        {
            while (reader.TryReadNext(out CaptureRecord record))
            {
                if (IsMessage1(record.Data))
                {
                    dropped++;
                    continue;
                }
                writer.WriteRecord(record.TimestampNanoseconds / 1000, record.Data);
            }
        }
        Assert.Equal(3, dropped);

        DecryptResult result = CaptureDecryptor.DecryptFile(path, _run.OutputPath("no-message-1-dec.pcap"), DecryptRun.Passphrase("linksys", "dictionary"));
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(3, result.HandshakesComplete);
        Assert.Equal(3, result.HandshakesVerified);
        Assert.Equal(25, result.DecryptedPairwise);
        Assert.Equal(1, result.DecryptedGroup);
    }

    [Fact]
    public void WrongPassphraseOnTkipIsReportedToo()
    {
        DecryptResult result = _run.Decrypt("wpa-psk-linksys.cap", DecryptRun.Passphrase("linksys", "dictionarx"));

        Assert.Equal(DecryptError.KeyMismatch, result.Error);
        Assert.Equal([LinksysSta], result.MismatchedStations);
        Assert.Equal(0, result.Decrypted);
    }

    [Fact]
    public void AnSsidNoBeaconNamesIsAWarningNotAGuess()
    {
        DecryptResult result = _run.Decrypt("wpa2-psk-linksys.cap", DecryptRun.Passphrase("not-linksys", "dictionary"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Empty(result.Networks);   // the one BSS advertises "linksys"
        Assert.Equal(0, result.Decrypted);
        Assert.Contains(result.Warnings, w => w.Contains("no beacon or probe response names SSID not-linksys", StringComparison.Ordinal));
    }

    private static bool IsMessage1(ReadOnlySpan<byte> frame)
    {
        if (!FrameHeader.TryRead(frame, out FrameHeader header, out _) || !header.FrameControl.IsData || header.FrameControl.Protected) return false;
        if (!Llc.TryReadSnap(frame[header.Length..], out ushort etherType, out ReadOnlySpan<byte> eapol) || etherType != 0x888E) return false;
        return EapolKeyFrame.TryRead(eapol, out EapolKeyFrame key, out _) && key.IsPairwise
            && key.Has(KeyInformation.Ack) && !key.Has(KeyInformation.Mic);
    }
}
