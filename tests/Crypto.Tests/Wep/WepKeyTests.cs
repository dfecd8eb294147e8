using Microsoft.Extensions.DependencyInjection;
using Net80211.Crypto.Wep;
using Net80211.Frames;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.Security;

namespace Crypto.Tests.Wep;

public class WepKeyTests
{
    private static readonly byte[] s_key40 = [0x1F, 0x2E, 0x3D, 0x4C, 0x5B];
    private static readonly byte[] s_key104 = [.. Enumerable.Range(0x40, 13).Select(i => (byte)i)];
    private readonly PacketPool _pool = new();

    private static WepKey Key(byte[] material, int index = 0, uint iv = 0)
        => new(new WepCipher(), material, index, CipherKeyFlags.Transmit | CipherKeyFlags.Receive, iv);

    [Theory]
    [InlineData(5, 0, false, null, false)]
    [InlineData(13, 1, true, null, false)]
    [InlineData(5, 1500, false, 5, false)]
    [InlineData(13, 2304, true, 7, false)]
    [InlineData(13, 60, false, null, true)]
    [InlineData(5, 61, false, 3, true)]
    public void RoundTrip(int keyLength, int bodyLength, bool fromAp, int? tid, bool fourAddress)
    {
        byte[] material = keyLength == 5 ? s_key40 : s_key104;
        WepKey tx = Key(material, 2, iv: 0x123456), rx = Key(material, 2);
        byte[] body = LegacyTestFrames.Body(bodyLength, bodyLength);
        Packet frame = LegacyTestFrames.Data(_pool, body, fromAp, tid, fourAddress);
        byte[] plain = frame.Data.ToArray();
        int hdr = LegacyTestFrames.HeaderLength(plain);

        Assert.True(tx.Encapsulate(frame, hdr));
        ReadOnlySpan<byte> wire = frame.Data;
        Assert.Equal(plain.Length + 8, wire.Length);
        Assert.True(new FrameControl((ushort)(wire[0] | wire[1] << 8)).Protected);
        Assert.Equal(plain.AsSpan(2, hdr - 2).ToArray(), wire[2..hdr].ToArray());
        Assert.Equal(new byte[] { 0x12, 0x34, 0x56, 2 << 6 }, wire.Slice(hdr, 4).ToArray());
        if (bodyLength > 16) Assert.NotEqual(body.AsSpan(0, 16).ToArray(), wire.Slice(hdr + 4, 16).ToArray());
        Assert.Equal(0x123457UL, tx.TransmitCounter);

        Assert.Equal(CipherResult.Ok, rx.Decapsulate(frame, hdr, tid ?? 16));
        Assert.Equal(plain, frame.Data.ToArray());
        Assert.Equal(0UL, rx.ReceiveCounter(0));
        frame.Free();
        Assert.Equal(0, _pool.Outstanding);
    }

    [Fact]
    public void CipherModule()
    {
        var wep = new WepCipher();
        Assert.Equal("WEP", wep.Name);
        Assert.Equal((uint)CipherSuite.Wep104, wep.SuiteSelector);
        Assert.Equal((13, 4, 4, 0), (wep.KeyLength, wep.HeaderLength, wep.TrailerLength, wep.MsduMicLength));
        Assert.Equal((uint)CipherSuite.Wep40, WepCipher.SuiteSelectorFor(5));
        Assert.Equal((uint)CipherSuite.Wep104, WepCipher.SuiteSelectorFor(13));

        Assert.True(wep.TryCreateKey(s_key40, 3, CipherKeyFlags.Receive, out ICipherKey? key, out string? error));
        Assert.Null(error);
        var k = Assert.IsType<WepKey>(key);
        Assert.Equal((3, CipherKeyFlags.Receive, (uint)CipherSuite.Wep40), (k.KeyIndex, k.Flags, k.SuiteSelector));
        Assert.Same(wep, k.Cipher);
        Assert.True(wep.TryCreateKey(s_key104, 0, CipherKeyFlags.None, out key, out _));
        Assert.Equal((uint)CipherSuite.Wep104, ((WepKey)key!).SuiteSelector);

        Assert.False(wep.TryCreateKey(new byte[16], 0, CipherKeyFlags.None, out key, out error));
        Assert.Null(key);
        Assert.Contains("5 or 13", error, StringComparison.Ordinal);
        Assert.False(wep.TryCreateKey(s_key40, 4, CipherKeyFlags.None, out _, out error));
        Assert.NotNull(error);
    }

    [Fact]
    public void ModuleSeedGivesDeterministicIvs()
    {
        var wep = new WepCipher(0xABCDEF);
        wep.TryCreateKey(s_key40, 0, CipherKeyFlags.Transmit, out ICipherKey? a, out _);
        wep.TryCreateKey(s_key40, 0, CipherKeyFlags.Transmit, out ICipherKey? b, out _);
        Assert.Equal(0xABCDEFUL, a!.TransmitCounter);
        Assert.Equal(a.TransmitCounter, b!.TransmitCounter);
        Assert.Equal(0UL, new WepCipher().InitialIv);
    }

    [Theory]
    // (x, 0xFF, y) with 3 <= x < 3 + key length is skipped to (x + 1, 0x00, y).
    [InlineData(5, 0x03FF00u, 0x040000u)]
    [InlineData(5, 0x07FF42u, 0x080042u)]
    [InlineData(5, 0x08FF00u, 0x08FF00u)]   // beyond a 5-octet key
    [InlineData(13, 0x08FF00u, 0x090000u)]
    [InlineData(13, 0x0FFFFFu, 0x1000FFu)]
    [InlineData(13, 0x10FF00u, 0x10FF00u)]
    [InlineData(13, 0x02FF00u, 0x02FF00u)]
    [InlineData(13, 0x03FE00u, 0x03FE00u)]
    public void WeakIvsAreSkipped(int keyLength, uint iv, uint expected)
        => Assert.Equal(expected, WepKey.SkipWeak(iv, keyLength));

