using System.Buffers.Binary;
using Crypto.Tests.Wep;
using Microsoft.Extensions.DependencyInjection;
using Net80211.Crypto.Tkip;
using Net80211.DataPath;
using Net80211.Frames;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.Security;

namespace Crypto.Tests.Tkip;

public class TkipKeyTests
{
    private const int NonQos = 16;
    private static readonly byte[] s_tk = [.. Enumerable.Range(0, 32).Select(i => (byte)(0xA0 ^ i * 7))];
    private readonly PacketPool _pool = new();
    private readonly TkipCipher _cipher = new();

    private TkipKey Ap(int index = 0) => new(_cipher, s_tk, index, CipherKeyFlags.Pairwise | CipherKeyFlags.Transmit | CipherKeyFlags.Receive, TkipRole.Authenticator);
    private TkipKey Sta(int index = 0) => new(_cipher, s_tk, index, CipherKeyFlags.Pairwise | CipherKeyFlags.Transmit | CipherKeyFlags.Receive, TkipRole.Supplicant);

    /// <summary>AP → STA and STA → AP: MSDU MIC, encapsulation, decapsulation, MIC check give back the MSDU.</summary>
    [Theory]
    [InlineData(true, null, false, 0)]
    [InlineData(true, 6, false, 1)]
    [InlineData(false, null, false, 100)]
    [InlineData(false, 3, false, 1500)]
    [InlineData(false, null, true, 333)]
    [InlineData(true, 1, true, 2304)]
    public void RoundTrip(bool fromAp, int? tid, bool fourAddress, int bodyLength)
    {
        // Through the interface: the MSDU MIC members must reach TKIP's, not ICipherKey's defaults.
        ICipherKey ap = Ap(1), sta = Sta(1);
        (ICipherKey tx, ICipherKey rx) = fromAp ? (ap, sta) : (sta, ap);
        Packet frame = LegacyTestFrames.Data(_pool, LegacyTestFrames.Body(bodyLength, bodyLength), fromAp, tid, fourAddress);
        byte[] plain = frame.Data.ToArray();
        int hdr = LegacyTestFrames.HeaderLength(plain);

        Assert.True(tx.AddMsduMic(frame, hdr));
        Assert.Equal(plain.Length + 8, frame.Length);
        Assert.True(tx.Encapsulate(frame, hdr));
        Assert.Equal(plain.Length + 8 + 8 + 4, frame.Length);
        Assert.True((frame.Data[1] & 0x40) != 0);
        Assert.Equal(2UL, tx.TransmitCounter);

        Assert.Equal(CipherResult.Ok, rx.Decapsulate(frame, hdr, tid ?? NonQos));
        Assert.Equal(1UL, rx.ReceiveCounter(tid ?? NonQos));
        Assert.Equal(CipherResult.Ok, rx.VerifyMsduMic(frame, hdr));
        Assert.Equal(plain, frame.Data.ToArray());
        frame.Free();
        Assert.Equal(0, _pool.Outstanding);
    }

    [Fact]
    public void IvHeaderLayout()
    {
        TkipKey key = Ap(2);
        key.SetTransmitCounter(0x0000_0102_ABCD);
        Packet frame = LegacyTestFrames.Data(_pool, [1, 2, 3], fromAp: true);
        Assert.True(key.Encapsulate(frame, 24));
        // TSC1, (TSC1 | 0x20) & 0x7F, TSC0, KeyID 2 << 6 | ExtIV, TSC2..TSC5.
        Assert.Equal(new byte[] { 0xAB, 0x2B, 0xCD, 0xA0, 0x02, 0x01, 0x00, 0x00 }, frame.Data.Slice(24, 8).ToArray());
        Assert.Equal(0x0102_ABCEUL, key.TransmitCounter);
        frame.Free();
    }

