using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Net80211.Crypto.Tkip;

/// <summary>
/// Michael, TKIP's message integrity code (IEEE 802.11-2020 12.5.2.3): a 64-bit key (K0, K1), the message
/// padded with 0x5A and 4..7 zero octets to a multiple of four, each little-endian 32-bit word XORed into L
/// and mixed by the block function b(L, R); the MIC is L || R, little-endian.
/// </summary>
/// <remarks>Incremental: <see cref="Append"/> any number of pieces, then <see cref="Finish"/>. A value type
/// with no allocation; keep it in a local.</remarks>
[StructLayout(LayoutKind.Auto)]
public struct MichaelMic
{
    public const int KeyLength = 8;
    public const int MicLength = 8;
    private const byte PadMarker = 0x5A;

    private uint _l;
    private uint _r;
    /// <summary>Octets of a word not yet complete, the first in the low bits.</summary>
    private uint _partial;
    private int _partialCount;

    public MichaelMic(ReadOnlySpan<byte> key)
    {
        if (key.Length < KeyLength) throw new ArgumentException("the Michael key is 8 octets", nameof(key));
        _l = BinaryPrimitives.ReadUInt32LittleEndian(key);
        _r = BinaryPrimitives.ReadUInt32LittleEndian(key[4..]);
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        // Complete a pending word first, then whole words, then keep the tail.
        while (_partialCount != 0 && !data.IsEmpty)
        {
            AppendByte(data[0]);
            data = data[1..];
        }
        uint l = _l, r = _r;
        while (data.Length >= 4)
        {
            l ^= BinaryPrimitives.ReadUInt32LittleEndian(data);
            Block(ref l, ref r);
            data = data[4..];
        }
        _l = l;
        _r = r;
        foreach (byte b in data) AppendByte(b);
    }

    /// <summary>Pads, finishes and writes the 8-octet MIC. The instance is spent afterwards.</summary>
    public void Finish(Span<byte> mic)
    {
        if (mic.Length < MicLength) throw new ArgumentException("the MIC is 8 octets", nameof(mic));
        // M || 0x5A || 0 x (4..7): zeros to the next word boundary, then one all-zero word.
        AppendByte(PadMarker);
        while (_partialCount != 0) AppendByte(0);
        Block(ref _l, ref _r);
        BinaryPrimitives.WriteUInt32LittleEndian(mic, _l);
        BinaryPrimitives.WriteUInt32LittleEndian(mic[4..], _r);
    }

    /// <summary>One-shot MIC of <paramref name="message"/>.</summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> mic)
    {
        var michael = new MichaelMic(key);
        michael.Append(message);
        michael.Finish(mic);
    }

    private void AppendByte(byte b)
    {
        _partial |= (uint)b << (8 * _partialCount);
        if (++_partialCount < 4) return;
        _l ^= _partial;
        Block(ref _l, ref _r);
        _partial = 0;
        _partialCount = 0;
    }

    /// <summary>The block function b(L, R) (12.5.2.3).</summary>
    private static void Block(ref uint l, ref uint r)
    {
        r ^= BitOperations.RotateLeft(l, 17);
        l += r;
        r ^= ((l & 0xFF00FF00) >> 8) | ((l & 0x00FF00FF) << 8);   // XSWAP
        l += r;
        r ^= BitOperations.RotateLeft(l, 3);
        l += r;
        r ^= BitOperations.RotateRight(l, 2);
        l += r;
    }
}
