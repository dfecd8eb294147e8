using System.Net.Sockets;
using Net80211.Wlan.Daemon;
using Net80211.Wlan.Management;

namespace Wlan.Tests.Daemon;

public sealed class PeerCredentialTests
{
    [Theory]
    [InlineData(1000u, 1000u, true)]  // the daemon's own user
    [InlineData(0u, 1000u, true)]     // root
    [InlineData(0u, 0u, true)]
    [InlineData(1001u, 1000u, false)] // anyone else
    [InlineData(1000u, 0u, false)]    // a root daemon serves root only
    [InlineData(65534u, 1000u, false)]
    public void Only_the_daemon_user_and_root_are_allowed(uint peer, uint daemon, bool allowed) =>
        Assert.Equal(allowed, PeerCredentials.IsAllowed(peer, daemon));

    [Fact]
    public async Task Our_own_connection_reads_as_our_pid_and_uid_and_is_served()
    {
        if (!PeerCredentials.Supported) return; // documented: no peer check off Linux
        using var dir = new TempDir();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor());
        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(new UnixDomainSocketEndPoint(dir.Socket));
        Assert.True(PeerCredentials.TryRead(client, out var peer)); // the daemon's side, as the client sees it
        Assert.Equal(Environment.ProcessId, peer.Pid);
        Assert.Equal(PeerCredentials.EffectiveUid(), peer.Uid);

        CommandResult result = await ControlClient.ExecuteAsync(dir.Socket, ["status"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, server.RefusedPeers);
    }

    [Fact]
    public async Task A_refused_peer_gets_one_permission_denied_answer_and_is_counted()
    {
        if (!PeerCredentials.Supported) return;
        using var dir = new TempDir();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor(), configure: o => o with { AcceptPeer = _ => false });
        CommandResult result = await ControlClient.ExecuteAsync(dir.Socket, ["status"]);
        Assert.Equal(ControlProtocol.ExitNoPermission, result.ExitCode);
        Assert.Equal("wlan: permission denied", result.Error);
        Assert.Equal(1, server.RefusedPeers);
    }
}
