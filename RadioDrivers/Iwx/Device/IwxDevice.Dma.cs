using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>Bus mastering through the IOMMU (docs/iwx-hardware.md §8 "DMA fault").</summary>
public sealed partial class IwxDevice
{
    /// <summary>Device read of host memory. False when DMA is stopped or the IOMMU refused (then FH_ERR).</summary>
    internal bool DmaRead(ulong iova, Span<byte> destination)
    {
        if (_masterDisabled) return false;
        if (Dma.DeviceRead(iova, destination)) return true;
        OnDmaFault();
        return false;
    }

    /// <summary>Device write of host memory. False when DMA is stopped or the IOMMU refused (then FH_ERR).</summary>
    internal bool DmaWrite(ulong iova, ReadOnlySpan<byte> source)
    {
        if (_masterDisabled) return false;
        if (Dma.DeviceWrite(iova, source)) return true;
        OnDmaFault();
        return false;
    }

    /// <summary>A refused access is not carried out: the engine stops as if STOP_MASTER and reports FH_ERR.</summary>
    private void OnDmaFault()
    {
        DmaErrors++;
        _masterDisabled = true;
        _firmware.OnDmaStopped();
        RaiseFh(IwxMsix.FhCauseFhErr);
    }
}
