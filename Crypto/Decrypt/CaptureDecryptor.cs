using Net80211.Capture;
using Net80211.DataPath;
using Net80211.Frames;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Security;

namespace Net80211.Crypto.Decrypt;

/// <summary>
/// Decrypts the protected data frames of a capture, as airdecap-ng does: one pass over the records, the BSS
/// found by SSID (beacons, probe responses) or BSSID, WPA/WPA2 keys learnt from the 4-way and group key
/// handshakes as they appear (<see cref="HandshakeTracker"/>), a WEP key used as given.
/// </summary>
/// <remarks>
/// <para>Output: each decrypted MPDU as raw 802.11 (link type 105) with the record's time stamp, Protected bit
/// clear, cipher header and MIC/ICV removed (TKIP's Michael MIC too); data frames only, like airdecap-ng's
/// <c>-dec.cap</c> written with <c>-l</c> (802.11 kept rather than converted to Ethernet), so the addresses,
/// QoS and Retry bits stay visible.</para>
/// <para>Replay protection is off (<see cref="MpduOpener"/>): a capture holds re-handshakes that restart the PN,
/// and retransmissions that repeat it. Exact retransmissions (Retry bit, same sequence control,
/// <see cref="RetransmissionFilter"/>) are verified but not written, and counted.</para>
/// <para>Which BSS: with <see cref="DecryptOptions.Bssid"/> that one only. With an SSID, every BSS that advertises
/// it; until a BSS's first beacon is seen its frames are handled anyway (as airdecap-ng does), and a BSS that
/// turns out to advertise another SSID is dropped from the counts (decrypting needs a key that verified, so
/// nothing foreign is written). When no BSS advertises the SSID, every BSS not advertising another one counts.</para>
/// Bad input never throws: damaged records, frames and EAPOL-Key frames are counted or skipped.
/// </remarks>
public sealed class CaptureDecryptor
{
    private const int KeyIds = 4;
    /// <summary>ExtIV (bit 5 of the fourth octet of the cipher header): TKIP/CCMP/GCMP framing, 12.5.2.2, 12.5.3.2.</summary>
    private const byte ExtIvBit = 0x20;
    private const int KeyIdShift = 6;
    private const int KeyIdOffset = 3;
    private const int ProgressInterval = 4096;

    private readonly DecryptOptions _options;
    private readonly HandshakeTracker? _handshakes;
    private readonly TemporalKey?[] _wepKeys = new TemporalKey?[KeyIds];
    private readonly Dictionary<MacAddress, BssState> _bss = [];
    private readonly RetransmissionFilter _retransmissions = new();
    private readonly PacketPool _pool = new();
    private byte[] _scratch = new byte[4096];
    private PcapWriter? _writer;
    private string? _outputPath;
    private long _records;
    private long _frames;
    private long _skipped;
    private long _written;
    private long _captureErrors;

    /// <exception cref="ArgumentException">The options do not validate (<see cref="DecryptOptions.Validate"/>).</exception>
    public CaptureDecryptor(DecryptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? problem = options.Validate();
        if (problem is not null) throw new ArgumentException(problem, nameof(options));
        _options = options;
        if (options.Key.Kind == DecryptionKeyKind.Wep)
        {
            // The key ID does not matter for a static key: the same key under each of the four IDs.
            var cipher = options.Key.WepKey.Length == Wep.WepCipher.Wep40KeyLength ? CipherSuite.Wep40 : CipherSuite.Wep104;
            for (int i = 0; i < KeyIds; i++) _wepKeys[i] = TemporalKey.TryCreate(cipher, options.Key.WepKey, i, pairwise: false);
        }
        else
        {
            _handshakes = new HandshakeTracker(options.Key.PmkFor(options.Ssid.Span)!);
        }
    }

