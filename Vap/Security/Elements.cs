using Net80211.Frames;

namespace Net80211.Vap.Security;

internal static class Elements
{
    private static ReadOnlySpan<byte> WpaOuiType => [0x00, 0x50, 0xF2, 0x01];

    /// <summary>The whole RSN element (ID, length, body) in <paramref name="elements"/>, or empty.</summary>
    public static ReadOnlySpan<byte> Rsn(ReadOnlySpan<byte> elements) => Find(elements, wpa: false);

    /// <summary>The whole WPA (vendor 00-50-F2 type 1) element, or empty.</summary>
    public static ReadOnlySpan<byte> Wpa(ReadOnlySpan<byte> elements) => Find(elements, wpa: true);

    private static ReadOnlySpan<byte> Find(ReadOnlySpan<byte> elements, bool wpa)
    {
        int i = 0;
        while (i + 2 <= elements.Length)
        {
            int len = elements[i + 1];
            if (i + 2 + len > elements.Length) break;
            var element = elements.Slice(i, 2 + len);
            if (!wpa && element[0] == (byte)ElementId.Rsn) return element;
            if (wpa && element[0] == (byte)ElementId.VendorSpecific && len >= 4 && element.Slice(2, 4).SequenceEqual(WpaOuiType)) return element;
            i += 2 + len;
        }
        return [];
    }
}
