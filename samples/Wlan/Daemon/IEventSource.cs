using Net80211.Events;

namespace Net80211.Wlan.Daemon;

/// <summary>
/// Where the daemon's live event stream comes from. <see cref="EventRaised"/> may fire on any thread (the
/// stack raises events on radio work queues); handlers must not block.
/// </summary>
public interface IEventSource
{
    event Action<StackEvent>? EventRaised;
}

/// <summary>An <see cref="IEventSource"/> fed by <see cref="Publish"/>: the engine (or a test) publishes, the
/// control server's subscribers receive.</summary>
public sealed class EventHub : IEventSource
{
    public event Action<StackEvent>? EventRaised;

    public void Publish(StackEvent e) => EventRaised?.Invoke(e);
}
