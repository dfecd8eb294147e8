using Net80211.Crypto.Rsn;
using Net80211.Frames;
using Net80211.Security;

namespace Crypto.Tests.Rsn;

/// <summary>The supplicant's Michael MIC failure report (IEEE 802.11-2020 12.5.2.4, 12.7.2 b.10/b.11) and the
/// authenticator's handling of it.</summary>
public class MichaelFailureReportTests
{
    public static TheoryData<bool, bool> Cases() => new()
    {
        { false, true },   // WPA2 (HMAC-SHA1 MIC), pairwise key
        { false, false },  // WPA2, group key
        { true, true },    // WPA1/TKIP (HMAC-MD5 MIC), pairwise key
        { true, false },
    };

    private static HandshakePair Completed(bool wpa1)
    {
        var pair = wpa1 ? HandshakePair.Wpa1(CipherSuite.Tkip) : HandshakePair.Rsn();
        pair.RunToCompletion();
        return pair;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_report_is_an_error_request_signed_with_the_kck(bool wpa1, bool pairwise)
    {
        var pair = Completed(wpa1);
        ulong lastFromAp = wpa1 ? 3UL : 2UL;   // messages 1, 3 (and WPA1's group message 1)
        byte[] report = HandshakePair.Sent(pair.Supplicant.ReportMichaelFailure(pairwise));

        Assert.True(EapolKeyFrame.TryRead(report, out EapolKeyFrame frame, out _));
        var expected = KeyInformation.Mic | KeyInformation.Secure | KeyInformation.Error | KeyInformation.Request
                       | (pairwise ? KeyInformation.Pairwise : KeyInformation.None);
        Assert.Equal(expected, frame.Info & ~KeyInformation.VersionMask);
        Assert.Equal(pair.Suite.DescriptorVersion, frame.Version);
        Assert.Equal(0, frame.KeyLength);
        Assert.True(frame.KeyData.IsEmpty);
        Assert.True(frame.Nonce.IndexOfAnyExcept((byte)0) < 0);
        // Above every counter used so far, and increasing with each further report.
        Assert.Equal(lastFromAp + 1, frame.ReplayCounter);
        Assert.Equal(lastFromAp + 2, HandshakePair.Counter(HandshakePair.Sent(pair.Supplicant.ReportMichaelFailure(pairwise))));
        // The MIC is the KCK's.
        Assert.True(EapolKeyMic.Verify(pair.Supplicant.Ptk!.Kck, frame));
        report[EapolKeyFrame.MicOffset] ^= 1;
        Assert.True(EapolKeyFrame.TryRead(report, out frame, out _));
        Assert.False(EapolKeyMic.Verify(pair.Supplicant.Ptk!.Kck, frame));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_authenticator_hands_up_each_genuine_report_once(bool wpa1, bool pairwise)
    {
        var pair = Completed(wpa1);
        byte[] first = HandshakePair.Sent(pair.Supplicant.ReportMichaelFailure(pairwise));
        var actions = pair.Authenticator.OnEapolKey(first);
        Assert.Equal(new MichaelFailureReported(pairwise), Assert.Single(actions));

        // A replayed report is dropped (12.7.2 b.9), a forged one (MIC wrong) too.
        int dropped = pair.Authenticator.DroppedFrames;
        Assert.Empty(pair.Authenticator.OnEapolKey(first));
        byte[] second = HandshakePair.Sent(pair.Supplicant.ReportMichaelFailure(pairwise));
        byte[] forged = (byte[])second.Clone();
        forged[EapolKeyFrame.MicOffset + 3] ^= 0x80;
        Assert.Empty(pair.Authenticator.OnEapolKey(forged));
        Assert.Equal(dropped + 2, pair.Authenticator.DroppedFrames);

        Assert.Single(pair.Authenticator.OnEapolKey(second).OfType<MichaelFailureReported>());
        Assert.Equal(2, pair.Authenticator.MichaelFailureReports);
        Assert.Equal(HandshakeState.Completed, pair.Authenticator.State);
    }

    [Fact]
    public void No_report_before_a_ptk_and_none_believed_before_one()
    {
        var pair = HandshakePair.Rsn();
        pair.Supplicant.Start();
        Assert.Empty(pair.Supplicant.ReportMichaelFailure(pairwise: true));

        // A report signed with some other KCK, sent to an authenticator that has no PTK yet.
        var other = HandshakePair.Rsn();
        other.RunToCompletion();
        byte[] report = HandshakePair.Sent(other.Supplicant.ReportMichaelFailure(pairwise: true));
        pair.Authenticator.Start();
        Assert.Empty(pair.Authenticator.OnEapolKey(report));
        Assert.Equal(0, pair.Authenticator.MichaelFailureReports);
    }

    [Fact]
    public void A_plain_request_without_error_is_not_a_failure_report()
    {
        var pair = Completed(wpa1: false);
        byte[] report = HandshakePair.Sent(pair.Supplicant.ReportMichaelFailure(pairwise: true));
        // Clear the Error bit and re-sign: a valid rekey request, which is not acted on.
        var info = (KeyInformation)(report[5] << 8 | report[6]) & ~KeyInformation.Error;
        report[5] = (byte)((ushort)info >> 8);
        report[6] = (byte)info;
        Assert.True(EapolKeyMic.TrySign(pair.Suite.DescriptorVersion, pair.Supplicant.Ptk!.Kck, report));
        Assert.Empty(pair.Authenticator.OnEapolKey(report));
        Assert.Equal(0, pair.Authenticator.MichaelFailureReports);
    }
}
