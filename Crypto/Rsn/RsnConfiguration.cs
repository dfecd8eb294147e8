using Net80211.Security;
using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>Our security policy, as a station (what we accept from an AP) or as an AP (what we advertise and
/// accept from stations). Selectors are RSN (00-0F-AC) values; WPA1 peers are matched through their
/// normalised selectors.</summary>
public sealed record RsnConfiguration
{
    /// <summary>Pairwise ciphers we allow. Order does not matter: the best common one is chosen
    /// (GCMP-256 &gt; CCMP-256 &gt; GCMP-128 &gt; CCMP-128 &gt; TKIP).</summary>
    public IReadOnlyList<CipherSuite> PairwiseCiphers { get; init; } = [CipherSuite.Ccmp128];

    /// <summary>The group cipher we use as an AP.</summary>
    public CipherSuite GroupCipher { get; init; } = CipherSuite.Ccmp128;

    /// <summary>Group ciphers a station accepts from an AP; null means <see cref="GroupCipher"/> and every
    /// cipher of <see cref="PairwiseCiphers"/>.</summary>
    public IReadOnlyList<CipherSuite>? AcceptedGroupCiphers { get; init; }

    /// <summary>AKMs we allow (PSK and PSK-SHA256 are the ones the handshakes here complete); PSK-SHA256 is
    /// preferred when both sides have both.</summary>
    public IReadOnlyList<AkmSuite> Akms { get; init; } = [AkmSuite.Psk];

    public MfpMode Mfp { get; init; } = MfpMode.Disabled;

    /// <summary>The management group cipher when MFP is used (only BIP-CMAC-128 is built).</summary>
    public CipherSuite GroupManagementCipher { get; init; } = CipherSuite.BipCmac128;

    /// <summary>Accept (and as an AP also advertise) pre-RSNA WPA1.</summary>
    public bool AllowWpa1 { get; init; }

    public bool AcceptsGroupCipher(CipherSuite cipher)
    {
        cipher = CipherKeyLengths.Normalize(cipher);
        if (AcceptedGroupCiphers is not null) return AcceptedGroupCiphers.Contains(cipher);
        return cipher == GroupCipher || PairwiseCiphers.Contains(cipher);
    }

    public RsnCapabilities Capabilities => Mfp switch
    {
        MfpMode.Required => RsnCapabilities.Mfpc | RsnCapabilities.Mfpr,
        MfpMode.Capable => RsnCapabilities.Mfpc,
        _ => RsnCapabilities.None,
    };
}
