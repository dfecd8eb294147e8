namespace Net80211.Channels;

/// <summary>Where the radio is operated; the values are the third character of the country string
/// (dot11CountryString, sent in the Country element): ' ' any, 'I' indoor, 'O' outdoor.</summary>
public enum RegLocation
{
    Any = ' ',
    Indoor = 'I',
    Outdoor = 'O',
}