    [Fact]
    public void CipherModuleAndRoles()
    {
        Assert.Equal(("TKIP", (uint)CipherSuite.Tkip, 32, 8, 4, 8),
            (_cipher.Name, _cipher.SuiteSelector, _cipher.KeyLength, _cipher.HeaderLength, _cipher.TrailerLength, _cipher.MsduMicLength));

        // The role-less interface entry makes an authenticator key (FreeBSD's TK | TX MIC | RX MIC as is).
        Assert.True(_cipher.TryCreateKey(s_tk, 0, CipherKeyFlags.Pairwise, out ICipherKey? generic, out string? error));
        Assert.Null(error);
        Assert.Equal(TkipRole.Authenticator, Assert.IsType<TkipKey>(generic).Role);
        Assert.True(_cipher.TryCreateKey(s_tk, 3, CipherKeyFlags.Receive, TkipRole.Supplicant, out ICipherKey? supplicant, out _));
        Assert.Equal((TkipRole.Supplicant, 3, CipherKeyFlags.Receive), (((TkipKey)supplicant!).Role, supplicant.KeyIndex, supplicant.Flags));

        Assert.False(_cipher.TryCreateKey(new byte[16], 0, CipherKeyFlags.None, out ICipherKey? none, out error));
        Assert.Null(none);
        Assert.Contains("32", error, StringComparison.Ordinal);
        Assert.False(_cipher.TryCreateKey(s_tk, 4, CipherKeyFlags.None, out _, out _));
        Assert.False(_cipher.TryCreateKey(s_tk, 0, CipherKeyFlags.None, (TkipRole)7, out _, out _));

        // Michael A→S is octets 16..23: what the AP adds, the STA checks; the AP's own RX key (S→A) refuses it.
        Packet frame = LegacyTestFrames.Data(_pool, LegacyTestFrames.Body(50), fromAp: true);
        Assert.True(Ap().AddMsduMic(frame, 24));
        var expected = new byte[8];
        var michael = new MichaelMic(s_tk.AsSpan(16, 8));
        michael.Append([.. LegacyTestFrames.Sta.ToBytes(), .. LegacyTestFrames.Remote.ToBytes(), 0, 0, 0, 0]);
        michael.Append(frame.Data[24..^8]);
        michael.Finish(expected);
        Assert.Equal(expected, frame.Data[^8..].ToArray());
        Assert.Equal(CipherResult.MsduMicFailure, Ap().VerifyMsduMic(frame, 24));
        Assert.Equal(CipherResult.Ok, Sta().VerifyMsduMic(frame, 24));
        frame.Free();
    }

    [Fact]
    public void MichaelFailures()
    {
        TkipKey ap = Ap(), sta = Sta();
        Packet frame = LegacyTestFrames.Data(_pool, LegacyTestFrames.Body(64), tid: 5);
        Assert.True(sta.AddMsduMic(frame, 26));
        int length = frame.Length;

        frame.Data[40] ^= 0x80;   // data
        Assert.Equal(CipherResult.MsduMicFailure, ap.VerifyMsduMic(frame, 26));
        Assert.Equal(length, frame.Length);
        frame.Data[40] ^= 0x80;

        frame.Data[24] = (byte)((frame.Data[24] & 0xF0) | 6);   // priority (TID) is covered
        Assert.Equal(CipherResult.MsduMicFailure, ap.VerifyMsduMic(frame, 26));
        frame.Data[24] = (byte)((frame.Data[24] & 0xF0) | 5);

        frame.Data[^1] ^= 1;   // the MIC itself
        Assert.Equal(CipherResult.MsduMicFailure, ap.VerifyMsduMic(frame, 26));
        frame.Data[^1] ^= 1;

        Assert.Equal(CipherResult.Ok, ap.VerifyMsduMic(frame, 26));
        Assert.Equal(length - 8, frame.Length);
        Assert.Equal(CipherResult.MsduMicFailure, ap.VerifyMsduMic(frame, 26));   // stripped: nothing left to check
        frame.Free();

        Packet tiny = LegacyTestFrames.Data(_pool, [1, 2, 3, 4, 5, 6, 7]);
        Assert.Equal(CipherResult.TooShort, ap.VerifyMsduMic(tiny, 24));
        Assert.False(ap.AddMsduMic(tiny, 16));   // not a data header
        tiny.Free();
    }

