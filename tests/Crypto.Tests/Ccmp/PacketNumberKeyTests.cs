using Net80211.Radio;
using Net80211.Crypto.Ccmp;
using Net80211.Packets;
using Net80211.Security;

namespace Crypto.Tests.Ccmp;

/// <summary>
/// Behaviour every CCMP/GCMP key shares (IEEE 802.11-2020 12.5.3.4, 12.5.5.4): in-place encap/decap of all
/// header shapes and body sizes, replay detection per TID, integrity over exactly the AAD fields, key ID
/// checks, robustness against arbitrary input, and no allocation per frame. Run once per cipher.
/// </summary>
public abstract class PacketNumberKeyTests
{
    private readonly PacketPool _pool = new();

    /// <summary>The cipher under test; <paramref name="software"/> forces the portable AES/GHASH.</summary>
    protected abstract ICipherModule CreateModule(bool software);
    protected abstract string ExpectedName { get; }
    protected abstract uint ExpectedSuite { get; }
    protected abstract int ExpectedKeyLength { get; }
    protected abstract int ExpectedMicLength { get; }

    private byte[] Tk { get; } = [.. Enumerable.Range(0x40, 32).Select(i => (byte)i)];

    private PacketNumberKey NewKey(bool software = false, int keyIndex = 0, CipherKeyFlags flags = CipherKeyFlags.Pairwise | CipherKeyFlags.Transmit | CipherKeyFlags.Receive)
    {
        ICipherModule module = CreateModule(software);
        Assert.True(module.TryCreateKey(Tk.AsSpan(0, module.KeyLength), keyIndex, flags, out ICipherKey? key, out string? error), error);
        return Assert.IsAssignableFrom<PacketNumberKey>(key);
    }

    private byte[] Seal(PacketNumberKey key, byte[] mpdu, int headerLength)
    {
        Packet frame = _pool.Rent(mpdu);
        Assert.True(key.Encapsulate(frame, headerLength));
        byte[] sealedFrame = frame.Data.ToArray();
        frame.Free();
        return sealedFrame;
    }

    private CipherResult Open(PacketNumberKey key, byte[] mpdu, int headerLength, int tid, out byte[] result, RxFlags rxFlags = RxFlags.None)
    {
        Packet frame = _pool.Rent(mpdu);
        frame.Meta.Rx = new RxInfo { Flags = rxFlags };
        CipherResult r = key.Decapsulate(frame, headerLength, tid);
        result = frame.Data.ToArray();
        frame.Free();
        return r;
    }

