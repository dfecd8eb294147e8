namespace Net80211.Wlan;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: wlan <verb> ...");
        return args.Length == 0 ? 64 : 0;
    }
}
