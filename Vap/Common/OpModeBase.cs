using Net80211.DataPath;
using Net80211.Events;
using Net80211.Frames;
using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Output;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.StateMachine;
using Net80211.Vaps;

namespace Net80211.Vap.Common;

/// <summary>
/// What every operating mode shares: parsing the header once, duplicate detection, counting drops, and the
/// data path in and out (decapsulate/deliver, encapsulate/send). A mode supplies its newstate, its
/// management handling and its addressing.
/// </summary>
public abstract class OpModeBase : IOpMode
{
    private readonly DataPathHelper _data;

    protected OpModeBase(Ieee80211Vap vap)
    {
        Vap = vap;
        Ic = vap.Ic;
        _data = new DataPathHelper(vap);
    }

    protected Ieee80211Vap Vap { get; }
    protected Ieee80211Com Ic { get; }
    protected DataPathHelper Data => _data;

    public abstract Ieee80211State InitialState { get; }
    public abstract int NewState(Ieee80211State from, Ieee80211State to, TransitionReason reason);
    public abstract void Output(Packet ethernetFrame);

    /// <summary>A management frame (header already parsed). The caller frees the frame afterwards.</summary>
    protected abstract void ReceiveManagement(Packet frame, in FrameHeader header, Ieee80211Node? node);

    /// <summary>A data frame that passed duplicate detection. The mode owns the packet.</summary>
    protected abstract void ReceiveData(Packet frame, in FrameHeader header, Ieee80211Node? node);

    public virtual void Input(Packet frame, Ieee80211Node? node)
    {
        if (!FrameHeader.TryRead(frame.Data, out var header, out _))
        {
            Drop(frame, ref Vap.Stats.RxMalformed);
            return;
        }
        // Frames for another station are not ours — except beacons and probe responses, which feed the
        // scan cache whoever they were sent to (sta_input's addr1 check, with the scan exception).
        var a1 = header.Address1;
        if (!a1.IsGroup && a1 != Vap.MacAddress &&
            !(header.FrameControl.IsManagement && header.FrameControl.ManagementSubtype is ManagementSubtype.Beacon or ManagementSubtype.ProbeResponse))
        {
            Drop(frame, ref Vap.Stats.RxNotForUs);
            return;
        }
        switch (header.FrameControl.Type)
        {
            case FrameType.Management:
                if (node is not null) node.Stats.RxManagement++;
                if (header.FrameControl.Protected)
                {
                    // A robust management frame protected with the pairwise key (802.11w), or Shared Key
                    // authentication frame 3 under the WEP key (12.3.3.3.4).
                    bool auth = header.FrameControl.ManagementSubtype == ManagementSubtype.Authentication;
                    var transmitter = header.TransmitterAddress;
                    if (!FrameCrypto.TryDecrypt(Vap, frame, header, node))
                    {
                        if (auth) UndecryptableAuthentication(transmitter, node);
                        return;
                    }
                    FrameHeader.TryRead(frame.Data, out header, out _);
                }
                else if (node is { MfpEnabled: true, PairwiseKey: not null } && IsRobust(header.FrameControl.ManagementSubtype))
                {
                    if (a1.IsGroup)
                    {
                        // Group-addressed robust management frames carry an MMIE under the IGTK (BIP, 12.5.4);
                        // without a valid one they are ignored.
                        if (!FrameCrypto.TryVerifyBip(Vap, frame, header))
                        {
                            Drop(frame, ref Vap.Stats.RxUnprotected);
                            return;
                        }
                    }
                    else
                    {
                        // With MFP in force, an unprotected deauthentication or disassociation is not obeyed
                        // (12.6.19): it may be forged. The peer is asked with an SA Query instead (11.13).
                        var subtype = header.FrameControl.ManagementSubtype;
                        Drop(frame, ref Vap.Stats.RxUnprotected);
                        if (subtype is ManagementSubtype.Deauthentication or ManagementSubtype.Disassociation) UnprotectedDisconnect(node);
                        return;
                    }
                }
                ReceiveManagement(frame, header, node);
                frame.Free();
                break;
            case FrameType.Data:
                if (node is not null && !header.Address1.IsGroup)
                {
                    int tid = header.FrameControl.IsQosData ? header.QosControl.Tid : Ieee80211Node.NonQosTid;
                    if (node.IsDuplicate(tid, header.SequenceControl.Value, header.FrameControl.Retry))
                    {
                        node.Stats.RxDuplicates++;
                        Drop(frame, ref Vap.Stats.RxDuplicate);
                        return;
                    }
                }
                if (header.FrameControl.Protected)
                {
                    if (!FrameCrypto.TryDecrypt(Vap, frame, header, node)) return;
                    FrameHeader.TryRead(frame.Data, out header, out _);
                }
                else if (Vap.Security.Privacy && header.FrameControl.DataSubtype is not (DataSubtype.Null or DataSubtype.QosNull)
                         && !FrameCrypto.IsEapolMpdu(frame.Data, header.Length))
                {
                    // Privacy is on: only the handshake itself may come in the clear (12.6.8, 802.1X port).
                    Drop(frame, ref Vap.Stats.RxUnprotected);
                    return;
                }
                ReceiveData(frame, header, node);
                break;
            default:
                Drop(frame, ref Vap.Stats.RxUnsupportedSubtype);
                break;
        }
    }

