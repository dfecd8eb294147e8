using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>Why negotiation failed: the status code an AP puts in its (Re)Association Response, the reason code a
/// station or AP puts in a Deauthentication/Disassociation, and a text for people.</summary>
public readonly record struct RsnRefusal(StatusCode Status, ReasonCode Reason, string Why)
{
    public static RsnRefusal InvalidElement(string why) => new(StatusCode.InvalidElement, ReasonCode.InvalidElement, why);
    public static RsnRefusal UnsupportedVersion => new(StatusCode.UnsupportedRsneVersion, ReasonCode.UnsupportedRsneVersion, "unsupported RSN element version");
    public static RsnRefusal GroupCipher(string why) => new(StatusCode.InvalidGroupCipher, ReasonCode.InvalidGroupCipher, why);
    public static RsnRefusal PairwiseCipher(string why) => new(StatusCode.InvalidPairwiseCipher, ReasonCode.InvalidPairwiseCipher, why);
    public static RsnRefusal Akm(string why) => new(StatusCode.InvalidAkmp, ReasonCode.InvalidAkmp, why);
    /// <summary>12.6.3: status 31 "robust management frame policy violation"; reason 22 "invalid RSNE capabilities".</summary>
    public static RsnRefusal MfpPolicy(string why) => new(StatusCode.RobustManagementPolicyViolation, ReasonCode.InvalidRsneCapabilities, why);
    public static RsnRefusal Capabilities(string why) => new(StatusCode.InvalidRsneCapabilities, ReasonCode.InvalidRsneCapabilities, why);
    public static RsnRefusal CipherPolicy(string why) => new(StatusCode.CipherOutOfPolicy, ReasonCode.CipherOutOfPolicy, why);
}
