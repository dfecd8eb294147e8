namespace Net80211.StateMachine;

/// <summary>
/// The legal state edges, declared in one place (as Fuchsia's WLAN stack does) rather than implied by
/// whichever newstate code happens to run. A request for an edge not listed here is refused and counted.
/// Every state may return to INIT (down/reset) and to SCAN (rescan), and re-enter itself (retry).
/// </summary>
public static class StateTransitionTable
{
    private static readonly ushort[] Allowed = Build();

    private static ushort[] Build()
    {
        var t = new ushort[8];
        void Edge(Ieee80211State from, params Ieee80211State[] to)
        {
            foreach (var s in to) t[(int)from] |= (ushort)(1 << (int)s);
        }
        foreach (Ieee80211State s in Enum.GetValues<Ieee80211State>())
            Edge(s, Ieee80211State.Init, Ieee80211State.Scan, s);

        // INIT → RUN: monitor and WDS VAPs, and a host AP on a fixed channel, come up without scanning;
        // INIT → CAC: a host AP on a DFS channel.
        Edge(Ieee80211State.Init, Ieee80211State.Run, Ieee80211State.Cac);
        // SCAN → AUTH (station found its BSS), RUN (AP/IBSS created or joined its BSS), CAC (AP on DFS).
        Edge(Ieee80211State.Scan, Ieee80211State.Auth, Ieee80211State.Run, Ieee80211State.Cac);
        Edge(Ieee80211State.Auth, Ieee80211State.Assoc);
        // ASSOC → AUTH: the AP deauthenticated us while associating.
        Edge(Ieee80211State.Assoc, Ieee80211State.Auth, Ieee80211State.Run);
        Edge(Ieee80211State.Cac, Ieee80211State.Run);
        // RUN → AUTH (deauth received), ASSOC (disassoc received / reassociation), CSA, SLEEP.
        Edge(Ieee80211State.Run, Ieee80211State.Auth, Ieee80211State.Assoc, Ieee80211State.Csa, Ieee80211State.Sleep);
        Edge(Ieee80211State.Csa, Ieee80211State.Run);
        Edge(Ieee80211State.Sleep, Ieee80211State.Run, Ieee80211State.Auth, Ieee80211State.Assoc);
        return t;
    }

    public static bool IsLegal(Ieee80211State from, Ieee80211State to)
        => (uint)from < (uint)Allowed.Length && (uint)to < 8 && (Allowed[(int)from] & (1 << (int)to)) != 0;
}
