namespace Net80211.Frames;

/// <summary>One 3-octet triplet of the Country element (IEEE 802.11-2020 9.4.2.8, Figures 9-130/9-131).</summary>
/// <remarks>
/// <code>
///  Subband triplet:             | First Channel | Number of Channels | Max Transmit Power (dBm) |
///  Operating triplet (>= 201):  | Operating Extension ID | Operating Class | Coverage Class      |
/// </code>
/// A first octet of 201 or more marks an operating triplet; subband triplets that follow it use
/// channel numbers of that operating class.
/// </remarks>
public readonly record struct CountryTriplet(byte First, byte Second, byte Third)
{
    public const int Length = 3;
    public const byte OperatingExtensionIdThreshold = 201;

    public static CountryTriplet Subband(byte firstChannel, byte numberOfChannels, sbyte maxTransmitPowerDbm)
        => new(firstChannel, numberOfChannels, (byte)maxTransmitPowerDbm);

    public static CountryTriplet Operating(byte operatingExtensionId, byte operatingClass, byte coverageClass)
        => new(operatingExtensionId, operatingClass, coverageClass);

    public bool IsOperatingTriplet => First >= OperatingExtensionIdThreshold;

    public byte FirstChannel => First;
    public byte NumberOfChannels => Second;
    /// <summary>Two's-complement dBm.</summary>
    public sbyte MaxTransmitPowerDbm => (sbyte)Third;

    public byte OperatingExtensionId => First;
    public byte OperatingClass => Second;
    public byte CoverageClass => Third;
}
