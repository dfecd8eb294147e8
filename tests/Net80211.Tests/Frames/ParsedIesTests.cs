using Net80211.Frames;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Frames;

public class ParsedIesTests
{
    [Fact]
    public void Empty_IsValidAndHasNothing()
    {
        Assert.True(ParsedIes.TryParse([], out ParsedIes ies, out FrameParseError error));
        Assert.Equal(FrameParseError.None, error);
        Assert.Equal(ParsedElements.None, ies.Present);
    }

    [Fact]
    public void UnknownAndOtherVendorElements_AreSkipped()
    {
        byte[] elements = Concat(Ie(200, 9), Ie(221, 0x50, 0x6f, 0x9a, 0x09, 1, 2), Ie(221, 0x00, 0x50, 0xf2, 0x04), Ie(255, 35, 1, 2), Ssid("x"));
        Assert.True(ParsedIes.TryParse(elements, out ParsedIes ies, out _));
        Assert.Equal(ParsedElements.Ssid, ies.Present);
        Assert.True(ies.Elements.SequenceEqual(elements));
    }

    [Fact]
    public void DuplicateVendorElements_FirstWins()
    {
        byte[] first = Write(new WmmInformationElement(0x01).TryWrite);
        byte[] second = Write(new WmmInformationElement(0x02).TryWrite);
        Assert.True(ParsedIes.TryParse(Concat(first, second), out ParsedIes ies, out _));
        Assert.Equal(0x01, ies.WmmInformation.QosInfo);
    }

    [Fact]
    public void IbssParameterSet_AndChallenge()
    {
        Assert.True(ParsedIes.TryParse(Concat(Ie(6, 0x10, 0x00), Ie(16, 5)), out ParsedIes ies, out _));
        Assert.Equal(16, ies.IbssAtimWindow);
        Assert.Equal(5, ies.ChallengeText.Length);
    }

    [Fact]
    public void WpaAndRsnTogether_BothRecorded()
    {
        byte[] rsn = Hex("30 14 01 00 00 0f ac 02 01 00 00 0f ac 04 01 00 00 0f ac 02 00 00");
        byte[] wpa = Hex("dd 16 00 50 f2 01 01 00 00 50 f2 02 01 00 00 50 f2 02 01 00 00 50 f2 02");
        Assert.True(ParsedIes.TryParse(Concat(rsn, wpa), out ParsedIes ies, out FrameParseError error), error.ToString());
        Assert.Equal(CipherSuite.Tkip, ies.Rsn.GroupDataCipher);
        Assert.Equal(CipherSuite.WpaTkip, ies.Wpa.GroupCipher);
        Assert.True(ies.Wpa.Akms.Contains(AkmSuite.WpaPsk));
    }
}
