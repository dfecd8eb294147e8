using System.Text;
using Net80211.Radio;
using Net80211.Scan;
using Net80211.StateMachine;
using Net80211.Vaps;
using Net80211.Wlan.Management.Host;

namespace Net80211.Wlan.Management.Ifconfig;

/// <summary>
/// <c>ifconfig</c> for wlan VAPs: create/destroy (wlan_clone), -a, the interface block, settings (several per
/// line, applied in order as ifconfig's ioctls are), lists and scan. Every step runs on the VAP's radio queue.
/// </summary>
internal sealed class IfconfigCommand(WlanHost host)
{
    public const string Usage = "usage: ifconfig [-av] [interface [create wlandev device [wlanmode mode] ...] [parameters]]";

    public async Task<CommandResult> RunAsync(IReadOnlyList<string> argv, CancellationToken cancellation)
    {
        int i = 1;
        bool all = false, verbose = false;
        while (i < argv.Count && argv[i].StartsWith('-') && argv[i].Length > 1 && argv[i].Skip(1).All(c => c is 'a' or 'v'))
        {
            all |= argv[i].Contains('a', StringComparison.Ordinal);
            verbose |= argv[i].Contains('v', StringComparison.Ordinal);
            i++;
        }
        if (all)
        {
            if (i != argv.Count) return CommandResult.Fail(Usage, 64);
            return CommandResult.Ok(await host.InvokeAsync(() => string.Concat(host.Vaps.Select(v => InterfaceBlock.Format(host, v, verbose)))).ConfigureAwait(false));
        }
        if (i >= argv.Count) return CommandResult.Fail(Usage, 64);
        string name = argv[i++];
        if (i < argv.Count && argv[i] == "create") return await CreateAsync(name, argv, i + 1, cancellation).ConfigureAwait(false);

        var vap = await host.InvokeAsync(() => host.FindVap(name)).ConfigureAwait(false);
        if (vap is null) return CommandResult.Fail($"ifconfig: interface {name} does not exist");
        if (i == argv.Count)
            return CommandResult.Ok(await host.InvokeAsync(vap.Ic.Queue, () => InterfaceBlock.Format(host, vap, verbose)).ConfigureAwait(false));
        if (argv[i] == "destroy")
        {
            if (i + 1 != argv.Count) return CommandResult.Fail(Usage, 64);
            await host.InvokeAsync(vap.Ic.Queue, () => { vap.Ic.DestroyVap(vap); return true; }).ConfigureAwait(false);
            return CommandResult.Ok("");
        }
        return await SettingsAsync(vap, argv, i, verbose, new StringBuilder(), cancellation).ConfigureAwait(false);
    }

    private async Task<CommandResult> CreateAsync(string name, IReadOnlyList<string> argv, int i, CancellationToken cancellation)
    {
        string? device = null;
        var mode = OpMode.Sta;
        var flags = VapCreateFlags.None;
        MacAddress bssid = default, address = default;
        for (; i < argv.Count; i++)
        {
            string k = argv[i];
            string? NextArg() => i + 1 < argv.Count ? argv[++i] : null;
            switch (k)
            {
                case "wlandev":
                    device = NextArg();
                    if (device is null) return CommandResult.Fail("ifconfig: no device specified with wlandev", 64);
                    continue;
                case "wlanmode":
                    {
                        string? m = NextArg();
                        if (m is null) return CommandResult.Fail("ifconfig: wlanmode requires an argument", 64);
                        if (!OpModeNames.TryParse(m, out mode)) return CommandResult.Fail($"ifconfig: Don't know how to create {m} for {name}");
                        continue;
                    }
                case "wlanbssid":
                case "wlanaddr":
                    {
                        string? m = NextArg();
                        if (m is null || !MacAddress.TryParse(m, out var mac)) return CommandResult.Fail($"ifconfig: malformed {k} address: {m}");
                        if (k == "wlanbssid") { bssid = mac; flags |= VapCreateFlags.Bssid; }
                        else { address = mac; flags |= VapCreateFlags.MacAddress; }
                        continue;
                    }
                case "bssid": flags |= VapCreateFlags.UniqueBssid; continue;
                case "-bssid": flags &= ~VapCreateFlags.UniqueBssid; continue;
                case "beacons": flags &= ~VapCreateFlags.NoBeacons; continue;
                case "-beacons": flags |= VapCreateFlags.NoBeacons; continue;
            }
            break; // the rest are settings for the new interface
        }
        if (device is null) return CommandResult.Fail("ifconfig: no device specified with wlandev", 64);
        var radio = host.FindRadio(device);
        if (radio is null) return CommandResult.Fail($"ifconfig: SIOCIFCREATE2 ({name}): {device}: no such radio (have {string.Join(", ", host.Radios.Select(r => r.Ic.Name))})");
        string? requested = name == "wlan" ? null : name;
        var result = await host.InvokeAsync(radio.Ic.Queue, () => radio.Ic.CreateVap(mode, requested, flags, bssid, address)).ConfigureAwait(false);
        if (!result.Succeeded) return CommandResult.Fail($"ifconfig: SIOCIFCREATE2 ({name}): {result.Message}");
        var output = new StringBuilder();
        if (requested is null) output.Append(result.Vap!.Name).Append('\n');
        if (i == argv.Count) return CommandResult.Ok(output.ToString());
        return await SettingsAsync(result.Vap!, argv, i, verbose: false, output, cancellation).ConfigureAwait(false);
    }

