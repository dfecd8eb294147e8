using System.Buffers.Binary;
using Net80211.Frames;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.Rates;
using Net80211.Security;
using Net80211.Vaps;

namespace Net80211.Output;

/// <summary>
/// Building and sending management frames (ieee80211_send_mgmt, ieee80211_send_probereq,
/// ieee80211_beacon_alloc in ieee80211_output.c). Every opmode sends through here, so frame layout lives
/// in one place and uses the span codec.
/// </summary>
public static class ManagementOutput
{
    /// <summary>Room for the largest management frame we build (a beacon with every element we write).</summary>
    private const int MaxFrame = 768;

    /// <summary>The rate set a VAP offers on the radio's current channel (11a on 5 GHz, 11g or 11b on 2.4 GHz).</summary>
    public static RateSet RatesFor(Ieee80211Vap vap)
    {
        var ch = vap.Ic.CurrentChannel;
        if (ch is null || ch.Is5Ghz) return RateCodes.Default11a;
        return ch.IsOfdm ? RateCodes.Default11g : RateCodes.Default11b;
    }

    /// <summary>The capability field for our beacons, probe responses and association requests.</summary>
    public static CapabilityInfo Capabilities(Ieee80211Vap vap)
    {
        var caps = vap.Mode == OpMode.Ibss ? CapabilityInfo.Ibss : CapabilityInfo.Ess;
        if ((vap.Flags & VapFlags.Privacy) != 0 || vap.Security.Privacy) caps |= CapabilityInfo.Privacy;
        if ((vap.Flags & VapFlags.ShortPreamble) != 0) caps |= CapabilityInfo.ShortPreamble;
        if ((vap.Flags & VapFlags.ShortSlot) != 0 && vap.Ic.CurrentChannel is { Is2Ghz: true }) caps |= CapabilityInfo.ShortSlotTime;
        return caps;
    }

    // ---- station side ----

    /// <summary>Probe request on the current channel: broadcast, or directed to one BSSID (beacon-miss probe).</summary>
    public static void SendProbeRequest(Ieee80211Vap vap, Ieee80211Node via, ReadOnlySpan<byte> ssid, MacAddress destination, MacAddress bssid)
    {
        var p = Begin(vap, via, ManagementSubtype.ProbeRequest, destination, vap.MacAddress, bssid, out var buf, out int n);
        n += Ssid(buf[n..], ssid);
        n += Rates(buf[n..], RatesFor(vap));
        if ((vap.Flags & VapFlags.Wme) != 0) n += WmmInfo(buf[n..]);
        Send(vap, via, p, n);
    }

    public static void SendAuthentication(Ieee80211Vap vap, Ieee80211Node node, ushort transaction, StatusCode status,
        AuthenticationAlgorithm algorithm = AuthenticationAlgorithm.OpenSystem)
        => SendAuthentication(vap, node, transaction, status, algorithm, [], null);

    /// <summary>An Authentication frame carrying a Challenge Text element (Shared Key frames 2 and 3,
    /// IEEE 802.11-2020 12.3.3.3) when <paramref name="challenge"/> is not empty, WEP-encapsulated with
    /// <paramref name="protectWith"/> when given (frame 3 is the only protected authentication frame).</summary>
    public static void SendAuthentication(Ieee80211Vap vap, Ieee80211Node node, ushort transaction, StatusCode status,
        AuthenticationAlgorithm algorithm, ReadOnlySpan<byte> challenge, ICipherKey? protectWith)
    {
        var bssid = vap.Mode == OpMode.HostAp ? vap.MacAddress : node.Bssid;
        var p = Begin(vap, node, ManagementSubtype.Authentication, node.MacAddress, vap.MacAddress, bssid, out var buf, out int n);
        new AuthenticationFrame { Algorithm = algorithm, TransactionSequence = transaction, StatusCode = status }.TryWrite(buf[n..], out int b);
        n += b;
        if (!challenge.IsEmpty)
        {
            new ChallengeTextElement(challenge).TryWrite(buf[n..], out b);
            n += b;
        }
        if (protectWith is null)
        {
            Send(vap, node, p, n);
            return;
        }
        p.TrimBack(p.Length - n);
        node.Stats.TxManagement++;
        if (!protectWith.Encapsulate(p, FrameHeader.ThreeAddressLength))
        {
            Interlocked.Increment(ref vap.Stats.TxDropped);
            p.Free();
            return;
        }
        vap.Ic.RawTransmit(node, p);
    }

