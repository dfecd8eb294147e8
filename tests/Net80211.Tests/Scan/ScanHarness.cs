using System.Globalization;
using Net80211.Channels;
using Net80211.Scan;
using Net80211.Scheduling;
using Net80211.Testing;

namespace Net80211.Tests.Scan;

/// <summary>A fake radio, its scan engine and a recording client: one timeline of driver calls, probe
/// requests and completions, each stamped with virtual time in ms.</summary>
internal sealed class ScanHarness : IScanClient
{
    private int _seenCalls;

    public ScanHarness(Ieee80211Channel[]? channels = null, Net80211.Radio.RadioCapabilities extraCaps = Net80211.Radio.RadioCapabilities.None)
    {
        World = new TestRadio(Net80211.Radio.RadioCapabilities.Sta | Net80211.Radio.RadioCapabilities.HostAp | Net80211.Radio.RadioCapabilities.Monitor
            | Net80211.Radio.RadioCapabilities.MultiVap | extraCaps, channels: channels);
        Engine = new ScanEngine(World.Ic);
        _seenCalls = World.Driver.Calls.Count;
    }

    public TestRadio World { get; }
    public ScanEngine Engine { get; }
    public List<string> Log { get; } = [];
    public List<ScanCompletion> Completions { get; } = [];
    public List<(double Ms, int Channel, string Ssid)> Probes { get; } = [];
    public Action<Ieee80211Channel, byte[]>? OnProbe { get; set; }
    public Action<ScanCompletion>? OnCompleted { get; set; }

    public double NowMs => World.Scheduler.Now.TotalMilliseconds;

    public bool Start(ScanRequest request, out string? error)
    {
        bool ok = false;
        string? err = null;
        World.Ic.Queue.Enqueue(() => ok = Engine.TryStart(request, this, out err));
        // The engine defers its start to a zero-delay callout: this runs it, and the first channel, at once.
        World.Scheduler.RunUntil(() => { Flush(); return false; }, TimeSpan.Zero);
        Flush();
        error = err;
        return ok;
    }

    public void Start(ScanRequest? request = null)
    {
        Assert.True(Start(request ?? new ScanRequest(), out string? error), error);
    }

    /// <summary>Runs the world until <paramref name="ms"/> of virtual time, logging as it goes.</summary>
    public void RunUntilMs(double ms)
    {
        World.Scheduler.RunUntil(() => { Flush(); return false; }, TimeSpan.FromMilliseconds(ms) - World.Scheduler.Now);
        Flush();
    }

    /// <summary>Runs <paramref name="action"/> on the radio's queue now.</summary>
    public void OnQueue(Action action)
    {
        World.Ic.Queue.Enqueue(action);
        World.Scheduler.RunUntil(() => { Flush(); return false; }, TimeSpan.Zero);
        Flush();
    }

    /// <summary>Has the engine hear a response <paramref name="delayMs"/> from now.</summary>
    public void RespondAfter(double delayMs)
        => World.Scheduler.ScheduleAfter(TimeSpan.FromMilliseconds(delayMs), _ => World.Ic.Queue.Enqueue(() =>
        {
            Flush();
            Log.Add(Stamp("response"));
            Engine.NotifyResponse();
        }), null);

    public IEnumerable<string> DriverCalls => Log.Select(l => l[10..]).Where(l => !l.StartsWith("probe", StringComparison.Ordinal)
        && !l.StartsWith("completed", StringComparison.Ordinal) && !l.StartsWith("response", StringComparison.Ordinal));

    public string Timeline => string.Join('\n', Log);

    public void SendProbeRequest(Ieee80211Channel channel, ReadOnlySpan<byte> ssid)
    {
        Flush();
        string text = Net80211.Ssid.Format(ssid);
        Probes.Add((NowMs, channel.Ieee, text));
        Log.Add(Stamp($"probe ch{channel.Ieee} '{text}'"));
        OnProbe?.Invoke(channel, ssid.ToArray());
    }

    public void ScanCompleted(ScanCompletion result)
    {
        Flush();
        Completions.Add(result);
        Log.Add(Stamp($"completed {result.Status} visited={result.ChannelsVisited} sweep={result.Sweep} " +
            $"duration={result.Duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms"));
        OnCompleted?.Invoke(result);
    }

    private string Stamp(string what) => $"{NowMs.ToString("0.0", CultureInfo.InvariantCulture),8}  {what}";

    private void Flush()
    {
        var calls = World.Driver.Calls;
        while (_seenCalls < calls.Count) Log.Add(Stamp(calls[_seenCalls++]));
    }
}