    private async Task<CommandResult> SettingsAsync(Ieee80211Vap vap, IReadOnlyList<string> argv, int i, bool verbose, StringBuilder output, CancellationToken cancellation)
    {
        var resets = new HashSet<VapResetReason>();
        for (; i < argv.Count; i++)
        {
            string k = argv[i];
            if (k == "list")
            {
                if (i + 1 >= argv.Count) return Fail(output, $"ifconfig: list requires an argument ({IfconfigLists.Kinds})", 64);
                string kind = argv[++i];
                await FlushResetsAsync(vap, resets).ConfigureAwait(false);
                string? text = await host.InvokeAsync(vap.Ic.Queue, () => IfconfigLists.Format(vap, kind, verbose)).ConfigureAwait(false);
                if (text is null) return Fail(output, $"ifconfig: Don't know how to list {kind} for {vap.Name}", 64);
                output.Append(text);
                continue;
            }
            if (k == "scan")
            {
                await FlushResetsAsync(vap, resets).ConfigureAwait(false);
                var (text, error) = await ScanAsync(vap, verbose, cancellation).ConfigureAwait(false);
                if (error is not null) return Fail(output, error, 1);
                output.Append(text);
                continue;
            }
            int arity = IfconfigSettings.Arity(k);
            if (arity < 0) return Fail(output, $"ifconfig: {k}: bad value", 1);
            if (i + arity >= argv.Count + (arity == 0 ? 1 : 0) && arity > 0) return Fail(output, $"ifconfig: {k}: missing argument", 64);
            string? arg = arity > 0 ? argv[++i] : null;
            if (k is "up" or "down") await FlushResetsAsync(vap, resets).ConfigureAwait(false);
            var (err, reset) = await host.InvokeAsync(vap.Ic.Queue, () =>
            {
                string? e = IfconfigSettings.Apply(host, vap, k, arg, out var r);
                return (e, r);
            }).ConfigureAwait(false);
            if (err is not null) return Fail(output, "ifconfig: " + err, 1);
            if (reset is { } r) resets.Add(r);
        }
        await FlushResetsAsync(vap, resets).ConfigureAwait(false);
        return CommandResult.Ok(output.ToString());
    }

    private static CommandResult Fail(StringBuilder output, string error, int code) => new(code, output.ToString(), error);

    /// <summary>Changed settings take effect on a running VAP by re-initialising it once (ENETRESET).</summary>
    private async Task FlushResetsAsync(Ieee80211Vap vap, HashSet<VapResetReason> resets)
    {
        if (resets.Count == 0) return;
        var what = resets.First();
        resets.Clear();
        await host.InvokeAsync(vap.Ic.Queue, () => { if (vap.IsAttached) vap.ApplySetting(what); return true; }).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>ifconfig wlan0 scan</c>: a station VAP is brought up if needed and the command waits (bounded) for a
    /// scan that ends after it was asked. A station in SCAN is (re)started scanning; a joined station scans
    /// its own channel only, so it does not leave its AP; then the cache is listed.
    /// </summary>
    /// <remarks>The scanner's completion count is read and the scan asked for in one work item, so no completion
    /// can fall between the two: the wait is for the count to pass that baseline.</remarks>
    private async Task<(string? Text, string? Error)> ScanAsync(Ieee80211Vap vap, bool verbose, CancellationToken cancellation)
    {
        if (vap.Mode != OpMode.Sta) return (null, $"ifconfig: {vap.Name}: scan is supported on station interfaces only");
        var scanner = await host.InvokeAsync(vap.Ic.Queue, () => vap.Ic.Scanner).ConfigureAwait(false);
        var (baseline, error, wait) = await host.InvokeAsync(vap.Ic.Queue, () =>
        {
            long done = scanner.ScansCompleted + scanner.ScansCancelled;
            // Up queues INIT -> SCAN (a station's first state): the scan comes with it.
            if (!vap.IsRunning)
            {
                vap.Up();
                return (done, (string?)null, true);
            }
            if (scanner.IsScanning) return (done, null, true);
            // A transition is queued: from INIT it is the scan that comes with up (wait for it); from SCAN it
            // is the join the last scan decided (nothing more to wait for: list what that scan found).
            if (vap.StateMachine.Pending > 0) return (done, null, vap.State == Ieee80211State.Init);
            if (vap.State == Ieee80211State.Scan)
            {
                vap.StateMachine.Request(Ieee80211State.Scan, new TransitionReason(TransitionCause.User));
                return (done, null, true);
            }
            if (vap.State == Ieee80211State.Run && vap.OpModeHandler is IScanClient station && vap.Ic.CurrentChannel is { } ch)
                return scanner.TryStart(new ScanRequest { Channels = [ch] }, new OneShotScanClient(station), out var e) ? (done, null, true) : (done, e, false);
            return (done, null, false); // authenticating or associating: no scan now; the cache is what we have
        }).ConfigureAwait(false);
        if (error is not null) return (null, "ifconfig: " + error);
        bool finished = !wait || await host.WaitUntilAsync(vap.Ic.Queue,
            () => scanner.ScansCompleted + scanner.ScansCancelled > baseline,
            host.WaitLimit, cancellation).ConfigureAwait(false);
        if (!finished) return (null, $"ifconfig: {vap.Name}: scan did not finish within {host.WaitLimit.TotalSeconds:0} s");
        string text = await host.InvokeAsync(vap.Ic.Queue, () => IfconfigLists.Scan(vap.Ic.ScanCache.Entries, verbose)).ConfigureAwait(false);
        return (text, null);
    }

    /// <summary>A scan started for the user while the station stays joined: probes go out as the station's,
    /// the results only land in the cache.</summary>
    private sealed class OneShotScanClient(IScanClient station) : IScanClient
    {
        public void SendProbeRequest(Net80211.Channels.Ieee80211Channel channel, ReadOnlySpan<byte> ssid) => station.SendProbeRequest(channel, ssid);
        public void ScanCompleted(ScanCompletion result) { }
    }
}
