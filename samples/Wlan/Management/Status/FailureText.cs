using System.Globalization;
using Net80211.Vaps;

namespace Net80211.Wlan.Management.Status;

/// <summary>A <see cref="VapFailure"/> in words, its code looked up in the table its kind names: a reason
/// code from a deauthentication/disassociation, a status code from a refused authentication/association, or
/// (a local failure) the reason code we sent, if any.</summary>
public static class FailureText
{
    public static string Describe(VapFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ushort code = failure.ReasonOrStatus;
        if (code == 0) return failure.What;
        string n = code.ToString(CultureInfo.InvariantCulture);
        return failure.Kind switch
        {
            VapFailureKind.Reason => $"{failure.What}, reason {n} ({ReasonCodeText.Describe(code)})",
            VapFailureKind.Status => $"{failure.What}, status {n} ({StatusCodeText.Describe(code)})",
            _ => $"{failure.What}; sent reason {n} ({ReasonCodeText.Describe(code)})",
        };
    }
}
