using Net80211.Security;
using Net80211.Crypto.Rsn;
using Net80211.Frames;

namespace Crypto.Tests.Rsn;

/// <summary>Supplicant ↔ authenticator in memory (IEEE 802.11-2020 12.7.6, 12.7.7).</summary>
public class HandshakeTests
{
    private static readonly Type[] Start = [typeof(SendEapol), typeof(ArmTimer)];

    private static void AssertKinds(IReadOnlyList<HandshakeAction> actions, params Type[] kinds)
        => Assert.Equal(kinds, actions.Select(a => a.GetType()).ToArray());

    [Fact]
    public void FourWayHandshakeCompletesWithTheExpectedActions()
    {
        var pair = HandshakePair.Rsn();
        Assert.Equal(KeyDescriptorVersion.HmacSha1Aes, pair.Suite.DescriptorVersion);
        AssertKinds(pair.Supplicant.Start(), typeof(ArmTimer));
        Assert.Equal(HandshakeState.AwaitingMessage1, pair.Supplicant.State);

        IReadOnlyList<HandshakeAction> m1 = pair.Authenticator.Start();
        AssertKinds(m1, Start);
        Assert.Equal(TimeSpan.FromSeconds(1), ((ArmTimer)m1[1]).After);
        Assert.Equal(HandshakeState.AwaitingMessage2, pair.Authenticator.State);
        Assert.True(EapolKeyFrame.TryRead(HandshakePair.Sent(m1), out EapolKeyFrame f1, out _));
        Assert.Equal(KeyInformation.Pairwise | KeyInformation.Ack, f1.Info & ~KeyInformation.VersionMask);
        Assert.Equal(1UL, f1.ReplayCounter);
        Assert.Equal(16, f1.KeyLength);

        IReadOnlyList<HandshakeAction> m2 = pair.Supplicant.OnEapolKey(HandshakePair.Sent(m1));
        AssertKinds(m2, Start);
        Assert.Equal(HandshakeState.AwaitingMessage3, pair.Supplicant.State);
        Assert.True(EapolKeyFrame.TryRead(HandshakePair.Sent(m2), out EapolKeyFrame f2, out _));
        Assert.Equal(KeyInformation.Pairwise | KeyInformation.Mic, f2.Info & ~KeyInformation.VersionMask);
        Assert.Equal(pair.StaElement, f2.KeyData.ToArray());
        Assert.Equal(1UL, f2.ReplayCounter);

        IReadOnlyList<HandshakeAction> m3 = pair.Authenticator.OnEapolKey(HandshakePair.Sent(m2));
        AssertKinds(m3, Start);
        Assert.Equal(HandshakeState.AwaitingMessage4, pair.Authenticator.State);
        Assert.True(EapolKeyFrame.TryRead(HandshakePair.Sent(m3), out EapolKeyFrame f3, out _));
        Assert.Equal(KeyInformation.Pairwise | KeyInformation.Install | KeyInformation.Ack | KeyInformation.Mic | KeyInformation.Secure | KeyInformation.EncryptedKeyData,
            f3.Info & ~KeyInformation.VersionMask);
        Assert.Equal(2UL, f3.ReplayCounter);
        Assert.Equal(0x1234UL, f3.Rsc);

        IReadOnlyList<HandshakeAction> m4 = pair.Supplicant.OnEapolKey(HandshakePair.Sent(m3));
        AssertKinds(m4, typeof(SendEapol), typeof(InstallPairwiseKey), typeof(InstallGroupKey), typeof(CancelTimer), typeof(Completed));
        Assert.Equal(HandshakeState.Completed, pair.Supplicant.State);
        var gtk = (InstallGroupKey)m4[2];
        Assert.Equal(pair.Gtk, gtk.Gtk);
        Assert.Equal(1, gtk.KeyIndex);
        Assert.Equal(0x1234UL, gtk.Rsc);
        Assert.False(gtk.TxKey);
        var ptk = (InstallPairwiseKey)m4[1];
        Assert.Equal(0, ptk.KeyIndex);
        Assert.Equal(0UL, ptk.Rsc);
        Assert.True(EapolKeyFrame.TryRead(HandshakePair.Sent(m4), out EapolKeyFrame f4, out _));
        Assert.Equal(KeyInformation.Pairwise | KeyInformation.Mic | KeyInformation.Secure, f4.Info & ~KeyInformation.VersionMask);
        Assert.Equal(2UL, f4.ReplayCounter);
        Assert.True(f4.KeyData.IsEmpty);

        IReadOnlyList<HandshakeAction> done = pair.Authenticator.OnEapolKey(HandshakePair.Sent(m4));
        AssertKinds(done, typeof(CancelTimer), typeof(InstallPairwiseKey), typeof(Completed));
        Assert.Equal(HandshakeKind.FourWay, ((Completed)done[2]).Kind);
        Assert.Equal(HandshakeState.Completed, pair.Authenticator.State);
        Assert.True(((InstallPairwiseKey)done[1]).Ptk.HasSameTemporalKey(ptk.Ptk));
        Assert.Equal(16, ptk.Ptk.Tk.Length);
    }

