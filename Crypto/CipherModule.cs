using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto;

/// <summary>
/// What every cipher module has in common: its name, suite and sizes as data, and setkey as "validate the
/// material, then make a key". A cipher family (CCMP, GCMP, BIP) derives once; each member is a
/// constructor call with its own numbers.
/// </summary>
public abstract class CipherModule(string name, CipherSuite suite, int keyLength, int headerLength, int trailerLength) : ICipherModule
{
    public string Name { get; } = name;
    public uint SuiteSelector { get; } = (uint)suite;
    public int KeyLength { get; } = keyLength;
    public int HeaderLength { get; } = headerLength;
    public int TrailerLength { get; } = trailerLength;
    public virtual int MsduMicLength => 0;

    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
    {
        key = IsValidKey(keyMaterial, keyIndex, out error) ? CreateKey(keyMaterial, keyIndex, flags) : null;
        return key is not null;
    }

    /// <summary>Checks length and key ID; false with a message for the user otherwise.</summary>
    protected abstract bool IsValidKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, out string? error);

    protected abstract ICipherKey CreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags);

    public override string ToString() => Name;
}
