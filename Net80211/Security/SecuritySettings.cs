using Net80211.Frames;

namespace Net80211.Security;

/// <summary>ifconfig authmode: how stations authenticate (IEEE80211_AUTH_*).</summary>
public enum AuthMode
{
    /// <summary>Open system, no keys.</summary>
    Open,
    /// <summary>Shared-key (WEP) authentication.</summary>
    Shared,
    /// <summary>Static WEP keys with open-system authentication (privacy on, no RSN).</summary>
    Wep,
    /// <summary>WPA/WPA2 with a pre-shared key: the 4-way handshake after association.</summary>
    Wpa,
}

/// <summary>Protected management frames (802.11w): off, negotiated when the peer can, or required.</summary>
public enum MfpMode
{
    Disabled,
    Capable,
    Required,
}

/// <summary>
/// A VAP's security configuration: what <c>ifconfig wlan0 authmode wpa wpakey ... ucipher ... pmf ...</c>
/// sets. Ciphers and AKMs are RSN suite selectors.
/// </summary>
public sealed class SecuritySettings
{
    public AuthMode AuthMode { get; set; } = AuthMode.Open;
    /// <summary>WPA passphrase (8..63 printable ASCII); or set <see cref="Psk"/> directly.</summary>
    public string? Passphrase { get; set; }
    /// <summary>The 32-byte PSK (PMK). Derived from the passphrase and SSID when null.</summary>
    public byte[]? Psk { get; set; }
    /// <summary>Allow WPA2/RSN (on) and WPA1 (off by default).</summary>
    public bool Rsn { get; set; } = true;
    public bool Wpa1 { get; set; }
    public List<CipherSuite> PairwiseCiphers { get; } = [CipherSuite.Ccmp128];
    public CipherSuite GroupCipher { get; set; } = CipherSuite.Ccmp128;
    public List<AkmSuite> Akms { get; } = [AkmSuite.Psk];
    public MfpMode Mfp { get; set; } = MfpMode.Disabled;
    /// <summary>Group management cipher when MFP is on.</summary>
    public CipherSuite GroupManagementCipher { get; set; } = CipherSuite.BipCmac128;
    /// <summary>GTK rekey interval for an AP (wpa_group_rekey); zero = never.</summary>
    public TimeSpan GroupRekeyInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>PTK rekey interval (wpa_ptk_rekey); zero = never.</summary>
    public TimeSpan PairwiseRekeyInterval { get; set; }
    /// <summary>Static WEP keys (authmode wep/shared) by index 0..3, and which one transmits.</summary>
    public byte[]?[] WepKeys { get; } = new byte[]?[4];
    public int WepTxKey { get; set; }

    public bool Privacy => AuthMode != AuthMode.Open;
}
