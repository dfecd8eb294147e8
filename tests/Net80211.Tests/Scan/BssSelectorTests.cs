using Net80211.Channels;
using Net80211.Frames;
using Net80211.Rates;
using Net80211.Scan;
using Net80211.Scheduling;
using Net80211.Testing;

namespace Net80211.Tests.Scan;

public class BssSelectorTests
{
    private static readonly MacAddress Ap1 = MacAddress.Parse("00:11:22:33:44:01");
    private static readonly MacAddress Ap2 = MacAddress.Parse("00:11:22:33:44:02");
    private static readonly MacAddress Ap3 = MacAddress.Parse("00:11:22:33:44:03");
    private static readonly Dictionary<int, Ieee80211Channel> Channels = new()
    {
        [1] = new(2412, 1, ChannelFlags.G),
        [6] = new(2437, 6, ChannelFlags.G),
        [11] = new(2462, 11, ChannelFlags.G),
        [36] = new(5180, 36, ChannelFlags.A),
    };

    private static readonly BssCriteria Any = new(null, MacAddress.Zero, null, false, ScanSecurity.Open, RateCodes.Default11g, false);

    private readonly SimulationScheduler _world = new();
    private readonly ScanCache _cache;

    public BssSelectorTests() => _cache = new ScanCache(_world.Time);

    private ScanEntry Add(MacAddress bssid, string ssid = "net", int channel = 6, int rssi = -50, TestSecurity security = TestSecurity.Open,
        byte[]? rates = null, CapabilityInfo caps = CapabilityInfo.Ess, bool probeResponse = false)
    {
        var spec = new BeaconSpec
        {
            Bssid = bssid, Ssid = BeaconSpec.Ascii(ssid), DsChannel = (byte)channel, Security = security, Capabilities = caps,
            ProbeResponse = probeResponse,
        };
        if (rates is not null) spec = spec with { Rates = rates };
        Assert.True(_cache.TryRecord(spec.Build(), rssi, -95, Channels[channel], out var e, out var error), error.ToString());
        return e!;
    }

    private ScanEntry? Select(BssCriteria criteria, out IReadOnlyList<(ScanEntry Entry, BssRejection Why)> rejected)
        => BssSelector.Select(_cache.Entries, criteria, _world.Now, out rejected);

    private static string Describe(IReadOnlyList<(ScanEntry Entry, BssRejection Why)> rejected)
        => string.Join("; ", rejected.Select(r => $"{r.Entry.Bssid.ToString()[^2..]}: {r.Why}"));

    [Fact]
    public void The_strongest_candidate_wins()
    {
        Add(Ap1, rssi: -70);
        Add(Ap2, rssi: -45, channel: 11);
        Add(Ap3, rssi: -60, channel: 1);
        var best = Select(Any, out var rejected);
        Assert.Equal(Ap2, best!.Bssid);
        Assert.Empty(rejected);
    }

    [Fact]
    public void Equal_rssi_goes_to_the_lower_channel_then_the_lower_bssid()
    {
        Add(Ap3, rssi: -50, channel: 1);
        Add(Ap2, rssi: -50, channel: 36);
        Add(Ap1, rssi: -50, channel: 6);
        Assert.Equal(Ap3, Select(Any, out _)!.Bssid);
        _cache.Remove(Ap3);
        Add(Ap3, rssi: -50, channel: 6);
        Assert.Equal(Ap1, Select(Any, out _)!.Bssid);
        // The order entries are given in does not matter.
        Assert.Equal(Ap1, BssSelector.Select(_cache.Entries.Reverse(), Any, _world.Now, out _)!.Bssid);
    }

    [Fact]
    public void Ssid_filter()
    {
        Add(Ap1, ssid: "home", rssi: -70);
        Add(Ap2, ssid: "guest", rssi: -40);
        Add(Ap3, ssid: "homes", rssi: -40);
        var best = Select(Any with { Ssid = BeaconSpec.Ascii("home") }, out var rejected);
        Assert.Equal(Ap1, best!.Bssid);
        Assert.Equal("02: Ssid; 03: Ssid", Describe(rejected.OrderBy(r => r.Entry.Bssid).ToList()));
    }

    [Fact]
    public void Bssid_and_channel_filters()
    {
        Add(Ap1, rssi: -70, channel: 1);
        Add(Ap2, rssi: -40, channel: 6);
        Assert.Equal(Ap1, Select(Any with { DesiredBssid = Ap1 }, out var rejected)!.Bssid);
        Assert.Equal("02: Bssid", Describe(rejected));
        // A channel object of another mode on the same frequency still matches (compared by frequency).
        Assert.Equal(Ap1, Select(Any with { DesiredChannel = new Ieee80211Channel(2412, 1, ChannelFlags.B) }, out rejected)!.Bssid);
        Assert.Equal("02: Channel", Describe(rejected));
        Assert.Null(Select(Any with { DesiredBssid = Ap1, DesiredChannel = Channels[6] }, out rejected));
        Assert.Equal("01: Channel; 02: Bssid", Describe(rejected));
    }

