namespace Net80211.Crypto.Rsn;

/// <summary>Where a <see cref="Supplicant"/> or <see cref="Authenticator"/> is (after the state machines of
/// IEEE 802.11-2020 12.7.10 and 12.7.11, collapsed to what a PSK handshake needs).</summary>
public enum HandshakeState
{
    /// <summary>Not started.</summary>
    Idle = 0,
    /// <summary>Supplicant: associated, waiting for message 1.</summary>
    AwaitingMessage1,
    /// <summary>Authenticator: message 1 sent (PTKSTART).</summary>
    AwaitingMessage2,
    /// <summary>Supplicant: message 2 sent.</summary>
    AwaitingMessage3,
    /// <summary>Authenticator: message 3 sent (PTKINITNEGOTIATING).</summary>
    AwaitingMessage4,
    /// <summary>Supplicant, WPA1: PTK installed, waiting for the GTK.</summary>
    AwaitingGroupMessage1,
    /// <summary>Authenticator: group message 1 sent (REKEYNEGOTIATING).</summary>
    AwaitingGroupMessage2,
    /// <summary>Keys installed (PTKINITDONE); rekeys start from here.</summary>
    Completed,
    /// <summary>Gave up; nothing more is accepted.</summary>
    Failed,
}
