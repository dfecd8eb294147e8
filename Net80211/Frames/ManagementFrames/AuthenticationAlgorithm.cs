namespace Net80211.Frames;

/// <summary>Authentication Algorithm Number field (IEEE 802.11-2020 9.4.1.1).</summary>
public enum AuthenticationAlgorithm : ushort
{
    OpenSystem = 0,
    SharedKey = 1,
    FastBssTransition = 2,
    Sae = 3,
    FilsSharedKey = 4,
    FilsSharedKeyPfs = 5,
    FilsPublicKey = 6,
    VendorSpecific = 0xFFFF,
}
