using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// A function's MSI-X state: per vector a mask bit, a pending bit (the PBA) and the driver's handler.
/// A message is delivered by enqueueing the handler on the driver's work queue, never on a thread of its
/// own, so simulations stay deterministic. Like an edge-triggered message, a vector already pending or
/// queued is not queued twice. Thread-safe.
/// </summary>
internal sealed class MsixController
{
    private static readonly Action<object?> DeliverAction = static s => ((Vector)s!).Deliver();

    private readonly PciConfigSpace _config;
    private readonly Lock _lock = new();
    private readonly Vector[] _vectors;
    private bool _attached;
    private long _raised, _delivered, _coalesced, _invalid, _dropped;

    public MsixController(PciConfigSpace config)
    {
        _config = config;
        _vectors = new Vector[config.MsixTableSize];
        for (int i = 0; i < _vectors.Length; i++) _vectors[i] = new Vector(this, i);
        config.Written += Reevaluate;
    }

    public int VectorCount => _vectors.Length;

    public MsixCounters Counters
    {
        get { lock (_lock) return new(_raised, _delivered, _coalesced, _invalid, _dropped); }
    }

    /// <summary>False while unplugged: messages are lost, as on a dead link.</summary>
    public bool Attached
    {
        set { lock (_lock) _attached = value; Reevaluate(); }
    }

    public void Raise(int vector)
    {
        Vector? send = null;
        IWorkQueue? queue = null;
        lock (_lock)
        {
            if ((uint)vector >= (uint)_vectors.Length) { _invalid++; return; }
            if (!_attached) return;
            _raised++;
            var v = _vectors[vector];
            if (v.Pending || v.Queued) { _coalesced++; return; }
            if (Deliverable(v)) (send, queue) = (Queue(v), v.Handler!.Queue);
            else v.Pending = true;
        }
        send?.Post(queue!);
    }

    public void Register(int vector, IWorkQueue queue, Action<int> handler)
    {
        lock (_lock) _vectors[CheckVector(vector)].Handler = new Registration(queue, handler);
        Reevaluate();
    }

    public void SetMasked(int vector, bool masked)
    {
        lock (_lock) _vectors[CheckVector(vector)].Masked = masked;
        if (!masked) Reevaluate();
    }

    public bool IsPending(int vector)
    {
        lock (_lock) return _vectors[CheckVector(vector)].Pending;
    }

    /// <summary>Forgets handlers, pending messages and masks (detach, function reset).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            foreach (var v in _vectors) { v.Handler = null; v.Pending = false; v.Masked = false; }
        }
    }

    public void ClearPending()
    {
        lock (_lock) foreach (var v in _vectors) v.Pending = false;
    }

    /// <summary>Sends every pending message that can go now (after an unmask, enable or registration).</summary>
    private void Reevaluate()
    {
        List<(Vector, IWorkQueue)>? send = null;
        lock (_lock)
        {
            foreach (var v in _vectors)
            {
                if (v.Pending && !v.Queued && Deliverable(v))
                {
                    v.Pending = false;
                    (send ??= []).Add((Queue(v), v.Handler!.Queue));
                }
            }
        }
        if (send is not null) foreach (var (v, queue) in send) v.Post(queue);
    }

    private bool Deliverable(Vector v)
    {
        if (!_attached || v.Masked || v.Handler is null || _config.MsixCapability == 0) return false;
        ushort control = _config.Read16(_config.MsixCapability + 2);
        return (control & (PciConfigSpace.MsixEnable | PciConfigSpace.MsixFunctionMask)) == PciConfigSpace.MsixEnable;
    }

    private static Vector Queue(Vector v)
    {
        v.Queued = true;
        return v;
    }

    private int CheckVector(int vector)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vector);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(vector, _vectors.Length);
        return vector;
    }

    private sealed class Vector(MsixController owner, int index)
    {
        public Registration? Handler;
        public bool Masked, Pending, Queued;

        public void Post(IWorkQueue queue) => queue.Enqueue(DeliverAction, this);

        public void Deliver()
        {
            Registration? current;
            lock (owner._lock)
            {
                Queued = false;
                current = Handler;
                // The message was already on its way; it is lost only if the driver unregistered meanwhile.
                if (current is null) { owner._dropped++; return; }
                owner._delivered++;
            }
            current.Handler(index);
        }
    }

    private sealed record Registration(IWorkQueue Queue, Action<int> Handler);
}
