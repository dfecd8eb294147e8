using System.Text;
using Net80211;
using Net80211.Crypto.Rsn;
using Net80211.Frames;

namespace Crypto.Tests.Rsn;

/// <summary>The real WPA2-PSK handshake of wpa2.eapol.cap, checked with our own derivations.</summary>
public class CapturedHandshakeTests
{
    private static readonly byte[] Pmk = Psk.FromPassphrase(Wpa2EapolCapture.Passphrase, Encoding.ASCII.GetBytes(Wpa2EapolCapture.Ssid));

    private static Ptk DerivePtk(Wpa2EapolCapture capture)
    {
        Assert.True(EapolKeyFrame.TryRead(capture.Eapol[0], out EapolKeyFrame m1, out _));
        Assert.True(EapolKeyFrame.TryRead(capture.Eapol[1], out EapolKeyFrame m2, out _));
        return PtkDerivation.Derive(Pmk, capture.Ap, capture.Sta, m1.Nonce, m2.Nonce, AkmSuite.Psk, CipherSuite.Ccmp128);
    }

    [Fact]
    public void FramesParseWithTheExpectedKeyInformation()
    {
        var capture = Wpa2EapolCapture.Load();
        Assert.Equal(MacAddress.Parse("00:14:6c:7e:40:80"), capture.Ap);
        Assert.Equal(MacAddress.Parse("00:13:46:fe:32:0c"), capture.Sta);
        var expected = new[]
        {
            KeyInformation.Pairwise | KeyInformation.Ack,
            KeyInformation.Pairwise | KeyInformation.Mic,
            KeyInformation.Pairwise | KeyInformation.Install | KeyInformation.Ack | KeyInformation.Mic | KeyInformation.Secure | KeyInformation.EncryptedKeyData,
            KeyInformation.Pairwise | KeyInformation.Mic | KeyInformation.Secure,
        };
        ulong[] counters = [1, 1, 2, 2];
        for (int i = 0; i < 4; i++)
        {
            Assert.True(EapolKeyFrame.TryRead(capture.Eapol[i], out EapolKeyFrame frame, out EapolKeyError error), error.ToString());
            Assert.Equal(EapolKeyFrame.DescriptorTypeRsn, frame.DescriptorType);
            Assert.Equal(KeyDescriptorVersion.HmacSha1Aes, frame.Version);
            Assert.Equal(expected[i], frame.Info & ~KeyInformation.VersionMask);
            Assert.Equal(counters[i], frame.ReplayCounter);
            // Re-encoding what was read gives the same octets.
            var copy = new EapolKeyFrame
            {
                ProtocolVersion = frame.ProtocolVersion, DescriptorType = frame.DescriptorType, Info = frame.Info, KeyLength = frame.KeyLength,
                ReplayCounter = frame.ReplayCounter, Nonce = frame.Nonce, Iv = frame.Iv, Rsc = frame.Rsc, Mic = frame.Mic, KeyData = frame.KeyData,
            };
            Assert.Equal(frame.Pdu.ToArray(), copy.ToArray());
        }
    }

    [Fact]
    public void MicsOfMessages2To4VerifyWithThePtkFromThePassphrase()
    {
        var capture = Wpa2EapolCapture.Load();
        Ptk ptk = DerivePtk(capture);
        for (int i = 1; i < 4; i++)
        {
            Assert.True(EapolKeyFrame.TryRead(capture.Eapol[i], out EapolKeyFrame frame, out _));
            Assert.True(EapolKeyMic.Verify(ptk.Kck, frame), $"MIC of message {i + 1}");
        }

        // A wrong passphrase gives a KCK that does not verify message 2.
        byte[] wrong = Psk.FromPassphrase("87654321", Encoding.ASCII.GetBytes(Wpa2EapolCapture.Ssid));
        Assert.True(EapolKeyFrame.TryRead(capture.Eapol[0], out EapolKeyFrame m1, out _));
        Assert.True(EapolKeyFrame.TryRead(capture.Eapol[1], out EapolKeyFrame m2, out _));
        Ptk bad = PtkDerivation.Derive(wrong, capture.Ap, capture.Sta, m1.Nonce, m2.Nonce, AkmSuite.Psk, CipherSuite.Ccmp128);
        Assert.False(EapolKeyMic.Verify(bad.Kck, m2));
    }

    [Fact]
    public void Message3KeyDataDecryptsToTheBeaconRsnElementAndAGtk()
    {
        var capture = Wpa2EapolCapture.Load();
        Ptk ptk = DerivePtk(capture);
        Assert.True(EapolKeyFrame.TryRead(capture.Eapol[2], out EapolKeyFrame m3, out _));
        Assert.True(KeyDataEncryption.TryDecrypt(m3.Version, ptk.Kek, m3.Iv, m3.KeyData, out byte[]? plain));
        Assert.True(KeyDataElements.TryParse(plain, out KeyDataElements kd));
        Assert.Equal(capture.BeaconRsn, kd.RsnElement.ToArray());
        Assert.True(kd.HasGtk);
        Assert.Equal(16, kd.Gtk.Length); // CCMP-128 group cipher
        Assert.InRange(kd.GtkKeyId, 1, 3);

        // Message 2 carries the STA's RSN element in the clear.
        Assert.True(EapolKeyFrame.TryRead(capture.Eapol[1], out EapolKeyFrame m2, out _));
        Assert.True(KeyDataElements.TryParse(m2.KeyData, out KeyDataElements kd2));
        Assert.True(RsnElement.TryRead(kd2.RsnElement[2..], out RsnElement staRsn, out _));
        Assert.True(staRsn.OffersPairwiseCipher(CipherSuite.Ccmp128));

        // With a wrong KEK the unwrap integrity check fails.
        Assert.False(KeyDataEncryption.TryDecrypt(m3.Version, new byte[16], m3.Iv, m3.KeyData, out _));
    }
}
