using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Telemetry;

namespace Net80211.Radio;

// Transmit: ieee80211_parent_xmitpkt / ieee80211_raw_output → driver; ieee80211_tx_complete ← driver.
public sealed partial class Ieee80211Com
{
    private static readonly Action<object?> TxCompleteAction = static s =>
    {
        var m = (Packet)s!;
        var ic = (Ieee80211Com)m.Context!;
        ic.CompleteTx(m, m.Node as Ieee80211Node, m.Meta.Status);
    };

    /// <summary>Hands an encapsulated data frame to the driver (ieee80211_parent_xmitpkt). The driver owns it
    /// until it calls <see cref="TxComplete"/>.</summary>
    public void ParentTransmit(Packet frame)
    {
        MarkSubmitted(frame);
        Driver.Transmit(this, frame);
    }

    /// <summary>Sends a management or raw frame through the driver (ieee80211_raw_output).</summary>
    public void RawTransmit(Ieee80211Node node, Packet frame, RawTxParams? parameters = null)
    {
        frame.Node = node;
        MarkSubmitted(frame);
        Driver.RawXmit(node, frame, parameters);
    }

    private void MarkSubmitted(Packet frame)
    {
        frame.Meta.Flags |= PacketFlags.InDriver;
        Interlocked.Increment(ref _txSubmitted);
    }

    /// <summary>
    /// ieee80211_tx_complete: the driver is done with a frame it was given. Exactly once per frame, also on
    /// every error path. <see cref="Packet.Meta"/> carries what the hardware reported (Retries, Rate).
    /// Callable from any thread; the work runs on the radio's queue.
    /// </summary>
    public void TxComplete(Packet frame, Ieee80211Node? node, TxStatus status)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (Queue.IsCurrent)
        {
            CompleteTx(frame, node, status);
            return;
        }
        frame.Node = node;
        frame.Meta.Status = status;
        frame.Context = this;
        Queue.Enqueue(TxCompleteAction, frame);
    }

    private void CompleteTx(Packet m, Ieee80211Node? node, TxStatus status)
    {
        if ((m.Meta.Flags & PacketFlags.InDriver) == 0)
        {
            // Completed twice, or never submitted: a driver bug. Count it, and do not free again.
            Interlocked.Increment(ref _txCompleteErrors);
            return;
        }
        m.Meta.Flags &= ~PacketFlags.InDriver;
        m.Meta.Status = status;
        Interlocked.Increment(ref _txCompleted);
        if (status == TxStatus.Ok) Net80211Telemetry.FramesTransmitted.Add(1);
        else CountOutputError();

        var vap = node?.Vap;
        if (vap is not null) vap.OnTxComplete(m, node!, status);
        m.Free();
    }
}