    [Fact]
    public void IvCounterSkipsWeakIvsOnTheAirAndWraps()
    {
        WepKey key = Key(s_key40, iv: 0x03FEFE);
        var seen = new List<uint>();
        for (int i = 0; i < 4; i++)
        {
            Packet frame = LegacyTestFrames.Data(_pool, [1, 2, 3]);
            Assert.True(key.Encapsulate(frame, 24));
            ReadOnlySpan<byte> iv = frame.Data.Slice(24, 3);
            seen.Add((uint)(iv[0] << 16 | iv[1] << 8 | iv[2]));
            frame.Free();
        }
        // 0x03FEFE, 0x03FEFF, then 0x03FF00 is weak: 0x040000, 0x040001.
        Assert.Equal([0x03FEFEu, 0x03FEFFu, 0x040000u, 0x040001u], seen);

        WepKey last = Key(s_key104, iv: 0xFFFFFF);
        Packet f = LegacyTestFrames.Data(_pool, [1]);
        Assert.True(last.Encapsulate(f, 24));
        Assert.Equal(0UL, last.TransmitCounter);
        f.Free();
    }

    [Fact]
    public void CorruptedIcvIsAnIntegrityFailureAndLeavesTheFrame()
    {
        WepKey key = Key(s_key104);
        for (int at = 0; at < 24; at++)
        {
            Packet frame = LegacyTestFrames.Data(_pool, LegacyTestFrames.Body(20));
            Assert.True(key.Encapsulate(frame, 24));
            frame.Data[28 + at] ^= 0x01;   // every body octet and the ICV
            byte[] before = frame.Data.ToArray();
            Assert.Equal(CipherResult.IntegrityFailure, key.Decapsulate(frame, 24, 16));
            Assert.Equal(before, frame.Data.ToArray());
            frame.Free();
        }
    }

    [Fact]
    public void WrongKeyIdExtIvShortAndUnprotected()
    {
        WepKey key0 = Key(s_key40, 0), key1 = Key(s_key40, 1);
        Packet frame = LegacyTestFrames.Data(_pool, LegacyTestFrames.Body(30));
        Assert.True(key0.Encapsulate(frame, 24));
        Assert.Equal(CipherResult.WrongKey, key1.Decapsulate(frame, 24, 16));
        frame.Data[27] |= 0x20;   // ExtIV: a TKIP frame
        Assert.Equal(CipherResult.WrongKey, key0.Decapsulate(frame, 24, 16));
        frame.Data[27] &= 0xDF;
        frame.Data[1] &= 0xBF;    // Protected clear
        Assert.Equal(CipherResult.Unsupported, key0.Decapsulate(frame, 24, 16));
        frame.Data[1] |= 0x40;
        Assert.Equal(CipherResult.Ok, key0.Decapsulate(frame, 24, 16));
        frame.Free();

        // Header + IV + ICV is the least a WEP MPDU can be (empty body).
        Packet shortFrame = LegacyTestFrames.Data(_pool, [0, 0, 0, 0, 0, 0, 0]);
        shortFrame.Data[1] |= 0x40;
        Assert.Equal(CipherResult.TooShort, key0.Decapsulate(shortFrame, 24, 16));
        Assert.Equal(CipherResult.TooShort, key0.Decapsulate(shortFrame, 40, 16));
        Assert.False(key0.Encapsulate(shortFrame, 40));
        shortFrame.Free();

        Packet empty = LegacyTestFrames.Data(_pool, []);
        Assert.True(key0.Encapsulate(empty, 24));
        Assert.Equal(24 + 8, empty.Length);
        Assert.Equal(CipherResult.Ok, key0.Decapsulate(empty, 24, 16));
        Assert.Equal(24, empty.Length);
        empty.Free();
    }

    [Fact]
    public void SeededRandomGarbageNeverThrows()
    {
        var random = new Random(80211);
        WepKey key = Key(s_key40);
        int ok = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            if (bytes.Length > 1 && random.Next(2) == 0) bytes[1] |= 0x40;
            if (bytes.Length > 27 && random.Next(2) == 0) bytes[27] &= 0x1F;
            Packet frame = _pool.Rent(bytes);
            int hdr = random.Next(3) switch { 0 => LegacyTestFrames.HeaderLength(bytes), 1 => 24, _ => random.Next(0, 40) };
            if (key.Decapsulate(frame, hdr, random.Next(0, 17)) == CipherResult.Ok) ok++;
            frame.Free();
        }
        Assert.True(ok < 100, $"{ok} random frames passed a CRC-32 ICV");
        Assert.Equal(0, _pool.Outstanding);
    }

    [Fact]
    public void RegistersThroughDependencyInjection()
    {
        using ServiceProvider sp = new ServiceCollection().AddNet80211().AddWep().AddWep().BuildServiceProvider();
        ModuleRegistry registry = sp.GetRequiredService<ModuleRegistry>();
        Assert.True(registry.TryGetCipher("WEP", out ICipherModule? module));
        Assert.IsType<WepCipher>(module);
        Assert.Single(sp.GetServices<ICipherModule>());
    }
}
