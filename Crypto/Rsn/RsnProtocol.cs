namespace Net80211.Crypto.Rsn;

/// <summary>Which element and EAPOL-Key descriptor a security association uses.</summary>
public enum RsnProtocol
{
    /// <summary>IEEE 802.11 RSNA: RSN element (48), EAPOL-Key descriptor type 2.</summary>
    Rsn = 0,
    /// <summary>Pre-RSNA WPA (WPA1): vendor element 00-50-F2:1, descriptor type 254, GTK by the group handshake.</summary>
    Wpa = 1,
}
