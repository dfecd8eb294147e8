using System.Text.Json;
using Crypto.Tests.Aes;
using Net80211.Crypto.Aes;
using Net80211.Crypto.Ccmp;
using Net80211.Packets;
using Net80211.Security;

namespace Crypto.Tests.Ccmp;

/// <summary>The CCMP MPDU vectors of shared/testvectors/ccmp.json (IEEE 802.11 Annex M.6.4, M.9.2, a captured frame).</summary>
public class CcmpVectorTests
{
    private static readonly PacketPool Pool = new();

    private static JsonElement Vector(string id) => TestVectors.Entries("ccmp").Single(e => e.Str("id") == id);

    internal static ICipherModule Module(int keyLength, AesImplementation implementation)
        => keyLength == 16 ? new CcmpCipher(implementation) : new Ccmp256Cipher(implementation);

    internal static PacketNumberKey Key(ICipherModule module, byte[] tk, int keyIndex = 0)
    {
        Assert.True(module.TryCreateKey(tk, keyIndex, CipherKeyFlags.Pairwise | CipherKeyFlags.Transmit | CipherKeyFlags.Receive, out ICipherKey? key, out string? error), error);
        return Assert.IsAssignableFrom<PacketNumberKey>(key);
    }

    [Theory]
    [InlineData("ieee-802.11-2012-M.6.4-ccmp-128", "expected_encrypted_mpdu_no_fcs")]
    [InlineData("ieee-P802.11ac-D7.0-M.6.4-ccmp-256", "expected_encrypted_mpdu_no_fcs")]
    [InlineData("ieee-802.11-2012-M.9.2-ccmp-mgmt", "derived_encrypted_mpdu_no_fcs")]
    public void EncapsulatesAnnexMVector(string id, string expectedField)
    {
        JsonElement v = Vector(id);
        byte[] tk = v.Hex("tk"), plaintext = v.Hex("plaintext_mpdu"), expected = v.Hex(expectedField);
        ulong pn = Convert.ToUInt64(v.Str("pn_be"), 16);
        int headerLength = v.GetProperty("header_len").GetInt32();
        int keyId = v.GetProperty("key_id").GetInt32();

        foreach (var impl in AesEncryptorTests.Implementations)
        {
            PacketNumberKey key = Key(Module(tk.Length, impl), tk, keyId);
            key.SetTransmitCounter(pn);
            Packet frame = Pool.Rent(plaintext);
            Assert.True(key.Encapsulate(frame, headerLength));
            Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(frame.Data));
            Assert.Equal(pn + 1, key.TransmitCounter);
            if (v.Has("expected_mic"))
                Assert.Equal(v.Str("expected_mic"), Convert.ToHexStringLower(frame.Data[^8..]));

            // And back: the plaintext MPDU with the Protected bit cleared.
            int tid = new Net80211.Frames.FrameControl((ushort)(plaintext[0] | plaintext[1] << 8)).IsQosData ? plaintext[24] & 0xF : 16;
            Assert.Equal(CipherResult.Ok, key.Decapsulate(frame, headerLength, tid));
            byte[] unprotected = [.. plaintext];
            unprotected[1] &= 0xBF;
            Assert.Equal(Convert.ToHexStringLower(unprotected), Convert.ToHexStringLower(frame.Data));
            Assert.Equal(pn, key.ReceiveCounter(tid));
            frame.Free();
        }
    }

    [Fact]
    public void DecryptsTheCapturedFrame()
    {
        JsonElement v = Vector("aircrack-real-ccmp-frame");
        byte[] tk = v.Hex("tk"), mpdu = v.Hex("encrypted_mpdu_no_fcs"), expected = v.Hex("expected_plaintext_msdu");
        foreach (var impl in AesEncryptorTests.Implementations)
        {
            PacketNumberKey key = Key(Module(16, impl), tk);
            Packet frame = Pool.Rent(mpdu);
            Assert.Equal(CipherResult.Ok, key.Decapsulate(frame, 24, 16));
            Assert.Equal(24 + expected.Length, frame.Length);
            Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(frame.Data[24..]));
            Assert.Equal(mpdu[..24].Select((b, i) => i == 1 ? (byte)(b & 0xBF) : b), frame.Data[..24].ToArray());
            Assert.Equal(CcmpHeader.ReadPacketNumber(mpdu.AsSpan(24)), key.ReceiveCounter(16));
            frame.Free();

            // The same frame again is a replay.
            frame = Pool.Rent(mpdu);
            Assert.Equal(CipherResult.Replay, key.Decapsulate(frame, 24, 16));
            Assert.Equal(mpdu, frame.Data.ToArray());
            frame.Free();
        }
    }
}
