namespace Net80211.StateMachine;

/// <summary>VAP states (enum ieee80211_state), in net80211's order: a "lower" state is further from RUN.</summary>
public enum Ieee80211State
{
    /// <summary>Default state, nothing running.</summary>
    Init = 0,
    /// <summary>Scanning for a BSS (or choosing a channel to start one).</summary>
    Scan = 1,
    /// <summary>Trying to authenticate.</summary>
    Auth = 2,
    /// <summary>Trying to associate.</summary>
    Assoc = 3,
    /// <summary>Channel availability check (DFS) before transmitting.</summary>
    Cac = 4,
    /// <summary>Operational: associated, or the BSS is up.</summary>
    Run = 5,
    /// <summary>Channel switch announced, switching.</summary>
    Csa = 6,
    /// <summary>Power save.</summary>
    Sleep = 7,
}

public static class Ieee80211StateNames
{
    /// <summary>The upper-case names net80211 prints ("INIT", "SCAN", ...).</summary>
    public static string Name(this Ieee80211State state) => state switch
    {
        Ieee80211State.Init => "INIT",
        Ieee80211State.Scan => "SCAN",
        Ieee80211State.Auth => "AUTH",
        Ieee80211State.Assoc => "ASSOC",
        Ieee80211State.Cac => "CAC",
        Ieee80211State.Run => "RUN",
        Ieee80211State.Csa => "CSA",
        Ieee80211State.Sleep => "SLEEP",
        _ => state.ToString(),
    };
}
