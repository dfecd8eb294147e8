using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Net80211.Events;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.RadioDrivers.Iwx;
using Net80211.Scheduling;
using Net80211.StateMachine;
using Net80211.Security;
using Net80211.Vaps;
using Net80211.Wlan.Management.Host;

namespace Net80211.Wlan.Demo;

/// <summary>
/// The main demo: a host AP and a station on two simulated radios 15 m apart. The station scans, joins,
/// then traffic runs both ways; the state transitions print with virtual timestamps, then the goodput, and
/// everything on the air goes to a radiotap pcap that Wireshark opens.
/// </summary>
internal static class StationDemo
{
    private const int Msdu = 1500;

    public const string Passphrase = "correct horse battery staple";

    /// <param name="iwx">Put the station on an emulated Intel AX200 driven by the iwx driver (firmware scan,
    /// hardware CCMP, DMA rings) instead of a second hwsim radio.</param>
    public static int Run(TextWriter o, ulong seed, TimeSpan trafficTime, string pcapPath, bool open = false, bool iwx = false)
    {
        using var provider = WlanHost.CreateServices();
        var world = new HwsimWorld(provider.GetRequiredService<ModuleRegistry>(), seed);
        string ssid = "net80211-demo";

        o.WriteLine(iwx
            ? Inv($"Net80211 demo (seed {seed}): a host AP on a simulated radio and a station on an emulated Intel AX200 (iwx), 15 m apart")
            : Inv($"Net80211 demo (seed {seed}): a host AP and a station on simulated radios, 15 m apart"));
        o.WriteLine(open
            ? Inv($"SSID \"{ssid}\", open; capture: {pcapPath}")
            : Inv($"SSID \"{ssid}\", WPA2-PSK (CCMP), passphrase \"{Passphrase}\"; capture: {pcapPath}"));
        if (!open)
        {
            o.WriteLine("To read the traffic in Wireshark: Preferences > Protocols > IEEE 802.11 > Decryption keys,");
            o.WriteLine(Inv($"add wpa-pwd \"{Passphrase}:{ssid}\" (the capture holds the whole 4-way handshake)."));
        }
        o.WriteLine();

        AirCapture capture;
        try { capture = AirCapture.Create(world.Medium, pcapPath); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"wlan: demo: cannot write {pcapPath}: {ex.Message}");
            return 73; // EX_CANTCREAT
        }
        using (capture)
        {
            var apRadio = world.AddRadio(new HwsimOptions { Position = new Position(0, 0) });
            var apEnd = new Endpoint(apRadio.Ic, apRadio.Port);
            Endpoint staEnd;
            IwxSimulation? machine = null;
            if (iwx)
            {
                machine = world.AddIwx("iwx0", position: new Position(15, 0));
                if (machine.Driver is not { IsAttached: true } driver)
                {
                    Console.Error.WriteLine($"wlan: demo: iwx0: {machine.Driver?.AttachError ?? "no driver"}");
                    return 1;
                }
                o.WriteLine(Inv($"iwx0: {machine.Device.Model} at pci {machine.Address}, firmware {driver.Ic.FirmwareVersion}, address {driver.Ic.MacAddress}"));
                staEnd = new Endpoint(driver.Ic, machine.Device.Port);
            }
            else
            {
                var staRadio = world.AddRadio(new HwsimOptions { Position = new Position(15, 0) });
                staEnd = new Endpoint(staRadio.Ic, staRadio.Port);
            }
            foreach (var ic in new[] { apEnd.Ic, staEnd.Ic })
                ic.EventRaised += e => o.WriteLine(Inv($"{e.Time.TotalSeconds,10:0.000000}  {e.Describe()}"));

            var ap = apRadio.Ic.CreateVap(OpMode.HostAp).Vap!;
            ap.DesiredSsid = System.Text.Encoding.UTF8.GetBytes(ssid);
            ap.DesiredChannel = apRadio.Ic.Channels.ToArray().First(c => c.Ieee == 36);
            var sta = staEnd.Ic.CreateVap(OpMode.Sta).Vap!;
            sta.DesiredSsid = ap.DesiredSsid;
            if (!open)
            {
                foreach (var v in new[] { ap, sta })
                {
                    v.Security.AuthMode = AuthMode.Wpa;
                    v.Security.Passphrase = Passphrase;
                }
            }

            OnQueue(world, apEnd.Ic, ap.Up);
            OnQueue(world, staEnd.Ic, sta.Up);
            bool Ready() => sta.State == Ieee80211State.Run && sta.Bss is { } b && (b.Flags & Net80211.Nodes.NodeFlags.Authorized) != 0
                && ap.Ic.Nodes.Find(ap, sta.MacAddress) is { } n && (n.Flags & Net80211.Nodes.NodeFlags.Authorized) != 0;
            if (!world.Scheduler.RunUntil(Ready, TimeSpan.FromSeconds(30)))
            {
                Console.Error.WriteLine("wlan: demo: the station did not join within 30 s of virtual time");
                return 1;
            }

            o.WriteLine();
            o.WriteLine(Inv($"traffic: {trafficTime.TotalSeconds:0.#} s each way of {Msdu}-byte frames, saturating"));
            var up = Traffic.Measure(world, staEnd, sta, ap.MacAddress, ap, trafficTime);
            var down = Traffic.Measure(world, apEnd, ap, sta.MacAddress, sta, trafficTime);
            o.WriteLine(Inv($"  station -> AP: {up.GoodputMbps,6:0.00} Mb/s goodput, {up.Delivered} frames delivered, mostly at {up.TopRate / 2.0} Mb/s"));
            o.WriteLine(Inv($"  AP -> station: {down.GoodputMbps,6:0.00} Mb/s goodput, {down.Delivered} frames delivered, mostly at {down.TopRate / 2.0} Mb/s"));

            OnQueue(world, staEnd.Ic, sta.Down);
            world.Scheduler.RunFor(TimeSpan.FromMilliseconds(50));
            if (machine is { Driver: { } d })
            {
                o.WriteLine();
                o.WriteLine(Inv($"iwx0: {d.TxFrames} frames through TX rings, {d.RxFrames} up from the RX ring ({d.RxRestocks} restocks), {d.Interrupts} interrupts"));
                o.WriteLine(Inv($"      firmware: {machine.Device.TxEncrypted} frames encrypted, {machine.Device.RxDecrypted} decrypted (CCMP in hardware), {d.ScansCompleted} scan(s)"));
                int frames = d.Handle.Dma.DescribeActive().Count(m => m.StartsWith("iwx tx frame", StringComparison.Ordinal));
                o.WriteLine(Inv($"      DMA: {d.Handle.Dma.ActiveMappings - frames} coherent buffers kept while attached (rings, firmware), {frames} frame mappings left"));
            }
            capture.Flush();
            o.WriteLine();
            o.WriteLine(Inv($"air: {world.Medium.Statistics.Transmissions} transmissions, {world.Medium.Statistics.Collisions} collisions; {capture.FramesWritten} frames written to {pcapPath}"));
            o.WriteLine(Inv($"packets outstanding in the pool: {world.Pool.Outstanding}"));
        }
        return 0;
    }

    /// <summary>A radio of the demo whatever its driver: the stack's face and its transmitter on the air.</summary>
    private readonly record struct Endpoint(Ieee80211Com Ic, MediumPort Port);

    private static void OnQueue(HwsimWorld world, Ieee80211Com ic, Action action)
    {
        ic.Queue.Enqueue(action);
        world.Scheduler.RunFor(TimeSpan.Zero);
    }

    /// <summary>Keeps a VAP's interface saturated and counts what the receiver's interface delivers.</summary>
    private sealed class Traffic
    {
        public readonly record struct Result(double GoodputMbps, long Delivered, byte TopRate);

        public static Result Measure(HwsimWorld world, Endpoint radio, Ieee80211Vap from, MacAddress to, Ieee80211Vap receiver, TimeSpan duration)
        {
            long delivered = 0;
            receiver.Interface.Receiver = p => { delivered++; p.Free(); };
            var rates = new Dictionary<byte, int>();
            AirFrameHandler onAir = (in AirFrameEvent e) =>
            {
                if (e.Sender == radio.Port && !e.IsAck && e.Frame.Length > 1000) rates[e.Rate] = rates.GetValueOrDefault(e.Rate) + 1;
            };
            world.Medium.FrameOnAir += onAir;

            var pump = new Callout(radio.Ic.Queue);
            long completedAtStart = radio.Ic.TxCompleted;
            long sent = 0;
            void Tick(object? _)
            {
                // Keep about 16 frames in the radio's queues.
                while (sent - (radio.Ic.TxCompleted - completedAtStart) < 16)
                {
                    var p = world.Pool.Rent(14 + Msdu);
                    var b = p.Append(14 + Msdu);
                    to.WriteTo(b);
                    from.MacAddress.WriteTo(b[6..]);
                    b[12] = 0x08;
                    b[13] = 0x00;
                    b[14..].Clear();
                    sent++;
                    from.Interface.Output(p);
                }
                pump.Reset(TimeSpan.FromMilliseconds(1), Tick);
            }
            long deliveredAtStart = delivered;
            OnQueue(world, radio.Ic, () => Tick(null));
            world.Scheduler.RunFor(duration);
            pump.Stop();
            long got = delivered - deliveredAtStart;
            world.Scheduler.RunFor(TimeSpan.FromMilliseconds(100));  // drain what is still queued
            world.Medium.FrameOnAir -= onAir;
            receiver.Interface.Receiver = null;
            byte top = rates.Count == 0 ? (byte)0 : rates.MaxBy(kv => kv.Value).Key;
            return new Result(got * Msdu * 8 / duration.TotalSeconds / 1e6, got, top);
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
