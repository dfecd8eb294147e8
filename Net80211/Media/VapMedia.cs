using System.Diagnostics.CodeAnalysis;
using Net80211.Channels;
using Net80211.Radio;
using Net80211.Rates;
using Net80211.StateMachine;
using Net80211.Vaps;

namespace Net80211.Media;

/// <summary>
/// A VAP's media (iv_media): the list of media words it supports, built from the radio's active channels and the
/// standard rate sets (ieee80211_media_setup), the selected word, changing it (ieee80211_media_change) and the
/// status report (ieee80211_media_status).
/// </summary>
/// <remarks>
/// A driver that needs to act on a change or adjust the status either derives from this class and overrides
/// <see cref="ApplyChange"/> / <see cref="ComputeStatus"/>, or sets <see cref="ChangeHook"/> /
/// <see cref="StatusHook"/>, the way FreeBSD drivers pass their own media_change/media_stat to
/// ieee80211_vap_attach; both can chain to the defaults. Use from the radio's queue, like the VAP.
/// </remarks>
public class VapMedia
{
    private static readonly PhyMode[] LegacyModes = [PhyMode.Mode11a, PhyMode.Mode11b, PhyMode.Mode11g];
    private static readonly PhyMode[] HtModes = [PhyMode.Mode11na, PhyMode.Mode11ng];
    private static readonly PhyMode[] AllModes = [PhyMode.Auto, PhyMode.Mode11a, PhyMode.Mode11b, PhyMode.Mode11g, PhyMode.Mode11na, PhyMode.Mode11ng];

    private readonly List<MediaEntry> _entries = [];
    private readonly List<PhyMode> _modes = [];

    public VapMedia(Ieee80211Vap vap)
    {
        ArgumentNullException.ThrowIfNull(vap);
        Vap = vap;
        Rebuild();
        Current = new MediaWord(vap.DesiredMode, MediaSubtype.Auto, MediaWord.OptionsFor(vap.Mode));
        if (!Supports(Current)) Current = new MediaWord(PhyMode.Auto, MediaSubtype.Auto, Current.Options);
    }

    public Ieee80211Vap Vap { get; }

    /// <summary>Every supported media word, in ifconfig -m order.</summary>
    public IReadOnlyList<MediaEntry> Entries => _entries;

    /// <summary>The PHY modes the radio's channels allow (ic_modecaps), <see cref="PhyMode.Auto"/> first.</summary>
    public IReadOnlyList<PhyMode> Modes => _modes;

    /// <summary>The selected media word (ifm_cur).</summary>
    public MediaWord Current { get; private set; }

    /// <summary>Driver's media change: called with the validated word instead of <see cref="ApplyChange"/>
    /// (which it may call itself); returns null on success or an error message.</summary>
    public Func<VapMedia, MediaWord, string?>? ChangeHook { get; set; }

    /// <summary>Driver's media status: adjusts what <see cref="ComputeStatus"/> found.</summary>
    public Func<VapMedia, MediaStatus, MediaStatus>? StatusHook { get; set; }

