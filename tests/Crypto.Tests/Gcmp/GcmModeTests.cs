using Crypto.Tests.Aes;
using Crypto.Tests.Ccmp;
using Net80211.Crypto.Aes;
using Net80211.Crypto.Gcmp;

namespace Crypto.Tests.Gcmp;

public class GcmModeTests
{
    [Fact]
    public void GcmSpecificationTestCase4()
    {
        // McGrew & Viega, "The Galois/Counter Mode of Operation", Appendix B, Test Case 4 (AES-128, 60-byte P, 20-byte A).
        byte[] key = Convert.FromHexString("feffe9928665731c6d6a8f9467308308");
        byte[] iv = Convert.FromHexString("cafebabefacedbaddecaf888");
        byte[] p = Convert.FromHexString("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        byte[] a = Convert.FromHexString("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        foreach (var impl in AesEncryptorTests.Implementations)
        {
            var gcm = new GcmMode(key, impl);
            var c = new byte[p.Length];
            var t = new byte[16];
            gcm.Encrypt(iv, p, c, t, a);
            Assert.Equal("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091", Convert.ToHexStringLower(c));
            Assert.Equal("5bc94fbc3221a5db94fae95ae7121a47", Convert.ToHexStringLower(t));
        }
    }

    [Fact]
    public void MatchesSystemAesGcmOnRandomInputs()
    {
        if (!System.Security.Cryptography.AesGcm.IsSupported) return;
        var random = new Random(38);
        for (int n = 0; n < 300; n++)
        {
            byte[] key = CcmModeTests.Bytes(random, random.Next(2) == 0 ? 16 : 32), nonce = CcmModeTests.Bytes(random, 12);
            byte[] aad = CcmModeTests.Bytes(random, random.Next(0, 100)), plaintext = CcmModeTests.Bytes(random, random.Next(0, 600));
            var expectedCt = new byte[plaintext.Length];
            var expectedTag = new byte[16];
            using (var reference = new System.Security.Cryptography.AesGcm(key, 16))
                reference.Encrypt(nonce, plaintext, expectedCt, expectedTag, aad);

            foreach (var impl in AesEncryptorTests.Implementations)
            {
                var gcm = new GcmMode(key, impl);
                byte[] buffer = [.. plaintext];
                var tag = new byte[16];
                gcm.Encrypt(nonce, buffer, buffer, tag, aad);
                Assert.Equal(expectedCt, buffer);
                Assert.Equal(expectedTag, tag);
                Assert.True(gcm.Decrypt(nonce, buffer, tag, buffer, aad));
                Assert.Equal(plaintext, buffer);

                // A wrong tag leaves the ciphertext untouched.
                gcm.Encrypt(nonce, buffer, buffer, tag, aad);
                byte[] sealedCopy = [.. buffer];
                tag[random.Next(16)] ^= (byte)(1 << random.Next(8));
                Assert.False(gcm.Decrypt(nonce, buffer, tag, buffer, aad));
                Assert.Equal(sealedCopy, buffer);
            }
        }
    }

    [Fact]
    public void HardwareAndPortableGHashAgree()
    {
        var random = new Random(128);
        for (int n = 0; n < 100; n++)
        {
            byte[] key = CcmModeTests.Bytes(random, 16), nonce = CcmModeTests.Bytes(random, 12);
            byte[] aad = CcmModeTests.Bytes(random, random.Next(0, 40)), data = CcmModeTests.Bytes(random, random.Next(0, 2400));
            var hw = new GcmMode(key, AesImplementation.Auto);
            var sw = new GcmMode(key, AesImplementation.Software);
            Assert.False(sw.IsHashHardwareAccelerated);
            var c1 = new byte[data.Length];
            var c2 = new byte[data.Length];
            var t1 = new byte[16];
            var t2 = new byte[16];
            hw.Encrypt(nonce, data, c1, t1, aad);
            sw.Encrypt(nonce, data, c2, t2, aad);
            Assert.Equal(c1, c2);
            Assert.Equal(t1, t2);
        }
    }

    [Fact]
    public void RejectsBadParameters()
    {
        var gcm = new GcmMode(new byte[16]);
        Assert.Throws<ArgumentException>(() => gcm.Encrypt(new byte[13], [], [], new byte[16]));
        Assert.Throws<ArgumentException>(() => gcm.Encrypt(new byte[12], [], [], new byte[8]));
        Assert.Throws<ArgumentException>(() => gcm.Encrypt(new byte[12], new byte[3], new byte[2], new byte[16]));
    }
}