    public virtual void TxComplete(Packet frame, Ieee80211Node node, TxStatus status) { }

    public virtual void NodeInactive(Ieee80211Node node, bool probeOnly)
    {
        if (!probeOnly) Ic.Nodes.Remove(node);
    }

    public virtual Packet? BuildBeacon() => null;

    public virtual void Detach() { }

    /// <summary>
    /// A decapsulated 802.3 frame: EAPOL goes to the mode's security handler (<see cref="ReceiveEapol"/>),
    /// anything else up the interface — but only once the peer is authorized when privacy is on.
    /// </summary>
    protected void DeliverOrHandle(Packet msdu, Ieee80211Node node)
    {
        if (FrameCrypto.IsEapol(msdu.Data))
        {
            ReceiveEapol(node, msdu.Data[14..]);
            msdu.Free();
            return;
        }
        if (Vap.Security.Privacy && (node.Flags & NodeFlags.Authorized) == 0)
        {
            Drop(msdu, ref Vap.Stats.RxUnprotected);
            return;
        }
        Data.Deliver(msdu);
    }

    /// <summary>Sends an EAPOL PDU to <paramref name="peer"/> as an 802.3 frame through the data path (in
    /// the clear or protected as the data path decides).</summary>
    protected void SendEapol(Ieee80211Node peer, byte[] eapol, DataDirection direction)
    {
        var p = Ic.Pool.Rent(14 + eapol.Length);
        var b = p.Append(14 + eapol.Length);
        EthernetHeader.Write(b, peer.MacAddress, Vap.MacAddress, EthernetHeader.EtherTypeEapol);
        eapol.CopyTo(b[EthernetHeader.Length..]);
        Data.Transmit(p, peer, direction);
    }

    /// <summary>An EAPOL PDU (802.1X header first) from <paramref name="node"/>. Default: counted and ignored.</summary>
    protected virtual void ReceiveEapol(Ieee80211Node node, ReadOnlySpan<byte> eapol) => Interlocked.Increment(ref Vap.Stats.RxDropped);

    /// <summary>A protected Authentication frame that did not decrypt (already counted and freed): a Shared
    /// Key responder answers it as a challenge failure (12.3.3.3.5). Default: nothing.</summary>
    protected virtual void UndecryptableAuthentication(MacAddress transmitter, Ieee80211Node? node) { }

    /// <summary>An MFP peer seemed to end the association with an unprotected frame. Default: nothing
    /// (an AP keeps the station until it is sure); a station checks with an SA Query.</summary>
    protected virtual void UnprotectedDisconnect(Ieee80211Node node) { }

    /// <summary>SA Query frames (category 8): answer requests; hand responses to <see cref="SaQueryAnswered"/>.
    /// Returns true when the action frame was an SA Query.</summary>
    protected bool HandleSaQuery(ReadOnlySpan<byte> body, Ieee80211Node? node, bool wasProtected)
    {
        if (!ActionFrame.TryRead(body, out var action, out _) || action.Category != ActionCategory.SaQuery) return false;
        // Under MFP the SA Query must itself be protected, or it proves nothing.
        if (node is null || (node.MfpEnabled && !wasProtected) || action.Details.Length < 3) return true;
        ushort id = (ushort)(action.Details[1] | action.Details[2] << 8);
        if (action.ActionCode == ManagementOutput.SaQueryRequest) ManagementOutput.SendSaQuery(Vap, node, response: true, id);
        else if (action.ActionCode == ManagementOutput.SaQueryResponse) SaQueryAnswered(node, id);
        return true;
    }

    /// <summary>An SA Query Response arrived.</summary>
    protected virtual void SaQueryAnswered(Ieee80211Node node, ushort transactionId) { }

    /// <summary>Robust management frames (IEEE 802.11-2020 Table 9-52): protected once MFP is negotiated.</summary>
    private static bool IsRobust(ManagementSubtype subtype) => subtype is ManagementSubtype.Deauthentication
        or ManagementSubtype.Disassociation or ManagementSubtype.Action;

    /// <summary>Frees a frame and counts it under <paramref name="counter"/>.</summary>
    protected static void Drop(Packet frame, ref long counter)
    {
        Interlocked.Increment(ref counter);
        frame.Free();
    }

    /// <summary>Reports something this VAP did, for transcripts and the live event stream.</summary>
    protected void Report(string what) => Ic.Raise(new VapEvent(Ic.Now, Ic.Name, Vap.Name, what));

    protected void RequestState(Ieee80211State state, TransitionReason reason) => Vap.StateMachine.Request(state, reason);
}
