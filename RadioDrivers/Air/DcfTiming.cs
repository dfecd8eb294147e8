namespace Net80211.RadioDrivers.Air;

/// <summary>
/// DCF timing of a band (IEEE 802.11-2020 10.3.2.3 and the PHY characteristics tables:
/// Table 17-21 for OFDM at 5 GHz, Table 18-5 for ERP at 2.4 GHz). All times in µs.
/// </summary>
public readonly record struct DcfTiming(int SlotMicroseconds, int SifsMicroseconds, int CwMin, int CwMax)
{
    /// <summary>DIFS = SIFS + 2 × slot (10.3.2.3).</summary>
    public int DifsMicroseconds => SifsMicroseconds + 2 * SlotMicroseconds;

    /// <summary>AIFS[AC] = SIFS + AIFSN × slot (EDCA, 10.2); AIFSN 2 is DIFS.</summary>
    public int AifsMicroseconds(int aifsn) => SifsMicroseconds + aifsn * SlotMicroseconds;

    /// <summary>How long a sender waits for an ACK after its frame ends: SIFS + slot + the ACK's airtime
    /// (ACKTimeout of the ACK procedure in 10.3, with the PHY-RXSTART delay replaced by the whole ACK so the ACK can be decoded).</summary>
    public int AckTimeoutMicroseconds(int ackAirtimeMicroseconds) => SifsMicroseconds + SlotMicroseconds + ackAirtimeMicroseconds;

    /// <summary>Timing for a channel: 5 GHz slot 9, SIFS 16, CW 15..1023; 2.4 GHz SIFS 10 with a 20 µs slot and
    /// CWmin 31 (DSSS/mixed), or a 9 µs slot and CWmin 15 when <paramref name="shortSlot2Ghz"/> (ERP-only).</summary>
    public static DcfTiming For(int frequencyMhz, bool shortSlot2Ghz)
    {
        if (!Airtime.Is2Ghz(frequencyMhz)) return new DcfTiming(9, 16, 15, 1023);
        return shortSlot2Ghz ? new DcfTiming(9, 10, 15, 1023) : new DcfTiming(20, 10, 31, 1023);
    }
}
