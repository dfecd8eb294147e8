using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Net80211.Wlan.Daemon;

/// <summary>Who is on the other end of a Unix domain socket (Linux <c>struct ucred</c>).</summary>
public readonly record struct PeerCredentials(int Pid, uint Uid, uint Gid)
{
    private const int SolSocket = 1;   // SOL_SOCKET on Linux
    private const int SoPeerCred = 17; // SO_PEERCRED on Linux

    /// <summary>Whether the peer check applies here: only Linux has SO_PEERCRED as used here (the BSDs and macOS
    /// have getpeereid/LOCAL_PEERCRED instead), so elsewhere the socket file's 0600 mode is the only guard.</summary>
    public static bool Supported => OperatingSystem.IsLinux();

    /// <summary>SO_PEERCRED of a connected Unix socket: the credentials the peer had when it connected.</summary>
    public static bool TryRead(Socket socket, out PeerCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(socket);
        credentials = default;
        if (!Supported) return false;
        Span<byte> ucred = stackalloc byte[12]; // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        try
        {
            if (socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred) != ucred.Length) return false;
        }
        catch (SocketException) { return false; }
        // The kernel fills it in host byte order.
        credentials = new PeerCredentials(MemoryMarshal.Read<int>(ucred), MemoryMarshal.Read<uint>(ucred[4..]), MemoryMarshal.Read<uint>(ucred[8..]));
        return true;
    }

    /// <summary>The rule: the daemon's own user and root may drive it; nobody else.</summary>
    public static bool IsAllowed(uint peerUid, uint daemonUid) => peerUid == daemonUid || peerUid == 0;

    /// <summary>This process's effective uid (Linux, from /proc/self/status), null when it cannot be read.</summary>
    public static uint? EffectiveUid()
    {
        if (!Supported) return null;
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                // "Uid:\treal\teffective\tsaved\tfs"
                if (!line.StartsWith("Uid:", StringComparison.Ordinal)) continue;
                string[] f = line[4..].Split('\t', StringSplitOptions.RemoveEmptyEntries);
                return f.Length >= 2 && uint.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out uint uid) ? uid : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return null;
    }
}
