using Net80211.Wlan.Daemon;

namespace Wlan.Tests.Daemon;

public sealed class ProfileTests
{
    private const string Passphrase = "correct horse battery";
    private static readonly string Psk = new('a', 64);

    [Fact]
    public void Profiles_round_trip_through_an_owner_only_file()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "config", "net80211", "profiles.json");
        var store = new ProfileStore(path);
        Assert.Empty(store.Load());

        store.Add(new Profile("home", "Home Net", ProfileSecurity.Wpa2Passphrase, Passphrase));
        store.Add(new Profile("cafe", "Cafe", ProfileSecurity.Open, null));
        store.Add(new Profile("lab", "Lab", ProfileSecurity.Wpa2Psk, Psk));
        store.Add(new Profile("cafe", "Cafe 2", ProfileSecurity.Open, null)); // replaces

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, Files.Mode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, Files.Mode(Path.GetDirectoryName(path)!));
        Assert.Equal(
            [new Profile("home", "Home Net", ProfileSecurity.Wpa2Passphrase, Passphrase), new Profile("lab", "Lab", ProfileSecurity.Wpa2Psk, Psk),
             new Profile("cafe", "Cafe 2", ProfileSecurity.Open, null)],
            new ProfileStore(path).Load());
        Assert.True(store.Remove("lab"));
        Assert.False(store.Remove("lab"));
        Assert.Equal(2, store.Load().Count);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary files left
    }

    [Fact]
    public void Invalid_profiles_are_refused()
    {
        Assert.NotNull(new Profile("x", "s", ProfileSecurity.Wpa2Passphrase, "short").Validate());
        Assert.NotNull(new Profile("x", "s", ProfileSecurity.Wpa2Psk, "abcd").Validate());
        Assert.NotNull(new Profile("x", new string('s', 33), ProfileSecurity.Open, null).Validate());
        Assert.NotNull(new Profile("", "s", ProfileSecurity.Open, null).Validate());
        Assert.Null(new Profile("x", "s", ProfileSecurity.Wpa2Psk, Psk).Validate());
    }

    [Fact]
    public void The_profile_verb_adds_lists_without_secrets_and_removes()
    {
        using var dir = new TempDir();
        var (cli, stdout, stderr) = Cli(dir, new StringReader(Passphrase + "\n"));
        Assert.Equal(0, ClientCommands.Profiles(cli, ["add", "home", "--ssid", "Home", "--passphrase", "-"]));
        Assert.Equal(0, ClientCommands.Profiles(cli, ["add", "lab", "--ssid", "Lab", "--psk", Psk]));
        Assert.Equal(0, ClientCommands.Profiles(cli, ["add", "cafe", "--ssid", "Cafe", "--open"]));
        Assert.Equal(64, ClientCommands.Profiles(cli, ["add", "bad", "--ssid", "Bad", "--passphrase", "short"]));
        Assert.Equal(64, ClientCommands.Profiles(cli, ["add", "nossid"]));

        Assert.Equal(0, ClientCommands.Profiles(cli, ["list"]));
        string list = stdout.ToString();
        Assert.Contains("home  Home  wpa2", list, StringComparison.Ordinal);
        Assert.Contains("lab   Lab   psk", list, StringComparison.Ordinal);
        Assert.Contains("cafe  Cafe  open", list, StringComparison.Ordinal);
        Assert.DoesNotContain(Passphrase, list, StringComparison.Ordinal);
        Assert.DoesNotContain(Psk, list, StringComparison.Ordinal);

        Assert.Equal(0, ClientCommands.Profiles(cli, ["remove", "cafe"]));
        Assert.Equal(1, ClientCommands.Profiles(cli, ["remove", "cafe"]));
        Assert.Contains("no profile 'cafe'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, Files.Mode(cli.ProfilesPath));
    }

    [Fact]
    public async Task Connect_and_disconnect_become_engine_commands()
    {
        using var dir = new TempDir();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor());
        var (cli, stdout, stderr) = Cli(dir, TextReader.Null);
        var store = new ProfileStore(cli.ProfilesPath);
        store.Add(new Profile("home", "Home Net", ProfileSecurity.Wpa2Passphrase, Passphrase));
        store.Add(new Profile("cafe", "Cafe", ProfileSecurity.Open, null));

        Assert.Equal(0, await ClientCommands.ConnectAsync(cli, ["home"]));
        Assert.Equal(0, await ClientCommands.ConnectAsync(cli, ["cafe", "-i", "wlan1"]));
        Assert.Equal(0, await ClientCommands.DisconnectAsync(cli, []));
        Assert.Equal(1, await ClientCommands.ConnectAsync(cli, ["nowhere"]));
        Assert.Equal(
            $"connect wlan0 home ssid Home Net wpakey {Passphrase}\nconnect wlan1 cafe ssid Cafe\ndisconnect wlan0\n",
            stdout.ToString());
        Assert.Contains("no profile 'nowhere'", stderr.ToString(), StringComparison.Ordinal);
    }

    private static (CliContext Cli, StringWriter Out, StringWriter Err) Cli(TempDir dir, TextReader input)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (new CliContext(dir.Socket, Path.Combine(dir.Path, "profiles.json"), stdout, stderr, input), stdout, stderr);
    }
}