    /// <summary>Rebuilds <see cref="Entries"/> from the radio's current channel list (after a regulatory change).</summary>
    public void Rebuild()
    {
        _entries.Clear();
        _modes.Clear();
        bool any = false;
        Span<bool> present = stackalloc bool[AllModes.Length];
        foreach (Ieee80211Channel c in Vap.Ic.Channels)
        {
            any = true;
            // The IEEE80211_IS_CHAN_A/B/ANYG tests: a mixed-g (dynamic CCK-OFDM) channel does not by itself
            // make 11b selectable; a radio that does 11b lists its CCK channels.
            if (c.IsA) present[(int)PhyMode.Mode11a] = true;
            if (c.IsB) present[(int)PhyMode.Mode11b] = true;
            if (c.IsG) present[(int)PhyMode.Mode11g] = true;
            if (c.IsHt && c.Is5Ghz) present[(int)PhyMode.Mode11na] = true;
            if (c.IsHt && c.Is2Ghz) present[(int)PhyMode.Mode11ng] = true;
        }
        if (!any) return;
        _modes.Add(PhyMode.Auto);

        MediaOptions own = MediaWord.OptionsFor(Vap.Mode);
        Add(PhyMode.Auto, MediaSubtype.Auto, own);
        var allRates = new RateSet();
        foreach (PhyMode mode in LegacyModes)
        {
            if (!present[(int)mode]) continue;
            _modes.Add(mode);
            Add(mode, MediaSubtype.Auto, own);
            RateSet rates = RatesFor(mode);
            for (int i = 0; i < rates.Count; i++)
            {
                byte rate = (byte)(rates[i] & RateSet.ValueMask);
                Add(mode, MediaWord.SubtypeForRate(rate, mode), own);
                allRates.TryAdd(rate);
            }
        }
        // Every legacy rate of any mode is also offered without a mode.
        for (int i = 0; i < allRates.Count; i++) Add(PhyMode.Auto, MediaWord.SubtypeForRate(allRates[i], PhyMode.Auto), own);
        // HT modes get autoselect and the MCS placeholder: a media word has no room for an MCS index.
        foreach (PhyMode mode in HtModes)
        {
            if (!present[(int)mode]) continue;
            _modes.Add(mode);
            Add(mode, MediaSubtype.Auto, own);
            Add(mode, MediaSubtype.Mcs, own);
        }
    }

    // addmedia: each word once plain (station, which has no capability bit) and once with the VAP's own option.
    private void Add(PhyMode mode, MediaSubtype subtype, MediaOptions own)
    {
        _entries.Add(new MediaEntry(new MediaWord(mode, subtype)));
        if (own != MediaOptions.None) _entries.Add(new MediaEntry(new MediaWord(mode, subtype, own)));
    }

    public bool Supports(MediaWord word)
    {
        foreach (MediaEntry e in _entries) if (e.Word == word) return true;
        return false;
    }

    /// <summary>
    /// <c>ifconfig wlanN media …/mode …/mediaopt …</c>: parses <paramref name="media"/> (see
    /// <see cref="MediaWord.TryParse"/>), completes it like ifconfig does — a subtype without a mode means mode
    /// auto, a mode alone keeps the current subtype — with the VAP's own option when none is given, then
    /// changes to it. False with a message when it does not parse, is not supported, or the change is refused.
    /// </summary>
    public bool TryChange(string media, [NotNullWhen(false)] out string? error)
    {
        if (!MediaWord.TryParse(media, out MediaSubtype? subtype, out PhyMode? mode, out MediaOptions? options, out error)) return false;
        var word = new MediaWord(
            mode ?? (subtype is null ? Current.Mode : PhyMode.Auto),
            subtype ?? Current.Subtype,
            options ?? MediaWord.OptionsFor(Vap.Mode));
        return TryChange(word, out error);
    }

    /// <summary>SIOCSIFMEDIA: select <paramref name="word"/> if it is one of <see cref="Entries"/> and apply it.</summary>
    public bool TryChange(MediaWord word, [NotNullWhen(false)] out string? error)
    {
        if (!Supports(word))
        {
            error = $"{Vap.Name}: unsupported media: {word}";
            return false;
        }
        if (ChangeHook is { } hook)
        {
            error = hook(this, word);
            if (error is not null) return false;
        }
        else if (!ApplyChange(word, out error))
        {
            return false;
        }
        Current = word;
        error = null;
        return true;
    }