    public static void SendAssociationRequest(Ieee80211Vap vap, Ieee80211Node ap, bool reassociation, MacAddress currentAp)
    {
        var subtype = reassociation ? ManagementSubtype.ReassociationRequest : ManagementSubtype.AssociationRequest;
        var p = Begin(vap, ap, subtype, ap.MacAddress, vap.MacAddress, ap.Bssid, out var buf, out int n);
        var caps = Capabilities(vap);
        int b;
        if (reassociation)
            new ReassociationRequestFrame { Capabilities = caps, ListenInterval = vap.ListenInterval, CurrentApAddress = currentAp }.TryWrite(buf[n..], out b);
        else
            new AssociationRequestFrame { Capabilities = caps, ListenInterval = vap.ListenInterval }.TryWrite(buf[n..], out b);
        n += b;
        n += Ssid(buf[n..], ap.Ssid);
        n += Rates(buf[n..], RatesFor(vap));
        n += Raw(buf[n..], vap.RsnElement);
        if ((vap.Flags & VapFlags.Wme) != 0 && (ap.Flags & NodeFlags.Qos) != 0) n += WmmInfo(buf[n..]);
        Send(vap, ap, p, n);
    }

    // ---- AP side ----

    public static void SendAssociationResponse(Ieee80211Vap vap, Ieee80211Node sta, bool reassociation, StatusCode status)
    {
        var subtype = reassociation ? ManagementSubtype.ReassociationResponse : ManagementSubtype.AssociationResponse;
        var p = Begin(vap, sta, subtype, sta.MacAddress, vap.MacAddress, vap.MacAddress, out var buf, out int n);
        new AssociationResponseFrame
        {
            Capabilities = Capabilities(vap),
            StatusCode = status,
            Aid = status == StatusCode.Success ? sta.AssociationId : (ushort)0,
        }.TryWrite(buf[n..], out int b);
        n += b;
        n += Rates(buf[n..], RatesFor(vap));
        if (status == StatusCode.Success && (sta.Flags & NodeFlags.Qos) != 0) n += WmmParameters(buf[n..]);
        Send(vap, sta, p, n);
    }

    /// <summary>A beacon (or, with <paramref name="probeResponseTo"/>, a probe response) for a host AP or
    /// IBSS VAP: timestamp, interval, capabilities, SSID (empty when hidden, except in probe responses to a
    /// directed probe), rates, DS parameter, TIM (beacons) or IBSS parameters, WMM parameters.</summary>
    public static Packet BuildBeacon(Ieee80211Vap vap, MacAddress bssid, byte dtimCount, MacAddress? probeResponseTo = null,
        bool revealSsid = false)
    {
        var ic = vap.Ic;
        var bss = vap.Bss!;
        bool beacon = probeResponseTo is null;
        var p = Begin(vap, bss, beacon ? ManagementSubtype.Beacon : ManagementSubtype.ProbeResponse,
            probeResponseTo ?? MacAddress.Broadcast, vap.MacAddress, bssid, out var buf, out int n);
        // TSF: the radio's clock in microseconds (a simulated radio's TSF starts with the world).
        ulong tsf = (ulong)(ic.Time.GetTimestamp() * 1_000_000.0 / ic.Time.TimestampFrequency);
        new BeaconFrame { Timestamp = tsf, BeaconInterval = vap.BeaconIntervalTu, Capabilities = Capabilities(vap) }.TryWrite(buf[n..], out int b);
        n += b;
        bool hide = (vap.Flags & VapFlags.HideSsid) != 0 && !revealSsid;
        n += Ssid(buf[n..], hide ? [] : vap.DesiredSsid);
        var rates = RatesFor(vap);
        Span<byte> codes = stackalloc byte[RateSet.MaxSize];
        rates.CopyTo(codes);
        int first = Math.Min(rates.Count, 8);
        InformationElement.TryWrite(buf[n..], ElementId.SupportedRates, codes[..first], out b);
        n += b;
        if (ic.CurrentChannel is { } ch) { new DsParameterSetElement((byte)ch.Ieee).TryWrite(buf[n..], out b); n += b; }
        if (vap.Mode == OpMode.Ibss)
        {
            Span<byte> atim = [0, 0];
            InformationElement.TryWrite(buf[n..], ElementId.IbssParameterSet, atim, out b);
            n += b;
        }
        else if (beacon)
        {
            TimElement.TryWrite(buf[n..], dtimCount, vap.DtimPeriod, groupTrafficBuffered: false, ReadOnlySpan<ushort>.Empty, out b);
            n += b;
        }
        if (rates.Count > 8)
        {
            InformationElement.TryWrite(buf[n..], ElementId.ExtendedSupportedRates, codes[8..rates.Count], out b);
            n += b;
        }
        n += Raw(buf[n..], vap.RsnElement);
        if ((vap.Flags & VapFlags.Wme) != 0) n += WmmParameters(buf[n..]);
        p.TrimBack(p.Length - n);
        return p;
    }

