namespace Net80211.Crypto.Rsn;

/// <summary>Assembles plaintext Key Data: elements and KDEs in order (IEEE 802.11-2020 12.7.2 i).</summary>
public sealed class KeyDataBuilder
{
    private readonly List<byte> _bytes = new(128);

    public int Length => _bytes.Count;

    /// <summary>Adds a whole element (ID, Length, body), e.g. the RSN element.</summary>
    public KeyDataBuilder AddElement(ReadOnlySpan<byte> element)
    {
        _bytes.AddRange(element);
        return this;
    }

    public KeyDataBuilder AddGtk(int keyId, bool tx, ReadOnlySpan<byte> gtk)
    {
        Span<byte> kde = stackalloc byte[Kde.SizeOf(Kde.GtkPrefixLength + gtk.Length)];
        Kde.WriteGtk(kde, keyId, tx, gtk);
        _bytes.AddRange(kde);
        kde.Clear();
        return this;
    }

    public KeyDataBuilder AddIgtk(int keyId, ulong ipn, ReadOnlySpan<byte> igtk)
    {
        Span<byte> kde = stackalloc byte[Kde.SizeOf(Kde.IgtkPrefixLength + igtk.Length)];
        Kde.WriteIgtk(kde, keyId, ipn, igtk);
        _bytes.AddRange(kde);
        kde.Clear();
        return this;
    }

    public KeyDataBuilder AddPmkid(ReadOnlySpan<byte> pmkid)
    {
        Span<byte> kde = stackalloc byte[Kde.SizeOf(pmkid.Length)];
        Kde.WritePmkid(kde, pmkid);
        _bytes.AddRange(kde);
        return this;
    }

    /// <summary>Adds raw octets (WPA1 group message 1 carries the bare GTK).</summary>
    public KeyDataBuilder AddRaw(ReadOnlySpan<byte> bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();
}
