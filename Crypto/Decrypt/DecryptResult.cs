using System.Globalization;
using System.Text;

namespace Net80211.Crypto.Decrypt;

/// <summary>Why a decryption run did not succeed.</summary>
public enum DecryptError
{
    None,
    /// <summary>The options do not fit together (a passphrase without SSID...).</summary>
    BadOptions,
    /// <summary>The capture cannot be opened or read.</summary>
    InputUnreadable,
    /// <summary>The file is not a pcap or pcapng capture.</summary>
    NotACapture,
    /// <summary>The output file cannot be written.</summary>
    OutputFailed,
    /// <summary>The key verifies against no handshake (WPA) or opens no frame (WEP).</summary>
    KeyMismatch,
}

/// <summary>A BSS whose frames were decrypted (or tried).</summary>
public sealed record DecryptedNetwork(MacAddress Bssid, byte[] Ssid, string Security);

/// <summary>What a decryption run found and did; counts cover the chosen BSSs.</summary>
/// <remarks>Every protected data frame is counted once in exactly one of: <see cref="Decrypted"/>,
/// <see cref="RetransmissionsSkipped"/>, <see cref="FailedIntegrity"/>, <see cref="FailedMichael"/>,
/// <see cref="WithoutKey"/>, <see cref="Malformed"/>. <see cref="PassedIntegrity"/> = decrypted + retransmissions.</remarks>
public sealed class DecryptResult
{
    public DecryptError Error { get; init; }
    /// <summary>What went wrong, one line; null on success.</summary>
    public string? Message { get; init; }
    /// <summary>Things worth knowing that did not stop the run (e.g. a station whose handshake did not verify).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<DecryptedNetwork> Networks { get; init; } = [];
    public string? OutputPath { get; init; }

    public long RecordsRead { get; init; }
    public long Ieee80211Frames { get; init; }
    /// <summary>Records without a usable 802.11 frame (other link type, bad radio header, failed FCS, unknown frame type).</summary>
    public long SkippedRecords { get; init; }
    /// <summary>Errors the capture reader reported (damage it skipped or that ended the file).</summary>
    public long CaptureErrors { get; init; }

    /// <summary>Non-AP stations seen in the data frames of the chosen BSSs.</summary>
    public long Stations { get; init; }
    public long EapolKeyFrames { get; init; }
    /// <summary>4-way handshakes with an ANonce and a message 2 to check (each counted once).</summary>
    public long HandshakesComplete { get; init; }
    /// <summary>Of those, the ones whose message 2 MIC verified with the PTK from our PMK.</summary>
    public long HandshakesVerified { get; init; }
    /// <summary>Of the complete ones, those with an AKM or cipher not covered (FT, SAE, OWE...).</summary>
    public long HandshakesUnsupported { get; init; }
    /// <summary>Stations with a complete handshake of which none verified: the passphrase is not theirs.</summary>
    public IReadOnlyList<MacAddress> MismatchedStations { get; init; } = [];

    public long DataFrames { get; init; }
    /// <summary>Null and QoS Null data frames (and the CF subtypes): no body to decrypt.</summary>
    public long DataFramesWithoutBody { get; init; }
    public long PlaintextDataFrames { get; init; }
    public long ProtectedDataFrames { get; init; }

    public long DecryptedWep { get; init; }
    public long DecryptedTkip { get; init; }
    /// <summary>CCMP-128 and CCMP-256.</summary>
    public long DecryptedCcmp { get; init; }
    /// <summary>GCMP-128 and GCMP-256.</summary>
    public long DecryptedGcmp { get; init; }
    /// <summary>Of the decrypted, group-addressed frames (WPA: opened with a GTK).</summary>
    public long DecryptedGroup { get; init; }
    public long Decrypted => DecryptedWep + DecryptedTkip + DecryptedCcmp + DecryptedGcmp;
    /// <summary>Decrypted with a WPA key (TKIP, CCMP, GCMP).</summary>
    public long DecryptedWpa => DecryptedTkip + DecryptedCcmp + DecryptedGcmp;
    public long DecryptedPairwise => Decrypted - DecryptedGroup;

    /// <summary>Frames that passed the integrity check but repeat the previous frame (Retry bit, same sequence
    /// control): left out of the output as airdecap-ng does.</summary>
    public long RetransmissionsSkipped { get; init; }
    /// <summary>Frames whose integrity check passed: decrypted plus retransmissions skipped.</summary>
    public long PassedIntegrity => Decrypted + RetransmissionsSkipped;
    /// <summary>CCMP/GCMP MIC or WEP/TKIP ICV failures with every key that could apply.</summary>
    public long FailedIntegrity { get; init; }
    /// <summary>TKIP frames whose ICV passed but whose Michael MIC failed (12.5.2.4).</summary>
    public long FailedMichael { get; init; }
    /// <summary>Protected frames for which no key was known (before the handshake, another station, another cipher).</summary>
    public long WithoutKey { get; init; }
    /// <summary>Protected frames too short for their cipher or cut by the snap length.</summary>
    public long Malformed { get; init; }

    public long FramesWritten { get; init; }

    public bool Succeeded => Error == DecryptError.None;

    /// <summary>The summary table, airdecap-ng style, one count per line.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        foreach (DecryptedNetwork network in Networks)
        {
            string ssid = network.Ssid.Length == 0 ? "?" : Net80211.Ssid.Format(network.Ssid);
            text.Append(Inv($"BSSID {network.Bssid}  SSID {ssid}  {network.Security}")).Append('\n');
        }
        Line(text, "Frames read", RecordsRead);
        Line(text, "802.11 frames", Ieee80211Frames);
        Line(text, "Stations seen", Stations);
        Line(text, "EAPOL-Key frames", EapolKeyFrames);
        text.Append(Inv($"{"Handshakes complete/verified",-32}{$"{HandshakesComplete}/{HandshakesVerified}",12}")).Append('\n');
        Line(text, "Data frames", DataFrames);
        Line(text, "  without a body (null)", DataFramesWithoutBody);
        Line(text, "  plaintext", PlaintextDataFrames);
        Line(text, "  protected", ProtectedDataFrames);
        Line(text, "Decrypted WPA CCMP", DecryptedCcmp);
        if (DecryptedGcmp > 0) Line(text, "Decrypted WPA GCMP", DecryptedGcmp);
        Line(text, "Decrypted WPA TKIP", DecryptedTkip);
        Line(text, "Decrypted WEP", DecryptedWep);
        Line(text, "Decrypted in all", Decrypted);
        Line(text, "  group-addressed", DecryptedGroup);
        Line(text, "Retransmissions skipped", RetransmissionsSkipped);
        Line(text, "Failed MIC/ICV", FailedIntegrity);
        Line(text, "Failed Michael MIC (TKIP)", FailedMichael);
        Line(text, "Without a key", WithoutKey);
        Line(text, "Malformed or cut short", Malformed);
        text.Append(Inv($"{"Frames written",-32}{FramesWritten,12}"));
        if (OutputPath is not null) text.Append("  -> ").Append(OutputPath);
        text.Append('\n');
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, long value)
        => text.Append(Inv($"{label,-32}{value,12}")).Append('\n');

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
