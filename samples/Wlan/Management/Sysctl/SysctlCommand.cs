using System.Globalization;
using System.Text;
using Net80211.Wlan.Management.Host;

namespace Net80211.Wlan.Management.Sysctl;

/// <summary><c>sysctl [-a] [-d] [-n] [-w] name[=value] ...</c> over <see cref="SysctlTree"/>, with sysctl(8)'s
/// output ("name: value", "name: old -> new") and messages.</summary>
internal sealed class SysctlCommand(WlanHost host)
{
    public const string Usage = "usage: sysctl [-adnw] name[=value] ...\n       sysctl [-adn] -a";

    public async Task<CommandResult> RunAsync(IReadOnlyList<string> argv)
    {
        bool all = false, names = true, descriptions = false;
        int i = 1;
        for (; i < argv.Count && argv[i].StartsWith('-') && argv[i].Length > 1; i++)
        {
            foreach (char c in argv[i].AsSpan(1))
            {
                switch (c)
                {
                    case 'a': all = true; break;
                    case 'n': names = false; break;
                    case 'd': descriptions = true; break;
                    case 'w': break; // name=value is a write with or without -w
                    default: return CommandResult.Fail($"sysctl: illegal option -- {c}\n{Usage}", 64);
                }
            }
        }
        var args = argv.Skip(i).ToList();
        if (args.Count == 0 && !all) return CommandResult.Fail(Usage, 64);
        var tree = new SysctlTree(host);
        return await host.InvokeAsync(() =>
        {
            var output = new StringBuilder();
            var errors = new StringBuilder();
            if (args.Count == 0) args = ["net"];
            foreach (var arg in args)
            {
                int eq = arg.IndexOf('=', StringComparison.Ordinal);
                string name = eq < 0 ? arg : arg[..eq];
                var nodes = tree.Find(name);
                if (nodes.Count == 0)
                {
                    errors.Append(CultureInfo.InvariantCulture, $"sysctl: unknown oid '{name}'\n");
                    continue;
                }
                if (eq < 0)
                {
                    foreach (var n in nodes) output.Append(Line(n, names, descriptions ? n.Description : n.Read()));
                    continue;
                }
                if (nodes.Count != 1 || nodes[0].Name != name)
                {
                    errors.Append(CultureInfo.InvariantCulture, $"sysctl: oid '{name}' isn't a leaf node\n");
                    continue;
                }
                var node = nodes[0];
                string text = arg[(eq + 1)..];
                if (node.Write is null)
                {
                    errors.Append(CultureInfo.InvariantCulture, $"sysctl: oid '{name}' is read only\n");
                    continue;
                }
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
                {
                    errors.Append(CultureInfo.InvariantCulture, $"sysctl: invalid integer '{text}'\n");
                    continue;
                }
                if (value < node.Min || value > node.Max)
                {
                    errors.Append(CultureInfo.InvariantCulture, $"sysctl: {name}={text}: Invalid argument (range {node.Min}..{node.Max})\n");
                    continue;
                }
                string old = node.Read();
                node.Write(value);
                output.Append(names ? $"{name}: {old} -> {node.Read()}\n" : node.Read() + "\n");
            }
            return new CommandResult(errors.Length == 0 ? 0 : 1, output.ToString(), errors.ToString().TrimEnd('\n'));
        }).ConfigureAwait(false);
    }

    private static string Line(SysctlNode n, bool names, string value) => names ? $"{n.Name}: {value}\n" : value + "\n";
}
