namespace Net80211.Channels;

/// <summary>Transmit power limits of a channel. Device powers are in 0.5 dBm units like FreeBSD's
/// ic_txpowlimit; the regulatory limit is whole dBm.</summary>
public static class TxPower
{
    /// <summary>The highest power allowed on <paramref name="channel"/>, in 0.5 dBm: the lower of the
    /// device and regulatory limits; <see cref="int.MaxValue"/> when neither is known.</summary>
    public static int MaxHalfDbm(Ieee80211Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        int limit = int.MaxValue;
        if (channel.MaxTxPowerHalfDbm > 0) limit = channel.MaxTxPowerHalfDbm;
        if (channel.MaxRegTxPowerDbm > 0) limit = Math.Min(limit, 2 * channel.MaxRegTxPowerDbm);
        return limit;
    }

    /// <summary>Brings a requested power (0.5 dBm) into the channel's range: raised to the device
    /// minimum, then capped at <see cref="MaxHalfDbm"/>; the regulatory cap wins over the minimum.</summary>
    public static int ClampHalfDbm(Ieee80211Channel channel, int requestedHalfDbm)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Math.Min(Math.Max(requestedHalfDbm, channel.MinTxPowerHalfDbm), MaxHalfDbm(channel));
    }

    /// <summary>As <see cref="ClampHalfDbm"/> in whole dBm (rounded down).</summary>
    public static int ClampDbm(Ieee80211Channel channel, int requestedDbm)
    {
        long half = Math.Clamp(2L * requestedDbm, int.MinValue, int.MaxValue);
        return (int)Math.Floor(ClampHalfDbm(channel, (int)half) / 2.0);
    }
}
