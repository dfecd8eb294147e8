using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Net80211.Events;
using Net80211.Nodes;
using Net80211.Radio;
using Net80211.StateMachine;
using Net80211.Vaps;
using Net80211.Wlan.Management.Host;

namespace Net80211.Wlan.Management.Connections;

/// <summary>What the IP configuration hook did, raised on the VAP's radio so the live stream carries it.</summary>
public sealed record IpHookEvent(TimeSpan Time, string Radio, string Vap, string Reason, string Outcome) : StackEvent(Time, Radio, Vap)
{
    public override string Describe() => $"{Vap}: ip hook {Reason}: {Outcome}";
}

/// <summary>
/// The IP configuration hook (<c>wlan daemon --ip-hook PATH</c>), after dhclient-script: run with
/// <c>REASON=BOUND</c> when a station VAP reaches RUN with its AP's port authorized (WPA: after the 4-way
/// handshake) and with <c>REASON=EXPIRE</c> when that link is lost or the VAP goes away; <c>IFACE</c>,
/// <c>SSID</c> and <c>BSSID</c> in the environment either way.
/// </summary>
/// <remarks>The link is watched on the radio queue; the process runs on the thread pool, one run at a time per
/// VAP so BOUND and EXPIRE arrive in order, bounded by <see cref="Timeout"/> (then killed). A failing,
/// hanging or missing hook is logged and evented and never holds up the stack.</remarks>
internal sealed class IpHook
{
    private readonly WlanHost _host;
    private readonly ILogger _log;
    // Per VAP, on the radio queues (one scheduler thread): the link we told the hook about, and the hook chain.
    private readonly Dictionary<Ieee80211Vap, (string Ssid, string Bssid)> _bound = [];
    private readonly Dictionary<Ieee80211Vap, Task> _chains = [];

    public IpHook(WlanHost host, string path, ILogger log, TimeSpan? timeout = null)
    {
        _host = host ?? throw new ArgumentNullException(nameof(host));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        Timeout = timeout ?? TimeSpan.FromSeconds(30);
        foreach (var radio in host.Radios)
        {
            var ic = radio.Ic;
            ic.EventRaised += e => OnStackEvent(ic, e);
        }
    }

    public string Path { get; }
    public TimeSpan Timeout { get; }
    /// <summary>Runs that failed (non-zero exit, timed out, could not start).</summary>
    public int Failures => Volatile.Read(ref _failures);
    private int _failures;

    private void OnStackEvent(Ieee80211Com ic, StackEvent e)
    {
        if (e is IpHookEvent || e.Vap is null) return;
        var vap = e is VapDestroyed ? _bound.Keys.FirstOrDefault(v => v.Ic == ic && v.Name == e.Vap) : ic.FindVap(e.Vap);
        if (vap is null || vap.Mode != OpMode.Sta) return;
        bool up = e is not VapDestroyed && vap.State == Ieee80211State.Run && vap.Bss is { } ap
            && ap.MacAddress != vap.MacAddress && (ap.Flags & NodeFlags.Authorized) != 0;
        bool wasUp = _bound.TryGetValue(vap, out var link);
        if (up && !wasUp)
        {
            link = (Ssid.Format(vap.Bss!.Ssid), vap.Bss.Bssid.ToString());
            _bound[vap] = link;
            Enqueue(vap, "BOUND", link);
        }
        else if (!up && wasUp)
        {
            _bound.Remove(vap);
            Enqueue(vap, "EXPIRE", link);
        }
    }

    private void Enqueue(Ieee80211Vap vap, string reason, (string Ssid, string Bssid) link)
    {
        string iface = vap.Name;
        var previous = _chains.GetValueOrDefault(vap, Task.CompletedTask);
        var next = previous.ContinueWith(_ => RunAsync(vap, iface, reason, link), CancellationToken.None,
            TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        _chains[vap] = next;
    }

    private async Task RunAsync(Ieee80211Vap vap, string iface, string reason, (string Ssid, string Bssid) link)
    {
        string outcome;
        bool failed = true;
        var psi = new ProcessStartInfo(Path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["IFACE"] = iface;
        psi.Environment["SSID"] = link.Ssid;
        psi.Environment["BSSID"] = link.Bssid;
        psi.Environment["REASON"] = reason;
        try
        {
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("no process");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                string err = FirstLine(await stderr.ConfigureAwait(false));
                await stdout.ConfigureAwait(false);
                failed = process.ExitCode != 0;
                outcome = failed ? $"exit {process.ExitCode.ToString(CultureInfo.InvariantCulture)}{(err.Length > 0 ? ": " + err : "")}" : "ok";
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                outcome = $"timed out after {Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s, killed";
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            outcome = $"cannot run {Path}: {e.Message}";
        }
        if (failed)
        {
            Interlocked.Increment(ref _failures);
            _log.LogWarning("ip hook {Reason} for {Iface}: {Outcome}", reason, iface, outcome);
        }
        else _log.LogInformation("ip hook {Reason} for {Iface}: ok", reason, iface);
        try
        {
            await _host.InvokeAsync(vap.Ic.Queue, () =>
            {
                vap.Ic.Raise(new IpHookEvent(vap.Ic.Now, vap.Ic.Name, iface, reason, outcome));
                return true;
            }).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or ObjectDisposedException) { } // the daemon is shutting down
    }

    private static string FirstLine(string text)
    {
        text = text.Trim();
        int nl = text.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? text : text[..nl].TrimEnd();
    }

    /// <summary>Completes when every hook run so far has finished (tests, shutdown).</summary>
    public Task DrainAsync() => _host.InvokeAsync(() => Task.WhenAll(_chains.Values)).Unwrap();
}
