using System.Text;
using System.Text.Json;
using Net80211.Crypto.Rsn;

namespace Crypto.Tests.Rsn;

public class PskTests
{
    public static TheoryData<string> Ids() => new(TestVectors.Entries("pbkdf2_psk").Select(e => e.Str("id")));

    private static JsonElement Entry(string id) => TestVectors.Entries("pbkdf2_psk").Single(e => e.Str("id") == id);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Pbkdf2Vector(string id)
    {
        JsonElement e = Entry(id);
        if (e.Has("psk"))
        {
            byte[] ssid = e.Hex("ssid_hex");
            byte[] expected = e.Hex("psk");
            if (e.Has("passphrase") && e.GetProperty("passphrase").ValueKind == JsonValueKind.String)
            {
                Assert.Equal(expected, Psk.FromPassphrase(e.Str("passphrase"), ssid));
            }
            else
            {
                // A binary passphrase: not valid for FromPassphrase, but PBKDF2 is the same.
                var pmk = new byte[Psk.Length];
                Psk.Pbkdf2Sha1(e.Hex("passphrase_hex"), ssid, Psk.Iterations, pmk);
                Assert.Equal(expected, pmk);
            }
        }
        else
        {
            byte[] expected = e.Hex("dk");
            var dk = new byte[expected.Length];
            Psk.Pbkdf2Sha1(e.Hex("password_hex"), e.Hex("salt_hex"), e.GetProperty("iterations").GetInt32(), dk);
            Assert.Equal(expected, dk);
        }
    }

    [Theory]
    [InlineData(null, "no passphrase")]
    [InlineData("1234567", "8 to 63")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123", "8 to 63")]
    [InlineData("password\u00e9", "printable ASCII")]
    [InlineData("pass\tword", "printable ASCII")]
    public void BadPassphraseIsRefusedWithAReason(string? passphrase, string reason)
    {
        Assert.False(Psk.TryFromPassphrase(passphrase, "IEEE"u8, out byte[]? pmk, out string? error));
        Assert.Null(pmk);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        if (passphrase is not null) Assert.Throws<ArgumentException>(() => Psk.FromPassphrase(passphrase, "IEEE"u8));
    }

    [Fact]
    public void SsidLongerThan32IsRefused()
        => Assert.False(Psk.TryFromPassphrase("password", new byte[33], out _, out _));

    [Fact]
    public void PassphraseOf63PrintableCharactersIsAccepted()
        => Assert.True(Psk.TryFromPassphrase(new string('~', 63), "x"u8, out _, out _));

    [Fact]
    public void HexPsk()
    {
        Assert.True(Psk.TryParseHex("f42c6fc52df0ebef9ebb4b90b38a5f902e83fe1b135a70e23aed762e9710a12e", out byte[]? pmk));
        Assert.Equal(Psk.FromPassphrase("password", "IEEE"u8), pmk);
        Assert.True(Psk.TryParseHex("F42C6FC52DF0EBEF9EBB4B90B38A5F902E83FE1B135A70E23AED762E9710A12E", out _));
        Assert.False(Psk.TryParseHex("f42c6fc52df0ebef9ebb4b90b38a5f902e83fe1b135a70e23aed762e9710a12", out _));
        Assert.False(Psk.TryParseHex("g42c6fc52df0ebef9ebb4b90b38a5f902e83fe1b135a70e23aed762e9710a12e", out _));
        Assert.False(Psk.TryParseHex(null, out _));
    }

    [Fact]
    public void CacheDerivesOncePerSsidAndPassphrase()
    {
        var cache = new PskCache();
        Assert.True(cache.TryGet("password", "IEEE"u8, out byte[]? first, out _));
        Assert.True(cache.TryGet("password", "IEEE"u8, out byte[]? second, out _));
        Assert.Equal(1, cache.Derivations);
        Assert.Equal(first, second);
        Assert.NotSame(first, second);
        Assert.Equal(Convert.FromHexString("f42c6fc52df0ebef9ebb4b90b38a5f902e83fe1b135a70e23aed762e9710a12e"), first);

        Assert.True(cache.TryGet("password", Encoding.ASCII.GetBytes("IEEE2"), out byte[]? other, out _));
        Assert.NotEqual(first, other);
        Assert.Equal(2, cache.Derivations);

        Assert.False(cache.TryGet("short", "IEEE"u8, out _, out string? error));
        Assert.Contains("8 to 63", error, StringComparison.Ordinal);
        Assert.Equal(2, cache.Count);
    }
}
