using System.Text;
using Net80211.Crypto.Rsn;
using Net80211.Frames;

namespace Crypto.Tests.Rsn;

/// <summary>Our state machines against the real AP and STA of wpa2.eapol.cap: each side is fed the other's
/// captured frames, with its own nonce taken from the capture.</summary>
public class CapturedHandshakeInteropTests
{
    private static readonly NegotiatedSuite Suite = new() { PairwiseCipher = CipherSuite.Ccmp128, GroupCipher = CipherSuite.Ccmp128, Akm = AkmSuite.Psk };
    private static readonly byte[] Pmk = Psk.FromPassphrase(Wpa2EapolCapture.Passphrase, Encoding.ASCII.GetBytes(Wpa2EapolCapture.Ssid));

    private static byte[] NonceOf(byte[] eapol)
    {
        Assert.True(EapolKeyFrame.TryRead(eapol, out EapolKeyFrame frame, out _));
        return frame.Nonce.ToArray();
    }

    private static byte[] StaElement(Wpa2EapolCapture capture)
    {
        Assert.True(EapolKeyFrame.TryRead(capture.Eapol[1], out EapolKeyFrame m2, out _));
        return m2.KeyData.ToArray();
    }

    [Fact]
    public void OurSupplicantCompletesWithTheCapturedAccessPoint()
    {
        var capture = Wpa2EapolCapture.Load();
        Assert.True(RsnNegotiation.TrySelect(new RsnConfiguration(), capture.BeaconRsn, out NegotiatedSuite? chosen, out _));
        Assert.Equal(Suite, chosen);
        byte[] snonce = NonceOf(capture.Eapol[1]);
        var supplicant = new Supplicant(new SupplicantConfig
        {
            Pmk = Pmk,
            OwnRsnElement = StaElement(capture),
            OwnAddress = capture.Sta,
            AuthenticatorAddress = capture.Ap,
            AuthenticatorRsnElement = capture.BeaconRsn,
            Suite = chosen,
            NonceSource = span => snonce.CopyTo(span),
        });
        IReadOnlyList<HandshakeAction> m2 = supplicant.OnEapolKey(capture.Eapol[0]);
        // Our message 2 has the captured one's MIC-relevant content: same nonce, same element, and it verifies.
        Assert.True(EapolKeyFrame.TryRead(HandshakePair.Sent(m2), out EapolKeyFrame ours, out _));
        Assert.Equal(snonce, ours.Nonce.ToArray());

        IReadOnlyList<HandshakeAction> m4 = supplicant.OnEapolKey(capture.Eapol[2]);
        Assert.Equal([typeof(SendEapol), typeof(InstallPairwiseKey), typeof(InstallGroupKey), typeof(CancelTimer), typeof(Completed)],
            m4.Select(a => a.GetType()).ToArray());
        Assert.Equal(HandshakeState.Completed, supplicant.State);
        // Our message 4 answers like the STA's in the capture (which wrote Key Length 16 where RSN now writes 0).
        Assert.True(EapolKeyFrame.TryRead(HandshakePair.Sent(m4), out EapolKeyFrame ourM4, out _));
        Assert.True(EapolKeyFrame.TryRead(capture.Eapol[3], out EapolKeyFrame theirM4, out _));
        Assert.Equal(theirM4.Info, ourM4.Info);
        Assert.Equal(theirM4.ReplayCounter, ourM4.ReplayCounter);
        Assert.Equal(0, ourM4.KeyLength);
        Assert.True(EapolKeyMic.Verify(supplicant.Ptk!.Kck, ourM4));
        Assert.True(EapolKeyMic.Verify(supplicant.Ptk.Kck, theirM4));
    }

    [Fact]
    public void OurAuthenticatorCompletesWithTheCapturedStation()
    {
        var capture = Wpa2EapolCapture.Load();
        byte[] anonce = NonceOf(capture.Eapol[0]);
        var authenticator = new Authenticator(new AuthenticatorConfig
        {
            Pmk = Pmk,
            AuthenticatorAddress = capture.Ap,
            SupplicantAddress = capture.Sta,
            AuthenticatorRsnElement = capture.BeaconRsn,
            SupplicantRsnElement = StaElement(capture),
            Suite = Suite,
            Gtk = new byte[16],
            NonceSource = span => anonce.AsSpan(0, span.Length).CopyTo(span),
        });
        byte[] m1 = HandshakePair.Sent(authenticator.Start());
        Assert.Equal(capture.Eapol[0][1..], m1[1..]); // the captured message 1, but for the EAPOL version
        IReadOnlyList<HandshakeAction> m3 = authenticator.OnEapolKey(capture.Eapol[1]);
        Assert.Equal(HandshakeState.AwaitingMessage4, authenticator.State);
        Assert.Equal(2UL, HandshakePair.Counter(HandshakePair.Sent(m3)));
        IReadOnlyList<HandshakeAction> done = authenticator.OnEapolKey(capture.Eapol[3]);
        Assert.Equal([typeof(CancelTimer), typeof(InstallPairwiseKey), typeof(Completed)], done.Select(a => a.GetType()).ToArray());
    }
}
