using Net80211.Media;
using Net80211.Radio;
using Net80211.Vaps;

namespace Net80211.Tests.Media;

public class MediaWordTests
{
    [Fact]
    public void Words_print_as_ifconfig_does()
    {
        Assert.Equal("autoselect", MediaWord.Autoselect.ToString());
        Assert.Equal("OFDM/54Mbps mode 11a <hostap>", new MediaWord(PhyMode.Mode11a, MediaSubtype.Ofdm54, MediaOptions.HostAp).ToString());
        Assert.Equal("DS/5.5Mbps mode 11b", new MediaWord(PhyMode.Mode11b, MediaSubtype.Ds5_5).ToString());
        Assert.Equal("autoselect mode 11g <adhoc>", new MediaWord(PhyMode.Mode11g, MediaSubtype.Auto, MediaOptions.Adhoc).ToString());
        Assert.Equal("MCS mode 11ng", new MediaWord(PhyMode.Mode11ng, MediaSubtype.Mcs).ToString());
        Assert.Equal("autoselect <adhoc,flag0>", new MediaWord(PhyMode.Auto, MediaSubtype.Auto, MediaWord.OptionsFor(OpMode.Ahdemo)).ToString());
        Assert.Equal("media OFDM/54Mbps mode 11a mediaopt hostap",
            new MediaWord(PhyMode.Mode11a, MediaSubtype.Ofdm54, MediaOptions.HostAp).ToIfconfigString());
        Assert.Equal("media DS/11Mbps", new MediaWord(PhyMode.Auto, MediaSubtype.Ds11).ToIfconfigString());
    }

    [Theory]
    [InlineData("OFDM/54Mbps mode 11a <hostap>", MediaSubtype.Ofdm54, PhyMode.Mode11a, MediaOptions.HostAp)]
    [InlineData("media OFDM/54Mbps mode 11a mediaopt hostap", MediaSubtype.Ofdm54, PhyMode.Mode11a, MediaOptions.HostAp)]
    [InlineData("autoselect", MediaSubtype.Auto, null, null)]
    [InlineData("auto", MediaSubtype.Auto, null, null)]
    [InlineData("ds/11mbps", MediaSubtype.Ds11, null, null)]
    [InlineData("DS11", MediaSubtype.Ds11, null, null)]
    [InlineData("DS5.5", MediaSubtype.Ds5_5, null, null)]
    [InlineData("OFDM54", MediaSubtype.Ofdm54, null, null)]
    [InlineData("OFDM6 mode 11g", MediaSubtype.Ofdm6, PhyMode.Mode11g, null)]
    [InlineData("mode 11na", null, PhyMode.Mode11na, null)]
    [InlineData("mediaopt adhoc,flag0", null, null, MediaOptions.Adhoc | MediaOptions.Flag0)]
    [InlineData("autoselect <ibss>", MediaSubtype.Auto, null, MediaOptions.Adhoc)]
    [InlineData("MCS mode 11ng<monitor>", MediaSubtype.Mcs, PhyMode.Mode11ng, MediaOptions.Monitor)]
    public void Parses_ifconfig_spellings(string text, MediaSubtype? subtype, PhyMode? mode, MediaOptions? options)
    {
        Assert.True(MediaWord.TryParse(text, out var s, out var m, out var o, out var error), error);
        Assert.Equal(subtype, s);
        Assert.Equal(mode, m);
        Assert.Equal(options, o);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("OFDM/55Mbps")]
    [InlineData("autoselect mode")]
    [InlineData("autoselect mode 11x")]
    [InlineData("autoselect <hostap")]
    [InlineData("autoselect <bridge>")]
    [InlineData("autoselect mediaopt")]
    [InlineData("autoselect OFDM/54Mbps")]
    [InlineData("media")]
    public void Rejects_nonsense(string? text)
    {
        Assert.False(MediaWord.TryParse(text, out _, out _, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Every_word_round_trips_through_its_text()
    {
        foreach (var mode in Enum.GetValues<PhyMode>())
        foreach (var subtype in Enum.GetValues<MediaSubtype>())
        foreach (var options in new[] { MediaOptions.None, MediaOptions.HostAp, MediaOptions.Adhoc | MediaOptions.Flag0, MediaOptions.Wds, MediaOptions.Mesh })
        {
            var word = new MediaWord(mode, subtype, options);
            foreach (string text in new[] { word.ToString(), word.ToIfconfigString() })
            {
                Assert.True(MediaWord.TryParse(text, out var s, out var m, out var o, out var error), $"{text}: {error}");
                Assert.Equal(word, new MediaWord(m ?? PhyMode.Auto, s!.Value, o ?? MediaOptions.None));
            }
        }
    }

    [Fact]
    public void Rates_map_to_subtypes_per_mode()
    {
        Assert.Equal(MediaSubtype.Ofdm54, MediaWord.SubtypeForRate(108, PhyMode.Mode11a));
        Assert.Equal(MediaSubtype.Ofdm54, MediaWord.SubtypeForRate(108 | 0x80, PhyMode.Mode11g));
        Assert.Equal(MediaSubtype.Auto, MediaWord.SubtypeForRate(108, PhyMode.Mode11b));   // no OFDM in 11b
        Assert.Equal(MediaSubtype.Auto, MediaWord.SubtypeForRate(22, PhyMode.Mode11a));    // no CCK in 11a
        Assert.Equal(MediaSubtype.Ds11, MediaWord.SubtypeForRate(22, PhyMode.Mode11ng));
        Assert.Equal(MediaSubtype.Ds1, MediaWord.SubtypeForRate(2, PhyMode.Auto));
        Assert.Equal(MediaSubtype.Auto, MediaWord.SubtypeForRate(0, PhyMode.Auto));
        Assert.Equal(MediaSubtype.Auto, MediaWord.SubtypeForRate(13, PhyMode.Auto));
        foreach (var s in Enum.GetValues<MediaSubtype>())
            if (MediaWord.RateOf(s) is var r and not 0) Assert.Equal(s, MediaWord.SubtypeForRate(r, PhyMode.Auto));
        Assert.Equal(108, new MediaWord(PhyMode.Auto, MediaSubtype.Ofdm54).Rate);
        Assert.False(new MediaWord(PhyMode.Mode11ng, MediaSubtype.Mcs).IsFixedRate);
    }
}
