using Xunit;

namespace Net80211.Testing;

/// <summary>The project's shared folder, <c>../shared</c> beside the checkout (the directory holding
/// Net80211.sln): the real captures and the published test vectors every test project reads.</summary>
public static class SharedFolder
{
    public static string Root { get; } = Locate();

    public static string Captures => Path.Combine(Root, "captures");

    public static string TestVectors => Path.Combine(Root, "testvectors");

    /// <summary>The path of a capture, failing the test with a clear message when it is not there.</summary>
    public static string CapturePath(string name)
    {
        string path = Path.Combine(Captures, name);
        Assert.True(File.Exists(path), $"{path} is missing from the shared captures folder.");
        return path;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Net80211.sln"))) continue;
            string shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            Assert.True(Directory.Exists(shared),
                $"The shared folder {shared} is missing: the repository must be checked out with shared/ beside it (CI always has it).");
            return shared;
        }
        Assert.Fail($"No Net80211.sln above {AppContext.BaseDirectory}; cannot find ../shared.");
        return "";
    }
}