    /// <summary>Decrypts <paramref name="inputPath"/> into <paramref name="outputPath"/> (created or replaced). Problems
    /// with the files or the key come back in <see cref="DecryptResult.Error"/>, never as exceptions.</summary>
    /// <param name="progress">Called now and then with the octets read so far and the file's length.</param>
    public static DecryptResult DecryptFile(string inputPath, string outputPath, DecryptOptions options, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(outputPath);
        ArgumentNullException.ThrowIfNull(options);
        string? problem = options.Validate();
        if (problem is not null) return Failed(DecryptError.BadOptions, problem);
        if (!File.Exists(inputPath)) return Failed(DecryptError.InputUnreadable, $"{inputPath}: no such file");
        if (SamePath(inputPath, outputPath)) return Failed(DecryptError.BadOptions, $"{outputPath}: the output would replace the capture");

        FileStream input;
        try
        {
            input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(DecryptError.InputUnreadable, $"{inputPath}: {e.Message}");
        }
        using (input)
        {
            if (!CaptureReader.TryOpen(input, out CaptureReader? reader, out CaptureError error, leaveOpen: true))
            {
                return error == CaptureError.IoError
                    ? Failed(DecryptError.InputUnreadable, $"{inputPath}: cannot read the capture header")
                    : Failed(DecryptError.NotACapture, $"{inputPath}: not a pcap or pcapng capture");
            }
            using (reader)
            {
                long length = input.Length;
                try
                {
                    using PcapWriter writer = PcapWriter.Create(outputPath, LinkType.Ieee80211);
                    var decryptor = new CaptureDecryptor(options) { _outputPath = outputPath };
                    DecryptResult result = decryptor.Decrypt(reader, writer, progress is null ? null : _ => progress(input.Position, length));
                    progress?.Invoke(length, length);
                    return result;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
                {
                    return Failed(DecryptError.OutputFailed, $"{outputPath}: {e.Message}");
                }
            }
        }
    }

    /// <summary>Reads every record of <paramref name="reader"/> and writes what decrypts to <paramref name="output"/>
    /// (may be null: count only). One decryptor per capture.</summary>
    /// <param name="progress">Called every few thousand records with the number read.</param>
    public DecryptResult Decrypt(CaptureReader reader, PcapWriter? output, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _writer = output;
        long errorsBefore = reader.ErrorCount;
        while (reader.TryReadNext(out CaptureRecord record))
        {
            _records++;
            Add(record);
            if (progress is not null && _records % ProgressInterval == 0) progress(_records);
        }
        _captureErrors += reader.ErrorCount - errorsBefore;
        _writer = null;
        return Summarise(reader.ErrorCount > errorsBefore ? reader.LastError : CaptureError.None);
    }

    // ---------------------------------------------------------------- frames

    private void Add(in CaptureRecord record)
    {
        if (!CapturedFrame.TryDecode(record, out CapturedFrame captured, out _) || captured.FcsBad
            || !FrameHeader.TryRead(captured.Frame, out FrameHeader header, out _))
        {
            _skipped++;
            return;
        }
        _frames++;
        FrameControl fc = header.FrameControl;
        if (fc.IsManagement && fc.ManagementSubtype is ManagementSubtype.Beacon or ManagementSubtype.ProbeResponse)
        {
            AddAdvertisement(header, captured.Frame[header.Length..]);
        }
        else if (fc.IsData)
        {
            AddData(header, captured, record.TimestampNanoseconds);
        }
    }

    /// <summary>A beacon or probe response: SSID, Privacy, RSN and WPA elements (9.3.3.3, 9.3.3.11).</summary>
    private void AddAdvertisement(in FrameHeader header, ReadOnlySpan<byte> body)
    {
        if (!BeaconFrame.TryRead(body, out BeaconFrame beacon, out _)) return;
        BssState? bss = Lookup(header.Address3);
        if (bss is null) return;
        bss.Advertised = true;
        bss.Privacy |= (beacon.Capabilities & CapabilityInfo.Privacy) != 0;
        var elements = new IeReader(beacon.Elements);
        while (elements.MoveNext())
        {
            InformationElement ie = elements.Current;
            if (ie.Id == ElementId.Ssid && ie.Body.Length <= SsidElement.MaxLength && ie.Body.IndexOfAnyExcept((byte)0) >= 0)
            {
                bss.Ssid ??= ie.Body.ToArray();
                if (!_options.Ssid.IsEmpty)
                {
                    if (ie.Body.SequenceEqual(_options.Ssid.Span)) bss.Match = SsidMatch.Match;
                    else if (bss.Match == SsidMatch.Unknown) bss.Match = SsidMatch.Other;
                }
            }
            else if (ie.Id == ElementId.Rsn && bss.RsnElement is null)
            {
                bss.RsnElement = WholeElement(ie);
            }
            else if (ie.Id == ElementId.VendorSpecific && bss.WpaElement is null && WpaElement.IsWpa(ie.Body))
            {
                bss.WpaElement = WholeElement(ie);
            }
        }
    }

    private void AddData(in FrameHeader header, in CapturedFrame captured, long timestampNanoseconds)
    {
        FrameControl fc = header.FrameControl;
        if (header.Bssid is not MacAddress bssid) return; // 4-address (WDS/mesh) frames: not handled
        BssState? bss = Lookup(bssid);
        if (bss is null || bss.Match == SsidMatch.Other) return;
        DecryptCounters counters = bss.Counters;
        counters.DataFrames++;
        if (fc.IsDataWithoutBody)
        {
            counters.DataFramesWithoutBody++;
            return;
        }

        // Station and authenticator by the DS bits (9.3.2.1 Table 9-26); group-addressed frames come from the AP.
        bool group = false;
        StationState? station = null;
        if (fc.ToDs && !fc.FromDs)
        {
            if (!header.Address2.IsGroup) station = bss.Station(header.Address2);
        }
        else if (fc.FromDs && !fc.ToDs)
        {
            if (header.Address1.IsGroup) group = true;
            else station = bss.Station(header.Address1);
        }

        ReadOnlySpan<byte> frame = captured.Frame;
        int headerLength = header.Length;
        // Radiotap DataPad: the body starts at the next 32-bit boundary after the header.
        int bodyOffset = captured.HasDataPad ? (headerLength + 3) & ~3 : headerLength;
        bool retransmission = _retransmissions.IsRetransmission(header);
        if (!fc.Protected)
        {
            counters.PlaintextDataFrames++;
            if (!retransmission && station is not null && bodyOffset <= frame.Length) OfferEapol(bss, station, frame[bodyOffset..]);
            return;
        }

        counters.ProtectedDataFrames++;
        if (captured.IsTruncated || bodyOffset + KeyIdOffset + 1 > frame.Length)
        {
            counters.Malformed++;
            return;
        }
        ReadOnlySpan<byte> mpdu = Contiguous(frame, headerLength, bodyOffset);
        Open(bss, station, group, header, mpdu, retransmission, timestampNanoseconds);
    }

    /// <summary>Tries the keys that can apply to a protected MPDU; counts, writes and looks into what opens.</summary>
    private void Open(BssState bss, StationState? station, bool group, in FrameHeader header, ReadOnlySpan<byte> mpdu,
        bool retransmission, long timestampNanoseconds)
    {
        DecryptCounters counters = bss.Counters;
        int headerLength = header.Length;
        byte keyOctet = mpdu[headerLength + KeyIdOffset];
        bool extIv = (keyOctet & ExtIvBit) != 0;
        int keyId = keyOctet >> KeyIdShift;
        int tid = header.FrameControl.IsQosData ? header.QosControl.Tid : Ieee80211Node.NonQosTid;
        bool wholeMsdu = !header.FrameControl.MoreFragments && header.SequenceControl.FragmentNumber == 0;
        bool fromAp = header.TransmitterAddress == bss.Bssid;

        CipherResult worst = CipherResult.WrongKey;
        foreach (TemporalKey key in Candidates(bss, station, group, keyId))
        {
            // The cipher header says which kind of cipher it is: ExtIV for TKIP/CCMP/GCMP, none for WEP.
            if (extIv == (key.Family == CipherFamily.Wep)) continue;
            ICipherKey cipherKey = fromAp ? key.FromAuthenticator : key.FromSupplicant;
            CipherResult result = MpduOpener.TryOpen(cipherKey, mpdu, headerLength, tid, wholeMsdu, _pool, out Packet? plain);
            if (result == CipherResult.Ok)
            {
                Opened(bss, station, key.Family, group, headerLength, plain!, retransmission, timestampNanoseconds);
                return;
            }
            if (Severity(result) > Severity(worst)) worst = result;
        }
        switch (worst)
        {
            case CipherResult.MsduMicFailure: counters.FailedMichael++; break;
            case CipherResult.IntegrityFailure: counters.FailedIntegrity++; break;
            case CipherResult.TooShort: counters.Malformed++; break;
            default: counters.WithoutKey++; break;
        }
    }

    private void Opened(BssState bss, StationState? station, CipherFamily family, bool group, int headerLength, Packet plain,
        bool retransmission, long timestampNanoseconds)
    {
        try
        {
            if (retransmission)
            {
                bss.Counters.RetransmissionsSkipped++;
                return;
            }
            bss.Counters.CountDecrypted(family, group);
            if (_writer is not null)
            {
                _writer.WriteRecord(timestampNanoseconds / 1000, plain.Data);
                _written++;
            }
            // WPA1 (and RSN rekeys) send group message 1 under the PTK.
            if (station is not null) OfferEapol(bss, station, plain.Data[headerLength..]);
        }
        finally
        {
            plain.Free();
        }
    }

    private IEnumerable<TemporalKey> Candidates(BssState bss, StationState? station, bool group, int keyId)
    {
        if (_handshakes is null)
        {
            if (_wepKeys[keyId] is TemporalKey wep) yield return wep;
            yield break;
        }
        if (group)
        {
            if (bss.GroupKey(keyId) is TemporalKey gtk) yield return gtk;
            yield break;
        }
        if (station is null) yield break;
        foreach (PairwiseKey key in station.Keys) yield return key.Keys;
    }

    /// <summary>Which failure to report when every key failed: the one that got furthest.</summary>
    private static int Severity(CipherResult result) => result switch
    {
        CipherResult.MsduMicFailure => 3,
        CipherResult.IntegrityFailure => 2,
        CipherResult.TooShort => 1,
        _ => 0,
    };

    private void OfferEapol(BssState bss, StationState station, ReadOnlySpan<byte> msdu)
    {
        if (_handshakes is null || !Llc.TryReadSnap(msdu, out ushort etherType, out ReadOnlySpan<byte> eapol) || etherType != EthernetHeader.EtherTypeEapol) return;
        _handshakes.OnEapol(bss, station, bss.Bssid, eapol);
    }

    /// <summary>The MPDU as header then body; a radiotap DataPad gap is closed in a scratch buffer.</summary>
    private ReadOnlySpan<byte> Contiguous(ReadOnlySpan<byte> frame, int headerLength, int bodyOffset)
    {
        if (bodyOffset == headerLength) return frame;
        int length = headerLength + frame.Length - bodyOffset;
        if (_scratch.Length < length) _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        frame[..headerLength].CopyTo(_scratch);
        frame[bodyOffset..].CopyTo(_scratch.AsSpan(headerLength));
        return _scratch.AsSpan(0, length);
    }

    /// <summary>The state of <paramref name="bssid"/>, made on first sight; null for a BSS other than the one asked for.</summary>
    private BssState? Lookup(MacAddress bssid)
    {
        if (_options.Bssid is MacAddress wanted && wanted != bssid) return null;
        if (bssid.IsGroup) return null;
        if (!_bss.TryGetValue(bssid, out BssState? bss))
        {
            bss = new BssState(bssid);
            _bss.Add(bssid, bss);
        }
        return bss;
    }

    private static byte[] WholeElement(in InformationElement ie)
    {
        var element = new byte[InformationElement.HeaderLength + ie.Body.Length];
        element[0] = (byte)ie.Id;
        element[1] = (byte)ie.Body.Length;
        ie.Body.CopyTo(element.AsSpan(InformationElement.HeaderLength));
        return element;
    }

    // ---------------------------------------------------------------- result

    private List<BssState> ChosenNetworks()
    {
        bool anyMatch = _bss.Values.Any(b => b.Match == SsidMatch.Match);
        return _bss.Values
            .Where(b => anyMatch ? b.Match == SsidMatch.Match : b.Match != SsidMatch.Other)
            .Where(b => b.Match == SsidMatch.Match || _options.Bssid is not null || b.Counters.DataFrames > 0)
            .OrderBy(b => b.Bssid)
            .ToList();
    }

    private DecryptResult Summarise(CaptureError lastCaptureError)
    {
        List<BssState> chosen = ChosenNetworks();
        var counts = new DecryptCounters();
        var mismatched = new List<MacAddress>();
        long stations = 0;
        foreach (BssState bss in chosen)
        {
            counts.Add(bss.Counters);
            stations += bss.StationCount;
            foreach (StationState station in bss.Stations)
            {
                station.Settle();
                if (station.HandshakesFailed > 0 && station.HandshakesVerified == 0) mismatched.Add(station.Address);
            }
        }

        var warnings = new List<string>();
        DecryptError error = DecryptError.None;
        string? message = null;
        if (!_options.Ssid.IsEmpty && _options.Bssid is null && !chosen.Any(b => b.Match == SsidMatch.Match))
        {
            warnings.Add($"no beacon or probe response names SSID {Ssid.Format(_options.Ssid.Span)}: every BSS not naming another SSID was tried");
        }
        if (_captureErrors > 0) warnings.Add($"the capture is damaged: {_captureErrors} error(s), the last {lastCaptureError}");

        if (_handshakes is not null)
        {
            string what = _options.Key.Kind == DecryptionKeyKind.Psk ? "PSK" : "passphrase";
            long checkable = counts.HandshakesComplete - counts.HandshakesUnsupported;
            if (checkable > 0 && counts.HandshakesVerified == 0 && mismatched.Count > 0)
            {
                error = DecryptError.KeyMismatch;
                message = $"{what} does not match the handshake of {mismatched[0]}"
                    + (mismatched.Count > 1 ? $" (nor of {mismatched.Count - 1} other station(s))" : "");
            }
            else
            {
                foreach (MacAddress station in mismatched) warnings.Add($"{what} does not match the handshake of {station}");
            }
            if (counts.HandshakesUnsupported > 0) warnings.Add($"{counts.HandshakesUnsupported} handshake(s) use an AKM or cipher this tool cannot derive keys for");
            if (counts.HandshakesComplete == 0 && counts.ProtectedDataFrames > 0) warnings.Add("no complete 4-way handshake (ANonce and message 2): nothing to derive a PTK from");
        }
        else if (counts.FailedIntegrity > 0 && counts.DecryptedWep + counts.RetransmissionsSkipped == 0)
        {
            error = DecryptError.KeyMismatch;
            message = $"the WEP key opens none of the {counts.FailedIntegrity} WEP frames (every ICV fails)";
        }

        return new DecryptResult
        {
            Error = error,
            Message = message,
            Warnings = warnings,
            Networks = chosen.Select(b => new DecryptedNetwork(b.Bssid, b.Ssid ?? _options.Ssid.ToArray(), b.Security)).ToList(),
            RecordsRead = _records,
            Ieee80211Frames = _frames,
            SkippedRecords = _skipped,
            CaptureErrors = _captureErrors,
            Stations = stations,
            EapolKeyFrames = counts.EapolKeyFrames,
            HandshakesComplete = counts.HandshakesComplete,
            HandshakesVerified = counts.HandshakesVerified,
            HandshakesUnsupported = counts.HandshakesUnsupported,
            MismatchedStations = mismatched,
            DataFrames = counts.DataFrames,
            DataFramesWithoutBody = counts.DataFramesWithoutBody,
            PlaintextDataFrames = counts.PlaintextDataFrames,
            ProtectedDataFrames = counts.ProtectedDataFrames,
            DecryptedWep = counts.DecryptedWep,
            DecryptedTkip = counts.DecryptedTkip,
            DecryptedCcmp = counts.DecryptedCcmp,
            DecryptedGcmp = counts.DecryptedGcmp,
            DecryptedGroup = counts.DecryptedGroup,
            RetransmissionsSkipped = counts.RetransmissionsSkipped,
            FailedIntegrity = counts.FailedIntegrity,
            FailedMichael = counts.FailedMichael,
            WithoutKey = counts.WithoutKey,
            Malformed = counts.Malformed,
            FramesWritten = _written,
            OutputPath = _outputPath,
        };
    }

    private static DecryptResult Failed(DecryptError error, string message) => new() { Error = error, Message = message };

    private static bool SamePath(string a, string b)
    {
        try
        {
            return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b),
                OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }
}
