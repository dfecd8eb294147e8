using System.Security.Cryptography;
using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>What an <see cref="Authenticator"/> needs for one associated station.</summary>
public sealed class AuthenticatorConfig
{
    public required byte[] Pmk { get; init; }
    /// <summary>AA: the AP's address.</summary>
    public required MacAddress AuthenticatorAddress { get; init; }
    /// <summary>SPA: the station's address.</summary>
    public required MacAddress SupplicantAddress { get; init; }
    /// <summary>Our RSN (or WPA) element as in Beacons/Probe Responses; message 3 carries it.</summary>
    public required byte[] AuthenticatorRsnElement { get; init; }
    /// <summary>The station's element from its (Re)Association Request; message 2 must carry the same octets (12.7.6.3).</summary>
    public required byte[] SupplicantRsnElement { get; init; }
    public required NegotiatedSuite Suite { get; init; }
    /// <summary>The current GTK (delivered in message 3, or by the group handshake for WPA1).</summary>
    public required byte[] Gtk { get; init; }
    public int GtkKeyIndex { get; init; } = 1;
    /// <summary>The GTK's transmit sequence counter (Key RSC).</summary>
    public ulong GtkRsc { get; init; }
    /// <summary>The IGTK when MFP is used (null: no IGTK KDE).</summary>
    public byte[]? Igtk { get; init; }
    public int IgtkKeyIndex { get; init; } = 4;
    public ulong IgtkIpn { get; init; }
    /// <summary>Fills a span with random octets (ANonce, EAPOL-Key IV for version 1).</summary>
    public Action<Span<byte>> NonceSource { get; init; } = RandomNumberGenerator.Fill;
    /// <summary>Transmissions of each message before giving up (dot11RSNAConfigPairwiseUpdateCount, hostapd's 4).</summary>
    public int RetryLimit { get; init; } = 4;
    /// <summary>Wait for each answer (hostapd: 1 s).</summary>
    public TimeSpan RetryTimeout { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Pmk);
        ArgumentNullException.ThrowIfNull(AuthenticatorRsnElement);
        ArgumentNullException.ThrowIfNull(SupplicantRsnElement);
        ArgumentNullException.ThrowIfNull(Suite);
        ArgumentNullException.ThrowIfNull(Gtk);
        ArgumentNullException.ThrowIfNull(NonceSource);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RetryLimit);
        ArgumentOutOfRangeException.ThrowIfLessThan(GtkKeyIndex, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(GtkKeyIndex, 3);
        if (Gtk.Length != Suite.GtkLength) throw new ArgumentException($"GTK of {Gtk.Length} octets for a {Suite.GtkLength}-octet group cipher.", nameof(Gtk));
    }
}
