using Net80211.Frames;

namespace Net80211.Vap.Security;

internal static class Elements
{
    /// <summary>The whole RSN element (ID, length, body) in <paramref name="elements"/>, or empty.</summary>
    public static ReadOnlySpan<byte> Rsn(ReadOnlySpan<byte> elements) => Find(elements, wpa: false);

    /// <summary>The whole WPA (vendor 00-50-F2 type 1) element, or empty.</summary>
    public static ReadOnlySpan<byte> Wpa(ReadOnlySpan<byte> elements) => Find(elements, wpa: true);

    private static ReadOnlySpan<byte> Find(ReadOnlySpan<byte> elements, bool wpa)
    {
        var reader = new IeReader(elements);
        while (reader.MoveNext())
        {
            var ie = reader.Current;
            if (wpa ? ie.Id == ElementId.VendorSpecific && WpaElement.IsWpa(ie.Body) : ie.Id == ElementId.Rsn)
            {
                int end = elements.Length - reader.Remaining.Length;
                return elements[(end - ie.TotalLength)..end];
            }
        }
        return [];
    }
}