    [Fact]
    public void ReplayIsRefusedPerTidAndLeavesTheCounter()
    {
        TkipKey ap = Ap(), sta = Sta();
        Packet first = Encapsulated(ap, tid: 0);    // TSC 1
        Packet second = Encapsulated(ap, tid: 0);   // TSC 2
        Packet third = Encapsulated(ap, tid: 4);    // TSC 3

        Packet copy = first.Clone();
        Assert.Equal(CipherResult.Ok, sta.Decapsulate(first, 26, 0));
        Assert.Equal(CipherResult.Replay, sta.Decapsulate(copy, 26, 0));   // the same frame again
        Assert.Equal(1UL, sta.ReceiveCounter(0));

        Packet secondCopy = second.Clone();
        Assert.Equal(CipherResult.Ok, sta.Decapsulate(third, 26, 4));
        Assert.Equal(CipherResult.Ok, sta.Decapsulate(second, 26, 0));   // TID 0 is behind TID 4: its own counter
        Assert.Equal(CipherResult.Replay, sta.Decapsulate(secondCopy, 26, 0));
        Assert.Equal(CipherResult.Replay, sta.Decapsulate(copy, 26, 0));  // older
        Assert.Equal((2UL, 3UL, 0UL), (sta.ReceiveCounter(0), sta.ReceiveCounter(4), sta.ReceiveCounter(NonQos)));

        // The same TSC on another TID is fine (12.5.2.6 keeps one counter per TID).
        Packet otherTid = secondCopy.Clone();
        Assert.Equal(CipherResult.Ok, sta.Decapsulate(otherTid, 26, 7));

        sta.SetReceiveCounter(100);
        Packet late = Encapsulated(ap, tid: 2);
        Assert.Equal(CipherResult.Replay, sta.Decapsulate(late, 26, 2));
        Assert.Equal(100UL, sta.ReceiveCounter(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => sta.ReceiveCounter(17));
        Assert.Throws<ArgumentOutOfRangeException>(() => sta.Decapsulate(late, 26, -1));

        foreach (Packet p in (Packet[])[first, second, third, copy, secondCopy, otherTid, late]) p.Free();
        Assert.Equal(0, _pool.Outstanding);
    }

    /// <summary>12.5.2.6 f): an MPDU with a valid ICV but a bad Michael MIC must not advance the counter, or a
    /// forgery with a high TSC would make the peer's next frames look like replays.</summary>
    [Fact]
    public void MichaelFailureTakesBackTheCounterAdvance()
    {
        TkipKey ap = Ap(), sta = Sta();
        Packet good = Encapsulated(ap, tid: 2);   // TSC 1
        Assert.Equal(CipherResult.Ok, sta.Decapsulate(good, 26, 2));
        Assert.Equal(CipherResult.Ok, sta.VerifyMsduMic(good, 26));
        Assert.Equal(1UL, sta.ReceiveCounter(2));

        ap.SetTransmitCounter(1000);
        Packet forged = LegacyTestFrames.Data(_pool, LegacyTestFrames.Body(40), fromAp: true, tid: 2);
        Assert.True(ap.AddMsduMic(forged, 26));
        forged.Data[^3] ^= 0x20;
        Assert.True(ap.Encapsulate(forged, 26));
        Assert.Equal(CipherResult.Ok, sta.Decapsulate(forged, 26, 2));
        Assert.Equal(1000UL, sta.ReceiveCounter(2));
        Assert.Equal(CipherResult.MsduMicFailure, sta.VerifyMsduMic(forged, 26));
        Assert.Equal(1UL, sta.ReceiveCounter(2));

        ap.SetTransmitCounter(2);
        Packet next = Encapsulated(ap, tid: 2);
        Assert.Equal(CipherResult.Ok, sta.Decapsulate(next, 26, 2));
        Assert.Equal(CipherResult.Ok, sta.VerifyMsduMic(next, 26));
        Assert.Equal(2UL, sta.ReceiveCounter(2));

        // Non-QoS MSDUs use counter 16.
        Packet plain = Encapsulated(ap, tid: null);   // TSC 3
        plain.Data[^5] ^= 1;                          // inside the encrypted MIC: the ICV fails first
        Assert.Equal(CipherResult.IntegrityFailure, sta.Decapsulate(plain, 24, NonQos));
        Assert.Equal(0UL, sta.ReceiveCounter(NonQos));

        foreach (Packet p in (Packet[])[good, forged, next, plain]) p.Free();
        Assert.Equal(0, _pool.Outstanding);
    }

    [Fact]
    public void IcvFailureLeavesFrameAndCounter()
    {
        TkipKey ap = Ap(), sta = Sta();
        for (int at = 0; at < 32; at++)
        {
            // 20 body + 8 MIC + 4 ICV = 32 encrypted octets after the 24 + 8 octets of header and IV.
            Packet frame = Encapsulated(ap, tid: null, bodyLength: 20);
            frame.Data[32 + at] ^= 0x10;
            byte[] before = frame.Data.ToArray();
            Assert.Equal(CipherResult.IntegrityFailure, sta.Decapsulate(frame, 24, NonQos));
            Assert.Equal(before, frame.Data.ToArray());
            Assert.Equal(0UL, sta.ReceiveCounter(NonQos));
            frame.Free();
        }
        Packet good = Encapsulated(ap, tid: null);
        Assert.Equal(CipherResult.Ok, sta.Decapsulate(good, 24, NonQos));
        good.Free();
        Assert.Equal(ap.TransmitCounter - 1, sta.ReceiveCounter(NonQos));

        // A changed TSC changes the key: the ICV fails (and the counter stays).
        Packet tsc = Encapsulated(ap, tid: null);
        ulong before2 = sta.ReceiveCounter(NonQos);
        tsc.Data[24 + 2] ^= 0x01;
        Assert.Equal(CipherResult.IntegrityFailure, sta.Decapsulate(tsc, 24, NonQos));
        Assert.Equal(before2, sta.ReceiveCounter(NonQos));
        tsc.Free();
    }

    [Fact]
    public void WrongKeyIdExtIvShortAndUnprotected()
    {
        TkipKey ap = Ap(1), sta1 = Sta(1), sta2 = Sta(2);
        Packet frame = Encapsulated(ap, tid: null);
        Assert.Equal(CipherResult.WrongKey, sta2.Decapsulate(frame, 24, NonQos));
        frame.Data[27] &= 0xDF;   // ExtIV clear: a WEP frame
        Assert.Equal(CipherResult.WrongKey, sta1.Decapsulate(frame, 24, NonQos));
        frame.Data[27] |= 0x20;
        frame.Data[1] &= 0xBF;
        Assert.Equal(CipherResult.Unsupported, sta1.Decapsulate(frame, 24, NonQos));
        frame.Data[1] |= 0x40;
        Assert.Equal(CipherResult.TooShort, sta1.Decapsulate(frame, 10, NonQos));
        Assert.Equal(CipherResult.Ok, sta1.Decapsulate(frame, 24, NonQos));
        frame.Free();

        Packet shortFrame = LegacyTestFrames.Data(_pool, new byte[11]);
        shortFrame.Data[1] |= 0x40;
        Assert.Equal(CipherResult.TooShort, sta1.Decapsulate(shortFrame, 24, NonQos));
        Assert.False(ap.Encapsulate(shortFrame, 16));
        Assert.False(ap.Encapsulate(shortFrame, 60));
        shortFrame.Free();
    }

    /// <summary>Phase 1 is cached per (IV32, TA): crossing a 65,536-frame boundary and alternating transmitters
    /// give the same keys a fresh computation does.</summary>
    [Fact]
    public void Phase1CacheFollowsIv32AndTransmitter()
    {
        TkipKey ap = Ap(), staTx = Sta(), rx = Ap();
        ap.SetTransmitCounter(0x1_FFFE);
        staTx.SetTransmitCounter(0x1_FFFE);
        for (int i = 0; i < 6; i++)
        {
            // One receiver key, frames from two transmitters (different TA) on different TIDs.
            bool fromAp = i % 2 == 0;
            TkipKey tx = fromAp ? ap : staTx;
            Packet frame = LegacyTestFrames.Data(_pool, LegacyTestFrames.Body(40, i), fromAp, tid: fromAp ? 1 : 2);
            byte[] plain = frame.Data.ToArray();
            Assert.True(tx.Encapsulate(frame, 26));

            Packet fresh = frame.Clone();
            TkipKey once = Ap();
            Assert.Equal(CipherResult.Ok, once.Decapsulate(fresh, 26, 0));
            Assert.Equal(plain, fresh.Data.ToArray());
            Assert.Equal(CipherResult.Ok, rx.Decapsulate(frame, 26, fromAp ? 1 : 2));
            Assert.Equal(plain, frame.Data.ToArray());
            frame.Free();
            fresh.Free();
        }
        Assert.Equal(0x2_0001UL, ap.TransmitCounter);
    }

    [Fact]
    public void TscExhaustionStopsTransmission()
    {
        TkipKey ap = Ap();
        ap.SetTransmitCounter(TkipKey.MaxTsc);
        Packet frame = LegacyTestFrames.Data(_pool, [1, 2, 3]);
        Assert.True(ap.Encapsulate(frame, 24));
        Assert.Equal(new byte[] { 0xFF, 0x7F, 0xFF, 0x20, 0xFF, 0xFF, 0xFF, 0xFF }, frame.Data.Slice(24, 8).ToArray());
        Packet next = LegacyTestFrames.Data(_pool, [1, 2, 3]);
        Assert.False(ap.Encapsulate(next, 24));
        Assert.Equal(27, next.Length);
        TkipKey sta = Sta();
        Assert.Equal(CipherResult.Ok, sta.Decapsulate(frame, 24, NonQos));
        Assert.Equal(TkipKey.MaxTsc, sta.ReceiveCounter(NonQos));
        frame.Free();
        next.Free();
    }

    /// <summary>The MSDU MIC spans fragments: added before fragmentation, each fragment encrypted with its own
    /// TSC, decrypted, reassembled, then checked (12.5.2.3).</summary>
    [Theory]
    [InlineData(1500, 512)]
    [InlineData(1000, 256)]
    [InlineData(300, 256)]
    public void FragmentedThenReassembledMsdu(int bodyLength, int threshold)
    {
        TkipKey ap = Ap(), sta = Sta();
        Packet msdu = LegacyTestFrames.Data(_pool, LegacyTestFrames.Body(bodyLength, threshold), fromAp: true, tid: 5);
        byte[] body = msdu.Data[26..].ToArray();
        Assert.True(ap.AddMsduMic(msdu, 26));

        var fragments = new List<Packet>();
        Assert.True(Fragmentation.TryFragment(msdu, threshold, _pool, fragments, out _, _cipher.HeaderLength + _cipher.TrailerLength));
        Assert.True(fragments.Count > 1);
        var reassembler = new Reassembler();
        Packet? whole = null;
        ulong expectedTsc = 1;
        foreach (Packet fragment in fragments)
        {
            Assert.True(ap.Encapsulate(fragment, 26));
            Assert.True(fragment.Length + 4 <= threshold);
            Assert.Equal(CipherResult.Ok, sta.Decapsulate(fragment, 26, 5));
            Assert.Equal(expectedTsc++, sta.ReceiveCounter(5));
            DefragResult r = reassembler.Defragment(fragment, TimeSpan.Zero, out Packet? done);
            if (r == DefragResult.Completed) whole = done;
            else Assert.Equal(DefragResult.Held, r);
        }
        Assert.NotNull(whole);
        Packet copy = whole.Clone();
        Assert.Equal(CipherResult.Ok, sta.VerifyMsduMic(whole, 26));
        Assert.Equal(body, whole.Data[26..].ToArray());

        copy.Data[26 + bodyLength / 2] ^= 0x04;   // a bit flipped in a middle fragment
        Assert.Equal(CipherResult.MsduMicFailure, sta.VerifyMsduMic(copy, 26));
        whole.Free();
        copy.Free();
        Assert.Equal(0, _pool.Outstanding);
    }

    [Fact]
    public void SeededRandomGarbageNeverThrows()
    {
        var random = new Random(0x7C1F);
        TkipKey key = Sta();
        int ok = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            if (bytes.Length > 1 && random.Next(2) == 0) bytes[1] |= 0x40;
            if (bytes.Length > 27 && random.Next(2) == 0) bytes[27] = (byte)(bytes[27] & 0x1F | 0x20);
            Packet frame = _pool.Rent(bytes);
            int hdr = random.Next(3) switch { 0 => LegacyTestFrames.HeaderLength(bytes), 1 => 24, _ => random.Next(0, 40) };
            if (key.Decapsulate(frame, hdr, random.Next(0, 17)) == CipherResult.Ok) ok++;
            if (key.VerifyMsduMic(frame, hdr) == CipherResult.Ok) ok++;
            frame.Free();
        }
        Assert.True(ok < 100, $"{ok} random frames passed");
        Assert.Equal(0, _pool.Outstanding);
    }

    [Fact]
    public void RegistersThroughDependencyInjection()
    {
        using ServiceProvider sp = new ServiceCollection().AddNet80211().AddTkip().AddTkip().BuildServiceProvider();
        ModuleRegistry registry = sp.GetRequiredService<ModuleRegistry>();
        Assert.True(registry.TryGetCipher("TKIP", out ICipherModule? module));
        Assert.IsType<TkipCipher>(module);
        Assert.Single(sp.GetServices<ICipherModule>());
    }

    private Packet Encapsulated(TkipKey key, int? tid, int bodyLength = 30)
    {
        Packet frame = LegacyTestFrames.Data(_pool, LegacyTestFrames.Body(bodyLength), fromAp: key.Role == TkipRole.Authenticator, tid: tid);
        int hdr = LegacyTestFrames.HeaderLength(frame.Data);
        Assert.True(key.AddMsduMic(frame, hdr));
        Assert.True(key.Encapsulate(frame, hdr));
        return frame;
    }
}

internal static class MacBytes
{
    public static byte[] ToBytes(this Net80211.MacAddress address)
    {
        var b = new byte[6];
        address.WriteTo(b);
        return b;
    }
}
