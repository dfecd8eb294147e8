using Net80211.Frames;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Frames;

/// <summary>The Challenge Text element (IEEE 802.11-2020 9.4.2.8) of Shared Key authentication.</summary>
public class ChallengeTextElementTests
{
    [Fact]
    public void A_128_octet_challenge_round_trips_through_an_authentication_frame()
    {
        byte[] text = Enumerable.Range(0, ChallengeTextElement.SharedKeyLength).Select(i => (byte)(i * 7)).ToArray();
        byte[] buf = Buf();
        byte[] element = Take(buf, new ChallengeTextElement(text).TryWrite(buf, out int n), n);
        Assert.Equal(Concat([16, 128], text), element);

        byte[] body = Concat([1, 0, 2, 0, 0, 0], element);   // Shared Key, frame 2, success
        Assert.True(AuthenticationFrame.TryRead(body, out var auth, out _));
        Assert.True(ChallengeTextElement.TryFind(auth.Elements, out var found, out var error));
        Assert.Equal(FrameParseError.None, error);
        Assert.True(found.Text.SequenceEqual(text));
    }

    [Fact]
    public void Absent_empty_and_truncated_challenges_are_told_apart()
    {
        // Absent: false, no error.
        Assert.False(ChallengeTextElement.TryFind(Hex("0003616263"), out _, out var error));
        Assert.Equal(FrameParseError.None, error);
        // Present but empty: the element needs at least one octet.
        Assert.False(ChallengeTextElement.TryFind(Hex("1000"), out _, out error));
        Assert.Equal(FrameParseError.IeTooShort, error);
        // A length running past the end of the list.
        Assert.False(ChallengeTextElement.TryFind(Hex("1080aabb"), out _, out error));
        Assert.Equal(FrameParseError.IeTruncated, error);
    }

    [Fact]
    public void The_writer_refuses_what_the_element_cannot_carry()
    {
        Assert.Throws<ArgumentException>(() => new ChallengeTextElement([]));
        Assert.Throws<ArgumentException>(() => new ChallengeTextElement(new byte[254]));
        Assert.False(new ChallengeTextElement(new byte[128]).TryWrite(new byte[129], out _));
        Assert.False(ChallengeTextElement.TryRead(new byte[254], out _, out var error));
        Assert.Equal(FrameParseError.IeTooLong, error);
    }
}
