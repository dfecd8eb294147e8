using System.Buffers.Binary;
using System.Security.Cryptography;
using Net80211.Crypto.Wep;
using Net80211.Packets;
using Net80211.Security;

namespace Net80211.Crypto.Tkip;

/// <summary>
/// One TKIP key (IEEE 802.11-2020 12.5.2): the TK for key mixing and ARC4, the TX and RX Michael keys chosen
/// by <see cref="Role"/>, the 48-bit transmit TSC and a receive TSC per TID (0..15, 16 = non-QoS).
/// </summary>
/// <remarks>
/// MPDU body as sent (12.5.2.2); from Data on it is encrypted with the phase-2 ARC4 key:
/// <code>
///   octets:  1       1         1        1              4            >= 0    4
///         +------+---------+------+-----------------+-----------+-------+-----+
///         | TSC1 | WEPSeed | TSC0 | Rsvd|ExtIV|KeyID| TSC2..TSC5| Data  | ICV |
///         |      | [1]     |      | b0-4| b5  | b6-7|           |       |     |
///         +------+---------+------+-----------------+-----------+-------+-----+
/// </code>
/// WEPSeed[1] = (TSC1 | 0x20) &amp; 0x7F; ExtIV is always 1. The MSDU-level Michael MIC (8 octets) is added
/// before fragmentation (<see cref="AddMsduMic"/>) and checked after reassembly (<see cref="VerifyMsduMic"/>).
/// <para>Replay (12.5.2.6): a frame whose TSC is not above the last accepted one on its TID is discarded and
/// the counter kept. The counter advances when <see cref="Decapsulate"/> accepts a frame (the interface's
/// contract), but 12.5.2.6 f) lets only MSDUs that pass Michael advance it: a Michael failure in
/// <see cref="VerifyMsduMic"/> puts the counter of the MSDU's TID (QoS TID, else 16) back to where the last
/// verified MSDU left it, so a forged MPDU with a valid ICV cannot push legitimate frames into "replay"
/// (FreeBSD gets the same by committing the TSC in its demic step).</para>
/// Phase 1 output is cached for the last (IV32, TA) on each direction, so it runs once per 65,536 frames.
/// </remarks>
public sealed class TkipKey : ICipherKey
{
    public const int MaxKeyIndex = 3;
    /// <summary>TIDs 0..15 and one counter (16) for non-QoS data and management.</summary>
    public const int ReplayCounters = 17;
    /// <summary>The TSC is 48 bits; one that would pass this cannot be sent.</summary>
    public const ulong MaxTsc = (1UL << 48) - 1;

    private const int TkLength = TkipKeyMixing.TemporalKeyLength;
    private const int MichaelAuthenticatorToSupplicantOffset = 16;
    private const int MichaelSupplicantToAuthenticatorOffset = 24;

    // IV header octets.
    private const int Tsc1Offset = 0;
    private const int WepSeed1Offset = 1;
    private const int Tsc0Offset = 2;
    private const int KeyIdOffset = 3;
    private const int Tsc2Offset = 4;
    private const int KeyIdShift = 6;
    private const byte ExtIvBit = 0x20;

    /// <summary>Address 2 (TA), the transmitter address phase 1 mixes in.</summary>
    private const int TaOffset = 10;
    private const int MinHeaderLength = Frames.FrameHeader.ThreeAddressLength;

    private readonly byte[] _tk;
    private readonly byte[] _txMicKey;
    private readonly byte[] _rxMicKey;
    /// <summary>Last TSC accepted by <see cref="Decapsulate"/> per TID.</summary>
    private readonly ulong[] _rxTsc = new ulong[ReplayCounters];
    /// <summary>The same as of the last MSDU that passed Michael (or was set): where a Michael failure rolls back to.</summary>
    private readonly ulong[] _rxVerifiedTsc = new ulong[ReplayCounters];
    private ulong _txTsc = 1;   // 12.5.2.6: the TSC starts at 1 when the TK is installed.
    private Phase1Cache _txPhase1;
    private Phase1Cache _rxPhase1;

