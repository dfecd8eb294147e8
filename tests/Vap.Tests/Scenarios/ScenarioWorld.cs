using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Net80211;
using Net80211.Crypto.Bip;
using Net80211.Crypto.Ccmp;
using Net80211.Crypto.Gcmp;
using Net80211.Crypto.Tkip;
using Net80211.Crypto.Wep;
using Net80211.Frames;
using Net80211.Modules;
using Net80211.Radio;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.Testing;
using Net80211.Vap;
using Net80211.Vap.RateControl;
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
            .AddCcmp().AddGcmp().AddTkip().AddWep().AddBipAll();
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

    /// <summary>Sends an 802.3 frame (DA, SA, EtherType, payload) out of <paramref name="from"/>'s interface,
    /// from its radio's queue.</summary>
    public void Send(Ieee80211Vap from, MacAddress to, ReadOnlySpan<byte> payload, ushort etherType = 0x0800)
    {
        var p = World.Pool.Rent(14 + payload.Length);
        var b = p.Append(14 + payload.Length);
        to.WriteTo(b);
        from.MacAddress.WriteTo(b[6..]);
        b[12] = (byte)(etherType >> 8);
        b[13] = (byte)etherType;
        payload.CopyTo(b[14..]);
        World.OnQueue(RadioOf(from), () => from.Interface.Output(p));
    }

    /// <summary>As <see cref="Send(Ieee80211Vap, MacAddress, ReadOnlySpan{byte}, ushort)"/> with
    /// <paramref name="length"/> bytes of <paramref name="fill"/>.</summary>
    public void Send(Ieee80211Vap from, MacAddress to, int length, byte fill, ushort etherType = 0x0800)
    {
        var payload = new byte[length];
        payload.AsSpan().Fill(fill);
        Send(from, to, payload, etherType);
    }

    /// <summary>Puts an unprotected deauthentication "from" <paramref name="claimedSender"/> straight into a
    /// radio's receive path, as an attacker on the channel would.</summary>
    public void InjectDeauth(HwsimRadio radio, MacAddress to, MacAddress claimedSender, byte reason)
    {
        var forged = new byte[26];
        forged[0] = 0xc0;
        to.WriteTo(forged.AsSpan(4));
        claimedSender.WriteTo(forged.AsSpan(10));
        claimedSender.WriteTo(forged.AsSpan(16));
        forged[24] = reason;
        radio.Ic.RxEnqueue(World.Pool.Rent(forged), -40, -91, new Net80211.Radio.RxInfo { FrequencyMhz = radio.Port.FrequencyMhz });
    }

    public const string Passphrase = "correct horse battery";

    /// <summary>WPA2-PSK with <see cref="Passphrase"/> (or another), plus any further settings.</summary>
    public static void Wpa(Ieee80211Vap vap, Action<Net80211.Security.SecuritySettings>? more = null, string passphrase = Passphrase)
    {
        vap.Security.AuthMode = Net80211.Security.AuthMode.Wpa;
        vap.Security.Passphrase = passphrase;
        more?.Invoke(vap.Security);
    }

    /// <summary>Both ends finished the 4-way handshake: the station's AP node and the AP's station node are
    /// authorized.</summary>
    public static bool Authorized(Ieee80211Vap ap, Ieee80211Vap sta)
        => sta.Bss is { } b && (b.Flags & Net80211.Nodes.NodeFlags.Authorized) != 0
           && ap.Ic.Nodes.Find(ap, sta.MacAddress) is { } n && (n.Flags & Net80211.Nodes.NodeFlags.Authorized) != 0;

    public HwsimRadio RadioOf(Ieee80211Vap vap) => World.Radios.Single(r => r.Ic == vap.Ic);

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
        // A protected frame's body is ciphertext (Shared Key frame 3): say so rather than misread it.
        string detail = fc.Protected ? " protected" : FrameSummary.ManagementDetail(st, body) + AuthenticationDetail(st, body);
        Transcript.Add(t, Inv($"air {N(h.Address2)} -> {N(h.Address1)} {st}{detail}{(e.Attempt > 1 ? $" attempt={e.Attempt}" : "")}"));
    }

    /// <summary>" alg=1 challenge=128B" for Shared Key frames; nothing for Open System (as transcripts always were).</summary>
    private static string AuthenticationDetail(ManagementSubtype subtype, ReadOnlySpan<byte> body)
    {
        if (subtype != ManagementSubtype.Authentication || !AuthenticationFrame.TryRead(body, out var auth, out _)
            || auth.Algorithm == AuthenticationAlgorithm.OpenSystem) return "";
        string challenge = ChallengeTextElement.TryFind(auth.Elements, out var c, out _) ? Inv($" challenge={c.Text.Length}B") : "";
        return Inv($" alg={(ushort)auth.Algorithm}{challenge}");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
