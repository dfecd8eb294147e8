using System.Security.Cryptography;
using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>What a <see cref="Supplicant"/> needs for one association.</summary>
public sealed class SupplicantConfig
{
    /// <summary>The PMK (for PSK: the 32-octet PSK).</summary>
    public required byte[] Pmk { get; init; }
    /// <summary>Our RSN (or WPA) element exactly as sent in the (Re)Association Request; message 2 carries it.</summary>
    public required byte[] OwnRsnElement { get; init; }
    /// <summary>SPA: our address.</summary>
    public required MacAddress OwnAddress { get; init; }
    /// <summary>AA: the AP's (BSSID) address.</summary>
    public required MacAddress AuthenticatorAddress { get; init; }
    /// <summary>The AP's RSN (or WPA) element from its Beacon/Probe Response; message 3 must carry the same octets (12.7.6.4).</summary>
    public required byte[] AuthenticatorRsnElement { get; init; }
    public required NegotiatedSuite Suite { get; init; }
    /// <summary>Fills a span with random octets (SNonce).</summary>
    public Action<Span<byte>> NonceSource { get; init; } = RandomNumberGenerator.Fill;
    /// <summary>Give up when the handshake has not progressed for this long (reason 15).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Pmk);
        ArgumentNullException.ThrowIfNull(OwnRsnElement);
        ArgumentNullException.ThrowIfNull(AuthenticatorRsnElement);
        ArgumentNullException.ThrowIfNull(Suite);
        ArgumentNullException.ThrowIfNull(NonceSource);
        if (Pmk.Length == 0) throw new ArgumentException("No PMK.", nameof(Pmk));
    }
}
