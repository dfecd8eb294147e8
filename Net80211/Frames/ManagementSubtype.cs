namespace Net80211.Frames;

/// <summary>Management frame subtypes (IEEE 802.11-2020 Table 9-1). 7 and 15 are reserved.</summary>
public enum ManagementSubtype : byte
{
    AssociationRequest = 0,
    AssociationResponse = 1,
    ReassociationRequest = 2,
    ReassociationResponse = 3,
    ProbeRequest = 4,
    ProbeResponse = 5,
    TimingAdvertisement = 6,
    Beacon = 8,
    Atim = 9,
    Disassociation = 10,
    Authentication = 11,
    Deauthentication = 12,
    Action = 13,
    ActionNoAck = 14,
}
