using System.Globalization;

namespace Net80211.Wlan.Pcap;

/// <summary>A one-line progress bar redrawn in place with carriage returns; only for a terminal.</summary>
internal sealed class ProgressBar(TextWriter terminal)
{
    private const int Width = 40;
    private int _shown = -1;

    /// <summary>Redraws when the whole percentage changes.</summary>
    public void Report(long done, long total)
    {
        int percent = total <= 0 ? 100 : (int)Math.Clamp(done * 100 / total, 0, 100);
        if (percent == _shown) return;
        _shown = percent;
        int filled = percent * Width / 100;
        terminal.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%"));
        terminal.Flush();
    }

    /// <summary>Erases the bar.</summary>
    public void Clear()
    {
        if (_shown < 0) return;
        terminal.Write("\r" + new string(' ', Width + 8) + "\r");
        terminal.Flush();
    }
}
