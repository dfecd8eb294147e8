using Net80211.RadioDrivers.Pci;
using Net80211.Scheduling;

namespace RadioDrivers.Tests.Pci;

public class MsixTests
{
    private readonly SimulationScheduler _scheduler = new();
    private readonly IWorkQueue _queue;
    private readonly PciBus _bus = new();
    private readonly TestDevice _device = new();
    private readonly PciDeviceHandle _handle;
    private readonly List<int> _handled = [];

    public MsixTests()
    {
        _queue = _scheduler.CreateWorkQueue("drv");
        _handle = _bus.Open(_bus.Plug(_device));
    }

    private void Run() => _scheduler.RunUntilIdle(TimeSpan.FromSeconds(1));

    private void Setup(int vectors = 4)
    {
        _handle.EnableMsix(vectors);
        for (int v = 0; v < vectors; v++) _handle.RegisterInterrupt(v, _queue, _handled.Add);
    }

    [Fact]
    public void A_message_runs_the_handler_on_the_drivers_queue_not_inline()
    {
        _handle.EnableMsix(2);
        bool onQueue = false;
        _handle.RegisterInterrupt(1, _queue, v => { onQueue = _queue.IsCurrent; _handled.Add(v); });
        _device.Raise(1);
        Assert.Empty(_handled);
        Run();
        Assert.Equal([1], _handled);
        Assert.True(onQueue);
        Assert.Equal(1, _device.MsixCounters.Delivered);
    }

    [Fact]
    public void A_vector_already_queued_is_not_queued_twice()
    {
        Setup();
        _device.Raise(0);
        _device.Raise(0);
        _device.Raise(2);
        Run();
        Assert.Equal([0, 2], _handled);
        Assert.Equal(1, _device.MsixCounters.Coalesced);

        _device.Raise(0);   // after delivery a new message goes through
        Run();
        Assert.Equal([0, 2, 0], _handled);
    }

    [Fact]
    public void A_message_raised_by_the_handler_is_delivered_again()
    {
        _handle.EnableMsix(1);
        int calls = 0;
        _handle.RegisterInterrupt(0, _queue, _ => { if (++calls == 1) _device.Raise(0); });
        _device.Raise(0);
        Run();
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_masked_vector_holds_the_message_pending_until_unmasked()
    {
        Setup();
        _handle.MaskVector(3);
        _device.Raise(3);
        _device.Raise(3);
        Run();
        Assert.Empty(_handled);
        Assert.True(_handle.IsVectorPending(3));

        _handle.UnmaskVector(3);
        Assert.False(_handle.IsVectorPending(3));
        Run();
        Assert.Equal([3], _handled);   // two messages while masked: one pending bit
    }

    [Fact]
    public void With_msix_disabled_or_function_masked_messages_wait_for_enable()
    {
        _handle.RegisterInterrupt(0, _queue, _handled.Add);
        _device.Raise(0);
        Run();
        Assert.Empty(_handled);
        Assert.True(_handle.IsVectorPending(0));

        int cap = _handle.FindCapability(PciConfigSpace.CapabilityIdMsix);
        _handle.WriteConfig16(cap + 2, PciConfigSpace.MsixEnable | PciConfigSpace.MsixFunctionMask);
        Run();
        Assert.Empty(_handled);

        _handle.WriteConfig16(cap + 2, PciConfigSpace.MsixEnable);
        Run();
        Assert.Equal([0], _handled);
    }

    [Fact]
    public void A_message_waits_for_its_handler()
    {
        _handle.EnableMsix(1);
        _device.Raise(0);
        Run();
        Assert.True(_handle.IsVectorPending(0));
        _handle.RegisterInterrupt(0, _queue, _handled.Add);
        Run();
        Assert.Equal([0], _handled);
    }

    [Fact]
    public void Out_of_range_vectors_are_ignored_and_counted()
    {
        Setup();
        _device.Raise(4);
        _device.Raise(-1);
        Run();
        Assert.Empty(_handled);
        Assert.Equal(2, _device.MsixCounters.InvalidVector);
        Assert.Equal(0, _device.MsixCounters.Raised);
        Assert.Throws<ArgumentOutOfRangeException>(() => _handle.EnableMsix(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => _handle.RegisterInterrupt(4, _queue, _handled.Add));
    }

    [Fact]
    public void Detach_unregisters_so_a_queued_message_is_dropped()
    {
        Setup();
        _device.Raise(1);
        _handle.Dispose();
        _device.Raise(2);
        Run();
        Assert.Empty(_handled);
        Assert.Equal(1, _device.MsixCounters.Dropped);

        using var again = _bus.Open(_handle.Address);     // detach also turned MSI-X off
        int cap = again.FindCapability(PciConfigSpace.CapabilityIdMsix);
        Assert.Equal(0, again.ReadConfig16(cap + 2) & PciConfigSpace.MsixEnable);
    }

    [Fact]
    public void Function_reset_drops_pending_messages_and_resets_the_model()
    {
        Setup();
        _handle.MaskVector(0);
        _device.Raise(0);
        _handle.ResetFunction();
        _handle.UnmaskVector(0);
        Run();
        Assert.Empty(_handled);
        Assert.Equal(1, _device.Resets);
    }
}
