using Net80211.Crypto.Rsn;
using Net80211.Frames;

namespace Net80211.Crypto.Decrypt;

/// <summary>Follows the 4-way and group key handshakes (IEEE 802.11-2020 12.7.6, 12.7.7) of the stations of a
/// capture with one PMK: derives each PTK from the ANonce (message 1 or 3) and SNonce (message 2), accepts it
/// only when its KCK verifies the MIC of message 2 (a wrong passphrase fails here), and takes the GTK from
/// message 3 (RSN) or group message 1 (WPA1, and RSN group rekeys).</summary>
/// <remarks>
/// Messages are told apart by Key Information (12.7.6.2..5): Ack without MIC = 1; MIC without Ack with a nonce = 2;
/// Ack and MIC = 3; MIC without Ack and a zero nonce = 4 (nothing to learn); group messages have Key Type 0.
/// Message 2 is checked at once against the latest ANonce, and again against the ANonce of the message 3 that
/// follows when that differs (message 1 not captured); it counts as one handshake, failed only when no ANonce
/// verified it by the time the next message 2 or the end of the capture settles it.
/// </remarks>
internal sealed class HandshakeTracker(byte[] pmk)
{
    /// <summary>An EAPOL PDU between the AP <paramref name="authenticator"/> and <paramref name="station"/>, either way.</summary>
    public void OnEapol(BssState bss, StationState station, MacAddress authenticator, ReadOnlySpan<byte> eapol)
    {
        if (!EapolKeyFrame.TryRead(eapol, out EapolKeyFrame frame, out _)) return;
        bss.Counters.EapolKeyFrames++;
        bool ack = frame.Has(KeyInformation.Ack);
        bool mic = frame.Has(KeyInformation.Mic);
        if (frame.Has(KeyInformation.Request) || frame.Has(KeyInformation.Error)) return;
        if (!frame.IsPairwise)
        {
            if (ack && mic) OnGroupMessage1(bss, station, frame);
            return;
        }
        bool zeroNonce = frame.Nonce.IndexOfAnyExcept((byte)0) < 0;
        if (ack && !mic)
        {
            if (zeroNonce) return;
            station.ANonce = frame.Nonce.ToArray();
        }
        else if (ack)
        {
            OnMessage3(bss, station, authenticator, frame, zeroNonce);
        }
        else if (mic && !zeroNonce)
        {
            OnMessage2(bss, station, authenticator, frame);
        }
    }

    private void OnMessage2(BssState bss, StationState station, MacAddress authenticator, EapolKeyFrame frame)
    {
        StationState.Message2? pending = station.PendingMessage2;
        if (pending is not null && pending.SNonce.AsSpan().SequenceEqual(frame.Nonce)) return; // retransmitted
        station.SetMessage2(new StationState.Message2(frame.Nonce.ToArray(), frame.Pdu.ToArray(), frame.Version, SuiteOf(bss, frame)));
        if (station.ANonce is not null) Attempt(bss, station, authenticator, station.ANonce);
    }

    private void OnMessage3(BssState bss, StationState station, MacAddress authenticator, EapolKeyFrame frame, bool zeroNonce)
    {
        if (!zeroNonce)
        {
            station.ANonce = frame.Nonce.ToArray();
            if (station.PendingMessage2 is { Verified: false }) Attempt(bss, station, authenticator, station.ANonce);
        }

        // The GTK (RSN only; WPA1 sends it by the group handshake): under the PTK whose KCK signed this message.
        if (!frame.Has(KeyInformation.EncryptedKeyData)) return;
        foreach (PairwiseKey key in station.Keys)
        {
            if (!EapolKeyMic.Verify(key.Ptk.Kck, frame)) continue;
            if (KeyDataEncryption.TryDecrypt(frame.Version, key.Ptk.Kek, frame.Iv, frame.KeyData, out byte[]? plain)
                && KeyDataElements.TryParse(plain, out KeyDataElements kd) && kd.HasGtk)
            {
                InstallGroupKey(bss, key.Suite, kd.GtkKeyId, kd.Gtk);
            }
            return;
        }
    }

