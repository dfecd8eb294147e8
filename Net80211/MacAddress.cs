using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Net80211;

/// <summary>A 48-bit IEEE MAC address, held in the low bits of a <see cref="ulong"/> in wire order
/// (first octet most significant), so equality and hashing are single integer operations.</summary>
public readonly struct MacAddress : IEquatable<MacAddress>, IComparable<MacAddress>, ISpanFormattable
{
    public const int Length = 6;
    private readonly ulong _value;

    private MacAddress(ulong value) => _value = value & 0xFFFF_FFFF_FFFFUL;

    public static MacAddress Zero => default;
    public static MacAddress Broadcast => new(0xFFFF_FFFF_FFFFUL);

    public static MacAddress FromUInt64(ulong value) => new(value);
    public ulong ToUInt64() => _value;

    /// <summary>Reads six octets; the span must hold at least <see cref="Length"/> bytes.</summary>
    public static MacAddress Read(ReadOnlySpan<byte> src)
        => new(((ulong)BinaryPrimitives.ReadUInt16BigEndian(src) << 32) | BinaryPrimitives.ReadUInt32BigEndian(src[2..]));

    public static bool TryRead(ReadOnlySpan<byte> src, out MacAddress address)
    {
        if (src.Length < Length) { address = default; return false; }
        address = Read(src);
        return true;
    }

    public void WriteTo(Span<byte> dst)
    {
        BinaryPrimitives.WriteUInt16BigEndian(dst, (ushort)(_value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(dst[2..], (uint)_value);
    }

    /// <summary>I/G bit: group (multicast or broadcast) address.</summary>
    public bool IsGroup => (_value & 0x0100_0000_0000UL) != 0;
    public bool IsBroadcast => _value == 0xFFFF_FFFF_FFFFUL;
    /// <summary>U/L bit: locally administered.</summary>
    public bool IsLocal => (_value & 0x0200_0000_0000UL) != 0;
    public bool IsZero => _value == 0;

    public byte this[int index] => index is >= 0 and < Length
        ? (byte)(_value >> (8 * (Length - 1 - index)))
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Returns this address with the locally-administered bit set and the last octet replaced,
    /// the way drivers derive extra VAP addresses from the radio's burned-in one.</summary>
    public MacAddress WithLocalBit(byte lastOctet) => new((_value | 0x0200_0000_0000UL) & ~0xFFUL | lastOctet);

    public static MacAddress Parse(string s)
        => TryParse(s, out var a) ? a : throw new FormatException($"'{s}' is not a MAC address (expected xx:xx:xx:xx:xx:xx)");

    public static bool TryParse([NotNullWhen(true)] string? s, out MacAddress address)
    {
        address = default;
        if (s is null || s.Length != 17) return false;
        ulong v = 0;
        for (int i = 0; i < Length; i++)
        {
            if (i > 0 && s[3 * i - 1] is not (':' or '-')) return false;
            if (!byte.TryParse(s.AsSpan(3 * i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b)) return false;
            v = (v << 8) | b;
        }
        address = new MacAddress(v);
        return true;
    }

    public bool Equals(MacAddress other) => _value == other._value;
    public override bool Equals(object? obj) => obj is MacAddress m && Equals(m);
    public override int GetHashCode() => _value.GetHashCode();
    public int CompareTo(MacAddress other) => _value.CompareTo(other._value);
    public static bool operator ==(MacAddress a, MacAddress b) => a._value == b._value;
    public static bool operator !=(MacAddress a, MacAddress b) => a._value != b._value;
    public static bool operator <(MacAddress a, MacAddress b) => a._value < b._value;
    public static bool operator >(MacAddress a, MacAddress b) => a._value > b._value;
    public static bool operator <=(MacAddress a, MacAddress b) => a._value <= b._value;
    public static bool operator >=(MacAddress a, MacAddress b) => a._value >= b._value;

    public override string ToString() => ToString(null, null);
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buf = stackalloc char[17];
        TryFormat(buf, out _, default, null);
        return new string(buf);
    }

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < 17) return false;
        const string hex = "0123456789abcdef";
        for (int i = 0; i < Length; i++)
        {
            byte b = this[i];
            if (i > 0) destination[3 * i - 1] = ':';
            destination[3 * i] = hex[b >> 4];
            destination[3 * i + 1] = hex[b & 0xF];
        }
        charsWritten = 17;
        return true;
    }
}
