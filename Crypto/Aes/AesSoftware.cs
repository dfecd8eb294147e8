using System.Buffers.Binary;
using System.Numerics;

namespace Net80211.Crypto.Aes;

/// <summary>
/// Portable AES (FIPS-197) for CPUs without AES-NI: key expansion (5.2) and the round function as 32-bit table
/// lookups (the "T-table" form of SubBytes + ShiftRows + MixColumns). Lookups are indexed by secret bytes, so
/// this is not cache-timing safe, but it has no secret-dependent branches.
/// </summary>
internal static class AesSoftware
{
    /// <summary>S-box (FIPS-197 5.1.1): multiplicative inverse in GF(2^8) followed by the affine transform.</summary>
    private static readonly byte[] SBox = BuildSBox();

    /// <summary>T0[x] = (2·S[x], S[x], S[x], 3·S[x]), most significant byte first; T1..T3 are its byte rotations.</summary>
    private static readonly uint[] T0 = BuildTable(0);
    private static readonly uint[] T1 = BuildTable(8);
    private static readonly uint[] T2 = BuildTable(16);
    private static readonly uint[] T3 = BuildTable(24);

    /// <summary>Round constants (5.2): x^(i-1) in GF(2^8) in the top byte of the word.</summary>
    private static ReadOnlySpan<byte> Rcon => [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1B, 0x36];

    /// <summary>KeyExpansion (FIPS-197 5.2) for a 16-, 24- or 32-byte key into <c>4·(Nr+1)</c> words.</summary>
    public static void ExpandKey(ReadOnlySpan<byte> key, Span<byte> schedule, int rounds)
    {
        int nk = key.Length / 4;
        int words = 4 * (rounds + 1);
        key.CopyTo(schedule);
        for (int i = nk; i < words; i++)
        {
            uint temp = BinaryPrimitives.ReadUInt32BigEndian(schedule[((i - 1) * 4)..]);
            if (i % nk == 0)
                temp = SubWord(BitOperations.RotateLeft(temp, 8)) ^ ((uint)Rcon[(i / nk) - 1] << 24);
            else if (nk > 6 && i % nk == 4)
                temp = SubWord(temp);
            uint w = BinaryPrimitives.ReadUInt32BigEndian(schedule[((i - nk) * 4)..]) ^ temp;
            BinaryPrimitives.WriteUInt32BigEndian(schedule[(i * 4)..], w);
        }
    }

