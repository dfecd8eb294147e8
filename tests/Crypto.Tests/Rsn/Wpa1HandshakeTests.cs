using Net80211.Crypto.Rsn;
using Net80211.Frames;

namespace Crypto.Tests.Rsn;

/// <summary>WPA1: descriptor type 254, the WPA element in message 3 in the clear, the GTK by the group handshake.</summary>
public class Wpa1HandshakeTests
{
    private static void AssertKinds(IReadOnlyList<HandshakeAction> actions, params Type[] kinds)
        => Assert.Equal(kinds, actions.Select(a => a.GetType()).ToArray());

    [Theory]
    [InlineData(CipherSuite.Tkip, KeyDescriptorVersion.HmacMd5Rc4, 32)]
    [InlineData(CipherSuite.Ccmp128, KeyDescriptorVersion.HmacSha1Aes, 16)]
    public void CompletesAfterTheGroupHandshake(CipherSuite cipher, KeyDescriptorVersion version, int gtkLength)
    {
        var pair = HandshakePair.Wpa1(cipher);
        Assert.Equal(RsnProtocol.Wpa, pair.Suite.Protocol);
        Assert.Equal(EapolKeyFrame.DescriptorTypeWpa, pair.Suite.DescriptorType);
        Assert.Equal(version, pair.Suite.DescriptorVersion);
        Assert.Equal(ElementId.VendorSpecific, (ElementId)pair.ApElement[0]);

        pair.Supplicant.Start();
        byte[] m1 = HandshakePair.Sent(pair.Authenticator.Start());
        byte[] m2 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(m1));
        byte[] m3 = HandshakePair.Sent(pair.Authenticator.OnEapolKey(m2));
        Assert.True(EapolKeyFrame.TryRead(m3, out EapolKeyFrame f3, out _));
        Assert.Equal(KeyInformation.Pairwise | KeyInformation.Install | KeyInformation.Ack | KeyInformation.Mic, f3.Info & ~KeyInformation.VersionMask);
        Assert.Equal(pair.ApElement, f3.KeyData.ToArray());

        IReadOnlyList<HandshakeAction> m4 = pair.Supplicant.OnEapolKey(m3);
        AssertKinds(m4, typeof(SendEapol), typeof(InstallPairwiseKey), typeof(ArmTimer));
        Assert.Equal(HandshakeState.AwaitingGroupMessage1, pair.Supplicant.State);

        IReadOnlyList<HandshakeAction> g1 = pair.Authenticator.OnEapolKey(HandshakePair.Sent(m4));
        AssertKinds(g1, typeof(CancelTimer), typeof(InstallPairwiseKey), typeof(SendEapol), typeof(ArmTimer));
        Assert.True(EapolKeyFrame.TryRead(HandshakePair.Sent(g1), out EapolKeyFrame fg1, out _));
        Assert.Equal(1, fg1.WpaKeyIndex);
        Assert.Equal(gtkLength, fg1.KeyLength);

        IReadOnlyList<HandshakeAction> g2 = pair.Supplicant.OnEapolKey(HandshakePair.Sent(g1));
        AssertKinds(g2, typeof(InstallGroupKey), typeof(SendEapol), typeof(CancelTimer), typeof(Completed));
        var gtk = (InstallGroupKey)g2[0];
        Assert.Equal(pair.Gtk, gtk.Gtk);
        Assert.Equal(1, gtk.KeyIndex);
        Assert.Equal(0x1234UL, gtk.Rsc);

        IReadOnlyList<HandshakeAction> done = pair.Authenticator.OnEapolKey(HandshakePair.Sent(g2));
        AssertKinds(done, typeof(CancelTimer), typeof(Completed));
        Assert.Equal(HandshakeKind.FourWay, ((Completed)done[1]).Kind);
        Assert.True(pair.Supplicant.Ptk!.HasSameTemporalKey(pair.Authenticator.Ptk));
        Assert.Equal(CipherKeyLengths.Of(cipher), pair.Supplicant.Ptk.Tk.Length);
    }

    [Fact]
    public void GroupRekeyAndRetransmissionWithoutReinstall()
    {
        var pair = HandshakePair.Wpa1(CipherSuite.Tkip);
        pair.RunToCompletion();
        byte[] newGtk = Enumerable.Range(0xC0, 32).Select(i => (byte)i).ToArray();
        byte[] g1 = HandshakePair.Sent(pair.Authenticator.RekeyGroup(newGtk, 2));
        IReadOnlyList<HandshakeAction> g2 = pair.Supplicant.OnEapolKey(g1);
        AssertKinds(g2, typeof(InstallGroupKey), typeof(SendEapol));
        Assert.Equal(2, ((InstallGroupKey)g2[0]).KeyIndex);
        byte[] g1Again = HandshakePair.Sent(pair.Authenticator.OnTimeout());
        AssertKinds(pair.Supplicant.OnEapolKey(g1Again), typeof(SendEapol));
    }

    [Fact]
    public void WpaElementInMessage3MustMatchTheBeacon()
    {
        var config = new RsnConfiguration { AllowWpa1 = true, PairwiseCiphers = [CipherSuite.Tkip, CipherSuite.Ccmp128], GroupCipher = CipherSuite.Tkip };
        var pair = new HandshakePair(config, config, wpa1: true, apElementSeenBySta: e => RsnElementBuilder.WpaForBeacon(config with { PairwiseCiphers = [CipherSuite.Tkip] }));
        pair.Supplicant.Start();
        byte[] m2 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(HandshakePair.Sent(pair.Authenticator.Start())));
        var failed = Assert.IsType<Failed>(pair.Supplicant.OnEapolKey(HandshakePair.Sent(pair.Authenticator.OnEapolKey(m2)))[1]);
        Assert.Equal((ushort)17, failed.ReasonCode);
    }
}
