using System.Globalization;
using System.Text;
using Net80211.Events;
using Net80211.Radio;

namespace Net80211.Testing;

/// <summary>
/// The record of a scenario: one line per thing that happened, stamped with virtual time in seconds to
/// the microsecond. Two runs of the same scenario with the same seed must give the same text.
/// </summary>
public sealed class Transcript
{
    private readonly StringBuilder _text = new();

    public int Lines { get; private set; }

    public void Add(TimeSpan time, string line)
    {
        _text.Append(time.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture)).Append(' ').Append(line).Append('\n');
        Lines++;
    }

    /// <summary>Records every stack event of a radio (state changes, restarts, VAP create/destroy).</summary>
    public void Attach(Ieee80211Com ic) => ic.EventRaised += e => Add(e.Time, e.Describe());

    /// <summary>Records only the events that match.</summary>
    public void Attach(Ieee80211Com ic, Func<StackEvent, bool> filter)
        => ic.EventRaised += e => { if (filter(e)) Add(e.Time, e.Describe()); };

    public override string ToString() => _text.ToString();
}