    /// <summary>
    /// ieee80211_media_change: the mode becomes the VAP's <see cref="Ieee80211Vap.DesiredMode"/>; a fixed rate
    /// becomes the unicast rate (ucastrate) of that mode — with mode auto, of every mode whose rate set has it
    /// (and is cleared in those that do not); autoselect and MCS clear it. Fixed rates take effect on the next
    /// frame; the desired mode on the next scan/join.
    /// </summary>
    public virtual bool ApplyChange(MediaWord word, [NotNullWhen(false)] out string? error)
    {
        Vap.DesiredMode = word.Mode;
        byte rate = word.Rate;
        if (word.Mode != PhyMode.Auto)
        {
            Vap.TxParams[word.Mode].UnicastRate = rate;
        }
        else
        {
            foreach (PhyMode m in AllModes)
                Vap.TxParams[m].UnicastRate = m == PhyMode.Auto || RatesFor(m).Contains(rate) ? rate : TxParameters.FixedRateNone;
        }
        error = null;
        return true;
    }

    /// <summary>SIOCGIFMEDIA: the status, through <see cref="StatusHook"/> when set.</summary>
    public MediaStatus GetStatus()
    {
        MediaStatus status = ComputeStatus();
        return StatusHook is { } hook ? hook(this, status) : status;
    }

    /// <summary>
    /// The two lines ifconfig prints, "media: IEEE 802.11 Wireless Ethernet OFDM/54Mbps mode 11a &lt;hostap&gt;"
    /// and "status: running", joined by a newline; <paramref name="active"/> is IFM_ACTIVE.
    /// </summary>
    public void Status(out bool active, out string description)
    {
        MediaStatus status = GetStatus();
        active = status.IsActive;
        description = status.MediaLine + "\n" + status.StatusLine;
    }

    /// <summary>
    /// ieee80211_media_status: active in RUN (and SLEEP); the mode is the current channel's; the subtype is the
    /// fixed rate of the mode in use (the channel's when active, auto otherwise), else a station's current
    /// transmit rate to its AP, else autoselect. While active the current word is the active one.
    /// </summary>
    public virtual MediaStatus ComputeStatus()
    {
        Ieee80211Com ic = Vap.Ic;
        bool active = Vap.State is Ieee80211State.Run or Ieee80211State.Sleep;
        PhyMode channelMode = ModeForChannel(ic.CurrentChannel);
        PhyMode mode = active ? channelMode : PhyMode.Auto;
        byte fixedRate = Vap.TxParams[mode].UnicastRate;
        MediaSubtype subtype;
        if (fixedRate != TxParameters.FixedRateNone) subtype = MediaWord.SubtypeForRate(fixedRate, mode);
        else if (Vap.Mode == OpMode.Sta) subtype = MediaWord.SubtypeForRate(Vap.Bss?.TxRate ?? 0, mode);
        else subtype = MediaSubtype.Auto;
        var activeWord = new MediaWord(channelMode, subtype, MediaWord.OptionsFor(Vap.Mode));
        string text = !active ? "no carrier" : Vap.Mode == OpMode.Sta ? "associated" : "running";
        return new MediaStatus(true, active, active ? activeWord : Current, activeWord, text);
    }

    /// <summary>ieee80211_chan2mode for the modes kept here: HT first, then 11a, then 11g (any OFDM on 2 GHz),
    /// then 11b; auto without a channel.</summary>
    public static PhyMode ModeForChannel(Ieee80211Channel? channel)
    {
        if (channel is { IsHt: true }) return channel.Is5Ghz ? PhyMode.Mode11na : PhyMode.Mode11ng;
        return TxParameterTable.ModeFor(channel);
    }

    /// <summary>The legacy rates a mode offers (ic_sup_rates): the standard 11a/11b/11g sets; HT modes use their
    /// band's legacy set; auto, all of them.</summary>
    public static RateSet RatesFor(PhyMode mode) => mode switch
    {
        PhyMode.Mode11a or PhyMode.Mode11na => RateCodes.Default11a,
        PhyMode.Mode11b => RateCodes.Default11b,
        PhyMode.Mode11g or PhyMode.Mode11ng => RateCodes.Default11g,
        _ => RateCodes.Default11g,   // every 11a and 11b rate is in the 11g set
    };
}
