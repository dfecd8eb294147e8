using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace Net80211.Testing;

/// <summary>
/// Approved-file snapshots with Verify's conventions (Verify itself is not available here):
/// <c>{TestFile}.{TestMethod}.verified.txt</c> beside the test source is the approved text; on a mismatch
/// or when it is missing, <c>.received.txt</c> is written beside it and the test fails with the first
/// differing line. Set <c>VERIFY_ACCEPT=1</c> to accept what was received (writes the verified file).
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "VERIFY_ACCEPT";

    public static void Verify(string actual, string? discriminator = null,
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        string dir = Path.GetDirectoryName(sourceFile) ?? ".";
        string stem = Path.GetFileNameWithoutExtension(sourceFile) + "." + testName + (discriminator is null ? "" : "_" + discriminator);
        string verified = Path.Combine(dir, stem + ".verified.txt");
        string received = Path.Combine(dir, stem + ".received.txt");
        string text = Normalize(actual);

        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";
        if (accept)
        {
            File.WriteAllText(verified, text, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (!File.Exists(verified))
        {
            File.WriteAllText(received, text, new UTF8Encoding(false));
            throw new XunitException($"No approved snapshot {Path.GetFileName(verified)}; wrote {Path.GetFileName(received)}. " +
                $"Review it and rename it, or run with {AcceptVariable}=1.");
        }
        string expected = Normalize(File.ReadAllText(verified));
        if (expected == text)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, text, new UTF8Encoding(false));
        throw new XunitException($"Snapshot {Path.GetFileName(verified)} differs; wrote {Path.GetFileName(received)}.{Environment.NewLine}{FirstDifference(expected, text)}");
    }

    private static string Normalize(string s)
    {
        s = s.Replace("\r\n", "\n", StringComparison.Ordinal);
        return s.EndsWith('\n') ? s : s + "\n";
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end>";
            string al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"line {i + 1}:{Environment.NewLine}  verified: {el}{Environment.NewLine}  received: {al}";
        }
        return "(no line differs)";
    }
}
