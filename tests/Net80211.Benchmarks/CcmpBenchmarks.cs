using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Net80211.Crypto.Ccmp;
using Net80211.Frames;
using Net80211.Packets;
using Net80211.Security;

namespace Net80211.Benchmarks;

/// <summary>
/// CCMP-128 protection of one QoS Data MPDU (26-octet header, 64- or 1500-octet body): our AES-NI CCM, in place
/// on a pooled packet, against <see cref="AesCcm"/> doing the same work — the same AAD and nonce built with
/// <see cref="CcmpAad"/>, the CCMP header written, the PN advanced and checked, Encrypt/Decrypt into
/// preallocated buffers. Frames per second = 1 / Mean. Each category has its own baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CcmpBenchmarks
{
    private const int HeaderLength = FrameHeader.ThreeAddressLength + QosControl.Length;
    private const int MicLength = 8;

    [Params(64, 1500)]
    public int BodyLength { get; set; }

    private readonly PacketPool _pool = new();
    private Packet _frame = null!;
    private byte[] _mpdu = null!;
    private ICipherKey _tx = null!;
    private ICipherKey _rx = null!;

    private AesCcm _aesCcm = null!;
    private byte[] _sealed = null!;
    private byte[] _opened = null!;
    private ulong _pn;
    private ulong _rxPn;

    [GlobalSetup]
    public void Setup()
    {
        byte[] tk = Convert.FromHexString("c97c1f67ce371185514a8a19f2bdd52f");
        var header = new FrameHeader
        {
            FrameControl = FrameControl.Data(DataSubtype.QosData, FrameControlFlags.FromDs),
            Address1 = MacAddress.Parse("02:aa:bb:cc:dd:01"),
            Address2 = MacAddress.Parse("02:00:00:00:00:01"),
            Address3 = MacAddress.Parse("00:11:22:33:44:55"),
            SequenceControl = new SequenceControl(42, 0),
            QosControl = QosControl.Create(5),
        };
        _mpdu = new byte[HeaderLength + BodyLength];
        header.TryWrite(_mpdu, out _);
        new Random(1).NextBytes(_mpdu.AsSpan(HeaderLength));

        var cipher = new CcmpCipher();
        cipher.TryCreateKey(tk, 0, CipherKeyFlags.Transmit, out ICipherKey? tx, out _);
        cipher.TryCreateKey(tk, 0, CipherKeyFlags.Receive, out ICipherKey? rx, out _);
        _tx = tx!;
        _rx = rx!;
        _frame = _pool.Rent(_mpdu);

        _aesCcm = new AesCcm(tk);
        _sealed = new byte[HeaderLength + CcmpHeader.Length + BodyLength + MicLength];
        _opened = new byte[BodyLength];
        _pn = 1;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _frame.Free();
        _aesCcm.Dispose();
    }

    // ---- encap ----

    [Benchmark(Baseline = true), BenchmarkCategory("Encap")]
    public int AesCcmEncap() => SystemEncap();

    [Benchmark, BenchmarkCategory("Encap")]
    public int Net80211Encap()
    {
        // Refill the packet with the plaintext MPDU (a copy the baseline does not pay), then protect it.
        _frame.Reset(PacketPool.DefaultHeadroom);
        _frame.Append(_mpdu);
        _tx.Encapsulate(_frame, HeaderLength);
        return _frame.Length;
    }

    // ---- encap + decap ----

    [Benchmark(Baseline = true), BenchmarkCategory("EncapDecap")]
    public int AesCcmEncapDecap()
    {
        SystemEncap();
        return SystemDecap() ? _opened.Length : -1;
    }

    [Benchmark, BenchmarkCategory("EncapDecap")]
    public int Net80211EncapDecap()
    {
        _tx.Encapsulate(_frame, HeaderLength);
        return _rx.Decapsulate(_frame, HeaderLength, 5) == CipherResult.Ok ? _frame.Length : -1;
    }

    private int SystemEncap()
    {
        Span<byte> output = _sealed;
        ReadOnlySpan<byte> header = _mpdu.AsSpan(0, HeaderLength);
        header.CopyTo(output);
        output[1] |= (byte)FrameControlFlags.Protected;
        ulong pn = _pn++;
        CcmpHeader.Write(output[HeaderLength..], pn, 0);
        Span<byte> aad = stackalloc byte[CcmpAad.MaxLength];
        int aadLength = CcmpAad.Build(header, aad);
        Span<byte> nonce = stackalloc byte[CcmpAad.CcmNonceLength];
        CcmpAad.BuildCcmNonce(header, pn, nonce);
        int body = HeaderLength + CcmpHeader.Length;
        _aesCcm.Encrypt(nonce, _mpdu.AsSpan(HeaderLength), output.Slice(body, BodyLength), output.Slice(body + BodyLength, MicLength), aad[..aadLength]);
        return output.Length;
    }

    private bool SystemDecap()
    {
        ReadOnlySpan<byte> input = _sealed;
        ReadOnlySpan<byte> header = input[..HeaderLength];
        ulong pn = CcmpHeader.ReadPacketNumber(input[HeaderLength..]);
        if (!CcmpHeader.HasExtIv(input[HeaderLength..]) || pn <= _rxPn) return false;
        Span<byte> aad = stackalloc byte[CcmpAad.MaxLength];
        int aadLength = CcmpAad.Build(header, aad);
        Span<byte> nonce = stackalloc byte[CcmpAad.CcmNonceLength];
        CcmpAad.BuildCcmNonce(header, pn, nonce);
        int body = HeaderLength + CcmpHeader.Length;
        try
        {
            _aesCcm.Decrypt(nonce, input.Slice(body, BodyLength), input.Slice(body + BodyLength, MicLength), _opened, aad[..aadLength]);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
        _rxPn = pn;
        return true;
    }
}