    [Fact]
    public void ModuleDescribesItself()
    {
        ICipherModule module = CreateModule(false);
        Assert.Equal(ExpectedName, module.Name);
        Assert.Equal(ExpectedSuite, module.SuiteSelector);
        Assert.Equal(ExpectedKeyLength, module.KeyLength);
        Assert.Equal(8, module.HeaderLength);
        Assert.Equal(ExpectedMicLength, module.TrailerLength);
        Assert.Equal(0, module.MsduMicLength);
        PacketNumberKey key = NewKey(keyIndex: 2);
        Assert.Same(module.GetType(), key.Cipher.GetType());
        Assert.Equal(2, key.KeyIndex);
        Assert.Equal(1UL, key.TransmitCounter);
        Assert.Equal(ExpectedMicLength, key.MicLength);
        for (int tid = -1; tid <= 16; tid++) Assert.Equal(0UL, key.ReceiveCounter(tid));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 4)]
    [InlineData(0, -1)]
    public void RejectsBadKeyMaterialOrIndex(int lengthDelta, int keyIndex)
    {
        ICipherModule module = CreateModule(false);
        int length = module.KeyLength + lengthDelta;
        if (lengthDelta == 0 && keyIndex == 0) length = 0;
        Assert.False(module.TryCreateKey(new byte[length], keyIndex, CipherKeyFlags.None, out ICipherKey? key, out string? error));
        Assert.Null(key);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RoundTripsEveryBodySize(HeaderKind kind)
    {
        var random = new Random(2304 + (int)kind);
        PacketNumberKey tx = NewKey(), txSoftware = NewKey(software: true), rx = NewKey();
        for (int size = 0; size <= 2304; size++)
        {
            byte[] mpdu = Mpdus.Build(kind, size, random, out int headerLength, out int tid);
            ulong pn = tx.TransmitCounter;
            Packet frame = _pool.Rent(mpdu);
            Assert.True(tx.Encapsulate(frame, headerLength));
            Assert.Equal(pn + 1, tx.TransmitCounter);
            Assert.Equal(mpdu.Length + 8 + ExpectedMicLength, frame.Length);
            Span<byte> d = frame.Data;
            Assert.Equal(mpdu[0], d[0]);
            Assert.Equal(mpdu[1] | 0x40, d[1]);
            Assert.True(d[2..headerLength].SequenceEqual(mpdu.AsSpan(2, headerLength - 2)));
            Assert.Equal(pn, CcmpHeader.ReadPacketNumber(d[headerLength..]));
            Assert.Equal(0x20, d[headerLength + 3]);

            if (size % 7 == 0)
            {
                // The portable AES/GHASH produce the same frame.
                txSoftware.SetTransmitCounter(pn);
                Assert.Equal(d.ToArray(), Seal(txSoftware, mpdu, headerLength));
            }

            Assert.Equal(CipherResult.Ok, rx.Decapsulate(frame, headerLength, tid));
            Assert.Equal(mpdu, frame.Data.ToArray());
            Assert.Equal(pn, rx.ReceiveCounter(tid));
            frame.Free();
        }
        Assert.Equal(0, _pool.Outstanding);
    }

    [Fact]
    public void SoftwareKeyDecryptsHardwareFrames()
    {
        var random = new Random(5);
        PacketNumberKey tx = NewKey(), rx = NewKey(software: true);
        foreach (HeaderKind kind in Mpdus.AllKinds)
        {
            foreach (int size in new[] { 0, 1, 15, 16, 17, 63, 64, 65, 127, 128, 129, 1500, 2304 })
            {
                byte[] mpdu = Mpdus.Build(kind, size, random, out int headerLength, out int tid);
                Assert.Equal(CipherResult.Ok, Open(rx, Seal(tx, mpdu, headerLength), headerLength, tid, out byte[] plain));
                Assert.Equal(mpdu, plain);
            }
        }
    }

    [Fact]
    public void ReplayedFrameIsRefusedAndCounterKept()
    {
        var random = new Random(1);
        PacketNumberKey tx = NewKey(), rx = NewKey();
        byte[] mpdu = Mpdus.Build(HeaderKind.QosData3, 100, random, out int headerLength, out int tid);
        byte[] sealedFrame = Seal(tx, mpdu, headerLength);
        Assert.Equal(CipherResult.Ok, Open(rx, sealedFrame, headerLength, tid, out _));
        Assert.Equal(1UL, rx.ReceiveCounter(tid));

        Assert.Equal(CipherResult.Replay, Open(rx, sealedFrame, headerLength, tid, out byte[] after));
        Assert.Equal(sealedFrame, after);
        Assert.Equal(1UL, rx.ReceiveCounter(tid));
    }

    [Fact]
    public void LowerPacketNumberIsReplay()
    {
        var random = new Random(2);
        PacketNumberKey tx = NewKey(), rx = NewKey();
        byte[] mpdu = Mpdus.Build(HeaderKind.Data3, 60, random, out int headerLength, out int tid);
        tx.SetTransmitCounter(10);
        byte[] ten = Seal(tx, mpdu, headerLength);
        tx.SetTransmitCounter(5);
        byte[] five = Seal(tx, mpdu, headerLength);
        tx.SetTransmitCounter(10);
        byte[] tenAgain = Seal(tx, mpdu, headerLength);

        Assert.Equal(CipherResult.Ok, Open(rx, ten, headerLength, tid, out _));
        Assert.Equal(CipherResult.Replay, Open(rx, five, headerLength, tid, out _));
        Assert.Equal(CipherResult.Replay, Open(rx, tenAgain, headerLength, tid, out _));
        Assert.Equal(10UL, rx.ReceiveCounter(tid));
        Assert.Equal(10UL, rx.ReceiveCounter(-1));
    }

    [Fact]
    public void ReplayCountersArePerTid()
    {
        var random = new Random(3);
        PacketNumberKey tx = NewKey(), rx = NewKey();
        byte[] mpdu = Mpdus.Build(HeaderKind.QosData3, 60, random, out int headerLength, out _);
        tx.SetTransmitCounter(10);
        byte[] ten = Seal(tx, mpdu, headerLength);
        tx.SetTransmitCounter(5);
        byte[] five = Seal(tx, mpdu, headerLength);
        Assert.Equal(CipherResult.Ok, Open(rx, ten, headerLength, 1, out _));
        Assert.Equal(CipherResult.Ok, Open(rx, five, headerLength, 2, out _));
        Assert.Equal(10UL, rx.ReceiveCounter(1));
        Assert.Equal(5UL, rx.ReceiveCounter(2));
        Assert.Equal(0UL, rx.ReceiveCounter(16));

        rx.SetReceiveCounter(16, 100);
        Assert.Equal(100UL, rx.ReceiveCounter(-1));
        rx.SetReceiveCounters(7);
        for (int tid = 0; tid <= 16; tid++) Assert.Equal(7UL, rx.ReceiveCounter(tid));
    }

    /// <summary>Every bit of the fields the AAD covers, of the body, MIC and PN.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void AnySingleBitTamperIsDetected(HeaderKind kind)
    {
        var random = new Random(11 + (int)kind);
        PacketNumberKey tx = NewKey(), rx = NewKey();
        byte[] mpdu = Mpdus.Build(kind, 40, random, out int headerLength, out int tid);
        byte[] sealedFrame = Seal(tx, mpdu, headerLength);

        var covered = new List<(int Offset, byte Mask)>();
        covered.Add((1, 0x04));                                                   // More Fragments
        if (kind is HeaderKind.Data3 or HeaderKind.Data4) covered.Add((1, 0x80)); // Order in non-QoS data
        if (kind == HeaderKind.Management)
            foreach (byte m in new byte[] { 0x10, 0x20, 0x40, 0x80 }) covered.Add((0, m)); // management subtype
        for (int i = 4; i < 22; i++) covered.Add((i, 0xFF));                     // A1, A2, A3
        covered.Add((22, 0x0F));                                                  // Fragment Number
        if (kind is HeaderKind.Data4 or HeaderKind.QosData4)
            for (int i = 24; i < 30; i++) covered.Add((i, 0xFF));                // A4
        if (Mpdus.QosOffset(kind) is int qos and >= 0) covered.Add((qos, 0x0F)); // TID
        for (int i = headerLength + 8; i < sealedFrame.Length; i++) covered.Add((i, 0xFF)); // body, MIC

        foreach ((int offset, byte mask) in covered)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                if ((mask & (1 << bit)) == 0) continue;
                byte[] tampered = [.. sealedFrame];
                tampered[offset] ^= (byte)(1 << bit);
                CipherResult r = Open(rx, tampered, headerLength, tid, out byte[] after);
                Assert.True(r == CipherResult.IntegrityFailure, $"{kind}: bit {bit} of octet {offset} gave {r}");
                Assert.Equal(tampered, after);
            }
        }

        // The PN: a changed nonce fails the MIC (or, for a lower PN, the replay check).
        foreach (int i in new[] { 0, 1, 4, 5, 6, 7 })
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] tampered = [.. sealedFrame];
                tampered[headerLength + i] ^= (byte)(1 << bit);
                CipherResult r = Open(rx, tampered, headerLength, tid, out _);
                Assert.True(r is CipherResult.IntegrityFailure or CipherResult.Replay, $"PN octet {i} bit {bit} gave {r}");
            }
        }

        Assert.Equal(0UL, rx.ReceiveCounter(tid));
        Assert.Equal(CipherResult.Ok, Open(rx, sealedFrame, headerLength, tid, out byte[] plain));
        Assert.Equal(mpdu, plain);
    }

    /// <summary>Fields the AAD masks (12.5.3.3.3) may change in flight, e.g. on retransmission.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void MaskedFieldsAreNotCovered(HeaderKind kind)
    {
        var random = new Random(17 + (int)kind);
        PacketNumberKey tx = NewKey(), rx = NewKey();
        byte[] mpdu = Mpdus.Build(kind, 33, random, out int headerLength, out int tid);

        var masked = new List<(int Offset, byte Mask)>
        {
            (1, 0x08 | 0x10 | 0x20),  // Retry, Power Management, More Data
            (2, 0xFF), (3, 0xFF),     // Duration
            (22, 0xF0), (23, 0xFF),   // Sequence Number
        };
        if (kind != HeaderKind.Management) masked.Add((0, 0x70));                 // data subtype b4..b6
        if (Mpdus.QosOffset(kind) is int qos and >= 0)
        {
            masked.Add((qos, 0xF0));                                              // EOSP, Ack Policy, A-MSDU Present
            masked.Add((qos + 1, 0xFF));                                          // QoS high octet
        }
        if (kind == HeaderKind.QosDataHtc)
        {
            masked.Add((1, 0x80));                                                // Order (+HTC) in QoS data
            for (int i = 26; i < 30; i++) masked.Add((i, 0xFF));                 // HT Control
        }

        foreach ((int offset, byte mask) in masked)
        {
            byte[] sealedFrame = Seal(tx, mpdu, headerLength);
            sealedFrame[offset] ^= mask;
            Assert.True(Open(rx, sealedFrame, headerLength, tid, out byte[] plain) == CipherResult.Ok, $"{kind}: octet {offset} mask {mask:x2}");
            byte[] expected = [.. mpdu];
            expected[offset] ^= mask;
            Assert.Equal(expected, plain);
        }
    }

    [Fact]
    public void SppAmsduKeepsTheAmsduPresentBitCovered()
    {
        var random = new Random(19);
        PacketNumberKey tx = NewKey(), rx = NewKey();
        tx.SppAmsdu = rx.SppAmsdu = true;
        byte[] mpdu = Mpdus.Build(HeaderKind.QosData3, 50, random, out int headerLength, out int tid);
        byte[] sealedFrame = Seal(tx, mpdu, headerLength);
        byte[] flipped = [.. sealedFrame];
        flipped[24] ^= 0x80;
        Assert.Equal(CipherResult.IntegrityFailure, Open(rx, flipped, headerLength, tid, out _));
        Assert.Equal(CipherResult.Ok, Open(rx, sealedFrame, headerLength, tid, out _));
    }

    [Fact]
    public void WrongKeyIdOrMissingExtIvIsWrongKey()
    {
        var random = new Random(4);
        PacketNumberKey tx = NewKey(keyIndex: 1), rx = NewKey(keyIndex: 0);
        byte[] mpdu = Mpdus.Build(HeaderKind.Data3, 30, random, out int headerLength, out int tid);
        byte[] sealedFrame = Seal(tx, mpdu, headerLength);
        Assert.Equal(0x60, sealedFrame[headerLength + 3]);
        Assert.Equal(CipherResult.WrongKey, Open(rx, sealedFrame, headerLength, tid, out byte[] after));
        Assert.Equal(sealedFrame, after);

        PacketNumberKey rx1 = NewKey(keyIndex: 1);
        byte[] noExtIv = [.. sealedFrame];
        noExtIv[headerLength + 3] &= 0xDF;
        Assert.Equal(CipherResult.WrongKey, Open(rx1, noExtIv, headerLength, tid, out _));
        Assert.Equal(CipherResult.Ok, Open(rx1, sealedFrame, headerLength, tid, out _));
    }

    [Fact]
    public void ShortFramesAreTooShort()
    {
        var random = new Random(6);
        PacketNumberKey tx = NewKey(), rx = NewKey();
        byte[] mpdu = Mpdus.Build(HeaderKind.QosData4, 0, random, out int headerLength, out int tid);
        byte[] sealedFrame = Seal(tx, mpdu, headerLength);
        Assert.Equal(headerLength + 8 + ExpectedMicLength, sealedFrame.Length);
        for (int length = 0; length < sealedFrame.Length; length++)
            Assert.Equal(CipherResult.TooShort, Open(rx, sealedFrame[..length], headerLength, tid, out _));
        Assert.Equal(CipherResult.Ok, Open(rx, sealedFrame, headerLength, tid, out byte[] plain));
        Assert.Equal(mpdu, plain);
    }

    [Fact]
    public void UnprotectedOrNonDataFramesAreUnsupported()
    {
        var random = new Random(7);
        PacketNumberKey tx = NewKey(), rx = NewKey();
        byte[] mpdu = Mpdus.Build(HeaderKind.Data3, 30, random, out int headerLength, out int tid);
        byte[] sealedFrame = Seal(tx, mpdu, headerLength);
        byte[] clear = [.. sealedFrame];
        clear[1] &= 0xBF;
        Assert.Equal(CipherResult.Unsupported, Open(rx, clear, headerLength, tid, out _));
        byte[] control = [.. sealedFrame];
        control[0] = 0xB4; // RTS
        Assert.Equal(CipherResult.Unsupported, Open(rx, control, headerLength, tid, out _));
        Assert.Equal(CipherResult.Unsupported, Open(rx, sealedFrame, 16, tid, out _));

        // Header length shorter than Frame Control implies (a QoS header given as 24 octets).
        byte[] qos = Mpdus.Build(HeaderKind.QosData3, 30, random, out int qosHeaderLength, out _);
        Packet frame = _pool.Rent(qos);
        Assert.False(tx.Encapsulate(frame, 24));
        Assert.Equal(qos, frame.Data.ToArray());
        Assert.True(tx.Encapsulate(frame, qosHeaderLength));
        Assert.Equal(CipherResult.Unsupported, rx.Decapsulate(frame, 24, 0));
        frame.Free();
    }

    [Fact]
    public void ArbitraryInputNeverThrows()
    {
        var random = new Random(80211);
        PacketNumberKey tx = NewKey(), rx = NewKey();
        byte[] good = Mpdus.Build(HeaderKind.QosData3, 64, random, out _, out _);
        for (int n = 0; n < 20_000; n++)
        {
            int length = random.Next(0, 140);
            byte[] bytes = new byte[length];
            random.NextBytes(bytes);
            if (length >= 2 && random.Next(2) == 0)
            {
                bytes[0] = (byte)((bytes[0] & 0xF0) | (random.Next(2) == 0 ? 0x08 : 0x00)); // data or management, version 0
                bytes[1] |= 0x40;
            }
            int headerLength = random.Next(-3, 42);
            if (headerLength >= 0 && headerLength + 3 < length && random.Next(2) == 0) bytes[headerLength + 3] = 0x20;
            int tid = random.Next(-3, 20);

            Packet frame = _pool.Rent(bytes);
            CipherResult r = rx.Decapsulate(frame, headerLength, tid);
            Assert.NotEqual(CipherResult.Ok, r);
            Assert.Equal(bytes, frame.Data.ToArray());
            frame.Free();

            frame = _pool.Rent(bytes);
            if (tx.Encapsulate(frame, headerLength))
                Assert.Equal(length + 8 + ExpectedMicLength, frame.Length);
            else
                Assert.Equal(bytes, frame.Data.ToArray());
            frame.Free();
        }
        Assert.Equal(0, _pool.Outstanding);
        Assert.NotEmpty(good);
    }

    [Fact]
    public void ExhaustedPacketNumberStopsEncapsulation()
    {
        var random = new Random(8);
        PacketNumberKey tx = NewKey();
        byte[] mpdu = Mpdus.Build(HeaderKind.Data3, 10, random, out int headerLength, out _);
        tx.SetTransmitCounter(CcmpHeader.MaxPacketNumber);
        byte[] last = Seal(tx, mpdu, headerLength);
        Assert.Equal(CcmpHeader.MaxPacketNumber, CcmpHeader.ReadPacketNumber(last.AsSpan(headerLength)));
        Packet frame = _pool.Rent(mpdu);
        Assert.False(tx.Encapsulate(frame, headerLength));
        Assert.Equal(mpdu, frame.Data.ToArray());
        frame.Free();
        Assert.Throws<ArgumentOutOfRangeException>(() => tx.SetTransmitCounter(CcmpHeader.MaxPacketNumber + 2));
    }

    [Fact]
    public void HardwareKeyOnlyFramesTheBody()
    {
        var random = new Random(9);
        PacketNumberKey tx = NewKey(flags: CipherKeyFlags.Hardware | CipherKeyFlags.Transmit);
        PacketNumberKey rx = NewKey(flags: CipherKeyFlags.Hardware | CipherKeyFlags.Receive);
        byte[] mpdu = Mpdus.Build(HeaderKind.QosData3, 20, random, out int headerLength, out int tid);
        byte[] framed = Seal(tx, mpdu, headerLength);
        Assert.Equal(mpdu.Length + 8, framed.Length);
        Assert.Equal(mpdu.AsSpan(headerLength).ToArray(), framed.AsSpan(headerLength + 8).ToArray());

        // Not decrypted by the device (it had no key, or the MIC failed): never plaintext.
        byte[] received = [.. framed, .. new byte[ExpectedMicLength]];
        Assert.Equal(CipherResult.IntegrityFailure, Open(rx, received, headerLength, tid, out _));
        // The device decrypted and verified it, leaving the MIC in place.
        Assert.Equal(CipherResult.Ok, Open(rx, received, headerLength, tid, out byte[] plain, RxFlags.Decrypted));
        Assert.Equal(mpdu, plain);
        Assert.Equal(CipherResult.Replay, Open(rx, received, headerLength, tid, out _, RxFlags.Decrypted));

        // A device that strips the MIC says so; the body is then everything after the header.
        byte[] next = Seal(tx, mpdu, headerLength);
        Assert.Equal(CipherResult.Ok, Open(rx, next, headerLength, tid, out byte[] plain2, RxFlags.Decrypted | RxFlags.MicStripped));
        Assert.Equal(mpdu, plain2);
    }

    [Fact]
    public void NoAllocationPerFrame()
    {
        foreach (bool software in new[] { false, true })
        {
            var random = new Random(10);
            PacketNumberKey tx = NewKey(software), rx = NewKey(software);
            byte[] mpdu = Mpdus.Build(HeaderKind.QosData3, 1500, random, out int headerLength, out int tid);
            Packet frame = _pool.Rent(mpdu);
            frame.Meta.Rx = new RxInfo { Flags = RxFlags.Decrypted };
            for (int i = 0; i < 200; i++) Cycle();

            int cycles = software ? 1_000 : 10_000;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < cycles; i++) Cycle();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.Equal(mpdu, frame.Data.ToArray());
            frame.Free();

            void Cycle()
            {
                if (!tx.Encapsulate(frame, headerLength)) throw new InvalidOperationException("encap");
                if (rx.Decapsulate(frame, headerLength, tid) != CipherResult.Ok) throw new InvalidOperationException("decap");
            }
        }
    }

    public static TheoryData<HeaderKind> Kinds => [.. Mpdus.AllKinds];
}