    public static TheoryData<string, CipherSuite, AkmSuite, KeyDescriptorVersion> Suites() => new()
    {
        { "CCMP-128/PSK", CipherSuite.Ccmp128, AkmSuite.Psk, KeyDescriptorVersion.HmacSha1Aes },
        { "CCMP-128/PSK-SHA256", CipherSuite.Ccmp128, AkmSuite.PskSha256, KeyDescriptorVersion.AesCmac },
        { "GCMP-256/PSK", CipherSuite.Gcmp256, AkmSuite.Psk, KeyDescriptorVersion.HmacSha1Aes },
        { "CCMP-256/PSK-SHA256", CipherSuite.Ccmp256, AkmSuite.PskSha256, KeyDescriptorVersion.AesCmac },
        { "TKIP/PSK (RSN, ARC4 key data)", CipherSuite.Tkip, AkmSuite.Psk, KeyDescriptorVersion.HmacMd5Rc4 },
    };

    [Theory]
    [MemberData(nameof(Suites))]
    public void CompletesForEachSuite(string name, CipherSuite cipher, AkmSuite akm, KeyDescriptorVersion version)
    {
        var config = new RsnConfiguration { PairwiseCiphers = [cipher], GroupCipher = cipher, Akms = [akm] };
        var pair = HandshakePair.Rsn(config);
        Assert.Equal(version, pair.Suite.DescriptorVersion);
        IReadOnlyList<HandshakeAction> last = pair.RunToCompletion();
        Assert.Contains(last, a => a is Completed);
        Assert.Equal(HandshakeState.Completed, pair.Supplicant.State);
        Assert.Equal(CipherKeyLengths.Of(cipher), pair.Supplicant.Ptk!.Tk.Length);
        Assert.True(pair.Supplicant.Ptk.HasSameTemporalKey(pair.Authenticator.Ptk), name);
    }

