using Net80211.DataPath;
using Net80211.Frames;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Security;
using Net80211.Vaps;

namespace Net80211.Vap.Common;

/// <summary>Which way a data frame goes, for the 802.11 address layout.</summary>
public enum DataDirection
{
    ToAp = EncapDirection.ToAp,
    FromAp = EncapDirection.FromAp,
    Ibss = EncapDirection.Ibss,
    Wds = EncapDirection.Wds,
}

/// <summary>
/// A VAP's data path, the glue between an opmode and the generic pieces in <c>Net80211.DataPath</c>:
/// receive (reassemble, decapsulate, deliver up) and transmit (classify, encapsulate, choose the rate,
/// fragment, hand to the driver), counting every frame it drops. Nothing here allocates per frame.
/// </summary>
public sealed class DataPathHelper
{
    private readonly Ieee80211Vap _vap;
    private readonly List<Packet> _fragments = new(Fragmentation.MaxFragments);

    public DataPathHelper(Ieee80211Vap vap) => _vap = vap;

    /// <summary>A TKIP Michael MIC failed on a frame from this node (the flag: under its pairwise key, else a
    /// group key): countermeasures bookkeeping, and a station's report to its AP (12.5.2.4).</summary>
    public Action<Ieee80211Node, bool>? MsduMicFailed { get; set; }

    /// <summary>Reassembles (when fragmented) and decapsulates a received data frame into an 802.3 frame.
    /// The helper owns <paramref name="frame"/>. False when it was consumed (held as a fragment, or dropped
    /// and counted); true with <paramref name="msdu"/> (the caller's) holding the whole 802.3 frame.</summary>
    public bool TryDecapsulate(Packet frame, Ieee80211Node node, out Packet msdu, out MacAddress destination)
    {
        destination = default;
        msdu = null!;
        var vap = _vap;
        switch (node.Reassembly.Defragment(frame, vap.Ic.Now, out var whole))
        {
            case DefragResult.Held:
                return false;
            case DefragResult.Dropped:
                Interlocked.Increment(ref vap.Stats.RxDropped);
                node.Stats.RxDropped++;
                return false;
        }
        frame = whole!;
        int length = frame.Length;
        // demic: the MSDU-level MIC (TKIP Michael) is checked on the whole MSDU.
        if ((frame.Meta.Flags & PacketFlags.Encrypted) != 0 && FrameHeader.TryRead(frame.Data, out var h, out _))
        {
            var key = h.Address1.IsGroup ? vap.Keys.Group(frame.Meta.KeyIndex) : node.PairwiseKey ?? vap.Keys.Group(frame.Meta.KeyIndex);
            if (key is not null && key.Cipher.MsduMicLength > 0 && key.VerifyMsduMic(frame, h.Length) != CipherResult.Ok)
            {
                Interlocked.Increment(ref vap.Stats.RxMsduMicFailure);
                MsduMicFailed?.Invoke(node, key == node.PairwiseKey);
                frame.Free();
                return false;
            }
        }
        if (!Decapsulation.TryDecapsulate(frame, out var info, out _))
        {
            Interlocked.Increment(ref vap.Stats.RxMalformed);
            vap.Interface.CountInputError();
            frame.Free();
            return false;
        }
        node.Stats.RxData++;
        node.Stats.RxBytes += length;
        destination = info.Destination;
        msdu = frame;
        return true;
    }

    /// <summary>encap: protect the MPDU (when there is a key) and hand it to the driver.</summary>
    private void Send(Packet mpdu, ICipherKey? key, int headerLength)
    {
        if (key is not null && !key.Encapsulate(mpdu, headerLength))
        {
            DropOutput(mpdu);
            return;
        }
        _vap.Ic.ParentTransmit(mpdu);
    }

    private void DropOutput(Packet frame)
    {
        Interlocked.Increment(ref _vap.Stats.TxDropped);
        _vap.Interface.CountOutputError();
        frame.Free();
    }

    /// <summary>Hands a decapsulated 802.3 frame up the VAP's interface.</summary>
    public void Deliver(Packet msdu) => _vap.Interface.Deliver(msdu);

