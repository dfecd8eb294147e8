using Net80211;
using Net80211.Crypto.Rsn;
using Net80211.Frames;

namespace Crypto.Tests.Rsn;

/// <summary>A supplicant and an authenticator wired for tests: deterministic nonces, the elements both would
/// use, and helpers to pass frames between them.</summary>
internal sealed class HandshakePair
{
    public static readonly MacAddress ApAddress = MacAddress.Parse("02:00:00:00:01:00");
    public static readonly MacAddress StaAddress = MacAddress.Parse("02:00:00:00:02:00");
    public static readonly byte[] Gtk16 = Enumerable.Range(0x40, 16).Select(i => (byte)i).ToArray();
    public static readonly byte[] Gtk32 = Enumerable.Range(0x40, 32).Select(i => (byte)i).ToArray();
    public static readonly byte[] Igtk = Enumerable.Range(0x80, 16).Select(i => (byte)i).ToArray();

    public Supplicant Supplicant { get; }
    public Authenticator Authenticator { get; }
    public NegotiatedSuite Suite { get; }
    public byte[] ApElement { get; }
    public byte[] StaElement { get; }
    public byte[] Gtk { get; }
    public int SupplicantNonces { get; private set; }
    public int AuthenticatorNonces { get; private set; }

    public HandshakePair(RsnConfiguration apConfig, RsnConfiguration staConfig, string apPassphrase = "correct horse", string staPassphrase = "correct horse",
        Func<byte[], byte[]>? apElementSeenBySta = null, byte[]? igtk = null, bool wpa1 = false)
    {
        byte[] ssid = "TestNet"u8.ToArray();
        ApElement = wpa1 ? RsnElementBuilder.WpaForBeacon(apConfig) : RsnElementBuilder.ForBeacon(apConfig);
        Assert.True(RsnNegotiation.TrySelect(staConfig, ApElement, out NegotiatedSuite? chosen, out RsnRefusal refusal), refusal.Why);
        StaElement = RsnElementBuilder.ForAssociation(staConfig, chosen);
        Assert.True(RsnNegotiation.TryAccept(apConfig, StaElement, out NegotiatedSuite? accepted, out refusal), refusal.Why);
        Assert.Equal(chosen with { GroupCipher = accepted.GroupCipher }, accepted);
        Suite = accepted;
        Gtk = Suite.GtkLength == 32 ? Gtk32 : Gtk16;

        Supplicant = new Supplicant(new SupplicantConfig
        {
            Pmk = Psk.FromPassphrase(staPassphrase, ssid),
            OwnRsnElement = StaElement,
            OwnAddress = StaAddress,
            AuthenticatorAddress = ApAddress,
            AuthenticatorRsnElement = apElementSeenBySta is null ? ApElement : apElementSeenBySta(ApElement),
            Suite = Suite,
            NonceSource = span => { span.Fill((byte)(0xA0 + SupplicantNonces % 16)); SupplicantNonces++; },
        });
        Authenticator = new Authenticator(new AuthenticatorConfig
        {
            Pmk = Psk.FromPassphrase(apPassphrase, ssid),
            AuthenticatorAddress = ApAddress,
            SupplicantAddress = StaAddress,
            AuthenticatorRsnElement = ApElement,
            SupplicantRsnElement = StaElement,
            Suite = Suite,
            Gtk = Gtk,
            GtkKeyIndex = 1,
            GtkRsc = 0x1234,
            Igtk = igtk,
            IgtkKeyIndex = 4,
            IgtkIpn = 7,
            NonceSource = span => { span.Fill((byte)(0x10 + AuthenticatorNonces % 16)); AuthenticatorNonces++; },
        });
    }

    public static HandshakePair Rsn(RsnConfiguration? both = null, string staPassphrase = "correct horse", Func<byte[], byte[]>? apElementSeenBySta = null, byte[]? igtk = null)
        => new(both ?? new RsnConfiguration(), both ?? new RsnConfiguration(), staPassphrase: staPassphrase, apElementSeenBySta: apElementSeenBySta, igtk: igtk);

    public static HandshakePair Wpa1(CipherSuite cipher)
    {
        var config = new RsnConfiguration { AllowWpa1 = true, PairwiseCiphers = [cipher], GroupCipher = cipher };
        return new HandshakePair(config, config, wpa1: true);
    }

    /// <summary>The one frame a list of actions sends.</summary>
    public static byte[] Sent(IReadOnlyList<HandshakeAction> actions)
        => Assert.Single(actions.OfType<SendEapol>()).Frame;

    public static ulong Counter(byte[] eapol)
    {
        Assert.True(EapolKeyFrame.TryRead(eapol, out EapolKeyFrame frame, out _));
        return frame.ReplayCounter;
    }

    /// <summary>Runs Start → 1 → 2 → 3 → 4 (→ group 1 → group 2 for WPA1), asserting each side's actions are
    /// answered; returns the last authenticator actions.</summary>
    public IReadOnlyList<HandshakeAction> RunToCompletion()
    {
        Supplicant.Start();
        IReadOnlyList<HandshakeAction> fromAp = Authenticator.Start();
        for (int guard = 0; guard < 10; guard++)
        {
            IReadOnlyList<HandshakeAction> fromSta = Supplicant.OnEapolKey(Sent(fromAp));
            fromAp = Authenticator.OnEapolKey(Sent(fromSta));
            if (fromAp.OfType<Completed>().Any() && !fromAp.OfType<SendEapol>().Any()) return fromAp;
        }
        Assert.Fail("handshake did not complete");
        return [];
    }
}
