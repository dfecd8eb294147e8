using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Net80211.Crypto.Bip;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.Security;

namespace Crypto.Tests.Bip;

public class BipCipherTests
{
    private static readonly PacketPool Pool = new();

    private static JsonElement Vector(string id) => TestVectors.Entries("bip").Single(e => e.Str("id") == id);

    private static Packet Frame(byte[] bytes)
    {
        Packet packet = Pool.Rent();
        packet.Append(bytes);
        return packet;
    }

    private static BipKey Key(ICipherModule cipher, byte[] igtk, int keyIndex = 4)
    {
        Assert.True(cipher.TryCreateKey(igtk, keyIndex, CipherKeyFlags.Management | CipherKeyFlags.Transmit | CipherKeyFlags.Receive, out ICipherKey? key, out string? error), error);
        return Assert.IsAssignableFrom<BipKey>(key);
    }

    public static TheoryData<string> BipVectors() => new("ieee-802.11-2012-M.9.1-bip-cmac-128", "ieee-P802.11ac-D7.0-M.9.1-bip-gmac-128", "ieee-P802.11ac-D7.0-M.9.1-bip-gmac-256");

    private static ICipherModule CipherFor(string id) => id switch
    {
        _ when id.EndsWith("cmac-128", StringComparison.Ordinal) => new BipCipher(),
        _ when id.EndsWith("gmac-128", StringComparison.Ordinal) => new BipGmac128Cipher(),
        _ => new BipGmac256Cipher(),
    };

    [Theory]
    [MemberData(nameof(BipVectors))]
    public void ProtectsTheAnnexDeauthenticationAndVerifiesIt(string id)
    {
        JsonElement e = Vector(id);
        ICipherModule cipher = CipherFor(id);
        byte[] igtk = e.Hex("igtk"), plain = e.Hex("plaintext_frame"), expected = e.Hex("expected_protected_frame_no_fcs");
        int keyId = e.GetProperty("key_id").GetInt32();
        ulong ipn = BitConverter.ToUInt64([.. e.Hex("ipn_le6"), 0, 0]);

        using BipKey tx = Key(cipher, igtk, keyId);
        tx.SetTransmitCounter(ipn);
        Packet frame = Frame(plain);
        Assert.True(tx.Encapsulate(frame, 24));
        Assert.Equal(expected, frame.Data.ToArray());
        Assert.Equal(expected.Length - plain.Length, cipher.TrailerLength);
        Assert.Equal(ipn + 1, tx.TransmitCounter);
        if (e.Has("expected_mmie_mic")) Assert.Equal(e.Hex("expected_mmie_mic"), frame.Data[^8..].ToArray());

        using BipKey rx = Key(cipher, igtk, keyId);
        rx.SetReceiveCounter(ipn - 1);
        Assert.Equal(CipherResult.Ok, rx.Decapsulate(frame, 24, 16));
        Assert.Equal(plain, frame.Data.ToArray());
        Assert.Equal(ipn, rx.ReceiveCounter(16));
        Assert.Equal(ipn, rx.ReceiveCounter(0));
        frame.Free();
    }

