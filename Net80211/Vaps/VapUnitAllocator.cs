using System.Globalization;

namespace Net80211.Vaps;

/// <summary>Hands out "wlanN" unit numbers, lowest free first, as the wlan cloner does.</summary>
public sealed class VapUnitAllocator
{
    private readonly SortedSet<int> _used = [];
    private readonly Lock _lock = new();

    public int Allocate()
    {
        lock (_lock)
        {
            int u = 0;
            while (_used.Contains(u)) u++;
            _used.Add(u);
            return u;
        }
    }

    public bool TryReserve(int unit)
    {
        if (unit < 0) return false;
        lock (_lock) return _used.Add(unit);
    }

    public void Free(int unit)
    {
        lock (_lock) _used.Remove(unit);
    }

    public static bool TryParseName(string name, out int unit)
    {
        unit = -1;
        return name.StartsWith("wlan", StringComparison.Ordinal) && name.Length is > 4 and <= 9
            && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out unit);
    }
}
