using System.Security.Cryptography;
using System.Text;
using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>PMKID = Truncate-128(HMAC-Hash(PMK, "PMK Name" || AA || SPA)) (IEEE 802.11-2020 12.7.1.3):
/// SHA-1 for AKMs 1 and 2, SHA-256 for AKMs 5 and 6.</summary>
public static class Pmkid
{
    public const int Length = 16;

    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 16 octets.</exception>
    public static void Compute(ReadOnlySpan<byte> pmk, MacAddress aa, MacAddress spa, AkmSuite akm, Span<byte> destination)
    {
        if (destination.Length < Length) throw new ArgumentException("A PMKID is 16 octets.", nameof(destination));
        Span<byte> input = stackalloc byte[8 + 2 * MacAddress.Length];
        Encoding.ASCII.GetBytes("PMK Name", input);
        aa.WriteTo(input[8..]);
        spa.WriteTo(input[(8 + MacAddress.Length)..]);
        Span<byte> digest = stackalloc byte[32];
        int written = CipherKeyLengths.Normalize(akm) is AkmSuite.PskSha256 or AkmSuite.Ieee8021XSha256
            ? HMACSHA256.HashData(pmk, input, digest)
            : HMACSHA1.HashData(pmk, input, digest);
        digest[..Math.Min(written, Length)].CopyTo(destination);
    }
}
