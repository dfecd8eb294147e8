using System.Buffers.Binary;

namespace Net80211.Crypto.Tkip;

/// <summary>
/// TKIP key mixing (IEEE 802.11-2020 12.5.2.5): phase 1 mixes the temporal key, the transmitter address and
/// the high 32 bits of the TSC (IV32) into the 80-bit TTAK; phase 2 mixes the TTAK with the key and the low
/// 16 bits (IV16) into the 128-bit per-packet WEP seed (the ARC4 key).
/// </summary>
/// <remarks>
/// Notation of the standard: Mk16(X, Y) = X·256 + Y, so Mk16(TK[n+1], TK[n]) is the little-endian 16-bit
/// word at TK[n]; all additions are modulo 2^16.
/// </remarks>
public static class TkipKeyMixing
{
    public const int TemporalKeyLength = 16;
    /// <summary>TTAK0..TTAK4 (P1K).</summary>
    public const int TtakWords = 5;
    /// <summary>WEPSeed[0..15].</summary>
    public const int Rc4KeyLength = 16;
    private const int Phase1Rounds = 8;
    private const int AddressLength = 6;

    /// <summary>Phase 1: TTAK from TK, TA and IV32 (TSC2..TSC5).</summary>
    public static void Phase1(ReadOnlySpan<byte> tk, ReadOnlySpan<byte> ta, uint iv32, Span<ushort> ttak)
    {
        if (tk.Length < TemporalKeyLength) throw new ArgumentException("TK is 16 octets", nameof(tk));
        if (ta.Length < AddressLength) throw new ArgumentException("TA is 6 octets", nameof(ta));
        if (ttak.Length < TtakWords) throw new ArgumentException("TTAK is 5 words", nameof(ttak));

        ushort t0 = (ushort)iv32;
        ushort t1 = (ushort)(iv32 >> 16);
        ushort t2 = BinaryPrimitives.ReadUInt16LittleEndian(ta);        // Mk16(TA1, TA0)
        ushort t3 = BinaryPrimitives.ReadUInt16LittleEndian(ta[2..]);   // Mk16(TA3, TA2)
        ushort t4 = BinaryPrimitives.ReadUInt16LittleEndian(ta[4..]);   // Mk16(TA5, TA4)

        for (int i = 0; i < Phase1Rounds; i++)
        {
            int j = 2 * (i & 1);
            t0 += TkipSbox.S((ushort)(t4 ^ Tk16(tk, 0 + j)));
            t1 += TkipSbox.S((ushort)(t0 ^ Tk16(tk, 4 + j)));
            t2 += TkipSbox.S((ushort)(t1 ^ Tk16(tk, 8 + j)));
            t3 += TkipSbox.S((ushort)(t2 ^ Tk16(tk, 12 + j)));
            t4 += (ushort)(TkipSbox.S((ushort)(t3 ^ Tk16(tk, 0 + j))) + i);
        }

        ttak[0] = t0;
        ttak[1] = t1;
        ttak[2] = t2;
        ttak[3] = t3;
        ttak[4] = t4;
    }

    /// <summary>Phase 2: the 16-octet ARC4 key for one MPDU from TK, TTAK and IV16 (TSC1 || TSC0).</summary>
    /// <remarks>Its first three octets are the IV header's TSC1, WEPSeed[1] = (TSC1 | 0x20) &amp; 0x7F, TSC0.</remarks>
    public static void Phase2(ReadOnlySpan<byte> tk, ReadOnlySpan<ushort> ttak, ushort iv16, Span<byte> rc4Key)
    {
        if (tk.Length < TemporalKeyLength) throw new ArgumentException("TK is 16 octets", nameof(tk));
        if (ttak.Length < TtakWords) throw new ArgumentException("TTAK is 5 words", nameof(ttak));
        if (rc4Key.Length < Rc4KeyLength) throw new ArgumentException("the ARC4 key is 16 octets", nameof(rc4Key));

        ushort p0 = ttak[0], p1 = ttak[1], p2 = ttak[2], p3 = ttak[3], p4 = ttak[4];
        ushort p5 = (ushort)(p4 + iv16);

        // Bijective mixing through the S-box.
        p0 += TkipSbox.S((ushort)(p5 ^ Tk16(tk, 0)));
        p1 += TkipSbox.S((ushort)(p0 ^ Tk16(tk, 2)));
        p2 += TkipSbox.S((ushort)(p1 ^ Tk16(tk, 4)));
        p3 += TkipSbox.S((ushort)(p2 ^ Tk16(tk, 6)));
        p4 += TkipSbox.S((ushort)(p3 ^ Tk16(tk, 8)));
        p5 += TkipSbox.S((ushort)(p4 ^ Tk16(tk, 10)));

        // Final sweep: bijective, linear; rotates the key bits around.
        p0 += RotR1((ushort)(p5 ^ Tk16(tk, 12)));
        p1 += RotR1((ushort)(p0 ^ Tk16(tk, 14)));
        p2 += RotR1(p1);
        p3 += RotR1(p2);
        p4 += RotR1(p3);
        p5 += RotR1(p4);

        // WEPSeed[0..2] repeat the IV header so the weak-key classes of ARC4 are avoided; [3] folds in TK.
        rc4Key[0] = (byte)(iv16 >> 8);
        rc4Key[1] = (byte)(((iv16 >> 8) | 0x20) & 0x7F);
        rc4Key[2] = (byte)iv16;
        rc4Key[3] = (byte)((p5 ^ Tk16(tk, 0)) >> 1);
        BinaryPrimitives.WriteUInt16LittleEndian(rc4Key[4..], p0);
        BinaryPrimitives.WriteUInt16LittleEndian(rc4Key[6..], p1);
        BinaryPrimitives.WriteUInt16LittleEndian(rc4Key[8..], p2);
        BinaryPrimitives.WriteUInt16LittleEndian(rc4Key[10..], p3);
        BinaryPrimitives.WriteUInt16LittleEndian(rc4Key[12..], p4);
        BinaryPrimitives.WriteUInt16LittleEndian(rc4Key[14..], p5);
    }

    /// <summary>Both phases in one call.</summary>
    public static void MixKey(ReadOnlySpan<byte> tk, ReadOnlySpan<byte> ta, ulong tsc, Span<byte> rc4Key)
    {
        Span<ushort> ttak = stackalloc ushort[TtakWords];
        Phase1(tk, ta, (uint)(tsc >> 16), ttak);
        Phase2(tk, ttak, (ushort)tsc, rc4Key);
    }

    private static ushort Tk16(ReadOnlySpan<byte> tk, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(tk[offset..]);

    private static ushort RotR1(ushort v) => (ushort)((v >> 1) | (v << 15));
}
