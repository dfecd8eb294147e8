using System.Globalization;
using System.Text;
using Net80211.Frames;

namespace Net80211.Capture;

/// <summary>
/// Summarises a capture the way <c>ifconfig wlan0 list scan</c> shows a scan: one entry per BSS heard
/// in beacons or probe responses, with its SSID, channel, rate, signal, capabilities and security,
/// plus how many beacons, probe responses, data and EAPOL frames were seen for it.
/// </summary>
/// <remarks>
/// Frames that cannot be used are counted, never thrown on: an unsupported link type or a radio
/// header that does not parse, a failed FCS, a MAC header this stack does not decode (the 802.11ad
/// DMG beacon is frame type 3, "extension") all count as skipped, by reason in <see cref="SkipReasons"/>.
/// Adding a frame allocates only when a new BSS or SSID is first seen.
/// </remarks>
public sealed class CaptureScanner
{
    private const ushort EtherTypeEapol = 0x888E;

    private readonly Dictionary<MacAddress, ScannedBss> _bss = [];

    /// <summary>Records given to the scanner.</summary>
    public long RecordsRead { get; private set; }
    /// <summary>Frames whose 802.11 MAC header decoded.</summary>
    public long Ieee80211Frames { get; private set; }
    /// <summary>Records not used: see <see cref="SkipReasons"/>.</summary>
    public long Skipped { get; private set; }
    /// <summary>Why records were skipped (<see cref="FrameParseError.Unsupported"/> = link type without
    /// 802.11, <see cref="FrameParseError.UnknownType"/> = frame type this stack does not decode,
    /// <see cref="FrameParseError.BadFcs"/> = failed FCS, others = damaged headers).</summary>
    public FrameParseCounters SkipReasons { get; } = new();
    /// <summary>Beacons and probe responses whose fixed fields are missing.</summary>
    public long Malformed { get; private set; }
    /// <summary>Errors the capture reader reported (see <see cref="LastCaptureError"/>).</summary>
    public long CaptureErrors { get; private set; }
    public CaptureError LastCaptureError { get; private set; }

    public long ManagementFrames { get; private set; }
    public long ControlFrames { get; private set; }
    public long DataFrames { get; private set; }
    public long Beacons { get; private set; }
    public long ProbeResponses { get; private set; }
    public long EapolFrames { get; private set; }

    /// <summary>The BSSs heard in beacons or probe responses, by SSID (octet order) then BSSID.</summary>
    public IReadOnlyList<ScannedBss> Networks
    {
        get
        {
            var list = _bss.Values.Where(b => b.IsAdvertised).ToList();
            list.Sort(static (a, b) =>
            {
                int c = a.Ssid.SequenceCompareTo(b.Ssid);
                return c != 0 ? c : a.Bssid.CompareTo(b.Bssid);
            });
            return list;
        }
    }

    /// <summary>The entry for <paramref name="bssid"/>, also for a BSS seen only in data frames.</summary>
    public ScannedBss? Find(MacAddress bssid) => _bss.GetValueOrDefault(bssid);

    /// <summary>Scans every record <paramref name="reader"/> yields, then takes over its error count.</summary>
    public void Scan(CaptureReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long errorsBefore = reader.ErrorCount;
        while (reader.TryReadNext(out CaptureRecord record)) Add(record);
        CaptureErrors += reader.ErrorCount - errorsBefore;
        if (reader.ErrorCount > errorsBefore) LastCaptureError = reader.LastError;
    }

    /// <summary>Scans the file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="InvalidDataException">The file is not a capture.</exception>
    public static CaptureScanner ScanFile(string path)
    {
        var scanner = new CaptureScanner();
        using var reader = CaptureReader.Open(path);
        scanner.Scan(reader);
        return scanner;
    }

    public void Add(in CaptureRecord record)
    {
        RecordsRead++;
        if (!CapturedFrame.TryDecode(record, out CapturedFrame frame, out FrameParseError error))
        {
            Skip(error);
            return;
        }
        Add(frame);
    }