    [Fact]
    public void MfpDeliversTheIgtk()
    {
        var config = new RsnConfiguration { Mfp = MfpMode.Required, Akms = [AkmSuite.PskSha256] };
        var pair = HandshakePair.Rsn(config, igtk: HandshakePair.Igtk);
        Assert.True(pair.Suite.ManagementFrameProtection);
        pair.Supplicant.Start();
        byte[] m2 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(HandshakePair.Sent(pair.Authenticator.Start())));
        IReadOnlyList<HandshakeAction> m4 = pair.Supplicant.OnEapolKey(HandshakePair.Sent(pair.Authenticator.OnEapolKey(m2)));
        InstallIgtk igtk = Assert.Single(m4.OfType<InstallIgtk>());
        Assert.Equal(HandshakePair.Igtk, igtk.Igtk);
        Assert.Equal(4, igtk.KeyIndex);
        Assert.Equal(7UL, igtk.Ipn);
    }

    [Fact]
    public void WrongPassphraseFailsAfterTheRetriesWithAPassphraseHint()
    {
        var pair = new HandshakePair(new RsnConfiguration(), new RsnConfiguration(), staPassphrase: "wrong horse");
        pair.Supplicant.Start();
        IReadOnlyList<HandshakeAction> fromAp = pair.Authenticator.Start();
        var snonces = new HashSet<string>();
        for (int transmission = 1; transmission <= 4; transmission++)
        {
            byte[] m2 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(HandshakePair.Sent(fromAp)));
            Assert.True(EapolKeyFrame.TryRead(m2, out EapolKeyFrame f2, out _));
            snonces.Add(Convert.ToHexString(f2.Nonce));
            Assert.Empty(pair.Authenticator.OnEapolKey(m2)); // silently dropped
            Assert.Equal(transmission, pair.Authenticator.MicFailures);
            fromAp = pair.Authenticator.OnTimeout();
            if (transmission < 4)
            {
                AssertKinds(fromAp, Start);
                Assert.Equal((ulong)transmission + 1, HandshakePair.Counter(HandshakePair.Sent(fromAp)));
            }
        }
        Assert.Single(snonces); // the same SNonce for every retransmitted message 1
        AssertKinds(fromAp, typeof(CancelTimer), typeof(Failed));
        var failed = (Failed)fromAp[1];
        Assert.Equal((ushort)15, failed.ReasonCode);
        Assert.Equal(ReasonCode.FourWayHandshakeTimeout, failed.Reason);
        Assert.Contains("passphrase", failed.Why, StringComparison.Ordinal);
        Assert.Equal("4-way handshake failed: MIC of message 2 incorrect — probably wrong passphrase", failed.Why);
        Assert.Equal(HandshakeState.Failed, pair.Authenticator.State);
    }

    [Fact]
    public void NoAnswerAtAllIsAPlainTimeout()
    {
        var pair = HandshakePair.Rsn();
        pair.Authenticator.Start();
        for (int i = 0; i < 3; i++) AssertKinds(pair.Authenticator.OnTimeout(), Start);
        var failed = Assert.IsType<Failed>(pair.Authenticator.OnTimeout()[1]);
        Assert.Equal((ushort)15, failed.ReasonCode);
        Assert.DoesNotContain("passphrase", failed.Why, StringComparison.Ordinal);
        Assert.Empty(pair.Authenticator.OnTimeout());
    }

    [Fact]
    public void SupplicantTimesOutWithoutMessage1()
    {
        var pair = HandshakePair.Rsn();
        pair.Supplicant.Start();
        var failed = Assert.IsType<Failed>(Assert.Single(pair.Supplicant.OnTimeout()));
        Assert.Equal((ushort)15, failed.ReasonCode);
        Assert.Equal(HandshakeState.Failed, pair.Supplicant.State);
        Assert.Empty(pair.Supplicant.OnEapolKey(HandshakePair.Sent(pair.Authenticator.Start())));
    }

    [Fact]
    public void LostMessage4_AuthenticatorRetransmitsMessage3WithANewCounter_SupplicantDoesNotReinstall()
    {
        var pair = HandshakePair.Rsn();
        pair.Supplicant.Start();
        byte[] m2 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(HandshakePair.Sent(pair.Authenticator.Start())));
        byte[] m3 = HandshakePair.Sent(pair.Authenticator.OnEapolKey(m2));
        IReadOnlyList<HandshakeAction> first = pair.Supplicant.OnEapolKey(m3);
        Assert.Single(first.OfType<InstallPairwiseKey>());
        // Message 4 is lost.
        IReadOnlyList<HandshakeAction> retry = pair.Authenticator.OnTimeout();
        AssertKinds(retry, Start);
        byte[] m3Again = HandshakePair.Sent(retry);
        Assert.Equal(HandshakePair.Counter(m3) + 1, HandshakePair.Counter(m3Again));

        IReadOnlyList<HandshakeAction> answer = pair.Supplicant.OnEapolKey(m3Again);
        AssertKinds(answer, typeof(SendEapol)); // message 4, no key installed again (KRACK)
        Assert.Equal(HandshakePair.Counter(m3Again), HandshakePair.Counter(HandshakePair.Sent(answer)));

        IReadOnlyList<HandshakeAction> done = pair.Authenticator.OnEapolKey(HandshakePair.Sent(answer));
        AssertKinds(done, typeof(CancelTimer), typeof(InstallPairwiseKey), typeof(Completed));
    }

    [Fact]
    public void RetransmittedMessage3AfterInstallIsAnsweredButNotReinstalled_AndAReplayIsDropped()
    {
        var pair = HandshakePair.Rsn();
        pair.Supplicant.Start();
        byte[] m2 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(HandshakePair.Sent(pair.Authenticator.Start())));
        byte[] m3 = HandshakePair.Sent(pair.Authenticator.OnEapolKey(m2));
        byte[] m4 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(m3));
        Ptk installed = pair.Supplicant.Ptk!;

        // The same octets again (an attacker's replay): the counter did not increase.
        Assert.Empty(pair.Supplicant.OnEapolKey(m3));

        // The authenticator did not get message 4 in time and retransmits.
        byte[] m3Again = HandshakePair.Sent(pair.Authenticator.OnTimeout());
        IReadOnlyList<HandshakeAction> answer = pair.Supplicant.OnEapolKey(m3Again);
        AssertKinds(answer, typeof(SendEapol));
        Assert.Same(installed, pair.Supplicant.Ptk);
        Assert.Equal(HandshakeState.Completed, pair.Supplicant.State);

        // Either message 4 completes the authenticator.
        AssertKinds(pair.Authenticator.OnEapolKey(m4), typeof(CancelTimer), typeof(InstallPairwiseKey), typeof(Completed));
        Assert.Empty(pair.Authenticator.OnEapolKey(HandshakePair.Sent(answer)));
    }

    [Fact]
    public void SupplicantKeepsTheSNonceAcrossMessage1Retransmissions()
    {
        var pair = HandshakePair.Rsn();
        pair.Supplicant.Start();
        byte[] m1 = HandshakePair.Sent(pair.Authenticator.Start());
        byte[] m2a = HandshakePair.Sent(pair.Supplicant.OnEapolKey(m1));
        byte[] m1Again = HandshakePair.Sent(pair.Authenticator.OnTimeout()); // message 2 was lost
        Assert.True(EapolKeyFrame.TryRead(m1, out EapolKeyFrame f1, out _));
        Assert.True(EapolKeyFrame.TryRead(m1Again, out EapolKeyFrame f1b, out _));
        Assert.Equal(f1.Nonce.ToArray(), f1b.Nonce.ToArray()); // same ANonce
        Assert.Equal(2UL, f1b.ReplayCounter);
        byte[] m2b = HandshakePair.Sent(pair.Supplicant.OnEapolKey(m1Again));
        Assert.True(EapolKeyFrame.TryRead(m2a, out EapolKeyFrame f2a, out _));
        Assert.True(EapolKeyFrame.TryRead(m2b, out EapolKeyFrame f2b, out _));
        Assert.Equal(f2a.Nonce.ToArray(), f2b.Nonce.ToArray());
        Assert.Equal(1, pair.SupplicantNonces);

        // The authenticator takes the answer to either message 1; the late first one is enough.
        byte[] m3 = HandshakePair.Sent(pair.Authenticator.OnEapolKey(m2a));
        Assert.Empty(pair.Authenticator.OnEapolKey(m2b)); // already past message 2
        AssertKinds(pair.Supplicant.OnEapolKey(m3), typeof(SendEapol), typeof(InstallPairwiseKey), typeof(InstallGroupKey), typeof(CancelTimer), typeof(Completed));
    }

    [Fact]
    public void Message3WithADifferentRsnElementFailsWithReason17()
    {
        // The supplicant saw a beacon element that advertised other capabilities (a downgrade attempt).
        var pair = HandshakePair.Rsn(apElementSeenBySta: e =>
        {
            byte[] copy = (byte[])e.Clone();
            copy[^2] ^= 0x01; // pre-authentication bit of RSN Capabilities
            return copy;
        });
        pair.Supplicant.Start();
        byte[] m2 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(HandshakePair.Sent(pair.Authenticator.Start())));
        IReadOnlyList<HandshakeAction> result = pair.Supplicant.OnEapolKey(HandshakePair.Sent(pair.Authenticator.OnEapolKey(m2)));
        AssertKinds(result, typeof(CancelTimer), typeof(Failed));
        var failed = (Failed)result[1];
        Assert.Equal((ushort)17, failed.ReasonCode);
        Assert.Contains("IE in 4-way handshake differs", failed.Why, StringComparison.Ordinal);
        Assert.Equal(HandshakeState.Failed, pair.Supplicant.State);
        Assert.Null(pair.Supplicant.Ptk);
    }

    [Fact]
    public void Message2WithADifferentRsnElementFailsWithReason17()
    {
        var pair = HandshakePair.Rsn();
        var other = new Supplicant(new SupplicantConfig
        {
            Pmk = Psk.FromPassphrase("correct horse", "TestNet"u8),
            OwnRsnElement = RsnElementBuilder.ForBeacon(new RsnConfiguration { PairwiseCiphers = [CipherSuite.Ccmp128, CipherSuite.Tkip] }),
            OwnAddress = HandshakePair.StaAddress,
            AuthenticatorAddress = HandshakePair.ApAddress,
            AuthenticatorRsnElement = pair.ApElement,
            Suite = pair.Suite,
        });
        byte[] m2 = HandshakePair.Sent(other.OnEapolKey(HandshakePair.Sent(pair.Authenticator.Start())));
        var failed = Assert.IsType<Failed>(pair.Authenticator.OnEapolKey(m2)[1]);
        Assert.Equal((ushort)17, failed.ReasonCode);
    }

    [Fact]
    public void GroupRekey_InstallsTheNewGtkOnce()
    {
        var pair = HandshakePair.Rsn();
        pair.RunToCompletion();
        byte[] newGtk = Enumerable.Range(0xC0, 16).Select(i => (byte)i).ToArray();
        IReadOnlyList<HandshakeAction> g1 = pair.Authenticator.RekeyGroup(newGtk, 2, rsc: 0);
        AssertKinds(g1, Start);
        Assert.Equal(HandshakeState.AwaitingGroupMessage2, pair.Authenticator.State);
        Assert.True(EapolKeyFrame.TryRead(HandshakePair.Sent(g1), out EapolKeyFrame fg1, out _));
        Assert.False(fg1.IsPairwise);
        Assert.Equal(KeyInformation.Ack | KeyInformation.Mic | KeyInformation.Secure | KeyInformation.EncryptedKeyData, fg1.Info & ~KeyInformation.VersionMask);

        IReadOnlyList<HandshakeAction> g2 = pair.Supplicant.OnEapolKey(HandshakePair.Sent(g1));
        AssertKinds(g2, typeof(InstallGroupKey), typeof(SendEapol));
        var install = (InstallGroupKey)g2[0];
        Assert.Equal(newGtk, install.Gtk);
        Assert.Equal(2, install.KeyIndex);

        // Group message 2 is lost; the retransmission (new counter) is answered without reinstalling.
        byte[] g1Again = HandshakePair.Sent(pair.Authenticator.OnTimeout());
        Assert.Equal(HandshakePair.Counter(HandshakePair.Sent(g1)) + 1, HandshakePair.Counter(g1Again));
        IReadOnlyList<HandshakeAction> g2Again = pair.Supplicant.OnEapolKey(g1Again);
        AssertKinds(g2Again, typeof(SendEapol));

        IReadOnlyList<HandshakeAction> done = pair.Authenticator.OnEapolKey(HandshakePair.Sent(g2Again));
        AssertKinds(done, typeof(CancelTimer), typeof(Completed));
        Assert.Equal(HandshakeKind.GroupKey, ((Completed)done[1]).Kind);
        Assert.Equal(HandshakeState.Completed, pair.Authenticator.State);
        // A replayed group message 1 is dropped.
        Assert.Empty(pair.Supplicant.OnEapolKey(g1Again));
    }

    [Fact]
    public void GroupRekeyDuringTheFourWayHandshakeFollowsMessage4()
    {
        var pair = HandshakePair.Rsn();
        pair.Supplicant.Start();
        byte[] m2 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(HandshakePair.Sent(pair.Authenticator.Start())));
        byte[] m3 = HandshakePair.Sent(pair.Authenticator.OnEapolKey(m2));
        byte[] newGtk = Enumerable.Range(0xC0, 16).Select(i => (byte)i).ToArray();
        Assert.Empty(pair.Authenticator.RekeyGroup(newGtk, 2));
        byte[] m4 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(m3));
        IReadOnlyList<HandshakeAction> afterM4 = pair.Authenticator.OnEapolKey(m4);
        AssertKinds(afterM4, typeof(CancelTimer), typeof(InstallPairwiseKey), typeof(Completed), typeof(SendEapol), typeof(ArmTimer));
        IReadOnlyList<HandshakeAction> g2 = pair.Supplicant.OnEapolKey(HandshakePair.Sent(afterM4));
        Assert.Equal(newGtk, Assert.Single(g2.OfType<InstallGroupKey>()).Gtk);
        AssertKinds(pair.Authenticator.OnEapolKey(HandshakePair.Sent(g2)), typeof(CancelTimer), typeof(Completed));
    }

    [Fact]
    public void PairwiseRekeyRunsANewFourWayHandshakeWithNewNonces()
    {
        var pair = HandshakePair.Rsn();
        pair.RunToCompletion();
        Ptk first = pair.Supplicant.Ptk!;

        IReadOnlyList<HandshakeAction> m1 = pair.Authenticator.RekeyPairwise();
        AssertKinds(m1, Start);
        Assert.Equal(3UL, HandshakePair.Counter(HandshakePair.Sent(m1)));
        IReadOnlyList<HandshakeAction> m2 = pair.Supplicant.OnEapolKey(HandshakePair.Sent(m1));
        Assert.Equal(2, pair.SupplicantNonces);
        Assert.Same(first, pair.Supplicant.Ptk); // still in use until message 3
        IReadOnlyList<HandshakeAction> m3 = pair.Authenticator.OnEapolKey(HandshakePair.Sent(m2));
        IReadOnlyList<HandshakeAction> m4 = pair.Supplicant.OnEapolKey(HandshakePair.Sent(m3));
        // New PTK installed; the GTK did not change, so it is not installed again.
        AssertKinds(m4, typeof(SendEapol), typeof(InstallPairwiseKey), typeof(CancelTimer), typeof(Completed));
        Ptk second = ((InstallPairwiseKey)m4[1]).Ptk;
        Assert.False(second.HasSameTemporalKey(first));
        IReadOnlyList<HandshakeAction> done = pair.Authenticator.OnEapolKey(HandshakePair.Sent(m4));
        Assert.True(Assert.Single(done.OfType<InstallPairwiseKey>()).Ptk.HasSameTemporalKey(second));
    }

    [Fact]
    public void OldOrForgedMessage1AfterCompletionCannotDisturbTheAssociation()
    {
        var pair = HandshakePair.Rsn();
        pair.Supplicant.Start();
        byte[] m1 = HandshakePair.Sent(pair.Authenticator.Start());
        byte[] m2 = HandshakePair.Sent(pair.Supplicant.OnEapolKey(m1));
        byte[] m3 = HandshakePair.Sent(pair.Authenticator.OnEapolKey(m2));
        pair.Authenticator.OnEapolKey(HandshakePair.Sent(pair.Supplicant.OnEapolKey(m3)));
        Ptk installed = pair.Supplicant.Ptk!;

        // Replay of message 1: its counter (1) is not above the last verified one (2).
        Assert.Empty(pair.Supplicant.OnEapolKey(m1));

        // A forged message 1 with a higher counter (message 1 has no MIC): answered, but no timer and no failure.
        Assert.True(EapolKeyFrame.TryRead(m1, out EapolKeyFrame f1, out _));
        byte[] forged = new EapolKeyFrame
        {
            ProtocolVersion = 2, DescriptorType = 2, Info = f1.Info, KeyLength = 16, ReplayCounter = 50, Nonce = new byte[32],
        }.ToArray();
        IReadOnlyList<HandshakeAction> answer = pair.Supplicant.OnEapolKey(forged);
        AssertKinds(answer, typeof(SendEapol));
        Assert.Empty(pair.Supplicant.OnTimeout());
        Assert.Equal(HandshakeState.Completed, pair.Supplicant.State);
        Assert.Same(installed, pair.Supplicant.Ptk);

        // The real AP can still rekey afterwards.
        byte[] rekey1 = HandshakePair.Sent(pair.Authenticator.RekeyPairwise());
        Assert.True(HandshakePair.Counter(rekey1) < 50); // below the forged counter, but that one never verified
        byte[] rekey3 = HandshakePair.Sent(pair.Authenticator.OnEapolKey(HandshakePair.Sent(pair.Supplicant.OnEapolKey(rekey1))));
        Assert.Single(pair.Supplicant.OnEapolKey(rekey3).OfType<InstallPairwiseKey>());
    }

    [Fact]
    public void GroupMessage1WithABadMicIsDropped()
    {
        var pair = HandshakePair.Rsn();
        pair.RunToCompletion();
        byte[] g1 = HandshakePair.Sent(pair.Authenticator.RekeyGroup(HandshakePair.Gtk16.Reverse().ToArray(), 2));
        g1[EapolKeyFrame.MicOffset] ^= 1;
        Assert.Empty(pair.Supplicant.OnEapolKey(g1));
        g1[EapolKeyFrame.MicOffset] ^= 1;
        Assert.Single(pair.Supplicant.OnEapolKey(g1).OfType<InstallGroupKey>());
    }

    [Fact]
    public void RekeyRequestsOutsideCompletedDoNothing()
    {
        var pair = HandshakePair.Rsn();
        Assert.Empty(pair.Authenticator.RekeyPairwise());
        Assert.Empty(pair.Authenticator.RekeyGroup(HandshakePair.Gtk16, 2));
    }

    [Fact]
    public void FramesWithTheWrongDescriptorVersionOrDirectionAreDropped()
    {
        var pair = HandshakePair.Rsn();
        pair.Supplicant.Start();
        byte[] m1 = HandshakePair.Sent(pair.Authenticator.Start());
        // Version 1 instead of 2.
        byte[] wrongVersion = (byte[])m1.Clone();
        wrongVersion[6] = (byte)((wrongVersion[6] & ~7) | 1);
        Assert.Empty(pair.Supplicant.OnEapolKey(wrongVersion));
        // WPA descriptor type.
        byte[] wrongType = (byte[])m1.Clone();
        wrongType[4] = EapolKeyFrame.DescriptorTypeWpa;
        Assert.Empty(pair.Supplicant.OnEapolKey(wrongType));
        // The authenticator's own message fed back to it.
        Assert.Empty(pair.Authenticator.OnEapolKey(m1));
        Assert.Equal(2, pair.Supplicant.DroppedFrames);
        Assert.Equal(1, pair.Authenticator.DroppedFrames);
    }
}
