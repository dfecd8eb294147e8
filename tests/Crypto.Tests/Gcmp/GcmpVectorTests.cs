using System.Text.Json;
using Crypto.Tests.Aes;
using Crypto.Tests.Ccmp;
using Net80211.Crypto.Aes;
using Net80211.Crypto.Ccmp;
using Net80211.Crypto.Gcmp;
using Net80211.Packets;
using Net80211.Security;

namespace Crypto.Tests.Gcmp;

/// <summary>The GCMP MPDU vectors of shared/testvectors/gcmp.json (IEEE 802.11ad M.11.1, P802.11ac GCMP-256).</summary>
public class GcmpVectorTests
{
    private static readonly PacketPool Pool = new();

    private static JsonElement Vector(string id) => TestVectors.Entries("gcmp").Single(e => e.Str("id") == id);

    internal static ICipherModule Module(int keyLength, AesImplementation implementation)
        => keyLength == 16 ? new GcmpCipher(implementation) : new Gcmp256Cipher(implementation);

    [Theory]
    [InlineData("ieee-802.11ad-2012-M.11.1-gcmp-mpdu-2", "derived_full_encrypted_mpdu_no_fcs")]
    [InlineData("ieee-P802.11ac-D7.0-M.11.1-gcmp-256", "expected_encrypted_mpdu_no_fcs")]
    public void EncapsulatesVector(string id, string expectedField)
    {
        JsonElement v = Vector(id);
        byte[] tk = v.Hex("tk"), plaintext = v.Hex("plaintext_mpdu"), expected = v.Hex(expectedField);
        ulong pn = Convert.ToUInt64(v.Str("pn_be"), 16);
        int headerLength = v.GetProperty("header_len").GetInt32();
        int tid = plaintext[24] & 0xF;

        foreach (var impl in AesEncryptorTests.Implementations)
        {
            PacketNumberKey key = CcmpVectorTests.Key(Module(tk.Length, impl), tk, v.GetProperty("key_id").GetInt32());
            key.SetTransmitCounter(pn);
            Packet frame = Pool.Rent(plaintext);
            Assert.True(key.Encapsulate(frame, headerLength));
            Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(frame.Data));
            if (v.Has("expected_mic"))
            {
                Assert.Equal(v.Str("expected_mic"), Convert.ToHexStringLower(frame.Data[^16..]));
                Assert.Equal(v.Str("expected_encrypted_payload"), Convert.ToHexStringLower(frame.Data[(headerLength + 8)..^16]));
            }

            Assert.Equal(CipherResult.Ok, key.Decapsulate(frame, headerLength, tid));
            byte[] unprotected = [.. plaintext];
            unprotected[1] &= 0xBF;
            Assert.Equal(unprotected, frame.Data.ToArray());
            frame.Free();
        }
    }

    /// <summary>Vector #1 was computed over its FC as given (Protected clear), not with Protected forced to 1
    /// as 12.5.5.3.3 requires; reproduce it at the AEAD level with that AAD.</summary>
    [Fact]
    public void Vector1WithTheFrameControlAsGiven()
    {
        JsonElement v = Vector("ieee-802.11ad-2012-M.11.1-gcmp-mpdu-1");
        byte[] tk = v.Hex("tk"), plaintext = v.Hex("plaintext_mpdu");
        ulong pn = Convert.ToUInt64(v.Str("pn_be"), 16);
        int headerLength = v.GetProperty("header_len").GetInt32();
        ReadOnlySpan<byte> header = plaintext.AsSpan(0, headerLength);
        Span<byte> aad = stackalloc byte[CcmpAad.MaxLength];
        int aadLength = CcmpAad.Build(header, aad, setProtected: false);
        Span<byte> nonce = stackalloc byte[CcmpAad.GcmNonceLength];
        CcmpAad.BuildGcmNonce(header, pn, nonce);

        foreach (var impl in AesEncryptorTests.Implementations)
        {
            var gcm = new GcmMode(tk, impl);
            byte[] body = plaintext[headerLength..];
            var mic = new byte[16];
            gcm.Encrypt(nonce, body, body, mic, aad[..aadLength]);
            Assert.Equal(v.Str("expected_encrypted_payload"), Convert.ToHexStringLower(body));
            Assert.Equal(v.Str("expected_mic"), Convert.ToHexStringLower(mic));

            // Through the key (Protected forced in the AAD and set in the frame): same header, PN header and
            // ciphertext as the derived MPDU; only FC's Protected bit and the MIC differ.
            PacketNumberKey key = CcmpVectorTests.Key(Module(16, impl), tk);
            key.SetTransmitCounter(pn);
            Packet frame = Pool.Rent(plaintext);
            Assert.True(key.Encapsulate(frame, headerLength));
            byte[] derived = v.Hex("derived_full_encrypted_mpdu_no_fcs");
            derived[1] |= 0x40;
            Assert.Equal(Convert.ToHexStringLower(derived[..^16]), Convert.ToHexStringLower(frame.Data[..^16]));
            Assert.NotEqual(v.Str("expected_mic"), Convert.ToHexStringLower(frame.Data[^16..]));
            Assert.Equal(CipherResult.Ok, key.Decapsulate(frame, headerLength, 16));
            Assert.Equal(plaintext, frame.Data.ToArray());
            frame.Free();
        }
    }
}
