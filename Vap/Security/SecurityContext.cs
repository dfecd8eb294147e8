using Net80211.Crypto.Rsn;
using Net80211.Crypto.Tkip;
using Net80211.Crypto.Wep;
using Net80211.Frames;
using Net80211.Nodes;
using Net80211.Security;
using Net80211.Vaps;

namespace Net80211.Vap.Security;

/// <summary>
/// A VAP's security, put to work: the RSN configuration its settings make, the PMK for an SSID, keys made
/// from the registered cipher modules and installed in the VAP's key table, static WEP keys.
/// </summary>
internal sealed class SecurityContext
{
    private static readonly PskCache Pmks = new();
    private readonly Ieee80211Vap _vap;

    public SecurityContext(Ieee80211Vap vap) => _vap = vap;

    public SecuritySettings Settings => _vap.Security;
    public bool IsWpa => Settings.AuthMode == AuthMode.Wpa;

    /// <summary>The one authentication algorithm the authmode uses (12.3.3): Shared Key for authmode shared,
    /// else Open System (authmode wep is WEP with open authentication; WPA authenticates after association).</summary>
    public AuthenticationAlgorithm AuthAlgorithm
        => Settings.AuthMode == AuthMode.Shared ? AuthenticationAlgorithm.SharedKey : AuthenticationAlgorithm.OpenSystem;

    /// <summary>The RSN configuration (ifconfig's ucipher/mcipher/akm/pmf) as the RSN code wants it.</summary>
    public RsnConfiguration Configuration => new()
    {
        PairwiseCiphers = Settings.PairwiseCiphers.ToArray(),
        GroupCipher = Settings.GroupCipher,
        Akms = Settings.Akms.ToArray(),
        Mfp = Settings.Mfp,
        GroupManagementCipher = Settings.GroupManagementCipher,
        AllowWpa1 = Settings.Wpa1,
    };

    /// <summary>The PMK for <paramref name="ssid"/>: the configured PSK, or PBKDF2 of the passphrase (cached).</summary>
    public bool TryGetPmk(ReadOnlySpan<byte> ssid, out byte[]? pmk, out string? error)
    {
        if (Settings.Psk is { Length: Psk.Length } psk)
        {
            pmk = psk;
            error = null;
            return true;
        }
        return Pmks.TryGet(Settings.Passphrase, ssid, out pmk, out error);
    }

    /// <summary>A key of <paramref name="suite"/> from the registered cipher modules.</summary>
    public bool TryCreateKey(CipherSuite suite, ReadOnlySpan<byte> material, int keyIndex, CipherKeyFlags flags, TkipRole role,
        out ICipherKey? key, out string? error)
    {
        key = null;
        ICipherModule? module = null;
        foreach (var name in _vap.Ic.Modules.CipherNames)
        {
            if (_vap.Ic.Modules.TryGetCipher(name, out var m) && (m.SuiteSelector == (uint)suite || SameCipher(m, suite))) { module = m; break; }
        }
        if (module is null)
        {
            error = $"no cipher module registered for {suite}";
            return false;
        }
        // TKIP's Michael keys differ by direction: say which side of the handshake we are.
        if (module is TkipCipher tkip) return tkip.TryCreateKey(material, keyIndex, flags, role, out key, out error);
        return module.TryCreateKey(material, keyIndex, flags, out key, out error);
    }

    private static bool SameCipher(ICipherModule m, CipherSuite suite) => suite switch
    {
        CipherSuite.WpaTkip => m.SuiteSelector == (uint)CipherSuite.Tkip,
        CipherSuite.WpaCcmp => m.SuiteSelector == (uint)CipherSuite.Ccmp128,
        CipherSuite.Wep40 or CipherSuite.WpaWep40 or CipherSuite.WpaWep104 => m is WepCipher,
        _ => false,
    };

    /// <summary>Installs the PTK's temporal key as <paramref name="node"/>'s pairwise key.</summary>
    public bool InstallPairwise(Ieee80211Node node, CipherSuite cipher, ReadOnlySpan<byte> tk, TkipRole role, out string? error)
    {
        if (!TryCreateKey(cipher, tk, 0, CipherKeyFlags.Pairwise | CipherKeyFlags.Transmit | CipherKeyFlags.Receive, role, out var key, out error)) return false;
        _vap.Keys.SetPairwise(node, key!);
        return true;
    }

    public bool InstallGroup(CipherSuite cipher, ReadOnlySpan<byte> gtk, int keyIndex, ulong rsc, bool transmit, TkipRole role, out string? error)
    {
        var flags = CipherKeyFlags.Receive | (transmit ? CipherKeyFlags.Transmit : CipherKeyFlags.None);
        if (!TryCreateKey(cipher, gtk, keyIndex, flags, role, out var key, out error)) return false;
        key!.SetReceiveCounters(rsc);
        _vap.Keys.SetGroup(key, transmit);
        return true;
    }

    public bool InstallIgtk(CipherSuite cipher, ReadOnlySpan<byte> igtk, int keyIndex, ulong ipn, out string? error)
    {
        if (!TryCreateKey(cipher, igtk, keyIndex, CipherKeyFlags.Management | CipherKeyFlags.Receive | CipherKeyFlags.Transmit, TkipRole.Authenticator, out var key, out error)) return false;
        key!.SetReceiveCounters(ipn);
        _vap.Keys.SetIgtk(key);
        return true;
    }

    /// <summary>authmode wep: the configured WEP keys go into the group slots (used for unicast too).</summary>
    public bool InstallStaticWepKeys(out string? error)
    {
        error = null;
        for (int i = 0; i < Settings.WepKeys.Length; i++)
        {
            if (Settings.WepKeys[i] is not { } material) continue;
            if (!InstallGroup(CipherSuite.Wep104, material, i, 0, i == Settings.WepTxKey, TkipRole.Authenticator, out error)) return false;
        }
        if (_vap.Keys.GroupTransmitKey is null)
        {
            error = $"WEP transmit key {Settings.WepTxKey + 1} is not set";
            return false;
        }
        return true;
    }
}
