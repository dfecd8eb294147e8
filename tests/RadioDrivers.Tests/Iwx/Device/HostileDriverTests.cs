using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.RadioDrivers.Pci;

namespace RadioDrivers.Tests.Iwx.Device;

/// <summary>A buggy driver against the emulated card: random register writes, commands full of junk, TFDs
/// pointing anywhere. The card may refuse, fault or stop — as hardware does — but the simulation never throws,
/// and a reset and a fresh boot always bring the card back.</summary>
public sealed class HostileDriverTests
{
    private static readonly long[] Registers =
    [
        IwxCsr.HwIfConfigReg, IwxCsr.Reset, IwxCsr.GpCntrl, IwxCsr.CtxtInfoBaLo, IwxCsr.CtxtInfoBaHi, IwxCsr.UcodeDrvGp1,
        IwxCsr.HbusTargMemRaddr, IwxCsr.HbusTargPrphWaddr, IwxCsr.HbusTargPrphRaddr, IwxCsr.HbusTargPrphWdat,
        IwxCsr.HbusTargWrptr, IwxCsr.RfhQ0FrbdcbWidxTrg, IwxMsix.FhIntCausesAd, IwxMsix.FhIntMaskAd, IwxMsix.HwIntCausesAd,
        IwxMsix.HwIntMaskAd, IwxMsix.AutomaskStAd,
    ];

    [Fact]
    public void Junk_commands_tfds_and_register_writes_never_throw_out_of_the_card()
    {
        var host = new IwxHost();
        var random = new Random(77);
        var junk = host.Dma.AllocateCoherent(4096, "junk");
        // Rounds, each from a fresh boot, as a driver's recovery would do: a junk TFD that makes the card fault
        // and stop its DMA ends the round, not the test.
        for (int round = 0; round < 40; round++)
        {
            Assert.True(host.Boot(), $"round {round}: the card did not boot again");
            for (int i = 0; i < 60; i++) Step(host, random, junk);
            host.Run(TimeSpan.FromMilliseconds(50));
        }
        Assert.True(host.Device.CommandsProcessed > 200, $"{host.Device.CommandsProcessed} commands processed");
        Assert.True(host.Device.ReplyErrors > 0, "no junk command was answered REPLY_ERROR");
        Assert.True(host.Device.DmaErrors > 0, "no junk TFD faulted");

        Assert.True(host.Boot());
        Assert.NotNull(host.Command(IwxCommandId.NvmGetInfo, new byte[4]));
    }

    private static void Step(IwxHost host, Random random, DmaBuffer junk)
    {
        switch (random.Next(8))
        {
            case < 4:
            {
                // A command id (known or not) with a payload of random length and content.
                var id = random.Next(2) == 0
                    ? Known[random.Next(Known.Length)]
                    : new IwxCommandId((byte)random.Next(0, 0x10), (byte)random.Next(256));
                var payload = new byte[random.Next(0, 400)];
                random.NextBytes(payload);
                host.PostCommand(id, payload, out _);
                break;
            }
            case 4:
            {
                // A TFD with a lying TB count and addresses inside, near and far from any mapping.
                random.NextBytes(junk.Span);
                var tbs = new IwxTb[random.Next(0, 4)];
                for (int t = 0; t < tbs.Length; t++)
                {
                    ulong address = random.Next(4) switch
                    {
                        0 => (ulong)random.NextInt64(),
                        1 => junk.Iova + 4096 + (ulong)random.Next(0, 8192),
                        _ => junk.Iova + (ulong)random.Next(0, 4096),
                    };
                    tbs[t] = new IwxTb(address, (ushort)random.Next(0, 2048));
                }
                host.PostRawTfd(tbs, random.Next(0, 32));
                break;
            }
            case 5:
            {
                long register = random.Next(5) == 0 ? random.Next(0, (int)(host.Csr.Size / 4)) * 4L : Registers[random.Next(Registers.Length)];
                if (register == IwxCsr.Reset && random.Next(10) != 0) break;   // keep the card busy most of the round
                host.Csr.Write32(register, (uint)random.NextInt64());
                _ = host.Csr.Read32(register);
                break;
            }
            default:
                host.Run(TimeSpan.FromMilliseconds(random.Next(0, 3)));
                break;
        }
    }

    private static readonly IwxCommandId[] Known =
    [
        IwxCommandId.PhyContext, IwxCommandId.MacContext, IwxCommandId.BindingContext, IwxCommandId.AddSta,
        IwxCommandId.RemoveSta, IwxCommandId.AddStaKey, IwxCommandId.ScdQueueCfg, IwxCommandId.TxPathFlush,
        IwxCommandId.ScanCfg, IwxCommandId.ScanReqUmac, IwxCommandId.ScanAbortUmac, IwxCommandId.NvmGetInfo,
        IwxCommandId.PhyConfiguration, IwxCommandId.TxAntConfiguration, IwxCommandId.InitExtendedCfg,
    ];
}
