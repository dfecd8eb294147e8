using Net80211.Channels;
using Net80211.Media;
using Net80211.Radio;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vaps;

namespace Net80211.Tests.Media;

public class VapMediaTests
{
    private static (TestRadio World, Ieee80211Vap Vap, VapMedia Media) Create(OpMode mode, Ieee80211Channel[]? channels = null)
    {
        var world = new TestRadio(channels: channels);
        var vap = world.Ic.CreateVap(mode).Vap!;
        return (world, vap, new VapMedia(vap));
    }

    private static string[] Lines(VapMedia media) => media.Entries.Select(e => e.ToString()).ToArray();

    [Fact]
    public void Host_ap_lists_every_mode_and_rate_plain_and_with_hostap()
    {
        var (_, _, media) = Create(OpMode.HostAp);
        Assert.Equal([PhyMode.Auto, PhyMode.Mode11a, PhyMode.Mode11b, PhyMode.Mode11g], media.Modes);
        string[] lines = Lines(media);
        // Words: auto; 11a auto + 8 rates; 11b auto + 4; 11g auto + 12; 12 rates without a mode = 40, each twice.
        Assert.Equal(80, lines.Length);
        Assert.Equal("media autoselect", lines[0]);
        Assert.Equal("media autoselect mediaopt hostap", lines[1]);
        Assert.Contains("media OFDM/54Mbps mode 11a mediaopt hostap", lines);
        Assert.Contains("media DS/11Mbps mode 11b", lines);
        Assert.Contains("media DS/1Mbps mode 11g mediaopt hostap", lines);
        Assert.Contains("media OFDM/6Mbps", lines);
        Assert.DoesNotContain("media DS/11Mbps mode 11a", lines);
        Assert.DoesNotContain(lines, l => l.Contains("MCS", StringComparison.Ordinal) || l.Contains("monitor", StringComparison.Ordinal));
        Assert.Equal(lines.Length, lines.Distinct().Count());
        Assert.Equal(new MediaWord(PhyMode.Auto, MediaSubtype.Auto, MediaOptions.HostAp), media.Current);
    }

    [Theory]
    [InlineData(OpMode.Sta, "")]
    [InlineData(OpMode.Monitor, " mediaopt monitor")]
    public void Other_modes_carry_their_own_option_only(OpMode mode, string suffix)
    {
        var (_, _, media) = Create(mode);
        string[] lines = Lines(media);
        Assert.Equal(suffix.Length == 0 ? 40 : 80, lines.Length);
        Assert.Contains("media OFDM/24Mbps mode 11g" + suffix, lines);
        Assert.DoesNotContain(lines, l => l.Contains("hostap", StringComparison.Ordinal));
    }

    [Fact]
    public void Ht_and_single_band_radios()
    {
        var ht = new[]
        {
            new Ieee80211Channel(2412, 1, ChannelFlags.Band2Ghz | ChannelFlags.Dynamic | ChannelFlags.Ht20),
            new Ieee80211Channel(5180, 36, ChannelFlags.Band5Ghz | ChannelFlags.Ofdm | ChannelFlags.Ht40Up),
        };
        var (_, _, media) = Create(OpMode.Sta, ht);
        Assert.Equal([PhyMode.Auto, PhyMode.Mode11a, PhyMode.Mode11g, PhyMode.Mode11na, PhyMode.Mode11ng], media.Modes);
        string[] lines = Lines(media);
        Assert.Contains("media autoselect mode 11na", lines);
        Assert.Contains("media MCS mode 11ng", lines);
        Assert.DoesNotContain("media OFDM/54Mbps mode 11na", lines);
        Assert.DoesNotContain(lines, l => l.Contains("mode 11b", StringComparison.Ordinal));

        var bOnly = new[] { new Ieee80211Channel(2412, 1, ChannelFlags.Band2Ghz | ChannelFlags.Cck) };
        var (_, _, b) = Create(OpMode.Sta, bOnly);
        Assert.Equal([PhyMode.Auto, PhyMode.Mode11b], b.Modes);
        Assert.DoesNotContain(Lines(b), l => l.Contains("OFDM", StringComparison.Ordinal));
        Assert.Equal(1 + 5 + 4, b.Entries.Count);
    }

