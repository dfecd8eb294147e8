namespace Net80211.Crypto.Decrypt;

/// <summary>Which network of a capture to decrypt, and with what key.</summary>
/// <remarks>
/// The network is chosen by <see cref="Bssid"/> when given; otherwise by <see cref="Ssid"/>, matched against
/// the beacons and probe responses of the capture. A passphrase needs the SSID (the PMK is derived from
/// both, IEEE 802.11-2020 J.4.1); a PSK or WEP key may do with the BSSID alone, or with neither (every BSS).
/// </remarks>
public sealed record DecryptOptions
{
    /// <summary>The SSID octets; empty when not given.</summary>
    public ReadOnlyMemory<byte> Ssid { get; init; }

    /// <summary>Only this BSS; null to pick by SSID.</summary>
    public MacAddress? Bssid { get; init; }

    public required DecryptionKey Key { get; init; }

    /// <summary>Null when the options can be used; otherwise why not.</summary>
    public string? Validate()
    {
        if (Ssid.Length > Rsn.Psk.MaxSsidLength) return $"an SSID has at most {Rsn.Psk.MaxSsidLength} octets, not {Ssid.Length}";
        if (Key.Kind == DecryptionKeyKind.Passphrase && Ssid.IsEmpty) return "a passphrase needs the SSID (-e): the PMK is derived from both";
        return null;
    }
}
