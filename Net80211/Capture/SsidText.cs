using System.Globalization;
using System.Text;

namespace Net80211.Capture;

/// <summary>Shows an SSID the way FreeBSD's ifconfig does (<c>copy_essid</c>): an SSID of printable
/// ASCII as it is; anything else (UTF-8, GBK, control octets) as "0x" and hex of every octet. Too
/// long for the room: cut, the last three characters replaced by "...". Always one line.</summary>
public static class SsidText
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
}
