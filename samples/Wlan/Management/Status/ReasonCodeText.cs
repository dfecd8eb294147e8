namespace Net80211.Wlan.Management.Status;

/// <summary>IEEE 802.11-2020 Table 9-49 reason codes (deauthentication, disassociation) in words.</summary>
public static class ReasonCodeText
{
    public static string Describe(ushort code) => code switch
    {
        1 => "unspecified reason",
        2 => "previous authentication no longer valid",
        3 => "deauthenticated because the sending station is leaving",
        4 => "disassociated due to inactivity",
        5 => "AP unable to handle all associated stations",
        6 => "class 2 frame received from a nonauthenticated station",
        7 => "class 3 frame received from a nonassociated station",
        8 => "disassociated because the sending station is leaving the BSS",
        9 => "station requesting (re)association is not authenticated",
        10 => "power capability element unacceptable",
        11 => "supported channels element unacceptable",
        13 => "invalid element",
        14 => "message integrity code (MIC) failure",
        15 => "4-way handshake timeout",
        16 => "group key handshake timeout",
        17 => "element in 4-way handshake differs from (re)association frame",
        18 => "invalid group cipher",
        19 => "invalid pairwise cipher",
        20 => "invalid AKMP",
        21 => "unsupported RSNE version",
        22 => "invalid RSNE capabilities",
        23 => "IEEE 802.1X authentication failed",
        24 => "cipher suite rejected because of the security policy",
        34 => "disassociated because of excessive frame losses",
        _ => $"reason {code}",
    };
}

/// <summary>IEEE 802.11-2020 Table 9-50 status codes (authentication, association responses) in words.</summary>
public static class StatusCodeText
{
    public static string Describe(ushort code) => code switch
    {
        0 => "success",
        1 => "unspecified failure",
        10 => "cannot support all requested capabilities",
        11 => "reassociation denied: association cannot be confirmed",
        12 => "association denied for a reason outside the standard",
        13 => "authentication algorithm not supported",
        14 => "authentication transaction sequence number out of expected sequence",
        15 => "authentication rejected: challenge failure",
        16 => "authentication rejected: timeout waiting for the next frame",
        17 => "AP unable to handle additional associated stations",
        18 => "station does not support all basic rates",
        30 => "association request rejected temporarily; try again later",
        31 => "robust management frame policy violation",
        40 => "invalid element",
        41 => "invalid group cipher",
        42 => "invalid pairwise cipher",
        43 => "invalid AKMP",
        44 => "unsupported RSNE version",
        45 => "invalid RSNE capabilities",
        46 => "cipher suite rejected because of the security policy",
        _ => $"status {code}",
    };
}
