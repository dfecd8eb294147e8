namespace Net80211.Crypto.Aes;

/// <summary>Which AES (and GHASH) implementation a key uses; tests force <see cref="Software"/> to compare paths.</summary>
internal enum AesImplementation
{
    /// <summary>AES-NI and PCLMULQDQ when the CPU has them (and the AppContext switch does not disable them).</summary>
    Auto,
    /// <summary>The portable table implementation and the bitwise GHASH.</summary>
    Software,
}
