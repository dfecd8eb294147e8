using System.Text.Json;
using Net80211.Crypto.Rsn;

namespace Crypto.Tests.Rsn;

public class AesCmacTests
{
    public static TheoryData<string> Ids() => new(TestVectors.Entries("bip").Where(e => e.Str("id").StartsWith("aes-cmac", StringComparison.Ordinal)).Select(e => e.Str("id")));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rfc4493Vector(string id)
    {
        JsonElement e = TestVectors.Entries("bip").Single(v => v.Str("id") == id);
        byte[] key = e.Hex("key"), message = e.Hex("message"), expected = e.Hex("expected_tag");
        var tag = new byte[16];
        AesCmac.Compute(key, message, tag);
        Assert.Equal(expected, tag);

        // Split anywhere into two parts: same tag.
        using var cmac = new AesCmac(key);
        for (int split = 0; split <= message.Length; split++)
        {
            var parted = new byte[16];
            cmac.ComputeOver(message.AsSpan(0, split), message.AsSpan(split), parted);
            Assert.Equal(expected, parted);
        }

        var truncated = new byte[8];
        cmac.Compute(message, truncated);
        Assert.Equal(expected[..8], truncated);
    }
}
