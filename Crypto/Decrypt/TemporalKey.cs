using Net80211.Crypto.Tkip;
using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Decrypt;

/// <summary>One temporal key (a PTK's TK, a GTK or a WEP key) made into cipher keys that open frames of
/// either direction.</summary>
/// <remarks>
/// TKIP keys differ by direction in their Michael key (12.5.2.3, 12.7.1.3): frames the authenticator (AP)
/// sends are checked with the Authenticator→Supplicant key, which the supplicant-role key holds as its RX key,
/// and frames of the supplicant the other way round. The other ciphers use one key both ways.
/// </remarks>
internal sealed class TemporalKey
{
    private TemporalKey(CipherSuite cipher, ICipherKey fromAuthenticator, ICipherKey fromSupplicant)
    {
        Cipher = cipher;
        FromAuthenticator = fromAuthenticator;
        FromSupplicant = fromSupplicant;
    }

    public CipherSuite Cipher { get; }
    public CipherFamily Family => CipherModules.FamilyOf(Cipher);
    /// <summary>Opens frames the AP transmitted.</summary>
    public ICipherKey FromAuthenticator { get; }
    /// <summary>Opens frames a station transmitted.</summary>
    public ICipherKey FromSupplicant { get; }

    /// <summary>Keys for <paramref name="tk"/> under <paramref name="keyIndex"/>; null when the cipher is not
    /// built or the key does not fit it.</summary>
    public static TemporalKey? TryCreate(CipherSuite cipher, ReadOnlySpan<byte> tk, int keyIndex, bool pairwise)
    {
        ICipherModule? module = CipherModules.For(cipher);
        if (module is null) return null;
        CipherKeyFlags flags = CipherKeyFlags.Receive | (pairwise ? CipherKeyFlags.Pairwise : CipherKeyFlags.None);
        if (module is TkipCipher tkip)
        {
            if (!tkip.TryCreateKey(tk, keyIndex, flags, TkipRole.Supplicant, out ICipherKey? fromAp, out _)
                || !tkip.TryCreateKey(tk, keyIndex, flags, TkipRole.Authenticator, out ICipherKey? fromSta, out _))
            {
                return null;
            }
            return new TemporalKey(cipher, fromAp!, fromSta!);
        }
        if (!module.TryCreateKey(tk, keyIndex, flags, out ICipherKey? key, out _)) return null;
        return new TemporalKey(cipher, key!, key!);
    }
}
