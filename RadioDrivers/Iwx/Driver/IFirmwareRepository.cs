namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// firmware(9) / request_firmware: where a driver finds its firmware image by file name. The driver never
/// builds or patches an image; it only loads what the repository holds (and fails attach when it holds
/// nothing, or something the driver cannot parse).
/// </summary>
public interface IFirmwareRepository
{
    /// <summary>Looks up <paramref name="name"/> (e.g. "iwlwifi-cc-a0-77.ucode").</summary>
    bool TryLoad(string name, out byte[] image);
}

/// <summary>A repository over an in-memory table of images (the simulated machine's /boot/firmware).</summary>
public sealed class InMemoryFirmwareRepository : IFirmwareRepository
{
    private readonly Dictionary<string, byte[]> _images = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public InMemoryFirmwareRepository Add(string name, byte[] image)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(image);
        lock (_lock) _images[name] = image;
        return this;
    }

    public bool Remove(string name)
    {
        lock (_lock) return _images.Remove(name);
    }

    /// <summary>Times an image was asked for, found or not (a reload after a firmware crash asks again).</summary>
    public int Loads { get; private set; }

    public bool TryLoad(string name, out byte[] image)
    {
        lock (_lock)
        {
            Loads++;
            if (_images.TryGetValue(name, out var found))
            {
                image = (byte[])found.Clone();
                return true;
            }
        }
        image = [];
        return false;
    }
}