    [Fact]
    public void ReplayTamperingAndWrongKeysAreRefused()
    {
        JsonElement e = Vector("ieee-802.11-2012-M.9.1-bip-cmac-128");
        byte[] igtk = e.Hex("igtk"), protectedFrame = e.Hex("expected_protected_frame_no_fcs");
        var cipher = new BipCipher();

        // Replay: the IPN must be strictly greater (12.5.4.5).
        using BipKey rx = Key(cipher, igtk);
        rx.SetReceiveCounter(4);
        Packet frame = Frame(protectedFrame);
        Assert.Equal(CipherResult.Replay, rx.Decapsulate(frame, 24, 16));
        Assert.Equal(protectedFrame, frame.Data.ToArray());
        frame.Free();

        // Masked FC bits (Retry, Power Management, More Data) do not change the MIC.
        using BipKey rx2 = Key(cipher, igtk);
        byte[] retried = (byte[])protectedFrame.Clone();
        retried[1] |= 0x08 | 0x10 | 0x20;
        frame = Frame(retried);
        Assert.Equal(CipherResult.Ok, rx2.Decapsulate(frame, 24, 16));
        frame.Free();

        // Any other change fails the MIC, and the frame and counter are left as they were.
        for (int i = 0; i < protectedFrame.Length; i++)
        {
            if (i is 1 or 2 or 3 or 22 or 23) continue; // masked FC flags, Duration and Sequence Control are not covered
            if (i >= protectedFrame.Length - 18 && i < protectedFrame.Length - 8) continue; // element header, key id, IPN: checked separately
            using BipKey fresh = Key(cipher, igtk);
            byte[] tampered = (byte[])protectedFrame.Clone();
            tampered[i] ^= 0x01;
            frame = Frame(tampered);
            CipherResult result = fresh.Decapsulate(frame, 24, 16);
            Assert.True(result is CipherResult.IntegrityFailure or CipherResult.Unsupported, $"octet {i}: {result}");
            Assert.Equal(tampered, frame.Data.ToArray());
            Assert.Equal(0UL, fresh.ReceiveCounter(16));
            frame.Free();
        }

        // An IPN raised by an attacker fails the MIC (the IPN is covered).
        using BipKey rx3 = Key(cipher, igtk);
        byte[] bumped = (byte[])protectedFrame.Clone();
        bumped[^13]++;
        frame = Frame(bumped);
        Assert.Equal(CipherResult.IntegrityFailure, rx3.Decapsulate(frame, 24, 16));
        frame.Free();

        using BipKey key5 = Key(cipher, igtk, 5);
        frame = Frame(protectedFrame);
        Assert.Equal(CipherResult.WrongKey, key5.Decapsulate(frame, 24, 16));
        frame.Free();

        frame = Frame(protectedFrame[..30]);
        Assert.Equal(CipherResult.TooShort, rx3.Decapsulate(frame, 24, 16));
        frame.Free();

        frame = Frame(e.Hex("plaintext_frame").Concat(new byte[18]).ToArray());
        Assert.Equal(CipherResult.Unsupported, rx3.Decapsulate(frame, 24, 16)); // no MMIE
        frame.Free();
    }

    [Fact]
    public void EncapsulateRefusesNonManagementFramesAndIpnExhaustion()
    {
        using BipKey key = Key(new BipCipher(), new byte[16]);
        byte[] data = new byte[30];
        data[0] = 0x08; // data frame
        Packet frame = Frame(data);
        Assert.False(key.Encapsulate(frame, 24));
        frame.Free();

        key.SetTransmitCounter((1UL << 48) - 1);
        frame = Frame(new byte[26]);
        Assert.True(key.Encapsulate(frame, 24));
        frame.Free();
        frame = Frame(new byte[26]);
        Assert.False(key.Encapsulate(frame, 24));
        Assert.Equal(26, frame.Length);
        frame.Free();
        Assert.Equal(0, Pool.Outstanding);
    }

    [Fact]
    public void RoundTripsOverManyFrames()
    {
        var random = new Random(6);
        byte[] igtk = new byte[16];
        random.NextBytes(igtk);
        using BipKey tx = Key(new BipCipher(), igtk);
        using BipKey rx = Key(new BipCipher(), igtk);
        for (int length = 0; length < 300; length += 7)
        {
            byte[] plain = new byte[24 + length];
            random.NextBytes(plain);
            plain[0] = 0xC0; // deauthentication
            plain[1] = 0;
            Packet frame = Frame(plain);
            Assert.True(tx.Encapsulate(frame, 24));
            Assert.Equal(CipherResult.Ok, rx.Decapsulate(frame, 24, 16));
            Assert.Equal(plain, frame.Data.ToArray());
            frame.Free();
        }
    }

    [Fact]
    public void KeyMaterialAndIndexAreChecked()
    {
        var cipher = new BipCipher();
        Assert.False(cipher.TryCreateKey(new byte[15], 4, CipherKeyFlags.None, out _, out string? error));
        Assert.Contains("16-octet", error, StringComparison.Ordinal);
        Assert.False(cipher.TryCreateKey(new byte[16], 1, CipherKeyFlags.None, out _, out error));
        Assert.Contains("4..7", error, StringComparison.Ordinal);
        Assert.Equal("BIP-CMAC-128", cipher.Name);
        Assert.Equal(0x000FAC06u, cipher.SuiteSelector);
        Assert.Equal((16, 0, 18, 0), (cipher.KeyLength, cipher.HeaderLength, cipher.TrailerLength, cipher.MsduMicLength));
    }

    [Fact]
    public void AddBipRegistersTheCipher()
    {
        using ServiceProvider services = new ServiceCollection().AddNet80211().AddBip().BuildServiceProvider();
        var registry = services.GetRequiredService<ModuleRegistry>();
        Assert.True(registry.TryGetCipher("BIP-CMAC-128", out ICipherModule? module));
        Assert.IsType<BipCipher>(module);
    }
}
