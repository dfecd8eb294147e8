using Microsoft.Extensions.Logging;
using Net80211.Events;
using Net80211.Radio;
using Net80211.Wlan.Daemon;
using Net80211.Wlan.Management.Connections;
using Net80211.Wlan.Management.Host;

namespace Net80211.Wlan.Management;

/// <summary>
/// What <c>./wlan daemon</c> serves: a <see cref="WlanHost"/> built from the world file (or the default
/// world) running in real time, its command processor, the stack events of the user's radios as the live
/// stream, and a graceful shutdown that brings every VAP down (DEAUTH/DISASSOC go out) before stopping.
/// </summary>
internal static class DaemonEngineFactory
{
    public static DaemonEngine Create(DaemonOptions options, ILoggerFactory logging)
    {
        var world = WorldDescription.Default;
        if (options.World is { } path)
        {
            if (!WorldDescription.TryLoad(path, out var loaded, out var error)) throw new InvalidOperationException($"world file {path}: {error}");
            world = loaded!;
        }
        var host = new WlanHost(world);
        var hub = new EventHub();
        foreach (var radio in host.Radios) radio.Ic.EventRaised += hub.Publish;
        // A hook named in the world file is relative to that file.
        string? hook = options.IpHook ?? (world.IpHook is { } h && options.World is { } file ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, h) : null);
        if (hook is not null)
        {
            _ = new IpHook(host, hook, logging.CreateLogger("ip-hook"));
            logging.CreateLogger("engine").LogInformation("ip hook: {Hook}", hook);
        }
        host.StartRealTime(options.Speed);
        logging.CreateLogger("engine").LogInformation("world: {Radios} radio(s) for the user, {Aps} simulated AP(s), speed {Speed}x",
            world.Radios.Count, world.AccessPoints.Count, options.Speed);
        return new DaemonEngine(new CommandProcessor(host), hub, cancellation => ShutdownAsync(host, cancellation));
    }

    private static async Task ShutdownAsync(WlanHost host, CancellationToken cancellation)
    {
        try
        {
            await host.InvokeAsync(() =>
            {
                foreach (var vap in host.Vaps.ToList())
                    if (vap.IsRunning) vap.Down();
                return 0;
            }).WaitAsync(TimeSpan.FromSeconds(2), cancellation).ConfigureAwait(false);
            // Let the frames the VAPs sent on their way down leave the air.
            await Task.Delay(100, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException) { }
        finally { host.Dispose(); }
    }
}
