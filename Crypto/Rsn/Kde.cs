using System.Buffers.Binary;

namespace Net80211.Crypto.Rsn;

/// <summary>Key Data Encapsulations (IEEE 802.11-2020 12.7.2, Figure 12-34, Table 12-10):
/// Type 0xDD, Length, OUI 00-0F-AC, Data Type, Data. Written here; read by <see cref="KeyDataElements"/>.</summary>
public static class Kde
{
    public const byte Type = 0xDD;
    /// <summary>OUI (3) + Data Type (1).</summary>
    public const int HeaderLength = 4;
    public const byte DataTypeGtk = 1;
    public const byte DataTypePmkid = 4;
    public const byte DataTypeIgtk = 9;
    /// <summary>GTK KDE data before the GTK: Key ID/Tx octet and a reserved octet (Figure 12-35).</summary>
    public const int GtkPrefixLength = 2;
    /// <summary>IGTK KDE data before the IGTK: Key ID (2) and IPN (6) (Figure 12-42).</summary>
    public const int IgtkPrefixLength = 8;

    /// <summary>Octets a KDE with <paramref name="dataLength"/> octets of data occupies.</summary>
    public static int SizeOf(int dataLength) => 2 + HeaderLength + dataLength;

    /// <summary>GTK KDE: Key ID in bits 0..1, Tx in bit 2, then a reserved octet and the GTK.</summary>
    public static int WriteGtk(Span<byte> destination, int keyId, bool tx, ReadOnlySpan<byte> gtk)
    {
        Span<byte> data = Begin(destination, DataTypeGtk, GtkPrefixLength + gtk.Length);
        data[0] = (byte)((keyId & 3) | (tx ? 0x04 : 0));
        data[1] = 0;
        gtk.CopyTo(data[GtkPrefixLength..]);
        return SizeOf(GtkPrefixLength + gtk.Length);
    }

    /// <summary>IGTK KDE: Key ID (LE16), IPN (LE48), IGTK.</summary>
    public static int WriteIgtk(Span<byte> destination, int keyId, ulong ipn, ReadOnlySpan<byte> igtk)
    {
        Span<byte> data = Begin(destination, DataTypeIgtk, IgtkPrefixLength + igtk.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(data, (ushort)keyId);
        WriteUInt48LittleEndian(data[2..], ipn);
        igtk.CopyTo(data[IgtkPrefixLength..]);
        return SizeOf(IgtkPrefixLength + igtk.Length);
    }

    public static int WritePmkid(Span<byte> destination, ReadOnlySpan<byte> pmkid)
    {
        pmkid.CopyTo(Begin(destination, DataTypePmkid, pmkid.Length));
        return SizeOf(pmkid.Length);
    }

    internal static ulong ReadUInt48LittleEndian(ReadOnlySpan<byte> source)
        => BinaryPrimitives.ReadUInt32LittleEndian(source) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(source[4..]) << 32);

    internal static void WriteUInt48LittleEndian(Span<byte> destination, ulong value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)value);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], (ushort)(value >> 32));
    }

    private static Span<byte> Begin(Span<byte> destination, byte dataType, int dataLength)
    {
        if (HeaderLength + dataLength > byte.MaxValue) throw new ArgumentException("KDE longer than 255 octets.");
        if (destination.Length < SizeOf(dataLength)) throw new ArgumentException("Destination too short for the KDE.", nameof(destination));
        destination[0] = Type;
        destination[1] = (byte)(HeaderLength + dataLength);
        destination[2] = 0x00;
        destination[3] = 0x0F;
        destination[4] = 0xAC;
        destination[5] = dataType;
        return destination.Slice(2 + HeaderLength, dataLength);
    }
}