    /// <summary>Encapsulates an 802.3 frame to <paramref name="node"/> (the BSS node for group frames), picks
    /// its rate, fragments it above the threshold and hands it to the driver. The helper owns the packet.</summary>
    public void Transmit(Packet ethernetFrame, Ieee80211Node node, DataDirection direction)
    {
        var vap = _vap;
        var ic = vap.Ic;
        int msduLength = ethernetFrame.Length;
        bool qos = (node.Flags & NodeFlags.Qos) != 0 && (vap.Flags & VapFlags.Wme) != 0;
        var p = new EncapParams(node, (EncapDirection)direction)
        {
            Bssid = node.Bssid.IsZero ? vap.Bss?.Bssid ?? vap.MacAddress : node.Bssid,
            TransmitterAddress = vap.MacAddress,
            Qos = qos,
        };
        if (!Encapsulation.TryEncapsulate(ethernetFrame, p, out _))
        {
            DropOutput(ethernetFrame);
            return;
        }
        // Group or not by the receiver address, as ieee80211_crypto_encap decides: a station's broadcast goes
        // to its AP (address 1 the BSSID) under the pairwise key.
        bool group = (ethernetFrame.Meta.Flags & PacketFlags.Multicast) != 0;
        bool eapol = (ethernetFrame.Meta.Flags & PacketFlags.Eapol) != 0;
        ICipherKey? key = null;
        if (vap.Security.Privacy)
        {
            key = FrameCrypto.TransmitKey(vap, node, group);
            // Handshake frames go in the clear until the 4-way handshake has opened the port: a message 4
            // retransmitted after we installed the PTK must still reach an AP that has not.
            if (eapol && ((node.Flags & NodeFlags.Authorized) == 0 || node.EapolInClear)) key = null;
            else if (key is null)
            {
                Interlocked.Increment(ref vap.Stats.TxNoKey);
                vap.Interface.CountOutputError();
                ethernetFrame.Free();
                return;
            }
        }
        var mode = TxParameterTable.ModeFor(ic.CurrentChannel);
        var txp = vap.TxParams[mode];
        byte rate;
        if (group) rate = txp.MulticastRate;
        else if (txp.UnicastRate != TxParameters.FixedRateNone) rate = txp.UnicastRate;
        else rate = vap.RateControl?.Rate(node, ethernetFrame.Length) ?? 0;
        if (rate == 0) rate = node.Rates.Count > 0 ? node.Rates.MaxRate : txp.MulticastRate;
        node.TxRate = rate;
        // EAPOL at the management rate, as net80211 sends it (M_EAPOL).
        if (eapol) rate = txp.ManagementRate;
        ethernetFrame.Node = node;
        ethernetFrame.Meta.Rate = rate;
        ethernetFrame.Meta.MaxRetries = group ? (byte)1 : (byte)(txp.MaxRetry + 1);
        node.Stats.TxData++;
        node.Stats.TxBytes += msduLength;
        vap.Interface.CountOutput(msduLength);

        int headerLength = Encapsulation.HeaderLength(p);
        // enmic: the MSDU-level MIC (TKIP Michael) goes on before fragmentation.
        if (key is not null && !key.AddMsduMic(ethernetFrame, headerLength))
        {
            DropOutput(ethernetFrame);
            return;
        }
        int overhead = key is null ? 0 : key.Cipher.HeaderLength + key.Cipher.TrailerLength;
        if (group || !Fragmentation.NeedsFragmentation(ethernetFrame.Length, vap.FragmentThreshold, overhead))
        {
            Send(ethernetFrame, key, headerLength);
            return;
        }
        _fragments.Clear();
        if (!Fragmentation.TryFragment(ethernetFrame, vap.FragmentThreshold, ic.Pool, _fragments, out _, overhead))
        {
            DropOutput(ethernetFrame);
            return;
        }
        foreach (var fragment in _fragments)
        {
            fragment.Node = node;
            fragment.Meta.Rate = rate;
            fragment.Meta.MaxRetries = (byte)(txp.MaxRetry + 1);
            Send(fragment, key, headerLength);
        }
        _fragments.Clear();
    }
}