    private void Add(in CapturedFrame captured)
    {
        if (captured.FcsBad)
        {
            Skip(FrameParseError.BadFcs);
            return;
        }
        ReadOnlySpan<byte> frame = captured.Frame;
        if (!FrameHeader.TryRead(frame, out FrameHeader header, out FrameParseError error))
        {
            Skip(error);
            return;
        }
        Ieee80211Frames++;
        switch (header.FrameControl.Type)
        {
            case FrameType.Management:
                ManagementFrames++;
                AddManagement(header, frame[header.Length..], captured);
                break;
            case FrameType.Control:
                ControlFrames++;
                break;
            case FrameType.Data:
                DataFrames++;
                AddData(header, frame, captured.HasDataPad);
                break;
        }
    }

    private void AddManagement(in FrameHeader header, ReadOnlySpan<byte> body, in CapturedFrame captured)
    {
        ManagementSubtype subtype = header.FrameControl.ManagementSubtype;
        if (subtype is not (ManagementSubtype.Beacon or ManagementSubtype.ProbeResponse)) return;
        bool beacon = subtype == ManagementSubtype.Beacon;
        if (!BeaconFrame.TryRead(body, out BeaconFrame fields, out _))
        {
            Malformed++;
            return;
        }
        if (beacon) Beacons++;
        else ProbeResponses++;

        ReadOnlySpan<byte> ssid = default;
        bool haveSsid = false;
        int dsChannel = 0;
        int maxRate = 0;
        // Tolerant walk: keep what precedes a broken element (captures are often cut by the snap length).
        var reader = new IeReader(fields.Elements);
        while (reader.MoveNext())
        {
            InformationElement ie = reader.Current;
            switch (ie.Id)
            {
                case ElementId.Ssid when !haveSsid && ie.Body.Length <= SsidElement.MaxLength:
                    ssid = ie.Body;
                    haveSsid = true;
                    break;
                case ElementId.DsParameterSet when dsChannel == 0 && ie.Body.Length == DsParameterSetElement.BodyLength:
                    dsChannel = ie.Body[0];
                    break;
                case ElementId.SupportedRates or ElementId.ExtendedSupportedRates:
                    foreach (byte code in ie.Body)
                    {
                        // BSS membership selectors (HT, VHT, SAE H2E, ...) are not rates.
                        if (!RateCode.IsMembershipSelector(code)) maxRate = Math.Max(maxRate, RateCode.GetRateIn500Kbps(code));
                    }
                    break;
            }
        }

        ScannedBss bss = GetOrAdd(header.Address3);
        bss.AddAdvertisement(beacon, fields, ssid, dsChannel, maxRate, captured);
    }

    private void AddData(in FrameHeader header, ReadOnlySpan<byte> frame, bool dataPad)
    {
        ScannedBss? bss = header.Bssid is MacAddress bssid ? GetOrAdd(bssid) : null;
        if (bss is not null) bss.DataFrames++;
        if (header.FrameControl.Protected || header.FrameControl.IsDataWithoutBody) return;

        // Radiotap's DataPad: the body starts at the next 32-bit boundary after the header.
        int bodyOffset = dataPad ? (header.Length + 3) & ~3 : header.Length;
        if (bodyOffset > frame.Length) return;
        if (Llc.TryReadSnap(frame[bodyOffset..], out ushort etherType, out _) && etherType == EtherTypeEapol)
        {
            EapolFrames++;
            if (bss is not null) bss.EapolFrames++;
        }
    }

    private ScannedBss GetOrAdd(MacAddress bssid)
    {
        if (!_bss.TryGetValue(bssid, out ScannedBss? bss))
        {
            bss = new ScannedBss(bssid);
            _bss.Add(bssid, bss);
        }
        return bss;
    }