    /// <summary>The tx parameters the data path reads (<see cref="TxParameterTable.ModeFor"/>) are those of the mode
    /// media reports for the channel: a fixed rate set with "mode 11g" applies on an 11g (dynamic CCK-OFDM) channel.</summary>
    [Theory]
    [InlineData(ChannelFlags.B, PhyMode.Mode11b, PhyMode.Mode11b)]
    [InlineData(ChannelFlags.G, PhyMode.Mode11g, PhyMode.Mode11g)]
    [InlineData(ChannelFlags.PureG, PhyMode.Mode11g, PhyMode.Mode11g)]
    [InlineData(ChannelFlags.A, PhyMode.Mode11a, PhyMode.Mode11a)]
    [InlineData(ChannelFlags.G | ChannelFlags.Ht20, PhyMode.Mode11g, PhyMode.Mode11ng)]
    [InlineData(ChannelFlags.A | ChannelFlags.Ht20, PhyMode.Mode11a, PhyMode.Mode11na)]
    public void Channel_modes_for_tx_parameters_and_media(ChannelFlags flags, PhyMode txMode, PhyMode mediaMode)
    {
        var channel = (flags & ChannelFlags.Band5Ghz) != 0 ? new Ieee80211Channel(5180, 36, flags) : new Ieee80211Channel(2412, 1, flags);
        Assert.Equal(txMode, TxParameterTable.ModeFor(channel));
        Assert.Equal(mediaMode, VapMedia.ModeForChannel(channel));
    }

    [Fact]
    public void Fixed_rate_with_a_mode_sets_that_modes_ucastrate()
    {
        var (_, vap, media) = Create(OpMode.HostAp);
        Assert.True(media.TryChange("OFDM/54Mbps mode 11a", out var error), error);
        Assert.Equal(new MediaWord(PhyMode.Mode11a, MediaSubtype.Ofdm54, MediaOptions.HostAp), media.Current);
        Assert.Equal(PhyMode.Mode11a, vap.DesiredMode);
        Assert.Equal(108, vap.TxParams[PhyMode.Mode11a].UnicastRate);
        Assert.Equal(TxParameters.FixedRateNone, vap.TxParams[PhyMode.Mode11g].UnicastRate);

        Assert.True(media.TryChange("mode 11g", out error), error);   // keeps the subtype
        Assert.Equal(new MediaWord(PhyMode.Mode11g, MediaSubtype.Ofdm54, MediaOptions.HostAp), media.Current);
        Assert.Equal(108, vap.TxParams[PhyMode.Mode11g].UnicastRate);

        Assert.True(media.TryChange("autoselect mode 11a", out error), error);
        Assert.Equal(TxParameters.FixedRateNone, vap.TxParams[PhyMode.Mode11a].UnicastRate);
        Assert.Equal(108, vap.TxParams[PhyMode.Mode11g].UnicastRate);
        Assert.Equal(PhyMode.Mode11a, vap.DesiredMode);
    }

    [Fact]
    public void Fixed_rate_without_a_mode_applies_where_the_rate_exists()
    {
        var (_, vap, media) = Create(OpMode.Sta);
        Assert.True(media.TryChange("DS/11Mbps", out var error), error);
        Assert.Equal(PhyMode.Auto, vap.DesiredMode);
        Assert.Equal(22, vap.TxParams[PhyMode.Auto].UnicastRate);
        Assert.Equal(22, vap.TxParams[PhyMode.Mode11b].UnicastRate);
        Assert.Equal(22, vap.TxParams[PhyMode.Mode11g].UnicastRate);
        Assert.Equal(TxParameters.FixedRateNone, vap.TxParams[PhyMode.Mode11a].UnicastRate);

        Assert.True(media.TryChange("autoselect", out error), error);
        foreach (var m in Enum.GetValues<PhyMode>()) Assert.Equal(TxParameters.FixedRateNone, vap.TxParams[m].UnicastRate);
        Assert.Equal(MediaWord.Autoselect, media.Current);
    }

