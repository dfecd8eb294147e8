using System.Text.Json;
using Crypto.Tests.Aes;
using Net80211.Crypto.Aes;
using Net80211.Crypto.Ccmp;

namespace Crypto.Tests.Ccmp;

public class CcmModeTests
{
    public static TheoryData<string> Rfc3610Ids => [.. TestVectors.Entries("ccm_rfc3610").Select(e => e.Str("id"))];

    private static JsonElement Vector(string id) => TestVectors.Entries("ccm_rfc3610").Single(e => e.Str("id") == id);

    [Fact]
    public void AllTwentyFourPacketVectorsArePresent() => Assert.Equal(24, TestVectors.Entries("ccm_rfc3610").Count);

    [Theory]
    [MemberData(nameof(Rfc3610Ids))]
    public void Rfc3610PacketVector(string id)
    {
        JsonElement v = Vector(id);
        byte[] key = v.Hex("key"), nonce = v.Hex("nonce"), aad = v.Hex("aad"), plaintext = v.Hex("plaintext");
        byte[] expected = v.Hex("expected_ciphertext_and_tag");
        int tagLength = v.GetProperty("tag_len").GetInt32();

        foreach (var impl in AesEncryptorTests.Implementations)
        {
            var ccm = new CcmMode(key, impl);
            var ciphertext = new byte[plaintext.Length];
            var tag = new byte[tagLength];
            ccm.Encrypt(nonce, plaintext, ciphertext, tag, aad);
            Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower([.. ciphertext, .. tag]));

            var decrypted = new byte[plaintext.Length];
            Assert.True(ccm.Decrypt(nonce, ciphertext, tag, decrypted, aad));
            Assert.Equal(plaintext, decrypted);

            // In place, and a tampered tag restores the ciphertext.
            byte[] buffer = [.. ciphertext];
            tag[0] ^= 1;
            Assert.False(ccm.Decrypt(nonce, buffer, tag, buffer, aad));
            Assert.Equal(ciphertext, buffer);
        }
    }

    [Fact]
    public void MatchesSystemAesCcmOnRandomInputs()
    {
        if (!System.Security.Cryptography.AesCcm.IsSupported) return;
        var random = new Random(3610);
        for (int n = 0; n < 300; n++)
        {
            int keyLength = random.Next(2) == 0 ? 16 : 32;
            int nonceLength = random.Next(7, 14);
            int tagLength = 2 * random.Next(2, 9);
            byte[] key = Bytes(random, keyLength), nonce = Bytes(random, nonceLength);
            byte[] aad = Bytes(random, random.Next(0, 70)), plaintext = Bytes(random, random.Next(0, 300));

            var expectedCt = new byte[plaintext.Length];
            var expectedTag = new byte[tagLength];
            using (var reference = new System.Security.Cryptography.AesCcm(key))
                reference.Encrypt(nonce, plaintext, expectedCt, expectedTag, aad);

            foreach (var impl in AesEncryptorTests.Implementations)
            {
                var ccm = new CcmMode(key, impl);
                byte[] buffer = [.. plaintext];
                var tag = new byte[tagLength];
                ccm.Encrypt(nonce, buffer, buffer, tag, aad);
                Assert.Equal(expectedCt, buffer);
                Assert.Equal(expectedTag, tag);
                Assert.True(ccm.Decrypt(nonce, buffer, tag, buffer, aad));
                Assert.Equal(plaintext, buffer);
            }
        }
    }

    [Fact]
    public void RejectsBadParameters()
    {
        var ccm = new CcmMode(new byte[16]);
        Assert.Throws<ArgumentException>(() => ccm.Encrypt(new byte[6], [], [], new byte[8]));
        Assert.Throws<ArgumentException>(() => ccm.Encrypt(new byte[13], [], [], new byte[7]));
        Assert.Throws<ArgumentException>(() => ccm.Encrypt(new byte[13], new byte[3], new byte[2], new byte[8]));
        Assert.Throws<ArgumentException>(() => ccm.Encrypt(new byte[13], new byte[65536], new byte[65536], new byte[8]));
    }

    internal static byte[] Bytes(Random random, int length)
    {
        var b = new byte[length];
        random.NextBytes(b);
        return b;
    }
}
