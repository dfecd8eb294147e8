namespace Net80211.Crypto.Rsn;

/// <summary>Why an EAPOL PDU was not accepted as an EAPOL-Key frame (each is a silent drop, 12.7.2).</summary>
public enum EapolKeyError
{
    None = 0,
    /// <summary>Shorter than the EAPOL header or the fixed EAPOL-Key fields.</summary>
    TooShort,
    /// <summary>Packet Type is not 3 (EAPOL-Key).</summary>
    NotEapolKey,
    /// <summary>Protocol Version 0 or above 3 (IEEE 802.1X-2020 11.3.1).</summary>
    BadProtocolVersion,
    /// <summary>Descriptor Type is neither 2 (RSN) nor 254 (WPA).</summary>
    BadDescriptorType,
    /// <summary>Packet Body Length runs past the end of the PDU.</summary>
    BodyPastEnd,
    /// <summary>Key Data Length runs past the end of the body.</summary>
    KeyDataPastEnd,
    /// <summary>Key Data elements/KDEs whose lengths do not fit.</summary>
    BadKeyData,
}