    [Theory]
    [InlineData("OFDM/54Mbps mode 11b")]          // no OFDM in 11b
    [InlineData("DS/2Mbps mode 11a")]
    [InlineData("autoselect <monitor>")]          // not this VAP's mode
    [InlineData("MCS mode 11na")]                 // no HT channels
    [InlineData("MCS")]
    [InlineData("OFDM/55Mbps")]
    [InlineData("")]
    public void Unsupported_media_is_refused_and_nothing_changes(string text)
    {
        var (_, vap, media) = Create(OpMode.HostAp);
        var before = media.Current;
        Assert.False(media.TryChange(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Equal(before, media.Current);
        Assert.Equal(PhyMode.Auto, vap.DesiredMode);
        foreach (var m in Enum.GetValues<PhyMode>()) Assert.Equal(TxParameters.FixedRateNone, vap.TxParams[m].UnicastRate);
    }

    [Fact]
    public void Host_ap_status_before_and_after_it_runs()
    {
        var (world, vap, media) = Create(OpMode.HostAp);
        media.Status(out bool active, out string text);
        Assert.False(active);
        Assert.Equal("media: IEEE 802.11 Wireless Ethernet autoselect <hostap> (autoselect mode 11g <hostap>)\nstatus: no carrier", text);

        vap.Up();
        world.Settle();
        Assert.Equal(Ieee80211State.Run, vap.State);
        media.Status(out active, out text);
        Assert.True(active);
        Assert.Equal("media: IEEE 802.11 Wireless Ethernet autoselect mode 11g <hostap>\nstatus: running", text);

        Assert.True(media.TryChange("OFDM/54Mbps mode 11g", out var error), error);
        var status = media.GetStatus();
        Assert.Equal("media: IEEE 802.11 Wireless Ethernet OFDM/54Mbps mode 11g <hostap>", status.MediaLine);
        Assert.Equal("status: running", status.StatusLine);
        Assert.True(status.IsValid);

        vap.Down();
        world.Settle();
        status = media.GetStatus();
        Assert.False(status.IsActive);
        Assert.Equal("media: IEEE 802.11 Wireless Ethernet OFDM/54Mbps mode 11g <hostap> (autoselect mode 11g <hostap>)", status.MediaLine);
        Assert.Equal("status: no carrier", status.StatusLine);
    }

    [Fact]
    public void Station_reports_its_rate_to_the_ap_once_associated()
    {
        var (world, vap, media) = Create(OpMode.Sta);
        vap.Up();
        world.Settle();
        Assert.Equal(Ieee80211State.Scan, vap.State);
        Assert.Equal("media: IEEE 802.11 Wireless Ethernet autoselect (autoselect mode 11g)", media.GetStatus().MediaLine);
        Assert.Equal("status: no carrier", media.GetStatus().StatusLine);

        var ap = world.Ic.Nodes.Add(vap, MacAddress.Parse("02:00:00:00:a0:01"));
        ap.TxRate = 96;
        vap.Bss = ap;
        vap.StateMachine.Request(Ieee80211State.Run, TransitionReason.User);
        world.Settle();
        Assert.Equal(Ieee80211State.Run, vap.State);
        media.Status(out bool active, out string text);
        Assert.True(active);
        Assert.Equal("media: IEEE 802.11 Wireless Ethernet OFDM/48Mbps mode 11g\nstatus: associated", text);
    }

    [Fact]
    public void Drivers_can_hook_change_and_status()
    {
        var (_, vap, media) = Create(OpMode.HostAp);
        var seen = new List<MediaWord>();
        media.ChangeHook = (m, word) =>
        {
            seen.Add(word);
            if (word.Subtype == MediaSubtype.Ds1) return "firmware refuses 1 Mb/s";
            return m.ApplyChange(word, out var e) ? null : e;
        };
        Assert.False(media.TryChange("DS/1Mbps mode 11b", out var error));
        Assert.Equal("firmware refuses 1 Mb/s", error);
        Assert.Equal(TxParameters.FixedRateNone, vap.TxParams[PhyMode.Mode11b].UnicastRate);
        Assert.True(media.TryChange("DS/2Mbps mode 11b", out error), error);
        Assert.Equal(4, vap.TxParams[PhyMode.Mode11b].UnicastRate);
        Assert.Equal(2, seen.Count);

        media.StatusHook = (_, s) => s with { StatusText = "firmware says hi" };
        Assert.Equal("status: firmware says hi", media.GetStatus().StatusLine);

        var custom = new ActiveAlwaysMedia(vap);
        custom.Status(out bool active, out _);
        Assert.True(active);
    }

    private sealed class ActiveAlwaysMedia(Ieee80211Vap vap) : VapMedia(vap)
    {
        public override MediaStatus ComputeStatus() => base.ComputeStatus() with { IsActive = true };
    }
}
