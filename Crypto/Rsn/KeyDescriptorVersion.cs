namespace Net80211.Crypto.Rsn;

/// <summary>Key Descriptor Version, bits 0..2 of Key Information (IEEE 802.11-2020 12.7.2 b.1): which MIC
/// and which Key Data encryption an EAPOL-Key frame uses.</summary>
public enum KeyDescriptorVersion
{
    /// <summary>0: the AKM defines them (FILS, SAE-ext, OWE...; not built here).</summary>
    AkmDefined = 0,
    /// <summary>1: HMAC-MD5 MIC, ARC4 Key Data (TKIP with AKM 1/2, WPA1).</summary>
    HmacMd5Rc4 = 1,
    /// <summary>2: HMAC-SHA1-128 MIC, AES Key Wrap (CCMP/GCMP with AKM 1/2).</summary>
    HmacSha1Aes = 2,
    /// <summary>3: AES-128-CMAC MIC, AES Key Wrap (AKMs 3..6: FT and the SHA-256 AKMs).</summary>
    AesCmac = 3,
}
