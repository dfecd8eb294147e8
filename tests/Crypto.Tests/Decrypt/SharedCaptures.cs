namespace Crypto.Tests.Decrypt;

/// <summary>The real captures of the project's shared folder: <c>../shared/captures</c> beside the checkout
/// (the directory holding Net80211.sln).</summary>
internal static class SharedCaptures
{
    public static string Directory { get; } = Locate();

    public static string PathOf(string name)
    {
        string path = Path.Combine(Directory, name);
        Assert.True(File.Exists(path), $"{path} is missing from the shared captures folder.");
        return path;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Net80211.sln"))) continue;
            string captures = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "captures"));
            Assert.True(System.IO.Directory.Exists(captures),
                $"The shared captures folder {captures} is missing: the repository must be checked out with shared/ beside it (CI always has it).");
            return captures;
        }
        Assert.Fail($"No Net80211.sln above {AppContext.BaseDirectory}; cannot find ../shared/captures.");
        return "";
    }
}