    /// <summary>Cipher (FIPS-197 5.1) of one 16-byte block; <paramref name="input"/> and <paramref name="output"/> may overlap.</summary>
    public static void EncryptBlock(ReadOnlySpan<byte> schedule, int rounds, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ReadOnlySpan<byte> rk = schedule[..((rounds + 1) * 16)];
        uint[] t0 = T0, t1 = T1, t2 = T2, t3 = T3;

        uint s0 = BinaryPrimitives.ReadUInt32BigEndian(input) ^ BinaryPrimitives.ReadUInt32BigEndian(rk);
        uint s1 = BinaryPrimitives.ReadUInt32BigEndian(input[4..]) ^ BinaryPrimitives.ReadUInt32BigEndian(rk[4..]);
        uint s2 = BinaryPrimitives.ReadUInt32BigEndian(input[8..]) ^ BinaryPrimitives.ReadUInt32BigEndian(rk[8..]);
        uint s3 = BinaryPrimitives.ReadUInt32BigEndian(input[12..]) ^ BinaryPrimitives.ReadUInt32BigEndian(rk[12..]);

        for (int r = 1; r < rounds; r++)
        {
            ReadOnlySpan<byte> k = rk.Slice(r * 16, 16);
            uint u0 = t0[s0 >> 24] ^ t1[(byte)(s1 >> 16)] ^ t2[(byte)(s2 >> 8)] ^ t3[(byte)s3] ^ BinaryPrimitives.ReadUInt32BigEndian(k);
            uint u1 = t0[s1 >> 24] ^ t1[(byte)(s2 >> 16)] ^ t2[(byte)(s3 >> 8)] ^ t3[(byte)s0] ^ BinaryPrimitives.ReadUInt32BigEndian(k[4..]);
            uint u2 = t0[s2 >> 24] ^ t1[(byte)(s3 >> 16)] ^ t2[(byte)(s0 >> 8)] ^ t3[(byte)s1] ^ BinaryPrimitives.ReadUInt32BigEndian(k[8..]);
            uint u3 = t0[s3 >> 24] ^ t1[(byte)(s0 >> 16)] ^ t2[(byte)(s1 >> 8)] ^ t3[(byte)s2] ^ BinaryPrimitives.ReadUInt32BigEndian(k[12..]);
            s0 = u0; s1 = u1; s2 = u2; s3 = u3;
        }

        // Last round: SubBytes and ShiftRows without MixColumns.
        ReadOnlySpan<byte> last = rk.Slice(rounds * 16, 16);
        BinaryPrimitives.WriteUInt32BigEndian(output, FinalWord(s0, s1, s2, s3) ^ BinaryPrimitives.ReadUInt32BigEndian(last));
        BinaryPrimitives.WriteUInt32BigEndian(output[4..], FinalWord(s1, s2, s3, s0) ^ BinaryPrimitives.ReadUInt32BigEndian(last[4..]));
        BinaryPrimitives.WriteUInt32BigEndian(output[8..], FinalWord(s2, s3, s0, s1) ^ BinaryPrimitives.ReadUInt32BigEndian(last[8..]));
        BinaryPrimitives.WriteUInt32BigEndian(output[12..], FinalWord(s3, s0, s1, s2) ^ BinaryPrimitives.ReadUInt32BigEndian(last[12..]));
    }

    private static uint FinalWord(uint a, uint b, uint c, uint d)
    {
        byte[] s = SBox;
        return ((uint)s[a >> 24] << 24) | ((uint)s[(byte)(b >> 16)] << 16) | ((uint)s[(byte)(c >> 8)] << 8) | s[(byte)d];
    }

    private static uint SubWord(uint w)
    {
        byte[] s = SBox;
        return ((uint)s[w >> 24] << 24) | ((uint)s[(byte)(w >> 16)] << 16) | ((uint)s[(byte)(w >> 8)] << 8) | s[(byte)w];
    }

    private static byte[] BuildSBox()
    {
        var sbox = new byte[256];
        // Walk GF(2^8)* with generator 3: p runs over 3^k, q over 3^-k, so q = p^-1 (FIPS-197 4.2).
        byte p = 1, q = 1;
        do
        {
            p = (byte)(p ^ (p << 1) ^ ((p & 0x80) != 0 ? 0x1B : 0));
            q ^= (byte)(q << 1);
            q ^= (byte)(q << 2);
            q ^= (byte)(q << 4);
            if ((q & 0x80) != 0) q ^= 0x09;
            sbox[p] = Affine(q);
        }
        while (p != 1);
        sbox[0] = 0x63;
        return sbox;

        static byte Affine(byte b) => (byte)(b ^ Rotl(b, 1) ^ Rotl(b, 2) ^ Rotl(b, 3) ^ Rotl(b, 4) ^ 0x63);
        static byte Rotl(byte b, int n) => (byte)((b << n) | (b >> (8 - n)));
    }

    private static uint[] BuildTable(int rotate)
    {
        var table = new uint[256];
        for (int x = 0; x < 256; x++)
        {
            uint s = SBox[x];
            uint s2 = (s << 1) ^ ((s & 0x80) != 0 ? 0x11Bu : 0u);
            uint s3 = s2 ^ s;
            table[x] = BitOperations.RotateRight((s2 << 24) | (s << 16) | (s << 8) | s3, rotate);
        }
        return table;
    }
}
