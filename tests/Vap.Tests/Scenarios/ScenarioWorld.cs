using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Net80211;
using Net80211.Frames;
using Net80211.Modules;
using Net80211.Radio;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.Testing;
using Net80211.Vap;
using Net80211.Vap.RateControl;
using Net80211.Crypto.Ccmp;
using Net80211.Crypto.Gcmp;
using Net80211.Crypto.Tkip;
using Net80211.Crypto.Wep;
using Net80211.Crypto.Bip;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

/// <summary>
/// A simulated world for scenario tests: hwsim radios on the air with every opmode and AMRR registered
/// through DI, and a transcript of stack events and of the management frames on the air (beacons and
/// ACKs are counted, not listed, to keep transcripts readable).
/// </summary>
public sealed class ScenarioWorld
{
    private readonly Dictionary<MacAddress, string> _names = [];

    public ScenarioWorld(ulong seed = 1, MediumOptions? medium = null, bool dataOnAir = false)
    {
        var services = new ServiceCollection().AddNet80211().AddOpModes().AddAmrr().AddFixedRateControl().AddHwsim()
            .AddCcmp().AddGcmp().AddTkip().AddWep().AddBip();
        using var provider = services.BuildServiceProvider();
        World = new HwsimWorld(provider.GetRequiredService<ModuleRegistry>(), seed, medium);
        World.Medium.FrameOnAir += (in AirFrameEvent e) => OnAir(e, dataOnAir);
    }

    public HwsimWorld World { get; }
    public Transcript Transcript { get; } = new();
    public int Beacons { get; private set; }
    public int Acks { get; private set; }
    public int DataFrames { get; private set; }
    public int BroadcastProbes { get; private set; }

    public HwsimRadio AddRadio(Position position = default, string? name = null)
    {
        var r = World.AddRadio(new HwsimOptions { Position = position }, name);
        Transcript.Attach(r.Ic);
        return r;
    }

    /// <summary>Gives an address a short name in the transcript ("ap1", "sta").</summary>
    public void Name(MacAddress address, string name) => _names[address] = name;

    public Ieee80211Vap HostAp(HwsimRadio radio, string ssid, int channel = 36, Action<Ieee80211Vap>? configure = null, string name = "ap")
    {
        var vap = radio.Ic.CreateVap(OpMode.HostAp).Vap!;
        vap.DesiredSsid = System.Text.Encoding.UTF8.GetBytes(ssid);
        vap.DesiredChannel = Channel(radio, channel);
        configure?.Invoke(vap);
        Name(vap.MacAddress, name);
        World.OnQueue(radio, vap.Up);
        return vap;
    }

    public Ieee80211Vap Station(HwsimRadio radio, string? ssid, Action<Ieee80211Vap>? configure = null, string name = "sta", bool up = true)
    {
        var vap = radio.Ic.CreateVap(OpMode.Sta).Vap!;
        if (ssid is not null) vap.DesiredSsid = System.Text.Encoding.UTF8.GetBytes(ssid);
        configure?.Invoke(vap);
        Name(vap.MacAddress, name);
        if (up) World.OnQueue(radio, vap.Up);
        return vap;
    }

    public static Net80211.Channels.Ieee80211Channel Channel(HwsimRadio radio, int ieee)
        => radio.Ic.Channels.ToArray().Where(c => c.Ieee == ieee).OrderByDescending(c => c.IsOfdm).First();

    public void RunFor(TimeSpan t) => World.Scheduler.RunFor(t);
    public void RunFor(double seconds) => RunFor(TimeSpan.FromSeconds(seconds));
    public bool RunUntil(Func<bool> condition, double seconds) => World.Scheduler.RunUntil(condition, TimeSpan.FromSeconds(seconds));

    private string N(MacAddress a) => a.IsBroadcast ? "*" : _names.TryGetValue(a, out var n) ? n : a.ToString();

    private void OnAir(in AirFrameEvent e, bool dataOnAir)
    {
        if (e.IsAck) { Acks++; return; }
        var f = e.Frame;
        if (!FrameHeader.TryRead(f, out var h, out _)) return;
        var fc = h.FrameControl;
        var t = TimeSpan.FromTicks(e.StartTicks);
        if (fc.IsControl) return;
        if (fc.Type == FrameType.Data)
        {
            DataFrames++;
            if (dataOnAir) Transcript.Add(t, Inv($"air {N(h.Address2)} -> {N(h.Address1)} {fc.DataSubtype} {f.Length}B seq={h.SequenceControl.SequenceNumber}{(fc.Retry ? " retry" : "")}"));
            return;
        }
        var st = fc.ManagementSubtype;
        if (st == ManagementSubtype.Beacon) { Beacons++; return; }
        // Wildcard-addressed probes repeat on every channel of every scan: counted, not listed.
        if (st == ManagementSubtype.ProbeRequest && h.Address1.IsBroadcast) { BroadcastProbes++; return; }
        var body = f[h.Length..];
        string detail = st switch
        {
            ManagementSubtype.Authentication when body.Length >= 6 =>
                Inv($" seq={BinaryPrimitives.ReadUInt16LittleEndian(body[2..])} status={BinaryPrimitives.ReadUInt16LittleEndian(body[4..])}"),
            ManagementSubtype.AssociationResponse or ManagementSubtype.ReassociationResponse when body.Length >= 6 =>
                Inv($" status={BinaryPrimitives.ReadUInt16LittleEndian(body[2..])} aid={BinaryPrimitives.ReadUInt16LittleEndian(body[4..]) & 0x3fff}"),
            ManagementSubtype.Deauthentication or ManagementSubtype.Disassociation when body.Length >= 2 =>
                Inv($" reason={BinaryPrimitives.ReadUInt16LittleEndian(body)}"),
            ManagementSubtype.ProbeRequest or ManagementSubtype.ProbeResponse => SsidOf(st == ManagementSubtype.ProbeResponse ? body[12..] : body),
            _ => "",
        };
        Transcript.Add(t, Inv($"air {N(h.Address2)} -> {N(h.Address1)} {st}{detail}{(e.Attempt > 1 ? $" attempt={e.Attempt}" : "")}"));
    }

    private static string SsidOf(ReadOnlySpan<byte> elements)
        => elements.Length >= 2 && elements[0] == 0 && elements.Length >= 2 + elements[1]
            ? $" ssid=\"{Ssid.Format(elements.Slice(2, elements[1]))}\""
            : "";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
