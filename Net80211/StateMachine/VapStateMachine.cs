using System.Diagnostics;
using Net80211.Events;
using Net80211.Scheduling;
using Net80211.Telemetry;
using Net80211.Vaps;

namespace Net80211.StateMachine;

/// <summary>
/// The state machine engine of one VAP. Requests are queued in order on the radio's work queue and run
/// one at a time, so a request made while another is pending runs after it and is never lost (the fix
/// FreeBSD 14 made for "pending transition lost"). Each edge is checked against
/// <see cref="StateTransitionTable"/>; each transition is an event, an activity and a metric.
/// </summary>
public sealed class VapStateMachine
{
    private readonly Ieee80211Vap _vap;
    private readonly Queue<(Ieee80211State State, TransitionReason Reason)> _pending = new();
    private bool _scheduled;
    private bool _inTransition;

    private static readonly Action<object?> RunPendingAction = static s => ((VapStateMachine)s!).RunPending();

    internal VapStateMachine(Ieee80211Vap vap) => _vap = vap;

    public Ieee80211State State { get; private set; } = Ieee80211State.Init;
    public Ieee80211State PreviousState { get; private set; } = Ieee80211State.Init;
    /// <summary>Requests waiting to run.</summary>
    public int Pending => _pending.Count;
    public long TransitionCount { get; private set; }
    /// <summary>Time of the last completed transition.</summary>
    public TimeSpan LastTransitionTime { get; private set; }
    /// <summary>The reason of the last transition, for status reports.</summary>
    public TransitionReason LastReason { get; private set; }

    /// <summary>ieee80211_new_state: queue a transition. Callable from any thread; runs on the radio's queue.</summary>
    public void Request(Ieee80211State next, TransitionReason reason = default)
    {
        var queue = _vap.Ic.Queue;
        if (!queue.IsCurrent)
        {
            queue.Enqueue(() => Request(next, reason));
            return;
        }
        _pending.Enqueue((next, reason));
        if (!_scheduled)
        {
            _scheduled = true;
            queue.Enqueue(RunPendingAction, this);
        }
    }

    /// <summary>Goes to INIT at once, dropping queued requests (ieee80211_stop_locked: the VAP is going down,
    /// nothing queued before the stop may run after it).</summary>
    internal void ForceInit(TransitionReason reason)
    {
        _pending.Clear();
        if (State != Ieee80211State.Init) Run(Ieee80211State.Init, reason);
    }

    /// <summary>Called by <see cref="Ieee80211Vap.NewState"/>: the state is now <paramref name="next"/>.</summary>
    internal void SetState(Ieee80211State next)
    {
        if (!_inTransition) throw new InvalidOperationException("state changes go through VapStateMachine.Request");
        PreviousState = State;
        State = next;
    }

    private void RunPending()
    {
        _scheduled = false;
        // One transition per pass: the newstate of one may queue the next, and other work on the radio's
        // queue (frames, timers) gets to run in between, as with net80211's taskqueue. A stop in between
        // (ForceInit) has emptied the queue.
        if (_pending.Count == 0) return;
        var (next, reason) = _pending.Dequeue();
        if (_vap.IsRunning || next == Ieee80211State.Init) Run(next, reason);
        else Refuse(next, reason, "VAP is not running");
        if (_pending.Count > 0 && !_scheduled)
        {
            _scheduled = true;
            _vap.Ic.Queue.Enqueue(RunPendingAction, this);
        }
    }

    private void Run(Ieee80211State next, TransitionReason reason)
    {
        var from = State;
        if (!StateTransitionTable.IsLegal(from, next))
        {
            Refuse(next, reason, "not a legal edge");
            return;
        }
        var ic = _vap.Ic;
        using var activity = Net80211Telemetry.ActivitySource.StartActivity("vap.newstate", ActivityKind.Internal);
        activity?.SetTag("net80211.vap", _vap.Name);
        activity?.SetTag("net80211.state.from", from.Name());
        activity?.SetTag("net80211.state.to", next.Name());
        activity?.SetTag("net80211.reason", reason.ToString());

        int error;
        _inTransition = true;
        try
        {
            error = _vap.NewState(next, reason);
        }
        finally { _inTransition = false; }

        if (State != next)
        {
            // The newstate override did not reach the base: the state stays as it was.
            Refuse(next, reason, error != 0 ? $"newstate returned {error}" : "newstate did not change state");
            return;
        }
        TransitionCount++;
        LastTransitionTime = ic.Now;
        LastReason = reason;
        Net80211Telemetry.StateTransitions.Add(1,
            new KeyValuePair<string, object?>("to", next.Name()));
        ic.Raise(new VapStateChanged(ic.Now, ic.Name, _vap.Name, from, next, reason));
    }

    private void Refuse(Ieee80211State next, TransitionReason reason, string why)
    {
        Interlocked.Increment(ref _vap.Stats.StateTransitionsRefused);
        var ic = _vap.Ic;
        ic.Raise(new VapTransitionRefused(ic.Now, ic.Name, _vap.Name, State, next, reason, why));
    }
}
