using Net80211.Capture;
using Net80211.Crypto.Decrypt;
using Net80211.Testing;

namespace Crypto.Tests.Decrypt;

/// <summary>
/// Hostile files: every small shared capture with bytes flipped, blocks overwritten and tails cut — broken
/// headers, record lengths that lie, truncated EAPOL-Keys and MPDUs. `pcap scan` and `pcap decrypt` must read
/// each to the end or stop with an error, never throw.
/// </summary>
public sealed class MutatedCaptureTests : IDisposable
{
    private readonly DecryptRun _run = new();

    public void Dispose() => _run.Dispose();

    public static TheoryData<string, string, string> Captures => new()
    {
        { "wpa2-psk-linksys.cap", "linksys", "dictionary" },
        { "wpa-psk-linksys.cap", "linksys", "dictionary" },
        { "wpa2.eapol.cap", "Coherer", "Induction" },
        { "wpa.cap", "linksys", "dictionary" },
        { "wep.shared.key.authentication.cap", "test", "dictionary" },
        { "wps2.0.pcap", "x", "password" },
        { "Chinese-SSID-Name.pcap", "x", "password" },
        { "3.pcap", "x", "password" },
        { "floatingpoint_exception.pcap", "x", "password" },
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void Mutated_captures_are_scanned_and_decrypted_without_an_exception(string capture, string ssid, string passphrase)
    {
        byte[] original = File.ReadAllBytes(SharedFolder.CapturePath(capture));
        var options = DecryptRun.Passphrase(ssid, passphrase);
        var random = new Random(capture.Length * 7919);
        int readToTheEnd = 0;
        for (int i = 0; i < 60; i++)
        {
            byte[] mutated = Mutate(random, original);
            string input = _run.OutputPath($"m{i}.pcap");
            File.WriteAllBytes(input, mutated);

            var scanner = new CaptureScanner();
            using (var stream = new MemoryStream(mutated))
            {
                if (CaptureReader.TryOpen(stream, out CaptureReader? reader, out _))
                {
                    using (reader) scanner.Scan(reader);
                    readToTheEnd++;
                }
            }
            _ = scanner.Networks.Count;

            DecryptResult result = CaptureDecryptor.DecryptFile(input, _run.OutputPath($"m{i}-dec.pcap"), options);
            Assert.True(result.Error == DecryptError.None || !string.IsNullOrEmpty(result.Message), "an error without a message");
        }
        Assert.True(readToTheEnd > 0, "no mutation kept a readable file header: the mutations are too coarse to test the record path");
    }

    private static byte[] Mutate(Random random, byte[] original)
    {
        byte[] m = (byte[])original.Clone();
        // Leave the 24-byte file header alone most of the time, so the records get exercised.
        int start = random.Next(4) == 0 ? 0 : Math.Min(24, m.Length);
        switch (random.Next(3))
        {
            case 0:
                for (int flips = random.Next(1, 16); flips > 0 && m.Length > start; flips--)
                    m[random.Next(start, m.Length)] ^= (byte)(1 << random.Next(8));
                return m;
            case 1:
                if (m.Length <= start) return m;
                int at = random.Next(start, m.Length);
                random.NextBytes(m.AsSpan(at, Math.Min(m.Length - at, random.Next(1, 64))));
                return m;
            default:
                return m[..random.Next(0, m.Length)];
        }
    }
}
