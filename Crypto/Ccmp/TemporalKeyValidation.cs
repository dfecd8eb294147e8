namespace Net80211.Crypto.Ccmp;

/// <summary>setkey checks shared by the CCMP and GCMP modules.</summary>
internal static class TemporalKeyValidation
{
    /// <summary>Key IDs 0..3 fit the 2-bit Key ID subfield (12.5.3.2).</summary>
    public const int MaxKeyIndex = 3;

    public static bool Check(ReadOnlySpan<byte> keyMaterial, int keyLength, int keyIndex, string cipherName, out string? error)
    {
        if (keyMaterial.Length != keyLength)
        {
            error = $"{cipherName} needs a {keyLength}-byte key, got {keyMaterial.Length}";
            return false;
        }
        if ((uint)keyIndex > MaxKeyIndex)
        {
            error = $"{cipherName} key index {keyIndex} is not 0..{MaxKeyIndex}";
            return false;
        }
        error = null;
        return true;
    }
}
