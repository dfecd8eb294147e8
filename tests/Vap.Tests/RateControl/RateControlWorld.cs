using Net80211;
using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Radio;
using Net80211.Rates;
using Net80211.Testing;
using Net80211.Vaps;

namespace Vap.Tests.RateControl;

/// <summary>A station VAP on a test radio with one peer whose rates are negotiated, and a rate control under test.</summary>
internal sealed class RateControlWorld
{
    public static readonly MacAddress Peer = MacAddress.Parse("02:aa:bb:cc:dd:01");

    public RateControlWorld(IRateControlModule module, RateSet? rates = null)
    {
        Radio = new TestRadio();
        Vap = Radio.Ic.CreateVap(OpMode.Sta).Vap!;
        RateControl = module.Create(Vap);
        Vap.RateControl = RateControl;
        Node = Radio.Ic.Nodes.Add(Vap, Peer);
        // As at association: the rate set is known, then rate control (re)initialises the node.
        Node.Rates = rates ?? RateCodes.Default11g;
        RateControl.NodeInit(Node);
    }

    public TestRadio Radio { get; }
    public Ieee80211Vap Vap { get; }
    public IRateControl RateControl { get; }
    public Ieee80211Node Node { get; }

    public void Advance(TimeSpan t) => Radio.Scheduler.RunFor(t);

    /// <summary>Sends <paramref name="frames"/> frames at whatever rate control picks; <paramref name="link"/> says
    /// how each fares at that rate (acked, retries). Returns the rates used, in order.</summary>
    public List<byte> Send(int frames, Func<byte, (bool Ok, int Retries)> link)
    {
        var used = new List<byte>(frames);
        for (int i = 0; i < frames; i++)
        {
            byte rate = RateControl.Rate(Node, 1500);
            used.Add(rate);
            var (ok, retries) = link(rate);
            RateControl.TxComplete(Node, new RateControlTxStatus(ok, retries, rate, 1500));
        }
        return used;
    }
}