    // ---- both ----

    public static void SendDeauthentication(Ieee80211Vap vap, Ieee80211Node node, ReasonCode reason)
        => SendReason(vap, node, ManagementSubtype.Deauthentication, reason);

    public static void SendDisassociation(Ieee80211Vap vap, Ieee80211Node node, ReasonCode reason)
        => SendReason(vap, node, ManagementSubtype.Disassociation, reason);

    private static void SendReason(Ieee80211Vap vap, Ieee80211Node node, ManagementSubtype subtype, ReasonCode reason)
    {
        var bssid = vap.Mode == OpMode.HostAp ? vap.MacAddress : node.Bssid;
        var p = Begin(vap, node, subtype, node.MacAddress, vap.MacAddress, bssid, out var buf, out int n);
        new DeauthenticationFrame { ReasonCode = reason }.TryWrite(buf[n..], out int b);
        Send(vap, node, p, n + b, robust: true);
    }

    /// <summary>A group-addressed deauthentication (an AP going down). Under MFP it carries an MMIE made with
    /// the IGTK (BIP, 12.5.4), so stations can tell it from a forgery.</summary>
    public static void SendGroupDeauthentication(Ieee80211Vap vap, ReasonCode reason)
    {
        if (vap.Bss is not { } bss) return;
        var p = Begin(vap, bss, ManagementSubtype.Deauthentication, MacAddress.Broadcast, vap.MacAddress, vap.MacAddress, out var buf, out int n);
        new DeauthenticationFrame { ReasonCode = reason }.TryWrite(buf[n..], out int b);
        p.TrimBack(p.Length - (n + b));
        if (vap.Keys.IgtkTransmitKey is { } igtk && !igtk.Encapsulate(p, FrameHeader.ThreeAddressLength))
        {
            p.Free();
            return;
        }
        vap.Ic.RawTransmit(bss, p, new RawTxParams { NoAck = true });
    }

    /// <summary>SA Query Request or Response (IEEE 802.11-2020 9.6.9): a robust action frame, so it goes
    /// protected under the pairwise key to an MFP peer.</summary>
    public static void SendSaQuery(Ieee80211Vap vap, Ieee80211Node node, bool response, ushort transactionId)
    {
        var bssid = vap.Mode == OpMode.HostAp ? vap.MacAddress : node.Bssid;
        var p = Begin(vap, node, ManagementSubtype.Action, node.MacAddress, vap.MacAddress, bssid, out var buf, out int n);
        buf[n++] = (byte)ActionCategory.SaQuery;
        buf[n++] = response ? SaQueryResponse : SaQueryRequest;
        BinaryPrimitives.WriteUInt16LittleEndian(buf[n..], transactionId);
        Send(vap, node, p, n + 2, robust: true);
    }

