using Net80211.Crypto.Aes;

namespace Crypto.Tests.Aes;

public class AesEncryptorTests
{
    public static TheoryData<string, string, string> Fips197 => new()
    {
        // FIPS-197 Appendix B (cipher example) and Appendix C.1–C.3 (example vectors).
        { "2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734", "3925841d02dc09fbdc118597196a0b32" },
        { "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a" },
        { "000102030405060708090a0b0c0d0e0f1011121314151617", "00112233445566778899aabbccddeeff", "dda97ca4864cdfe06eaf70a0ec0d7191" },
        { "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00112233445566778899aabbccddeeff", "8ea2b7ca516745bfeafc49904b496089" },
    };

    [Theory]
    [MemberData(nameof(Fips197))]
    public void Fips197KnownAnswers(string key, string plaintext, string ciphertext)
    {
        foreach (var impl in Implementations)
        {
            var aes = new AesEncryptor(Convert.FromHexString(key), impl);
            var output = new byte[16];
            aes.EncryptBlock(Convert.FromHexString(plaintext), output);
            Assert.Equal(ciphertext, Convert.ToHexStringLower(output));
        }
    }

    [Theory]
    // FIPS-197 A.1 (w40..w43) and A.3 (w56..w59): the last round key.
    [InlineData("2b7e151628aed2a6abf7158809cf4f3c", "d014f9a8c9ee2589e13f0cc8b6630ca6")]
    [InlineData("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "fe4890d1e6188d0b046df344706c631e")]
    public void KeyExpansionLastRoundKey(string key, string lastRoundKey)
    {
        foreach (var impl in Implementations)
        {
            var aes = new AesEncryptor(Convert.FromHexString(key), impl);
            Assert.Equal(lastRoundKey, Convert.ToHexStringLower(aes.ScheduleBytes[^16..]));
        }
    }

    [Fact]
    public void HardwareAndSoftwareAgreeOnRandomKeysAndBlocks()
    {
        var random = new Random(80211);
        foreach (int keyLength in new[] { 16, 24, 32 })
        {
            for (int n = 0; n < 200; n++)
            {
                var key = new byte[keyLength];
                var block = new byte[16];
                random.NextBytes(key);
                random.NextBytes(block);
                var hw = new AesEncryptor(key, AesImplementation.Auto);
                var sw = new AesEncryptor(key, AesImplementation.Software);
                Assert.True(hw.ScheduleBytes.SequenceEqual(sw.ScheduleBytes));
                var a = new byte[16];
                var b = new byte[16];
                hw.EncryptBlock(block, a);
                sw.EncryptBlock(block, b);
                Assert.Equal(a, b);

                using var reference = System.Security.Cryptography.Aes.Create();
                reference.Key = key;
                Assert.Equal(reference.EncryptEcb(block, System.Security.Cryptography.PaddingMode.None), a);
            }
        }
    }

    [Fact]
    public void MachineHasAesNi()
    {
        // Not a requirement of the code; documents which path the other tests exercised.
        Assert.Equal(System.Runtime.Intrinsics.X86.Aes.IsSupported, AesEncryptor.IsHardwareSupported);
        Assert.False(new AesEncryptor(new byte[16], AesImplementation.Software).IsHardwareAccelerated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(20)]
    [InlineData(33)]
    public void RejectsBadKeyLengths(int length) => Assert.Throws<ArgumentException>(() => new AesEncryptor(new byte[length]));

    internal static AesImplementation[] Implementations => [AesImplementation.Auto, AesImplementation.Software];
}
