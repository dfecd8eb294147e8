using Net80211.Wlan.Pcap;

namespace Wlan.Tests.Pcap;

/// <summary><c>wlan pcap decrypt</c>'s arguments: bad ones are usage errors (exit 64) that say what is wrong,
/// before any file is opened.</summary>
public sealed class PcapDecryptCommandTests
{
    [Theory]
    [InlineData(new string[0], "no capture file")]
    [InlineData(new[] { "in.pcap", "-e", "x" }, "no key")]
    [InlineData(new[] { "in.pcap", "-e", "x", "-p", "password", "-k", "00" }, "only one of")]
    [InlineData(new[] { "in.pcap", "-p", "password" }, "needs the SSID (-e)")]
    [InlineData(new[] { "in.pcap", "-p", "password", "-b", "00:0b:86:c2:a4:85" }, "needs the SSID (-e)")]
    [InlineData(new[] { "in.pcap", "-e", "x", "-k", "1234" }, "bad key")]
    [InlineData(new[] { "in.pcap", "-e", "x", "-p", "password", "-b", "00:11" }, "bad BSSID")]
    [InlineData(new[] { "in.pcap", "-e", "x", "-p" }, "-p needs a value")]
    public void Bad_arguments_are_usage_errors(string[] args, string expected)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(64, PcapDecryptCommand.Run(args, stdout, stderr, showProgress: false));
        Assert.Contains(expected, stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: wlan pcap decrypt", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }
}
