using Net80211.Wlan.Management.Host;

namespace Wlan.Tests.Management;

public class WorldDescriptionTests
{
    [Fact]
    public void Round_trips_through_json()
    {
        string json = WorldDescription.Default.ToJson();
        Assert.True(WorldDescription.TryParse(json, out var back, out var error), error);
        Assert.Equal(WorldDescription.Default.ToJson(), back!.ToJson());
        Assert.Equal("net80211-wpa2", back.AccessPoints[1].Ssid);
    }

    [Theory]
    [InlineData("{", "invalid world description")]
    [InlineData("{\"radios\":[]}", "at least one radio")]
    [InlineData("{\"radios\":[{\"name\":\"r0\",\"driver\":\"iwm\"}]}", "unknown driver 'iwm'")]
    [InlineData("{\"radios\":[{\"name\":\"r0\"}],\"accessPoints\":[{\"ssid\":\"x\",\"channel\":1,\"security\":\"wpa2\"}]}", "passphrase")]
    [InlineData("{\"radios\":[{\"name\":\"r0\"}],\"bogus\":1}", "invalid world description")]
    public void Bad_descriptions_are_refused_with_a_reason(string json, string expected)
    {
        Assert.False(WorldDescription.TryParse(json, out var world, out var error));
        Assert.Null(world);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reports_a_missing_file()
    {
        Assert.False(WorldDescription.TryLoad("/nonexistent/world.json", out _, out var error));
        Assert.StartsWith("/nonexistent/world.json: ", error, StringComparison.Ordinal);
    }
}
