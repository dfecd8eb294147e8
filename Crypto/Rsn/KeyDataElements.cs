using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>What the (decrypted) Key Data of an EAPOL-Key frame carries: elements (RSN, WPA) and KDEs
/// (IEEE 802.11-2020 12.7.2 i, Table 12-10). Views over the key data, nothing copied.</summary>
public readonly ref struct KeyDataElements
{
    /// <summary>The first RSN element, header included (empty when absent).</summary>
    public ReadOnlySpan<byte> RsnElement { get; init; }
    /// <summary>A second RSN element (msg 3 may carry two, 12.7.6.4); empty when absent.</summary>
    public ReadOnlySpan<byte> SecondRsnElement { get; init; }
    /// <summary>The WPA vendor element, header included (empty when absent).</summary>
    public ReadOnlySpan<byte> WpaElement { get; init; }
    public bool HasGtk { get; init; }
    public int GtkKeyId { get; init; }
    public bool GtkTx { get; init; }
    public ReadOnlySpan<byte> Gtk { get; init; }
    public bool HasIgtk { get; init; }
    public int IgtkKeyId { get; init; }
    public ulong IgtkIpn { get; init; }
    public ReadOnlySpan<byte> Igtk { get; init; }
    /// <summary>PMKID KDE (16 octets) or empty.</summary>
    public ReadOnlySpan<byte> Pmkid { get; init; }

    /// <summary>Walks the elements of <paramref name="keyData"/>. Stops at padding (0xDD then zeros, 12.7.2 j);
    /// unknown elements and KDEs are skipped. False when a length runs past the end or a known KDE is too short.</summary>
    public static bool TryParse(ReadOnlySpan<byte> keyData, out KeyDataElements elements)
    {
        elements = default;
        ReadOnlySpan<byte> rsn = default, rsn2 = default, wpa = default, gtk = default, igtk = default, pmkid = default;
        int gtkKeyId = 0, igtkKeyId = 0;
        bool gtkTx = false, hasGtk = false, hasIgtk = false;
        ulong ipn = 0;
        ReadOnlySpan<byte> rest = keyData;
        while (!rest.IsEmpty)
        {
            if (rest[0] == Kde.Type && (rest.Length == 1 || rest[1] == 0)) break; // padding
            if (rest.Length < 2) return false;
            int length = rest[1];
            if (length > rest.Length - 2) return false;
            ReadOnlySpan<byte> element = rest[..(2 + length)];
            ReadOnlySpan<byte> body = element[2..];
            rest = rest[(2 + length)..];
            if (element[0] == (byte)ElementId.Rsn)
            {
                if (rsn.IsEmpty) rsn = element;
                else if (rsn2.IsEmpty) rsn2 = element;
                continue;
            }
            if (element[0] != Kde.Type) continue;
            if (WpaElementBody(body))
            {
                if (wpa.IsEmpty) wpa = element;
                continue;
            }
            if (body.Length < Kde.HeaderLength || body[0] != 0x00 || body[1] != 0x0F || body[2] != 0xAC) continue;
            ReadOnlySpan<byte> data = body[Kde.HeaderLength..];
            switch (body[3])
            {
                case Kde.DataTypeGtk:
                    if (data.Length < Kde.GtkPrefixLength + 5) return false;
                    hasGtk = true;
                    gtkKeyId = data[0] & 3;
                    gtkTx = (data[0] & 0x04) != 0;
                    gtk = data[Kde.GtkPrefixLength..];
                    break;
                case Kde.DataTypeIgtk:
                    if (data.Length < Kde.IgtkPrefixLength + 16) return false;
                    hasIgtk = true;
                    igtkKeyId = data[0] | (data[1] << 8);
                    ipn = Kde.ReadUInt48LittleEndian(data[2..]);
                    igtk = data[Kde.IgtkPrefixLength..];
                    break;
                case Kde.DataTypePmkid:
                    if (data.Length < Rsn.Pmkid.Length) return false;
                    pmkid = data[..Rsn.Pmkid.Length];
                    break;
            }
        }
        elements = new KeyDataElements
        {
            RsnElement = rsn,
            SecondRsnElement = rsn2,
            WpaElement = wpa,
            HasGtk = hasGtk,
            GtkKeyId = gtkKeyId,
            GtkTx = gtkTx,
            Gtk = gtk,
            HasIgtk = hasIgtk,
            IgtkKeyId = igtkKeyId,
            IgtkIpn = ipn,
            Igtk = igtk,
            Pmkid = pmkid,
        };
        return true;
    }

    private static bool WpaElementBody(ReadOnlySpan<byte> body) => Frames.WpaElement.IsWpa(body);
}