    [Fact]
    public void Privacy_must_match_both_ways()
    {
        Add(Ap1, security: TestSecurity.Open, rssi: -70);
        Add(Ap2, security: TestSecurity.Wpa2, rssi: -40);
        Assert.Equal(Ap1, Select(Any, out var rejected)!.Bssid);
        Assert.Equal("02: Privacy", Describe(rejected));
        Assert.Equal(Ap2, Select(Any with { Privacy = true }, out rejected)!.Bssid);
        Assert.Equal("01: Privacy", Describe(rejected));
    }

    [Fact]
    public void Required_security_picks_among_private_networks()
    {
        Add(Ap1, security: TestSecurity.Wep, rssi: -40);
        Add(Ap2, security: TestSecurity.Wpa, rssi: -50);
        Add(Ap3, security: TestSecurity.Mixed, rssi: -60);
        var wpa2 = Any with { Privacy = true, RequiredSecurity = ScanSecurity.Wpa2 };
        Assert.Equal(Ap3, Select(wpa2, out var rejected)!.Bssid);
        Assert.Equal("01: Security; 02: Security", Describe(rejected));
        Assert.Equal(Ap2, Select(wpa2 with { RequiredSecurity = ScanSecurity.Wpa | ScanSecurity.Wpa2 }, out _)!.Bssid);
        Assert.Equal(Ap1, Select(wpa2 with { RequiredSecurity = ScanSecurity.Open }, out _)!.Bssid);
    }

    [Fact]
    public void A_basic_rate_we_lack_rejects_the_bss()
    {
        // An 11g-only AP that makes 6 Mb/s basic, and an 11b AP; we are an 11b station.
        Add(Ap1, rates: [0x82, 0x84, 0x8c, 0x12, 0x98, 0x24], rssi: -40);
        Add(Ap2, rates: [0x82, 0x84, 0x0b, 0x16], rssi: -70);
        var b = Any with { OurRates = RateCodes.Default11b };
        Assert.Equal(Ap2, Select(b, out var rejected)!.Bssid);
        Assert.Equal("01: Rates", Describe(rejected));
        // An 11g station takes either.
        Assert.Equal(Ap1, Select(Any, out _)!.Bssid);
        // No rate in common at all.
        Assert.Null(Select(Any with { OurRates = RateSet.From([0x6c]) }, out rejected));
        Assert.Equal("01: Rates; 02: Rates", Describe(rejected));
    }

    [Fact]
    public void A_bss_in_failure_backoff_is_skipped_until_retry_after_passes()
    {
        Add(Ap1, rssi: -40);
        Add(Ap2, rssi: -60);
        _cache.MarkFailure(Ap1, TimeSpan.FromSeconds(5));
        Assert.Equal(Ap2, Select(Any, out var rejected)!.Bssid);
        Assert.Equal("01: Failed", Describe(rejected));
        _world.RunUntil(TimeSpan.FromSeconds(4.999));
        Assert.Equal(Ap2, Select(Any, out _)!.Bssid);
        _world.RunUntil(TimeSpan.FromSeconds(5));
        Assert.Equal(Ap1, Select(Any, out rejected)!.Bssid);
        Assert.Empty(rejected);
        Assert.Equal(1, _cache.Find(Ap1)!.FailCount);
    }

    [Fact]
    public void Ess_and_ibss_are_told_apart_by_the_capability_bits()
    {
        Add(Ap1, caps: CapabilityInfo.Ess, rssi: -40);
        Add(Ap2, caps: CapabilityInfo.Ibss, rssi: -60);
        Assert.Equal(Ap1, Select(Any, out var rejected)!.Bssid);
        Assert.Equal("02: Capability", Describe(rejected));
        Assert.Equal(Ap2, Select(Any with { IbssMode = true }, out rejected)!.Bssid);
        Assert.Equal("01: Capability", Describe(rejected));
    }

    [Fact]
    public void A_hidden_network_is_joined_only_by_name_and_only_once_a_probe_response_revealed_it()
    {
        Add(Ap1, ssid: "", rssi: -40);
        Add(Ap2, ssid: "visible", rssi: -70);
        var secret = Any with { Ssid = BeaconSpec.Ascii("secret") };

        Assert.Equal(Ap2, Select(Any, out var rejected)!.Bssid);
        Assert.Equal("01: Hidden", Describe(rejected));
        Assert.Null(Select(secret, out rejected));
        Assert.Equal("01: Ssid; 02: Ssid", Describe(rejected));

        // The directed probe for "secret" draws a probe response that names the network.
        Add(Ap1, ssid: "secret", rssi: -40, probeResponse: true);
        Assert.Equal(Ap1, Select(secret, out _)!.Bssid);
        // Its next beacon hides the name again; the cache keeps what it learned.
        Add(Ap1, ssid: "", rssi: -40);
        Assert.Equal(Ap1, Select(secret, out _)!.Bssid);
    }

    [Fact]
    public void All_reasons_are_reported_together()
    {
        Add(Ap1, ssid: "other", channel: 1, security: TestSecurity.Wpa2, caps: CapabilityInfo.Ibss, rates: [0x8c, 0x12, 0x98]);
        _cache.MarkFailure(Ap1, TimeSpan.FromSeconds(1));
        var criteria = new BssCriteria(BeaconSpec.Ascii("net"), Ap2, Channels[6], false, ScanSecurity.Wep, RateCodes.Default11b, false);
        Assert.Null(Select(criteria, out var rejected));
        Snapshot.Verify(Describe(rejected));
    }
}