    public const byte SaQueryRequest = 0;
    public const byte SaQueryResponse = 1;

    /// <summary>A null data frame: an AP's probe of an idle station, whose ACK proves it is still there.</summary>
    public static void SendNullData(Ieee80211Vap vap, Ieee80211Node node)
    {
        var p = vap.Ic.Pool.Rent(FrameHeader.ThreeAddressLength);
        var buf = p.Append(FrameHeader.ThreeAddressLength);
        var header = new FrameHeader
        {
            FrameControl = FrameControl.Data(DataSubtype.Null, FrameControlFlags.FromDs),
            Address1 = node.MacAddress,
            Address2 = vap.MacAddress,
            Address3 = vap.MacAddress,
            SequenceControl = new SequenceControl(node.NextSequence(Ieee80211Node.NonQosTid), 0),
        };
        header.TryWrite(buf, out _);
        vap.Ic.RawTransmit(node, p);
    }

    // ---- helpers ----

    private static Packet Begin(Ieee80211Vap vap, Ieee80211Node seqNode, ManagementSubtype subtype, MacAddress da, MacAddress sa,
        MacAddress bssid, out Span<byte> buf, out int n)
    {
        var p = vap.Ic.Pool.Rent(MaxFrame);
        buf = p.Append(MaxFrame);
        var header = FrameHeader.Management(subtype, da, sa, bssid, new SequenceControl(seqNode.NextSequence(Ieee80211Node.NonQosTid), 0));
        header.TryWrite(buf, out n);
        return p;
    }

    private static void Send(Ieee80211Vap vap, Ieee80211Node node, Packet p, int length, bool robust = false)
    {
        p.TrimBack(p.Length - length);
        node.Stats.TxManagement++;
        // 802.11w: robust management frames to a peer with protected management frames go under the
        // pairwise key (12.6.19); before the key exists they go in the clear.
        if (robust && node.MfpEnabled && node.PairwiseKey is { } key && !key.Encapsulate(p, FrameHeader.ThreeAddressLength))
        {
            Interlocked.Increment(ref vap.Stats.TxDropped);
            p.Free();
            return;
        }
        vap.Ic.RawTransmit(node, p);
    }

    /// <summary>A whole element (ID, length, body) prepared elsewhere, e.g. our RSN element.</summary>
    private static int Raw(Span<byte> dst, byte[]? element)
    {
        if (element is null) return 0;
        element.CopyTo(dst);
        return element.Length;
    }

    private static int Ssid(Span<byte> dst, ReadOnlySpan<byte> ssid)
    {
        new SsidElement(ssid).TryWrite(dst, out int n);
        return n;
    }

    private static int Rates(Span<byte> dst, in RateSet rates)
    {
        Span<byte> codes = stackalloc byte[RateSet.MaxSize];
        rates.CopyTo(codes);
        SupportedRatesElement.TryWriteRateSet(dst, codes[..rates.Count], out int n);
        return n;
    }

    private static int WmmInfo(Span<byte> dst)
    {
        new WmmInformationElement(0).TryWrite(dst, out int n);
        return n;
    }

    /// <summary>The WMM parameter element with the standard's default EDCA parameters for an AP
    /// (IEEE 802.11-2020 Table 9-155, as WMM advertises them).</summary>
    private static int WmmParameters(Span<byte> dst)
    {
        var wmm = new WmmParameterElement
        {
            QosInfo = 0,
            BestEffort = WmmAcParameters.Create(AccessCategory.BestEffort, 3, 4, 10, 0),
            Background = WmmAcParameters.Create(AccessCategory.Background, 7, 4, 10, 0),
            Video = WmmAcParameters.Create(AccessCategory.Video, 2, 3, 4, 94),
            Voice = WmmAcParameters.Create(AccessCategory.Voice, 2, 2, 3, 47),
        };
        wmm.TryWrite(dst, out int n);
        return n;
    }
}
