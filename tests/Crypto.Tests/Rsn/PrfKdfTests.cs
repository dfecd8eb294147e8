using System.Text.Json;
using Net80211.Crypto.Rsn;
using Net80211.Frames;
using Net80211;

namespace Crypto.Tests.Rsn;

public class PrfKdfTests
{
    public static TheoryData<string> Ids() => new(TestVectors.Entries("prf_sha1").Select(e => e.Str("id")));

    [Theory]
    [MemberData(nameof(Ids))]
    public void PrfSha1Vector(string id)
    {
        JsonElement e = TestVectors.Entries("prf_sha1").Single(v => v.Str("id") == id);
        byte[] expected = e.Hex("output");
        Assert.Equal(e.GetProperty("output_bits").GetInt32() / 8, expected.Length);
        var output = new byte[expected.Length];
        Prf.Sha1(e.Hex("key"), e.Str("label"), e.Hex("data"), output);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void PrfShorterOutputIsAPrefix()
    {
        var full = new byte[64];
        var part = new byte[48];
        Prf.Sha1("key"u8, "label", "data"u8, full);
        Prf.Sha1("key"u8, "label", "data"u8, part);
        Assert.Equal(full[..48], part);
    }

    /// <summary>KDF-SHA256 against an independent computation (Python hmac), 12.7.1.6.2: i and Length LE16, no NUL.</summary>
    [Fact]
    public void KdfSha256MatchesIndependentComputation()
    {
        var output = new byte[48];
        Kdf.Sha256(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), "Pairwise key expansion",
            Enumerable.Range(0, 76).Select(i => (byte)i).ToArray(), output);
        Assert.Equal("ca5d2b63205753bc5b26c31a135d1fb964f1ce5d87062246c4da6433d5422ca19065f6c58c3da70e0756992606528f4d", Convert.ToHexString(output).ToLowerInvariant());

        var longer = new byte[64];
        Kdf.Sha256(Enumerable.Repeat((byte)0x0b, 20).ToArray(), "prefix", "Hi There"u8, longer);
        Assert.Equal("2c17ade296202f31b10aa704bfbb81e3da940c1bb961248dd02a0a37449676c557d8a94e53f2d9e281469cd3daf7949ce045a9a4b80f1436876cbb507ea9c266", Convert.ToHexString(longer).ToLowerInvariant());
    }

    [Fact]
    public void PtkLengthsFollowAkmAndCipher()
    {
        var pmk = new byte[32];
        var a = new byte[32];
        var s = new byte[32];
        s[0] = 1;
        MacAddress aa = MacAddress.Parse("02:00:00:00:00:01"), spa = MacAddress.Parse("02:00:00:00:00:02");
        Ptk ccmp = PtkDerivation.Derive(pmk, aa, spa, a, s, AkmSuite.Psk, CipherSuite.Ccmp128);
        Assert.Equal((16, 16, 16), (ccmp.KckLength, ccmp.KekLength, ccmp.TkLength));
        Ptk tkip = PtkDerivation.Derive(pmk, aa, spa, a, s, AkmSuite.WpaPsk, CipherSuite.WpaTkip);
        Assert.Equal(32, tkip.TkLength);
        Assert.Equal(ccmp.Bytes.ToArray(), tkip.Bytes[..48].ToArray()); // PRF output is a prefix
        Ptk gcmp256 = PtkDerivation.Derive(pmk, aa, spa, a, s, AkmSuite.Psk, CipherSuite.Gcmp256);
        Assert.Equal(32, gcmp256.TkLength);
        Ptk sha256 = PtkDerivation.Derive(pmk, aa, spa, a, s, AkmSuite.PskSha256, CipherSuite.Ccmp128);
        Assert.NotEqual(ccmp.Bytes.ToArray(), sha256.Bytes.ToArray());

        // Symmetric in the order of addresses and nonces (Min/Max).
        Ptk swapped = PtkDerivation.Derive(pmk, spa, aa, s, a, AkmSuite.Psk, CipherSuite.Ccmp128);
        Assert.Equal(ccmp.Bytes.ToArray(), swapped.Bytes.ToArray());
    }

    [Fact]
    public void PmkidIsHmacSha1OfPmkNameAndAddresses()
    {
        byte[] pmk = Convert.FromHexString("f42c6fc52df0ebef9ebb4b90b38a5f902e83fe1b135a70e23aed762e9710a12e");
        var pmkid = new byte[16];
        Pmkid.Compute(pmk, MacAddress.Parse("00:14:6c:7e:40:80"), MacAddress.Parse("00:13:46:fe:32:0c"), AkmSuite.Psk, pmkid);
        Assert.Equal("3b5cbb0898583707bf11455f318c4486", Convert.ToHexString(pmkid).ToLowerInvariant());
    }
}
