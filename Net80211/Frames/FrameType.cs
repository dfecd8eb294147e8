namespace Net80211.Frames;

/// <summary>Type subfield of Frame Control (IEEE 802.11-2020 9.2.4.1.3, Table 9-1).</summary>
public enum FrameType : byte
{
    Management = 0,
    Control = 1,
    Data = 2,
    /// <summary>DMG/S1G beacons; not handled by this codec.</summary>
    Extension = 3,
}