    private void Skip(FrameParseError reason)
    {
        Skipped++;
        SkipReasons.Count(reason);
    }

    // ---------------------------------------------------------------- output

    /// <summary>The table, FreeBSD's <c>list scan</c> columns with BEACON/PRESP/DATA/EAPOL counts and
    /// SECURITY added, one line per BSS.</summary>
    public string Format()
    {
        IReadOnlyList<ScannedBss> networks = Networks;
        var ssids = new string[networks.Count];
        int ssidWidth = "SSID/MESH ID".Length;
        for (int i = 0; i < networks.Count; i++)
        {
            ssids[i] = Ssid.Format(networks[i].Ssid);
            ssidWidth = Math.Max(ssidWidth, ssids[i].Length);
        }

        var text = new StringBuilder();
        text.Append(Inv($"{"SSID/MESH ID".PadRight(ssidWidth)}  {"BSSID",-17}  {"CHAN",4} {"RATE",4} {" S:N",-8} {"INT",4} {"CAPS",-4} "))
            .Append(Inv($"{"BEACON",6} {"PRESP",5} {"DATA",6} {"EAPOL",5} SECURITY")).Append('\n');
        for (int i = 0; i < networks.Count; i++)
        {
            ScannedBss b = networks[i];
            string channel = b.Channel > 0 ? b.Channel.ToString(CultureInfo.InvariantCulture) : "?";
            string rate = b.MaxRate > 0 ? Inv($"{b.MaxRate / 2}M") : "?";
            string signal = b.BestSignalDbm is int s ? (b.NoiseDbm is int n ? Inv($"{s}:{n}") : Inv($"{s}")) : "-";
            text.Append(Inv($"{ssids[i].PadRight(ssidWidth)}  {b.Bssid,-17}  {channel,4} {rate,4} {signal,-8} {b.BeaconInterval,4} {Caps(b.Capabilities),-4} "))
                .Append(Inv($"{b.Beacons,6} {b.ProbeResponses,5} {b.DataFrames,6} {b.EapolFrames,5} {b.Security}")).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>One line: records read, 802.11 frames, skipped, errors, then the frame counts.</summary>
    public string FormatSummary()
        => Inv($"{RecordsRead} frames read, {Ieee80211Frames} 802.11 frames, {Skipped} skipped ({SkipReasons[FrameParseError.BadFcs]} bad FCS), ")
            + Inv($"{Malformed} malformed, {CaptureErrors} errors; {Beacons} beacons, {ProbeResponses} probe responses, ")
            + Inv($"{DataFrames} data, {EapolFrames} EAPOL");

    /// <summary>ifconfig's <c>getcaps</c> letters: E ESS, I IBSS, c CF-pollable, C CF-poll request,
    /// P privacy, S short preamble, B PBCC, A channel agility, s short slot time.</summary>
    public static string Caps(CapabilityInfo capabilities)
    {
        Span<char> letters = stackalloc char[9];
        int n = 0;
        if ((capabilities & CapabilityInfo.Ess) != 0) letters[n++] = 'E';
        if ((capabilities & CapabilityInfo.Ibss) != 0) letters[n++] = 'I';
        if ((capabilities & CapabilityInfo.CfPollable) != 0) letters[n++] = 'c';
        if ((capabilities & CapabilityInfo.CfPollRequest) != 0) letters[n++] = 'C';
        if ((capabilities & CapabilityInfo.Privacy) != 0) letters[n++] = 'P';
        if ((capabilities & CapabilityInfo.ShortPreamble) != 0) letters[n++] = 'S';
        if ((capabilities & CapabilityInfo.Pbcc) != 0) letters[n++] = 'B';
        if ((capabilities & CapabilityInfo.ChannelAgility) != 0) letters[n++] = 'A';
        if ((capabilities & CapabilityInfo.ShortSlotTime) != 0) letters[n++] = 's';
        return new string(letters[..n]);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
