using System.Globalization;
using System.Text;

namespace Net80211;

/// <summary>SSIDs are up to 32 arbitrary octets, not text. <see cref="Format"/> shows one the way FreeBSD's
/// ifconfig does (<c>copy_essid</c>): printable ASCII as it is; anything else (UTF-8, GBK, control octets) as
/// "0x" and hex of every octet; too long for the room, cut with "...". Always one line.</summary>
public static class Ssid
{
    /// <summary>ifconfig's room for an SSID (IEEE80211_NWID_LEN) in verbose listings.</summary>
    public const int DefaultWidth = 32;

    public static string Format(ReadOnlySpan<byte> ssid, int width = DefaultWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 4);
        int shown = Math.Min(ssid.Length, width);
        bool printable = true;
        foreach (byte b in ssid[..shown])
        {
            if (b is < 0x20 or > 0x7E)
            {
                printable = false;
                break;
            }
        }

        var text = new StringBuilder(width);
        if (printable)
        {
            foreach (byte b in ssid[..shown]) text.Append((char)b);
            if (shown != ssid.Length) text.Remove(shown - 3, 3).Append("...");
            return text.ToString();
        }

        text.Append("0x");
        int room = width - 2;
        int i = 0;
        for (; i < shown && room >= 2; i++, room -= 2)
        {
            text.Append(ssid[i].ToString("x2", CultureInfo.InvariantCulture));
        }
        if (i != ssid.Length) text.Remove(text.Length - 3, 3).Append("...");
        return text.ToString();
    }

    /// <summary>Parses an ifconfig SSID argument: "0x..." as hex octets, anything else as UTF-8. False for
    /// malformed hex or more than 32 octets.</summary>
    public static bool TryParse(string text, out byte[] ssid)
    {
        ssid = [];
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length > 2)
        {
            try { ssid = Convert.FromHexString(text.AsSpan(2)); }
            catch (FormatException) { return false; }
        }
        else ssid = Encoding.UTF8.GetBytes(text);
        return ssid.Length <= Frames.SsidElement.MaxLength;
    }
}