    /// <summary>A key from the 32-octet TK laid out as 802.11 does (TK | Michael A→S | Michael S→A), held by
    /// the <paramref name="role"/> end.</summary>
    public TkipKey(TkipCipher cipher, ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, TkipRole role)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        if (keyMaterial.Length != TkipCipher.KeyMaterialLength) throw new ArgumentException("TKIP keys are 32 octets", nameof(keyMaterial));
        ArgumentOutOfRangeException.ThrowIfNegative(keyIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keyIndex, MaxKeyIndex);
        Cipher = cipher;
        KeyIndex = keyIndex;
        Flags = flags;
        Role = role;
        _tk = keyMaterial[..TkLength].ToArray();
        ReadOnlySpan<byte> aToS = keyMaterial.Slice(MichaelAuthenticatorToSupplicantOffset, MichaelMic.KeyLength);
        ReadOnlySpan<byte> sToA = keyMaterial.Slice(MichaelSupplicantToAuthenticatorOffset, MichaelMic.KeyLength);
        (_txMicKey, _rxMicKey) = role switch
        {
            TkipRole.Authenticator => (aToS.ToArray(), sToA.ToArray()),
            TkipRole.Supplicant => (sToA.ToArray(), aToS.ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
    }

    public ICipherModule Cipher { get; }
    public int KeyIndex { get; }
    public CipherKeyFlags Flags { get; }
    public TkipRole Role { get; }

    /// <summary>The TSC the next MPDU goes out with.</summary>
    public ulong TransmitCounter => _txTsc;

    public ulong ReceiveCounter(int tid) => _rxTsc[CheckTid(tid)];

    /// <summary>Tests: jump the transmit TSC (phase-1 boundaries, exhaustion).</summary>
    internal void SetTransmitCounter(ulong tsc) => _txTsc = tsc;

    /// <summary>ICipherKey's name for <see cref="SetReceiveCounter(ulong)"/>.</summary>
    public void SetReceiveCounters(ulong counter) => SetReceiveCounter(counter);

    /// <summary>Sets the last accepted TSC on every TID, e.g. to a group key's RSC from the EAPOL-Key frame (12.7.2).</summary>
    public void SetReceiveCounter(ulong tsc)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tsc, MaxTsc);
        _rxTsc.AsSpan().Fill(tsc);
        _rxVerifiedTsc.AsSpan().Fill(tsc);
    }

    public void SetReceiveCounter(int tid, ulong tsc)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tsc, MaxTsc);
        _rxTsc[CheckTid(tid)] = tsc;
        _rxVerifiedTsc[tid] = tsc;
    }

    public bool Encapsulate(Packet frame, int headerLength)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(headerLength);
        if (headerLength < MinHeaderLength || frame.Length < headerLength || _txTsc > MaxTsc) return false;

        ulong tsc = _txTsc++;
        Span<byte> iv = MpduFraming.InsertAfterHeader(frame, headerLength, TkipCipher.IvHeaderLength);
        iv[Tsc1Offset] = (byte)(tsc >> 8);
        iv[WepSeed1Offset] = (byte)((iv[Tsc1Offset] | 0x20) & 0x7F);
        iv[Tsc0Offset] = (byte)tsc;
        iv[KeyIdOffset] = (byte)(KeyIndex << KeyIdShift | ExtIvBit);
        BinaryPrimitives.WriteUInt32LittleEndian(iv[Tsc2Offset..], (uint)(tsc >> 16));
        frame.Append(TkipCipher.IcvLength);

        Span<byte> data = frame.Data;
        Span<byte> rc4Key = stackalloc byte[TkipKeyMixing.Rc4KeyLength];
        MixKey(ref _txPhase1, data.Slice(TaOffset, MacAddress.Length), tsc, rc4Key);
        WepEncryption.Seal(rc4Key, data[(headerLength + TkipCipher.IvHeaderLength)..]);
        MpduFraming.SetProtected(data);
        return true;
    }

    public CipherResult Decapsulate(Packet frame, int headerLength, int tid)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(headerLength);
        CheckTid(tid);
        Span<byte> data = frame.Data;
        if (headerLength < MinHeaderLength || data.Length < headerLength) return CipherResult.TooShort;
        if (!MpduFraming.IsProtected(data)) return CipherResult.Unsupported;
        if (data.Length < headerLength + TkipCipher.IvHeaderLength + TkipCipher.IcvLength) return CipherResult.TooShort;

        ReadOnlySpan<byte> iv = data.Slice(headerLength, TkipCipher.IvHeaderLength);
        byte keyId = iv[KeyIdOffset];
        if ((keyId & ExtIvBit) == 0 || keyId >> KeyIdShift != KeyIndex) return CipherResult.WrongKey;

        ulong tsc = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(iv[Tsc2Offset..]) << 16
            | (uint)iv[Tsc1Offset] << 8
            | iv[Tsc0Offset];
        if (tsc <= _rxTsc[tid]) return CipherResult.Replay;

        Span<byte> rc4Key = stackalloc byte[TkipKeyMixing.Rc4KeyLength];
        MixKey(ref _rxPhase1, data.Slice(TaOffset, MacAddress.Length), tsc, rc4Key);
        if (!WepEncryption.Open(rc4Key, data[(headerLength + TkipCipher.IvHeaderLength)..])) return CipherResult.IntegrityFailure;

        MpduFraming.RemoveAfterHeader(frame, headerLength, TkipCipher.IvHeaderLength);
        frame.TrimBack(TkipCipher.IcvLength);
        MpduFraming.ClearProtected(frame.Data);
        _rxTsc[tid] = tsc;
        return CipherResult.Ok;
    }

    /// <summary>Appends Michael(TX key; DA | SA | Priority | 0 0 0 | MSDU data) to the MSDU (12.5.2.3).</summary>
    public bool AddMsduMic(Packet msdu, int headerLength)
    {
        ArgumentNullException.ThrowIfNull(msdu);
        ArgumentOutOfRangeException.ThrowIfNegative(headerLength);
        Span<byte> micHeader = stackalloc byte[TkipMicHeader.Length];
        if (msdu.Length < headerLength || !TkipMicHeader.TryWrite(msdu.Data, headerLength, micHeader)) return false;

        Span<byte> mic = stackalloc byte[MichaelMic.MicLength];
        var michael = new MichaelMic(_txMicKey);
        michael.Append(micHeader);
        michael.Append(msdu.Data[headerLength..]);
        michael.Finish(mic);
        msdu.Append(mic);
        return true;
    }

    /// <summary>Checks and strips the Michael MIC of a reassembled MSDU with the RX key. A failure
    /// (<see cref="CipherResult.MsduMicFailure"/>, what TKIP countermeasures count, 12.5.2.4) leaves the MSDU as
    /// it is and takes back the replay-counter advance of its MPDUs (12.5.2.6 f).</summary>
    public CipherResult VerifyMsduMic(Packet msdu, int headerLength)
    {
        ArgumentNullException.ThrowIfNull(msdu);
        ArgumentOutOfRangeException.ThrowIfNegative(headerLength);
        ReadOnlySpan<byte> data = msdu.Data;
        if (data.Length < headerLength + MichaelMic.MicLength) return CipherResult.TooShort;
        Span<byte> micHeader = stackalloc byte[TkipMicHeader.Length];
        if (!TkipMicHeader.TryWrite(data, headerLength, micHeader)) return CipherResult.TooShort;

        int micOffset = data.Length - MichaelMic.MicLength;
        Span<byte> mic = stackalloc byte[MichaelMic.MicLength];
        var michael = new MichaelMic(_rxMicKey);
        michael.Append(micHeader);
        michael.Append(data[headerLength..micOffset]);
        michael.Finish(mic);
        int tid = TkipMicHeader.ReplayCounterIndex(data);
        if (!CryptographicOperations.FixedTimeEquals(mic, data[micOffset..]))
        {
            _rxTsc[tid] = _rxVerifiedTsc[tid];   // 12.5.2.6 f): the forged MSDU does not advance the counter
            return CipherResult.MsduMicFailure;
        }
        _rxVerifiedTsc[tid] = _rxTsc[tid];
        msdu.TrimBack(MichaelMic.MicLength);
        return CipherResult.Ok;
    }

    private void MixKey(ref Phase1Cache cache, ReadOnlySpan<byte> ta, ulong tsc, Span<byte> rc4Key)
    {
        uint iv32 = (uint)(tsc >> 16);
        ulong transmitter = MacAddress.Read(ta).ToUInt64();
        if (!cache.Valid || cache.Iv32 != iv32 || cache.Transmitter != transmitter)
        {
            TkipKeyMixing.Phase1(_tk, ta, iv32, cache.Ttak);
            cache.Iv32 = iv32;
            cache.Transmitter = transmitter;
            cache.Valid = true;
        }
        TkipKeyMixing.Phase2(_tk, cache.Ttak, (ushort)tsc, rc4Key);
    }

    private static int CheckTid(int tid)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tid);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tid, ReplayCounters);
        return tid;
    }

    /// <summary>Phase 1 output for the last (IV32, TA) seen in one direction.</summary>
    private struct Phase1Cache
    {
        public bool Valid;
        public uint Iv32;
        public ulong Transmitter;
        public Ttak Ttak;
    }

    [System.Runtime.CompilerServices.InlineArray(TkipKeyMixing.TtakWords)]
    private struct Ttak
    {
        private ushort _element0;
    }
}