    /// <summary>12.7.7.2 (and WPA 1.0): the GTK encrypted with the KEK; RSN as a GTK KDE, WPA1 bare with its
    /// length in Key Length and its index in Key Information bits 4-5.</summary>
    private static void OnGroupMessage1(BssState bss, StationState station, EapolKeyFrame frame)
    {
        foreach (PairwiseKey key in station.Keys)
        {
            if (!EapolKeyMic.Verify(key.Ptk.Kck, frame)) continue;
            if (!KeyDataEncryption.TryDecrypt(frame.Version, key.Ptk.Kek, frame.Iv, frame.KeyData, out byte[]? plain)) return;
            if (frame.DescriptorType == EapolKeyFrame.DescriptorTypeWpa)
            {
                if (frame.KeyLength > 0 && frame.KeyLength <= plain.Length) InstallGroupKey(bss, key.Suite, frame.WpaKeyIndex, plain.AsSpan(0, frame.KeyLength));
            }
            else if (KeyDataElements.TryParse(plain, out KeyDataElements kd) && kd.HasGtk)
            {
                InstallGroupKey(bss, key.Suite, kd.GtkKeyId, kd.Gtk);
            }
            return;
        }
    }

    /// <summary>Derives the PTK of <paramref name="anonce"/> and the pending message 2 and checks that message's MIC with its KCK.</summary>
    private void Attempt(BssState bss, StationState station, MacAddress authenticator, byte[] anonce)
    {
        StationState.Message2? message = station.PendingMessage2;
        if (message is null || message.Verified) return;
        foreach (byte[] tried in message.Attempts)
        {
            if (tried.AsSpan().SequenceEqual(anonce)) return;
        }
        if (message.Attempts.Count == 0) bss.Counters.HandshakesComplete++;
        message.Attempts.Add(anonce);

        KeySuite suite = message.Suite;
        if (!suite.IsDerivable)
        {
            if (!message.Unsupported) bss.Counters.HandshakesUnsupported++;
            message.Unsupported = true;
            return;
        }
        Ptk ptk = PtkDerivation.Derive(pmk, authenticator, station.Address, anonce, message.SNonce, suite.Akm, suite.Pairwise);
        if (!EapolKeyMic.Verify(message.Version, ptk.Kck, message.Pdu)) return;
        TemporalKey? keys = TemporalKey.TryCreate(suite.Pairwise, ptk.Tk, 0, pairwise: true);
        if (keys is null) return;
        message.Verified = true;
        bss.Counters.HandshakesVerified++;
        station.HandshakesVerified++;
        station.Install(new PairwiseKey(ptk, suite, keys));
    }

    /// <summary>The suites of message 2: the station's own element in its Key Data (one cipher, one AKM), else the
    /// AP's advertised element, else what the descriptor implies. A group cipher still unknown is taken from the AP.</summary>
    private static KeySuite SuiteOf(BssState bss, EapolKeyFrame frame)
    {
        RsnProtocol protocol = frame.DescriptorType == EapolKeyFrame.DescriptorTypeWpa ? RsnProtocol.Wpa : RsnProtocol.Rsn;
        KeySuite suite;
        bool found = false;
        if (KeyDataElements.TryParse(frame.KeyData, out KeyDataElements kd))
        {
            ReadOnlySpan<byte> own = protocol == RsnProtocol.Wpa ? kd.WpaElement : kd.RsnElement;
            found = KeySuite.TryFromElement(own, frame.Version, out suite);
        }
        else
        {
            suite = default;
        }
        byte[]? advertised = bss.Element(protocol);
        if (!found && advertised is not null) found = KeySuite.TryFromElement(advertised, frame.Version, out suite);
        if (!found) suite = KeySuite.FromDescriptor(frame.DescriptorType, frame.Version);
        if (suite.Group == default && advertised is not null && KeySuite.TryFromElement(advertised, frame.Version, out KeySuite ap))
        {
            suite = suite with { Group = ap.Group };
        }
        return suite;
    }

    private static void InstallGroupKey(BssState bss, KeySuite suite, int keyId, ReadOnlySpan<byte> gtk)
    {
        CipherSuite cipher = suite.Group;
        if (cipher == default || CipherKeyLengths.Of(cipher) != gtk.Length) cipher = CipherModules.GroupCipherForKeyLength(gtk.Length);
        TemporalKey? key = TemporalKey.TryCreate(cipher, gtk, keyId, pairwise: false);
        if (key is not null) bss.SetGroupKey(keyId, key);
    }
}
