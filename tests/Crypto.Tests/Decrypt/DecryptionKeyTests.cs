using Net80211.Crypto.Decrypt;

namespace Crypto.Tests.Decrypt;

public class DecryptionKeyTests
{
    [Theory]
    [InlineData("1F:1F:1F:1F:1F", 5)]
    [InlineData("1f1f1f1f1f", 5)]
    [InlineData("00112233445566778899AABBCC", 13)]
    [InlineData("00:11:22:33:44:55:66:77:88:99:aa:bb:cc", 13)]
    public void WepKeysInHexOrColonForm(string text, int length)
    {
        Assert.True(DecryptionKey.TryFromWepHex(text, out DecryptionKey? key, out string? error), error);
        Assert.Equal(DecryptionKeyKind.Wep, key.Kind);
        Assert.Equal(length, key.WepKey.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1F:1F:1F:1F")]        // 4 octets
    [InlineData("1F1F1F1F1")]          // odd digits
    [InlineData("1F:1F:1F:1F:1G")]     // not hex
    [InlineData("1F:1F:1F:1F:1F:")]    // trailing colon
    [InlineData("1F:1F1F:1F:1F")]      // mixed
    [InlineData("+F:1F:1F:1F:1F")]
    public void BadWepKeysAreRefusedWithAReason(string? text)
    {
        Assert.False(DecryptionKey.TryFromWepHex(text, out DecryptionKey? key, out string? error));
        Assert.Null(key);
        Assert.Contains("WEP key", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("this passphrase is far too long to be a WPA passphrase at all, really")]
    [InlineData("tab\tinside")]
    public void BadPassphrasesAreRefused(string passphrase)
        => Assert.False(DecryptionKey.TryFromPassphrase(passphrase, out _, out _));

    [Fact]
    public void APskIs64HexDigits()
    {
        Assert.True(DecryptionKey.TryFromPskHex(new string('a', 64), out DecryptionKey? key, out _));
        Assert.Equal(DecryptionKeyKind.Psk, key.Kind);
        Assert.False(DecryptionKey.TryFromPskHex(new string('a', 63), out _, out string? error));
        Assert.Contains("64", error, StringComparison.Ordinal);
        Assert.False(DecryptionKey.TryFromPskHex(new string('g', 64), out _, out _));
    }

    [Fact]
    public void APassphraseNeedsTheSsid()
    {
        Assert.True(DecryptionKey.TryFromPassphrase("dictionary", out DecryptionKey? key, out _));
        var options = new DecryptOptions { Key = key };
        Assert.NotNull(options.Validate());
        Assert.Throws<ArgumentException>(() => new CaptureDecryptor(options));
        Assert.Null((options with { Ssid = "linksys"u8.ToArray() }).Validate());
    }
}
