using System.Text.Json;
using Net80211.Crypto.Rsn;

namespace Crypto.Tests.Rsn;

public class AesKeyWrapTests
{
    public static TheoryData<string> Ids() => new(TestVectors.Entries("aes_keywrap").Select(e => e.Str("id")));

    [Theory]
    [MemberData(nameof(Ids))]
    public void WrapAndUnwrapVector(string id)
    {
        JsonElement e = TestVectors.Entries("aes_keywrap").Single(v => v.Str("id") == id);
        byte[] kek = e.Hex("kek"), plain = e.Hex("plaintext_key_data"), wrapped = e.Hex("expected_wrapped");
        var output = new byte[plain.Length + 8];
        Assert.True(AesKeyWrap.TryWrap(kek, plain, output, out int written));
        Assert.Equal(wrapped.Length, written);
        Assert.Equal(wrapped, output);

        var back = new byte[wrapped.Length - 8];
        Assert.True(AesKeyWrap.TryUnwrap(kek, wrapped, back, out written));
        Assert.Equal(plain.Length, written);
        Assert.Equal(plain, back);

        // One flipped bit anywhere fails the integrity check.
        wrapped[^1] ^= 1;
        Assert.False(AesKeyWrap.TryUnwrap(kek, wrapped, back, out _));
        Assert.All(back, b => Assert.Equal(0, b));
    }

    [Fact]
    public void BadLengthsAreRefused()
    {
        var kek = new byte[16];
        var dst = new byte[64];
        Assert.False(AesKeyWrap.TryWrap(kek, new byte[8], dst, out _));   // < 2 blocks
        Assert.False(AesKeyWrap.TryWrap(kek, new byte[17], dst, out _));  // not a multiple of 8
        Assert.False(AesKeyWrap.TryWrap(new byte[15], new byte[16], dst, out _));
        Assert.False(AesKeyWrap.TryWrap(kek, new byte[16], new byte[23], out _));
        Assert.False(AesKeyWrap.TryUnwrap(kek, new byte[16], dst, out _));
        Assert.False(AesKeyWrap.TryUnwrap(kek, new byte[25], dst, out _));
        Assert.False(AesKeyWrap.TryUnwrap(kek, new byte[24], new byte[15], out _));
    }
}
