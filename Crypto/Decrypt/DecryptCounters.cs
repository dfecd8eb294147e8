namespace Net80211.Crypto.Decrypt;

/// <summary>What happened to the frames of one BSS (summed over the chosen BSSs for the result).</summary>
/// <remarks>Every protected data frame ends in exactly one of: decrypted (by cipher), retransmission skipped,
/// integrity failure, Michael failure, without a key, malformed.</remarks>
internal sealed class DecryptCounters
{
    public long DataFrames;
    public long DataFramesWithoutBody;
    public long PlaintextDataFrames;
    public long ProtectedDataFrames;
    public long EapolKeyFrames;
    public long HandshakesComplete;
    public long HandshakesVerified;
    public long HandshakesUnsupported;
    public long DecryptedWep;
    public long DecryptedTkip;
    public long DecryptedCcmp;
    public long DecryptedGcmp;
    /// <summary>Of the decrypted: group-addressed frames.</summary>
    public long DecryptedGroup;
    public long RetransmissionsSkipped;
    public long FailedIntegrity;
    public long FailedMichael;
    public long WithoutKey;
    public long Malformed;

    public void Add(DecryptCounters other)
    {
        DataFrames += other.DataFrames;
        DataFramesWithoutBody += other.DataFramesWithoutBody;
        PlaintextDataFrames += other.PlaintextDataFrames;
        ProtectedDataFrames += other.ProtectedDataFrames;
        EapolKeyFrames += other.EapolKeyFrames;
        HandshakesComplete += other.HandshakesComplete;
        HandshakesVerified += other.HandshakesVerified;
        HandshakesUnsupported += other.HandshakesUnsupported;
        DecryptedWep += other.DecryptedWep;
        DecryptedTkip += other.DecryptedTkip;
        DecryptedCcmp += other.DecryptedCcmp;
        DecryptedGcmp += other.DecryptedGcmp;
        DecryptedGroup += other.DecryptedGroup;
        RetransmissionsSkipped += other.RetransmissionsSkipped;
        FailedIntegrity += other.FailedIntegrity;
        FailedMichael += other.FailedMichael;
        WithoutKey += other.WithoutKey;
        Malformed += other.Malformed;
    }

    public void CountDecrypted(CipherFamily family, bool group)
    {
        switch (family)
        {
            case CipherFamily.Wep: DecryptedWep++; break;
            case CipherFamily.Tkip: DecryptedTkip++; break;
            case CipherFamily.Gcmp: DecryptedGcmp++; break;
            default: DecryptedCcmp++; break;
        }
        if (group) DecryptedGroup++;
    }
}
