using System.Text;

namespace Net80211;

/// <summary>SSIDs are up to 32 arbitrary bytes, not text. This prints them the way ifconfig does:
/// printable ASCII as is, anything else (or a non-printable SSID) in hex.</summary>
public static class Ssid
{
    public static string Format(ReadOnlySpan<byte> ssid)
    {
        bool printable = true;
        foreach (byte b in ssid) if (b is < 0x20 or > 0x7e) { printable = false; break; }
        if (printable) return Encoding.ASCII.GetString(ssid);
        var sb = new StringBuilder("0x", 2 + 2 * ssid.Length);
        foreach (byte b in ssid) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Parses an ifconfig SSID argument: "0x..." as hex bytes, anything else as UTF-8. False for
    /// malformed hex or more than 32 bytes.</summary>
    public static bool TryParse(string text, out byte[] ssid)
    {
        ssid = [];
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length > 2)
        {
            try { ssid = Convert.FromHexString(text.AsSpan(2)); }
            catch (FormatException) { return false; }
        }
        else ssid = Encoding.UTF8.GetBytes(text);
        return ssid.Length <= 32;
    }
}
