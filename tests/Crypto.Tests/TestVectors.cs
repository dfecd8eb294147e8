using System.Text.Json;

namespace Crypto.Tests;

/// <summary>The published test vectors in the shared folder (<c>shared/testvectors/*.json</c>, beside the
/// repository): each file has <c>entries[]</c> with hex inputs and expected outputs.</summary>
public static class TestVectors
{
    public static string Directory => Net80211.Testing.SharedFolder.TestVectors;

    /// <summary>The entries of one family (e.g. "ccmp"), each as a JSON element.</summary>
    public static IReadOnlyList<JsonElement> Entries(string family)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, family + ".json")));
        return doc.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    public static byte[] Hex(this JsonElement e, string name) => Convert.FromHexString(e.GetProperty(name).GetString() ?? "");
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).ToString();
    public static bool Has(this JsonElement e, string name) => e.TryGetProperty(name, out _);
}
