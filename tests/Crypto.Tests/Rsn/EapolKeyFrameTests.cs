using Net80211.Crypto.Rsn;

namespace Crypto.Tests.Rsn;

public class EapolKeyFrameTests
{
    private static byte[] Sample(byte[]? keyData = null) => new EapolKeyFrame
    {
        ProtocolVersion = 2,
        DescriptorType = EapolKeyFrame.DescriptorTypeRsn,
        Info = KeyInformation.Pairwise | KeyInformation.Mic | (KeyInformation)2,
        KeyLength = 16,
        ReplayCounter = 0x0102030405060708,
        Nonce = Enumerable.Repeat((byte)0x11, 32).ToArray(),
        Iv = Enumerable.Repeat((byte)0x22, 16).ToArray(),
        Rsc = 0x0000A1A2A3A4A5A6,
        KeyData = keyData ?? [0x30, 0x02, 0x01, 0x00],
    }.ToArray();

    [Fact]
    public void WritesTheFieldsWhereTheStandardPutsThem()
    {
        byte[] pdu = Sample();
        Assert.Equal(99 + 4, pdu.Length);
        Assert.Equal(new byte[] { 2, 3, 0, 99 }, pdu[..4]);            // EAPOL header, body length 95 + 4
        Assert.Equal(2, pdu[4]);                                       // descriptor type
        Assert.Equal(new byte[] { 0x01, 0x0A }, pdu[5..7]);            // key information, big-endian
        Assert.Equal(new byte[] { 0, 16 }, pdu[7..9]);                  // key length
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, pdu[9..17]); // replay counter, big-endian
        Assert.Equal(new byte[] { 0xA6, 0xA5, 0xA4, 0xA3, 0xA2, 0xA1, 0, 0 }, pdu[65..73]); // RSC, least significant first
        Assert.All(pdu[81..97], b => Assert.Equal(0, b));             // MIC zero
        Assert.Equal(new byte[] { 0, 4 }, pdu[97..99]);                 // key data length

        Assert.True(EapolKeyFrame.TryRead(pdu, out EapolKeyFrame frame, out EapolKeyError error));
        Assert.Equal(EapolKeyError.None, error);
        Assert.Equal(KeyDescriptorVersion.HmacSha1Aes, frame.Version);
        Assert.True(frame.IsPairwise);
        Assert.Equal(0x0102030405060708UL, frame.ReplayCounter);
        Assert.Equal(0x0000A1A2A3A4A5A6UL, frame.Rsc);
        Assert.Equal(4, frame.KeyData.Length);
        Assert.Equal(pdu, frame.Pdu.ToArray());
    }

    [Fact]
    public void EthernetPaddingAfterTheBodyIsNotPartOfTheFrame()
    {
        byte[] pdu = [.. Sample(), 0, 0, 0, 0, 0];
        Assert.True(EapolKeyFrame.TryRead(pdu, out EapolKeyFrame frame, out _));
        Assert.Equal(pdu.Length - 5, frame.Pdu.Length);
    }

    [Fact]
    public void EveryTruncationIsRefusedWithoutAnException()
    {
        byte[] pdu = Sample();
        for (int length = 0; length < pdu.Length; length++)
        {
            Assert.False(EapolKeyFrame.TryRead(pdu.AsSpan(0, length), out _, out EapolKeyError error));
            Assert.NotEqual(EapolKeyError.None, error);
        }
    }

    [Fact]
    public void KeyDataLengthPastTheEndIsRefused()
    {
        byte[] pdu = Sample();
        pdu[98] = 5; // one more than present
        Assert.False(EapolKeyFrame.TryRead(pdu, out _, out EapolKeyError error));
        Assert.Equal(EapolKeyError.KeyDataPastEnd, error);
        pdu[97] = 0xFF;
        Assert.False(EapolKeyFrame.TryRead(pdu, out _, out error));
        Assert.Equal(EapolKeyError.KeyDataPastEnd, error);
    }

    [Fact]
    public void BodyLengthPastTheEndIsRefused()
    {
        byte[] pdu = Sample();
        pdu[3]++;
        Assert.False(EapolKeyFrame.TryRead(pdu, out _, out EapolKeyError error));
        Assert.Equal(EapolKeyError.BodyPastEnd, error);
    }

    [Theory]
    [InlineData(4, 1, EapolKeyError.BadDescriptorType)]
    [InlineData(4, 0xFE, EapolKeyError.None)]
    [InlineData(4, 0xFF, EapolKeyError.BadDescriptorType)]
    [InlineData(1, 0, EapolKeyError.NotEapolKey)]
    [InlineData(0, 0, EapolKeyError.BadProtocolVersion)]
    [InlineData(0, 4, EapolKeyError.BadProtocolVersion)]
    public void HeaderValuesAreChecked(int offset, byte value, EapolKeyError expected)
    {
        byte[] pdu = Sample();
        pdu[offset] = value;
        Assert.Equal(expected == EapolKeyError.None, EapolKeyFrame.TryRead(pdu, out _, out EapolKeyError error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(KeyDescriptorVersion.HmacMd5Rc4)]
    [InlineData(KeyDescriptorVersion.HmacSha1Aes)]
    [InlineData(KeyDescriptorVersion.AesCmac)]
    public void MicSignsAndVerifiesAndDetectsAnyChange(KeyDescriptorVersion version)
    {
        byte[] kck = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        byte[] pdu = Sample();
        Assert.True(EapolKeyMic.TrySign(version, kck, pdu));
        Assert.True(EapolKeyMic.Verify(version, kck, pdu));
        Assert.False(EapolKeyMic.Verify(version, new byte[16], pdu));
        for (int i = 0; i < pdu.Length; i += 7)
        {
            pdu[i] ^= 0x40;
            Assert.False(EapolKeyMic.Verify(version, kck, pdu));
            pdu[i] ^= 0x40;
        }
        Assert.False(EapolKeyMic.Verify(KeyDescriptorVersion.AkmDefined, kck, pdu));
        Assert.False(EapolKeyMic.Verify(version, kck, pdu.AsSpan(0, 90)));
    }

    [Fact]
    public void RandomBytesNeverThrowInTheParserOrTheStateMachines()
    {
        var random = new Random(80211);
        var pair = HandshakePair.Rsn();
        pair.Supplicant.Start();
        pair.Authenticator.Start();
        byte[] valid = Sample(new byte[40]);
        for (int i = 0; i < 5000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[random.Next(0, 200)];
                random.NextBytes(bytes);
                if (bytes.Length > 1) bytes[1] = 3;
            }
            else
            {
                bytes = (byte[])valid.Clone();
                for (int k = 0; k < 3; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                bytes = bytes[..random.Next(bytes.Length + 1)];
            }
            EapolKeyFrame.TryRead(bytes, out _, out _);
            if (EapolKeyFrame.TryRead(bytes, out EapolKeyFrame frame, out _)) KeyDataElements.TryParse(frame.KeyData, out _);
            pair.Supplicant.OnEapolKey(bytes);
            pair.Authenticator.OnEapolKey(bytes);
        }
        Assert.Equal(HandshakeState.AwaitingMessage1, pair.Supplicant.State);
        Assert.Equal(HandshakeState.AwaitingMessage2, pair.Authenticator.State);
    }
}
