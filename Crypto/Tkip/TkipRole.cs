namespace Net80211.Crypto.Tkip;

/// <summary>
/// Which end of the 4-way handshake holds a TKIP key, which decides its Michael keys. The TKIP TK is
/// TK (16) | Michael key Authenticator→Supplicant (8) | Michael key Supplicant→Authenticator (8)
/// (IEEE 802.11-2020 12.7.1.3, 12.5.2.3): the authenticator transmits with octets 16..23, the supplicant with 24..31.
/// </summary>
public enum TkipRole
{
    /// <summary>The AP (or the IBSS STA in the authenticator role): TX Michael = octets 16..23, RX = 24..31.
    /// Also FreeBSD's in-kernel layout TK | TX MIC | RX MIC as is.</summary>
    Authenticator,
    /// <summary>The non-AP STA: TX Michael = octets 24..31, RX = 16..23 (wpa_supplicant swaps the halves before setkey).</summary>
    Supplicant,
}
