using Net80211.Channels;
using Net80211.Frames;
using Net80211.Scan;
using Net80211.Scheduling;
using Net80211.Testing;

namespace Net80211.Tests.Scan;

public class ScanCacheTests
{
    private static readonly MacAddress ApA = MacAddress.Parse("00:11:22:33:44:0a");
    private static readonly MacAddress ApB = MacAddress.Parse("00:11:22:33:44:0b");

    private static Ieee80211Channel C2(int ieee) => new(2407 + 5 * ieee, ieee, ChannelFlags.Band2Ghz | ChannelFlags.Cck | ChannelFlags.Ofdm);

    private static ScanEntry Record(ScanCache cache, BeaconSpec spec, int rssi = -50, Ieee80211Channel? rx = null)
    {
        Assert.True(cache.TryRecord(spec.Build(), rssi, -95, rx ?? C2(6), out ScanEntry? entry, out FrameParseError error), error.ToString());
        return entry!;
    }

    [Fact]
    public void A_beacon_creates_an_entry_with_everything_it_advertises()
    {
        var s = new SimulationScheduler();
        var cache = new ScanCache(s.Time);
        s.RunUntil(TimeSpan.FromSeconds(1));
        var e = Record(cache, new BeaconSpec { Bssid = ApA, Ssid = BeaconSpec.Ascii("home"), DsChannel = 6, Security = TestSecurity.Wpa2, Wmm = true, Ht = true,
            Tsf = 987654321, IntervalTu = 102, DtimPeriod = 3 }, rssi: -47);

        Assert.Same(e, cache.Find(ApA));
        Assert.Equal(ApA, e.Bssid);
        Assert.Equal(ApA, e.TransmitterAddress);
        Assert.Equal("home", Net80211.Ssid.Format(e.Ssid));
        Assert.Equal(6, e.Channel.Ieee);
        Assert.Equal((ushort)102, e.BeaconIntervalTu);
        Assert.Equal((ushort)(CapabilityInfo.Ess | CapabilityInfo.Privacy), e.CapabilityInfo);
        Assert.Equal("1* 2* 5.5* 6 9 11* 12 18 24 36 48 54", e.Rates.ToString());
        Assert.Equal((-47.0, -47, -95), (e.RssiDbm, e.LastRssiDbm, e.NoiseDbm));
        Assert.Equal(987654321UL, e.Timestamp);
        Assert.Equal(3, e.DtimPeriod);
        Assert.Equal(ScanSecurity.Wpa2, e.Security);
        Assert.True(e.HasWmm);
        Assert.True(e.HasHt);
        Assert.False(e.HiddenSsid);
        Assert.Equal((1L, 0L), (e.BeaconCount, e.ProbeResponseCount));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), (e.FirstSeen, e.LastSeen));
        Assert.True(ParsedIes.TryParse(e.InformationElements, out ParsedIes ies, out _));
        Assert.True(ies.Has(ParsedElements.Rsn | ParsedElements.HtCapabilities | ParsedElements.Tim));
        Snapshot.Verify(e.ToString() + "\n" + e.RsnSuites);
    }

    [Fact]
    public void A_repeated_beacon_updates_its_entry_without_allocating_and_a_changed_one_is_taken()
    {
        var cache = new ScanCache(new SimulationScheduler().Time);
        var spec = new BeaconSpec { Bssid = ApA, Ssid = BeaconSpec.Ascii("home"), Security = TestSecurity.Wpa2, Wmm = true };
        byte[] beacon = spec.Build();
        var e = Record(cache, spec);
        byte[] ssid = e.Ssid, elements = e.InformationElements;
        var suites = e.RsnSuites;
        for (int i = 0; i < 100; i++) cache.TryRecord(beacon, -50, -95, e.Channel, out _, out _);   // warm-up

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) cache.TryRecord(beacon, -50, -95, e.Channel, out _, out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1101L, e.BeaconCount);
        Assert.Same(ssid, e.Ssid);
        Assert.Same(elements, e.InformationElements);
        Assert.Same(suites, e.RsnSuites);

        // The AP is reconfigured for WPA: the elements, the suites and the classification follow.
        var wpa = Record(cache, spec with { Security = TestSecurity.Wpa });
        Assert.Same(e, wpa);
        Assert.Equal(ScanSecurity.Wpa, e.Security);
        Assert.Null(e.RsnSuites);
        Assert.NotNull(e.WpaSuites);
        Assert.NotSame(elements, e.InformationElements);
    }

    [Fact]
    public void A_real_world_beacon_is_understood()
    {
        var cache = new ScanCache(new SimulationScheduler().Time);
        Assert.True(cache.TryRecord(Frames.RealWorldBeaconTests.Beacon, -61, -92, C2(6), out var e, out _));
        Snapshot.Verify(e!.ToString() + "\n" + e.RsnSuites + "\nrates " + e.Rates + "\ndtim " + e.DtimPeriod);
    }

    [Fact]
    public void Later_frames_update_the_entry_and_smooth_the_rssi()
    {
        var s = new SimulationScheduler();
        var cache = new ScanCache(s.Time);
        var spec = new BeaconSpec { Bssid = ApA, DsChannel = 6 };
        Record(cache, spec, rssi: -40);
        s.RunUntil(TimeSpan.FromMilliseconds(102));
        Record(cache, spec with { Tsf = 999 }, rssi: -60);
        s.RunUntil(TimeSpan.FromMilliseconds(150));
        var e = Record(cache, spec with { ProbeResponse = true, Security = TestSecurity.Wep }, rssi: -60);

        Assert.Equal(1, cache.Count);
        // LPF with weight 1/10: -40, then -42, then -43.8.
        Assert.Equal(-43.8, e.RssiDbm, 6);
        Assert.Equal(-60, e.LastRssiDbm);
        Assert.Equal((2L, 1L), (e.BeaconCount, e.ProbeResponseCount));
        Assert.Equal(TimeSpan.Zero, e.FirstSeen);
        Assert.Equal(TimeSpan.FromMilliseconds(150), e.LastSeen);
        Assert.Equal(ScanSecurity.Wep, e.Security);
        Assert.Equal(2, e.DtimPeriod);   // probe responses carry no TIM: the beacon's value stays
        Assert.Equal(3L, cache.FramesRecorded);
    }

    [Fact]
    public void The_ds_parameter_set_names_the_channel_when_a_frame_leaks_onto_a_neighbour()
    {
        var h = new ScanHarness();   // channels 1-11, 36-48
        var ic = h.World.Ic;
        var cache = new ScanCache(ic);
        var spec = new BeaconSpec { Bssid = ApA, DsChannel = 6 };
        ScanEntry e = null!;
        h.OnQueue(() =>
        {
            e = Record(cache, spec, rssi: -70, rx: ic.FindChannelByIeee(5));   // heard on 5: leakage
            Assert.Same(ic.FindChannelByIeee(6), e.Channel);
            Assert.True(e.OffChannel);
            Assert.Equal(-70, e.RssiDbm);           // the only sample there is
            Record(cache, spec, rssi: -40, rx: ic.FindChannelByIeee(6));
            Assert.False(e.OffChannel);
            Assert.Equal(-67, e.RssiDbm, 6);
            Record(cache, spec, rssi: -90, rx: ic.FindChannelByIeee(7));   // leakage again: not averaged in
            Assert.Equal(-67, e.RssiDbm, 6);
            Assert.Same(ic.FindChannelByIeee(6), e.Channel);
        });

        // Without a radio to resolve the DS channel, the cache keeps the channel it knew, else the receive one.
        var bare = new ScanCache(new SimulationScheduler().Time);
        var rx3 = C2(3);
        Assert.Same(rx3, Record(bare, spec with { Bssid = ApB }, rx: rx3).Channel);
        // A 5 GHz frame with no DS element stays on its receive channel.
        var a36 = new Ieee80211Channel(5180, 36, ChannelFlags.A);
        Assert.Same(a36, Record(bare, new BeaconSpec { Bssid = ApA }, rx: a36).Channel);
    }

    [Fact]
    public void A_hidden_ssid_is_learned_from_a_probe_response_and_kept_across_beacons()
    {
        var cache = new ScanCache(new SimulationScheduler().Time);
        var hidden = new BeaconSpec { Bssid = ApA, Ssid = [], DsChannel = 6 };
        var e = Record(cache, hidden);
        Assert.True(e.HiddenSsid);
        Assert.False(e.SsidKnown);
        Assert.Contains("<hidden>", e.ToString(), StringComparison.Ordinal);

        Record(cache, hidden with { ProbeResponse = true, Ssid = BeaconSpec.Ascii("secret") });
        Assert.Equal("secret", Net80211.Ssid.Format(e.Ssid));
        Assert.True(e.HiddenSsid);   // still a hidden network; we just know its name now

        Record(cache, hidden with { Ssid = new byte[6] });   // zeros of the real length: also hidden
        Assert.Equal("secret", Net80211.Ssid.Format(e.Ssid));
        Assert.True(e.HiddenSsid);

        Record(cache, hidden with { Ssid = BeaconSpec.Ascii("open-now") });
        Assert.Equal("open-now", Net80211.Ssid.Format(e.Ssid));
        Assert.False(e.HiddenSsid);
    }

    [Fact]
    public void Age_removes_entries_not_heard_for_longer_than_the_limit()
    {
        var s = new SimulationScheduler();
        var cache = new ScanCache(s.Time);
        Record(cache, new BeaconSpec { Bssid = ApA });
        s.RunUntil(TimeSpan.FromSeconds(5));
        Record(cache, new BeaconSpec { Bssid = ApB });
        s.RunUntil(TimeSpan.FromSeconds(12));

        Assert.Equal(0, cache.Age(TimeSpan.FromSeconds(12)));   // exactly 12 s old: still valid
        Assert.Equal(1, cache.Age(TimeSpan.FromSeconds(7)));
        Assert.Null(cache.Find(ApA));
        Assert.NotNull(cache.Find(ApB));
        cache.Clear();
        Assert.Equal(0, cache.Count);
        Assert.Empty(cache.Entries);
    }

    [Theory]
    [InlineData(TestSecurity.Open, ScanSecurity.Open)]
    [InlineData(TestSecurity.Wep, ScanSecurity.Wep)]
    [InlineData(TestSecurity.Wpa, ScanSecurity.Wpa)]
    [InlineData(TestSecurity.Wpa2, ScanSecurity.Wpa2)]
    [InlineData(TestSecurity.Mixed, ScanSecurity.Wpa | ScanSecurity.Wpa2)]
    public void Security_is_classified_from_the_privacy_bit_and_the_rsn_and_wpa_elements(TestSecurity advertised, ScanSecurity expected)
    {
        var cache = new ScanCache(new SimulationScheduler().Time);
        var e = Record(cache, new BeaconSpec { Security = advertised });
        Assert.Equal(expected, e.Security);
        Assert.Equal(expected.HasFlag(ScanSecurity.Wpa2), e.RsnSuites is not null);
        Assert.Equal(expected.HasFlag(ScanSecurity.Wpa), e.WpaSuites is not null);
        if (e.RsnSuites is { } rsn)
        {
            Assert.Equal(CipherSuite.Ccmp128, rsn.GroupCipher);
            Assert.Equal([CipherSuite.Ccmp128], rsn.PairwiseCiphers);
            Assert.Equal([AkmSuite.Psk, AkmSuite.Sae], rsn.Akms);
            Assert.True(rsn.MfpCapable);
            Assert.False(rsn.MfpRequired);
            Assert.True(rsn.OffersPsk);
        }
        if (e.WpaSuites is { } wpa)
        {
            Assert.Equal(CipherSuite.WpaTkip, wpa.GroupCipher);
            Assert.Equal([AkmSuite.WpaPsk], wpa.Akms);
        }
    }

    [Fact]
    public void Rsn_fields_left_out_take_their_defaults()
    {
        var cache = new ScanCache(new SimulationScheduler().Time);
        var spec = new BeaconSpec { Security = TestSecurity.Wep };
        byte[] rsnVersionOnly = [48, 2, 1, 0];
        var frame = spec.Frame([.. spec.Elements(), .. rsnVersionOnly]);
        Assert.True(cache.TryRecord(frame, -50, -95, C2(1), out var e, out _));
        Assert.Equal(ScanSecurity.Wpa2, e!.Security);
        Assert.Equal(new[] { CipherSuite.Ccmp128 }, e.RsnSuites!.PairwiseCiphers);
        Assert.Equal(new[] { AkmSuite.Ieee8021X }, e.RsnSuites.Akms);
        Assert.False(e.RsnSuites.OffersPsk);
    }

    [Fact]
    public void Entries_are_sorted_by_ssid_then_bssid()
    {
        var cache = new ScanCache(new SimulationScheduler().Time);
        Record(cache, new BeaconSpec { Bssid = ApB, Ssid = BeaconSpec.Ascii("beta") });
        Record(cache, new BeaconSpec { Bssid = ApB.WithLocalBit(1), Ssid = BeaconSpec.Ascii("alpha") });
        Record(cache, new BeaconSpec { Bssid = ApA, Ssid = BeaconSpec.Ascii("beta") });
        Record(cache, new BeaconSpec { Bssid = ApA.WithLocalBit(2), Ssid = [] });
        Assert.Equal(["", "alpha", "beta:0a", "beta:0b"],
            cache.Entries.Select(e => Net80211.Ssid.Format(e.Ssid) + (e.Ssid.Length == 4 ? ":" + e.Bssid.ToString()[^2..] : "")));
    }

    [Fact]
    public void The_cache_is_bounded_and_evicts_the_entry_heard_longest_ago()
    {
        var s = new SimulationScheduler();
        var cache = new ScanCache(s.Time) { MaxEntries = 3 };
        for (int i = 1; i <= 5; i++)
        {
            Record(cache, new BeaconSpec { Bssid = MacAddress.FromUInt64((ulong)i) });
            s.RunFor(TimeSpan.FromMilliseconds(10));
            if (i == 3) Record(cache, new BeaconSpec { Bssid = MacAddress.FromUInt64(1) });   // refresh 1
        }
        Assert.Equal(3, cache.Count);
        Assert.Equal(2, cache.Evictions);
        Assert.Equal([1UL, 4UL, 5UL], cache.Entries.Select(e => e.Bssid.ToUInt64()).Order());
    }

    [Fact]
    public void Failures_set_a_backoff_and_count_until_cleared()
    {
        var s = new SimulationScheduler();
        var cache = new ScanCache(s.Time);
        var e = Record(cache, new BeaconSpec { Bssid = ApA });
        s.RunUntil(TimeSpan.FromSeconds(2));
        cache.MarkFailure(ApA, TimeSpan.FromSeconds(10));
        cache.MarkFailure(ApA, TimeSpan.FromSeconds(10));
        cache.MarkFailure(ApB, TimeSpan.FromSeconds(10));   // unknown: ignored
        Assert.Equal(2, e.FailCount);
        Assert.Equal(TimeSpan.FromSeconds(12), e.RetryAfter);
        cache.ClearFailure(ApA);
        Assert.Equal((0, (TimeSpan?)null), (e.FailCount, e.RetryAfter));
    }

    public static TheoryData<string, byte[], FrameParseError> Malformed()
    {
        var spec = new BeaconSpec();
        byte[] good = spec.Build();
        byte[] ssid = [0, 3, (byte)'n', (byte)'e', (byte)'t'];
        byte[] rates = [1, 1, 0x82];
        var auth = (byte[])good.Clone();
        auth[0] = (byte)((int)ManagementSubtype.Authentication << 4);
        var data = (byte[])good.Clone();
        data[0] = 0x08;
        var groupBssid = new BeaconSpec { Bssid = MacAddress.Broadcast }.Build();
        return new()
        {
            { "empty", [], FrameParseError.TooShort },
            { "header cut", good[..20], FrameParseError.TooShort },
            { "fixed fields cut", good[..30], FrameParseError.TooShort },
            { "element overruns", spec.Frame([.. ssid, 1, 9, 0x82]), FrameParseError.IeTruncated },
            { "two ssids", spec.Frame([.. ssid, .. ssid, .. rates]), FrameParseError.IeDuplicate },
            { "ssid too long", spec.Frame([0, 33, .. new byte[33], .. rates]), FrameParseError.IeTooLong },
            { "empty rates", spec.Frame([.. ssid, 1, 0]), FrameParseError.IeTooShort },
            { "bad ds length", spec.Frame([.. ssid, .. rates, 3, 2, 6, 6]), FrameParseError.IeTooLong },
            { "no ssid", spec.Frame(rates), FrameParseError.TooShort },
            { "no rates", spec.Frame(ssid), FrameParseError.TooShort },
            { "rsn bad version", spec.Frame([.. ssid, .. rates, 48, 2, 2, 0]), FrameParseError.BadVersion },
            { "not a beacon", auth, FrameParseError.UnknownType },
            { "data frame", data, FrameParseError.UnknownType },
            { "group bssid", groupBssid, FrameParseError.BadValue },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_frames_are_refused_with_the_codec_error_and_change_nothing(string what, byte[] frame, FrameParseError expected)
    {
        var cache = new ScanCache(new SimulationScheduler().Time);
        Assert.False(cache.TryRecord(frame, -50, -95, C2(1), out var entry, out var error), what);
        Assert.Null(entry);
        Assert.Equal(expected, error);
        Assert.Equal(0, cache.Count);
        Assert.Equal(1L, cache.FramesRejected);
    }

    [Fact]
    public void Random_and_truncated_frames_never_throw()
    {
        var cache = new ScanCache(new SimulationScheduler().Time);
        var random = new Random(80211);
        byte[] good = new BeaconSpec { Security = TestSecurity.Mixed, Wmm = true, Ht = true, DsChannel = 3 }.Build();
        for (int cut = 0; cut <= good.Length; cut++) cache.TryRecord(good.AsSpan(0, cut), -50, -95, C2(1), out _, out _);
        for (int i = 0; i < 5000; i++)
        {
            var frame = (byte[])good.Clone();
            for (int k = random.Next(1, 6); k > 0; k--) frame[random.Next(24, frame.Length)] = (byte)random.Next(256);
            cache.TryRecord(frame.AsSpan(0, random.Next(24, frame.Length + 1)), -50, -95, C2(1), out _, out _);
        }
        Assert.True(cache.FramesRecorded > 0);
        Assert.True(cache.FramesRejected > 0);
    }
}
