using Net80211.Radio;
using Net80211.StateMachine;
using Net80211.Testing;

namespace Net80211.Tests.StateMachine;

public class VapStateMachineTests
{
    [Fact]
    public void Requests_made_while_one_is_pending_all_run_in_order()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.Sta).Vap!;
        world.OnQueue(() =>
        {
            vap.Up();                                   // INIT -> SCAN queued
            vap.StateMachine.Request(Ieee80211State.Auth);
            vap.StateMachine.Request(Ieee80211State.Assoc);
            vap.StateMachine.Request(Ieee80211State.Run);
            Assert.Equal(Ieee80211State.Init, vap.State);  // nothing ran yet: transitions are queued
            Assert.Equal(4, vap.StateMachine.Pending);
        });
        Assert.Equal(Ieee80211State.Run, vap.State);
        var mode = world.StaModule.Attached.Single();
        Assert.Equal(
            [(Ieee80211State.Init, Ieee80211State.Scan), (Ieee80211State.Scan, Ieee80211State.Auth),
             (Ieee80211State.Auth, Ieee80211State.Assoc), (Ieee80211State.Assoc, Ieee80211State.Run)],
            mode.Transitions.Select(t => (t.From, t.To)));
        // The driver's override ran for each, chained before the base.
        Assert.Equal(["INIT->SCAN", "SCAN->AUTH", "AUTH->ASSOC", "ASSOC->RUN"], world.Driver.CreatedVaps.Single().DriverStates);
    }

    [Fact]
    public void Illegal_edge_is_refused_counted_and_reported()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.Sta).Vap!;
        world.OnQueue(vap.Up);
        world.OnQueue(() => vap.StateMachine.Request(Ieee80211State.Assoc, TransitionReason.User)); // SCAN -> ASSOC skips AUTH
        Assert.Equal(Ieee80211State.Scan, vap.State);
        Assert.Equal(1, vap.Stats.StateTransitionsRefused);
        Assert.Contains("refused SCAN -> ASSOC (User): not a legal edge", world.Transcript.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_transition_requested_from_newstate_runs_after_it()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.Sta).Vap!;
        var mode = world.StaModule.Attached.Single();
        mode.Chain = s => s switch
        {
            Ieee80211State.Scan => Ieee80211State.Auth,
            Ieee80211State.Auth => Ieee80211State.Assoc,
            Ieee80211State.Assoc => Ieee80211State.Run,
            _ => null,
        };
        world.OnQueue(vap.Up);
        Assert.Equal(Ieee80211State.Run, vap.State);
        Assert.Equal(4, vap.StateMachine.TransitionCount);
    }

    [Fact]
    public void Stop_goes_to_init_at_once_and_drops_queued_requests()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.Sta).Vap!;
        world.OnQueue(vap.Up);
        world.OnQueue(() =>
        {
            vap.StateMachine.Request(Ieee80211State.Auth);
            Assert.Equal(1, vap.StateMachine.Pending);
            vap.Down();
            Assert.Equal(Ieee80211State.Init, vap.State);
            Assert.Equal(0, vap.StateMachine.Pending);
        });
        Assert.Equal(Ieee80211State.Init, vap.State);
        Assert.False(vap.IsRunning);
        Assert.Equal(0, world.Ic.NRunning);
        // Dropped, not run and refused later (a stale request would be counted as refused: VAP not running).
        Assert.Equal(0, vap.Stats.StateTransitionsRefused);
        Assert.DoesNotContain("refused", world.Transcript.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Transitions_are_stack_events_with_virtual_timestamps()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.Sta).Vap!;
        world.Scheduler.RunUntil(TimeSpan.FromSeconds(1.5));
        world.OnQueue(vap.Up);
        world.Scheduler.RunUntil(TimeSpan.FromSeconds(2.25));
        world.OnQueue(() => vap.StateMachine.Request(Ieee80211State.Auth, new TransitionReason(TransitionCause.ScanDone)));
        world.OnQueue(() => vap.StateMachine.Request(Ieee80211State.Scan, new TransitionReason(TransitionCause.FrameReceived, ReasonCode: 4)));
        Snapshot.Verify(world.Transcript.ToString());
    }

    [Theory]
    [InlineData(Ieee80211State.Init, Ieee80211State.Run, true)]
    [InlineData(Ieee80211State.Scan, Ieee80211State.Auth, true)]
    [InlineData(Ieee80211State.Run, Ieee80211State.Auth, true)]
    [InlineData(Ieee80211State.Run, Ieee80211State.Init, true)]
    [InlineData(Ieee80211State.Auth, Ieee80211State.Auth, true)]
    [InlineData(Ieee80211State.Init, Ieee80211State.Auth, false)]
    [InlineData(Ieee80211State.Scan, Ieee80211State.Assoc, false)]
    [InlineData(Ieee80211State.Auth, Ieee80211State.Run, false)]
    [InlineData(Ieee80211State.Cac, Ieee80211State.Auth, false)]
    public void Transition_table(Ieee80211State from, Ieee80211State to, bool legal)
        => Assert.Equal(legal, StateTransitionTable.IsLegal(from, to));
}
