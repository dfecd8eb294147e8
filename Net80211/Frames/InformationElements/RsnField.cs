namespace Net80211.Frames;

/// <summary>The fields of the RSN element in wire order. Every field after Version is optional, but
/// only as a tail: a field may be present only if all earlier ones are (9.4.2.24.1). Readers report
/// the last one present, writers emit up to the one they are given.</summary>
public enum RsnField
{
    Version = 0,
    GroupDataCipher,
    PairwiseCiphers,
    Akms,
    Capabilities,
    PmkIds,
    GroupManagementCipher,
}
