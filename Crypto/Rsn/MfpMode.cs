namespace Net80211.Crypto.Rsn;

/// <summary>Management frame protection policy (IEEE 802.11-2020 12.6.3): the MFPC and MFPR bits we advertise.</summary>
public enum MfpMode
{
    /// <summary>MFPC = 0, MFPR = 0.</summary>
    Disabled = 0,
    /// <summary>MFPC = 1, MFPR = 0: used when the peer is capable too.</summary>
    Capable = 1,
    /// <summary>MFPC = 1, MFPR = 1: peers without MFPC are refused.</summary>
    Required = 2,
}
