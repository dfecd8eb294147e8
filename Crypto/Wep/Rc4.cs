using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Net80211.Crypto.Wep;

/// <summary>
/// ARC4, the stream cipher under WEP (IEEE 802.11-2020 12.3.2.2) and TKIP (12.5.2.1): a 256-octet permutation
/// set up from the key (KSA), then one keystream octet per input octet (PRGA), XORed with the data.
/// </summary>
/// <remarks>
/// A mutable value type holding its whole state inline (258 octets): keep it in a local and pass it by
/// <c>ref</c>; copying it forks the keystream. Nothing allocates.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public struct Rc4
{
    private const int StateSize = 256;

    private State _s;
    private byte _i;
    private byte _j;

    /// <summary>Key-scheduling algorithm over a 1..256-octet key.</summary>
    public Rc4(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty || key.Length > StateSize) throw new ArgumentException("RC4 key must be 1..256 octets", nameof(key));
        Span<byte> s = _s;
        for (int n = 0; n < StateSize; n++) s[n] = (byte)n;
        ref byte s0 = ref MemoryMarshal.GetReference(s);
        byte j = 0;
        int k = 0;
        for (int n = 0; n < StateSize; n++)
        {
            ref byte sn = ref Unsafe.Add(ref s0, n);
            byte a = sn;
            j = (byte)(j + a + key[k]);
            if (++k == key.Length) k = 0;
            ref byte sj = ref Unsafe.Add(ref s0, j);
            sn = sj;
            sj = a;
        }
        _i = 0;
        _j = 0;
    }

    /// <summary>XORs the next keystream octets into <paramref name="data"/> in place (encrypts or decrypts).</summary>
    public void Transform(Span<byte> data)
    {
        ref byte s0 = ref MemoryMarshal.GetReference((Span<byte>)_s);
        byte i = _i, j = _j;
        for (int n = 0; n < data.Length; n++)
        {
            i++;
            ref byte si = ref Unsafe.Add(ref s0, i);
            byte a = si;
            j = (byte)(j + a);
            ref byte sj = ref Unsafe.Add(ref s0, j);
            byte b = sj;
            si = b;
            sj = a;
            data[n] ^= Unsafe.Add(ref s0, (byte)(a + b));
        }
        _i = i;
        _j = j;
    }

    /// <summary>XORs the keystream into <paramref name="source"/> and writes the result to <paramref name="destination"/>.</summary>
    public void Transform(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < source.Length) throw new ArgumentException("destination too short", nameof(destination));
        source.CopyTo(destination);
        Transform(destination[..source.Length]);
    }

    /// <summary>Discards <paramref name="count"/> keystream octets (the "RC4-drop" skip of EAPOL-Key key data, 12.7.2).</summary>
    public void Discard(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Span<byte> scratch = stackalloc byte[64];
        while (count > 0)
        {
            int n = Math.Min(count, scratch.Length);
            scratch[..n].Clear();
            Transform(scratch[..n]);
            count -= n;
        }
    }

    /// <summary>One-shot: RC4 with <paramref name="key"/> over <paramref name="data"/> in place.</summary>
    public static void Apply(ReadOnlySpan<byte> key, Span<byte> data)
    {
        var rc4 = new Rc4(key);
        rc4.Transform(data);
    }

    [InlineArray(StateSize)]
    private struct State
    {
        private byte _element0;
    }
}
