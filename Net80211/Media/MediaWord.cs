using System.Diagnostics.CodeAnalysis;
using System.Text;
using Net80211.Radio;
using Net80211.Vaps;

namespace Net80211.Media;

/// <summary>
/// One IEEE 802.11 media word (IFM_IEEE80211 | mode | subtype | options): a PHY mode (or auto), a subtype
/// (autoselect or a fixed legacy rate) and the operating-mode options, with ifconfig's spellings.
/// </summary>
public readonly record struct MediaWord(PhyMode Mode, MediaSubtype Subtype, MediaOptions Options = MediaOptions.None)
{
    /// <summary>What ifconfig prints for the media type (IFM_IEEE80211).</summary>
    public const string TypeName = "IEEE 802.11 Wireless Ethernet";

    public static MediaWord Autoselect => new(PhyMode.Auto, MediaSubtype.Auto);

    /// <summary>The legacy rate of the subtype in 500 kb/s units, 0 for autoselect and MCS (ieee80211_media2rate).</summary>
    public byte Rate => RateOf(Subtype);

    public bool IsFixedRate => Rate != 0;

    public static byte RateOf(MediaSubtype subtype) => subtype switch
    {
        MediaSubtype.Ds1 => 2,
        MediaSubtype.Ds2 => 4,
        MediaSubtype.Ds5_5 => 11,
        MediaSubtype.Ds11 => 22,
        MediaSubtype.Ofdm6 => 12,
        MediaSubtype.Ofdm9 => 18,
        MediaSubtype.Ofdm12 => 24,
        MediaSubtype.Ofdm18 => 36,
        MediaSubtype.Ofdm24 => 48,
        MediaSubtype.Ofdm36 => 72,
        MediaSubtype.Ofdm48 => 96,
        MediaSubtype.Ofdm54 => 108,
        _ => 0,
    };

    /// <summary>ieee80211_rate2media: the subtype for a rate in a mode — DSSS/CCK rates only where the mode has
    /// them (11b, 11g and their HT form, or auto), OFDM rates likewise; <see cref="MediaSubtype.Auto"/> otherwise.</summary>
    public static MediaSubtype SubtypeForRate(byte rate, PhyMode mode)
    {
        MediaSubtype s = (rate & 0x7F) switch
        {
            2 => MediaSubtype.Ds1,
            4 => MediaSubtype.Ds2,
            11 => MediaSubtype.Ds5_5,
            22 => MediaSubtype.Ds11,
            12 => MediaSubtype.Ofdm6,
            18 => MediaSubtype.Ofdm9,
            24 => MediaSubtype.Ofdm12,
            36 => MediaSubtype.Ofdm18,
            48 => MediaSubtype.Ofdm24,
            72 => MediaSubtype.Ofdm36,
            96 => MediaSubtype.Ofdm48,
            108 => MediaSubtype.Ofdm54,
            _ => MediaSubtype.Auto,
        };
        bool dsss = s is >= MediaSubtype.Ds1 and <= MediaSubtype.Ds11;
        bool ok = mode switch
        {
            PhyMode.Mode11a or PhyMode.Mode11na => !dsss,
            PhyMode.Mode11b => dsss || s == MediaSubtype.Auto,
            _ => true,
        };
        return ok ? s : MediaSubtype.Auto;
    }

    /// <summary>The option word for a VAP's operating mode (media_status's opmode switch).</summary>
    public static MediaOptions OptionsFor(OpMode mode) => mode switch
    {
        OpMode.Ibss => MediaOptions.Adhoc,
        OpMode.Ahdemo => MediaOptions.Adhoc | MediaOptions.Flag0,
        OpMode.HostAp => MediaOptions.HostAp,
        OpMode.Monitor => MediaOptions.Monitor,
        OpMode.Wds => MediaOptions.Wds,
        OpMode.Mbss => MediaOptions.Mesh,
        _ => MediaOptions.None,
    };

    public static string SubtypeName(MediaSubtype subtype) => subtype switch
    {
        MediaSubtype.Auto => "autoselect",
        MediaSubtype.Ds1 => "DS/1Mbps",
        MediaSubtype.Ds2 => "DS/2Mbps",
        MediaSubtype.Ds5_5 => "DS/5.5Mbps",
        MediaSubtype.Ds11 => "DS/11Mbps",
        MediaSubtype.Ofdm6 => "OFDM/6Mbps",
        MediaSubtype.Ofdm9 => "OFDM/9Mbps",
        MediaSubtype.Ofdm12 => "OFDM/12Mbps",
        MediaSubtype.Ofdm18 => "OFDM/18Mbps",
        MediaSubtype.Ofdm24 => "OFDM/24Mbps",
        MediaSubtype.Ofdm36 => "OFDM/36Mbps",
        MediaSubtype.Ofdm48 => "OFDM/48Mbps",
        MediaSubtype.Ofdm54 => "OFDM/54Mbps",
        MediaSubtype.Mcs => "MCS",
        _ => "unknown",
    };

    /// <summary>"11a", "11ng"; empty for auto (ifconfig prints no mode then).</summary>
    public static string ModeName(PhyMode mode) => mode switch
    {
        PhyMode.Mode11a => "11a",
        PhyMode.Mode11b => "11b",
        PhyMode.Mode11g => "11g",
        PhyMode.Mode11na => "11na",
        PhyMode.Mode11ng => "11ng",
        _ => "",
    };

    private static readonly (MediaOptions Option, string Name)[] OptionNames =
    [
        (MediaOptions.Adhoc, "adhoc"),
        (MediaOptions.HostAp, "hostap"),
        (MediaOptions.Monitor, "monitor"),
        (MediaOptions.Wds, "wds"),
        (MediaOptions.Flag0, "flag0"),
        (MediaOptions.Mesh, "mesh"),
    ];

    /// <summary>As <c>ifconfig</c>'s media line shows it: "OFDM/54Mbps mode 11a &lt;hostap&gt;".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(SubtypeName(Subtype));
        if (Mode != PhyMode.Auto) sb.Append(" mode ").Append(ModeName(Mode));
        AppendOptions(sb, " <", ",", ">");
        return sb.ToString();
    }

    /// <summary>As <c>ifconfig -m</c> lists it: "media OFDM/54Mbps mode 11a mediaopt hostap".</summary>
    public string ToIfconfigString()
    {
        var sb = new StringBuilder("media ").Append(SubtypeName(Subtype));
        if (Mode != PhyMode.Auto) sb.Append(" mode ").Append(ModeName(Mode));
        AppendOptions(sb, " mediaopt ", ",", "");
        return sb.ToString();
    }

    private void AppendOptions(StringBuilder sb, string open, string separator, string close)
    {
        bool any = false;
        foreach (var (option, name) in OptionNames)
        {
            if ((Options & option) == 0) continue;
            sb.Append(any ? separator : open).Append(name);
            any = true;
        }
        if (any) sb.Append(close);
    }

    /// <summary>
    /// Parses what a user types or ifconfig prints: a subtype ("autoselect", "OFDM/54Mbps", "DS/11Mbps", or the
    /// aliases "auto", "OFDM54", "DS11"), optionally preceded by "media", then optionally "mode 11g" and options
    /// as "&lt;hostap&gt;" or "mediaopt hostap". A string may also give only a mode ("mode 11a") or only options.
    /// Case-insensitive, as ifconfig's lookups are. Parts not given come back as null.
    /// </summary>
    public static bool TryParse(string? text, out MediaSubtype? subtype, out PhyMode? mode, out MediaOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        subtype = null;
        mode = null;
        options = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty media";
            return false;
        }
        string[] tokens = text.Replace("<", " < ", StringComparison.Ordinal).Replace(">", " > ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int i = 0; i < tokens.Length; i++)
        {
            string t = tokens[i];
            if (t.Equals("media", StringComparison.OrdinalIgnoreCase) && subtype is null && i + 1 < tokens.Length)
            {
                continue;
            }
            if (t.Equals("mode", StringComparison.OrdinalIgnoreCase))
            {
                if (++i >= tokens.Length || !TryParseMode(tokens[i], out PhyMode m))
                {
                    error = i < tokens.Length ? $"unknown mode '{tokens[i]}'" : "mode: missing value";
                    return false;
                }
                mode = m;
            }
            else if (t.Equals("mediaopt", StringComparison.OrdinalIgnoreCase) || t == "<")
            {
                if (++i >= tokens.Length || !TryParseOptions(tokens[i], out MediaOptions o))
                {
                    error = i < tokens.Length ? $"unknown media option '{tokens[i]}'" : "mediaopt: missing value";
                    return false;
                }
                options = (options ?? MediaOptions.None) | o;
                if (t == "<" && (++i >= tokens.Length || tokens[i] != ">"))
                {
                    error = "unterminated media options";
                    return false;
                }
            }
            else if (subtype is null && TryParseSubtype(t, out MediaSubtype s))
            {
                subtype = s;
            }
            else
            {
                error = $"unknown media subtype '{t}'";
                return false;
            }
        }
        if (subtype is null && mode is null && options is null)
        {
            error = "no media given";
            return false;
        }
        return true;
    }

    public static bool TryParseSubtype(string text, out MediaSubtype subtype)
    {
        foreach (MediaSubtype s in Enum.GetValues<MediaSubtype>())
        {
            if (text.Equals(SubtypeName(s), StringComparison.OrdinalIgnoreCase) || text.Equals(Alias(s), StringComparison.OrdinalIgnoreCase))
            {
                subtype = s;
                return true;
            }
        }
        subtype = default;
        return false;
    }

    // The short aliases if_media.h lists (IFM_SUBTYPE_IEEE80211_ALIASES).
    private static string Alias(MediaSubtype s) => s switch
    {
        MediaSubtype.Auto => "auto",
        MediaSubtype.Ds1 => "DS1",
        MediaSubtype.Ds2 => "DS2",
        MediaSubtype.Ds5_5 => "DS5.5",
        MediaSubtype.Ds11 => "DS11",
        MediaSubtype.Mcs => "MCS",
        _ => "OFDM" + SubtypeName(s)["OFDM/".Length..^"Mbps".Length],
    };

    public static bool TryParseMode(string text, out PhyMode mode)
    {
        mode = text.ToLowerInvariant() switch
        {
            "11a" => PhyMode.Mode11a,
            "11b" => PhyMode.Mode11b,
            "11g" => PhyMode.Mode11g,
            "11na" => PhyMode.Mode11na,
            "11ng" => PhyMode.Mode11ng,
            "auto" or "autoselect" => PhyMode.Auto,
            _ => (PhyMode)(-1),
        };
        return mode != (PhyMode)(-1);
    }

    /// <summary>Comma-separated option names ("hostap", "adhoc,flag0"); "ibss" is taken for adhoc.</summary>
    public static bool TryParseOptions(string text, out MediaOptions options)
    {
        options = MediaOptions.None;
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            MediaOptions? o = null;
            foreach (var (option, name) in OptionNames)
                if (part.Equals(name, StringComparison.OrdinalIgnoreCase)) o = option;
            if (part.Equals("ibss", StringComparison.OrdinalIgnoreCase)) o = MediaOptions.Adhoc;
            if (o is null) return false;
            options |= o.Value;
        }
        return true;
    }
}
