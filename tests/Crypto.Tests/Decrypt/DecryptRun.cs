using System.Text;
using Net80211;
using Net80211.Capture;
using Net80211.Crypto.Decrypt;
using Net80211.Frames;
using Net80211.Testing;

namespace Crypto.Tests.Decrypt;

/// <summary>Runs <see cref="CaptureDecryptor.DecryptFile"/> into a temporary directory and reads back what it wrote.</summary>
internal sealed class DecryptRun : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("net80211-decrypt-").FullName;

    public string OutputPath(string name) => Path.Combine(_directory, name);

    public static DecryptOptions Passphrase(string ssid, string passphrase, MacAddress? bssid = null)
    {
        Assert.True(DecryptionKey.TryFromPassphrase(passphrase, out DecryptionKey? key, out string? error), error);
        return new DecryptOptions { Ssid = Encoding.ASCII.GetBytes(ssid), Bssid = bssid, Key = key };
    }

    public static DecryptOptions Wep(string ssid, string hex)
    {
        Assert.True(DecryptionKey.TryFromWepHex(hex, out DecryptionKey? key, out string? error), error);
        return new DecryptOptions { Ssid = Encoding.ASCII.GetBytes(ssid), Key = key };
    }

    /// <summary>Decrypts the shared capture <paramref name="capture"/> into <c>OUT/NAME-dec.pcap</c> (or <paramref name="output"/>).</summary>
    public DecryptResult Decrypt(string capture, DecryptOptions options, string? output = null)
        => CaptureDecryptor.DecryptFile(SharedFolder.CapturePath(capture),
            OutputPath(output ?? Path.GetFileNameWithoutExtension(capture) + "-dec.pcap"), options);

    /// <summary>The records of a capture this project wrote: link type 105, one MPDU each.</summary>
    public static List<byte[]> ReadFrames(string path)
    {
        var frames = new List<byte[]>();
        using CaptureReader reader = CaptureReader.Open(path);
        Assert.Equal(LinkType.Ieee80211, reader.LinkType);
        while (reader.TryReadNext(out CaptureRecord record)) frames.Add(record.Data.ToArray());
        Assert.Equal(0, reader.ErrorCount);
        return frames;
    }

    /// <summary>The MSDU of a decrypted data frame (after the MAC header).</summary>
    public static ReadOnlySpan<byte> Body(byte[] frame)
    {
        Assert.True(FrameHeader.TryRead(frame, out FrameHeader header, out FrameParseError error), error.ToString());
        Assert.True(header.FrameControl.IsData);
        Assert.False(header.FrameControl.Protected);
        return frame.AsSpan(header.Length);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
