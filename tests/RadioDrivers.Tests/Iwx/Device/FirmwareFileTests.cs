using System.Buffers.Binary;
using Net80211.RadioDrivers.Iwx.Hardware;

namespace RadioDrivers.Tests.Iwx.Device;

public sealed class FirmwareFileTests
{
    private static readonly IwxFirmwareSection[] Code =
    [
        new(0x00404000, Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray()),
        new(0x00456000, Enumerable.Range(0, 333).Select(i => (byte)(i * 13 + 1)).ToArray()),
    ];

    private static IwxFirmwareFileBuilder Builder() => new IwxFirmwareFileBuilder
    {
        HumanReadable = "77.206b0ee6.0 cc-a0-77.ucode",
        Version = IwxFirmwareFileBuilder.MakeVersion(77, 0x20, 0x6b, 0x0e),
        BuildNumber = 1234,
    }
        .SetFwVersion(77, 0x206b0ee6, 0)
        .AddCapability(0, 1u << 3)
        .AddCapability(2, 1u << 5)
        .AddApi(1, 1u << 8)
        .SetNScanChannels(51)
        .SetPhySku(3)
        .AddCmdVersions([new IwxCmdVersion(0x18, 0, 12, 0), new IwxCmdVersion(0x0d, 1, 14, 2)])
        .AddSignedRuntimeSections(Code);

    [Fact]
    public void RoundTrip()
    {
        var bytes = Builder().AddTlv(9999, [1, 2, 3]).Build();
        Assert.True(IwxFirmwareFile.TryParse(bytes, out var file, out var error), error);
        Assert.Equal("77.206b0ee6.0 cc-a0-77.ucode", file.HumanReadable);
        Assert.Equal(77, file.Major);
        Assert.Equal(1234u, file.BuildNumber);
        Assert.Equal((77u, 0x206b0ee6u, 0u), file.FwVersion);
        Assert.Equal("77.206b0ee6.0", file.VersionString);
        Assert.Equal(3, file.Sections.Count);
        Assert.Equal(0u, file.Sections[0].LoadOffset);
        Assert.Equal(IwxCss.Size, file.Sections[0].Data.Length);
        Assert.Equal(Code[1].Data.ToArray(), file.Sections[2].Data.ToArray());
        Assert.Equal(0x00456000u, file.Sections[2].LoadOffset);
        Assert.True(file.HasCapability(3));
        Assert.True(file.HasCapability(64 + 5));
        Assert.False(file.HasCapability(4));
        Assert.True(file.HasApi(32 + 8));
        Assert.Equal(51u, file.NScanChannels);
        Assert.Equal(3u, file.PhySku);
        Assert.Equal(new IwxCmdVersion(0x0d, 1, 14, 2), file.FindCmdVersion(IwxCommandId.ScanReqUmac));
        Assert.Null(file.FindCmdVersion(IwxCommandId.RemoveSta));
        Assert.Equal([9999u], file.UnknownTlvTypes);
        Assert.True(file.VerifySignature());
    }

    [Fact]
    public void TamperedSectionFailsTheSignature()
    {
        var bytes = Builder().Build();
        bytes[^5] ^= 0x40; // inside the last section
        Assert.True(IwxFirmwareFile.TryParse(bytes, out var file, out _));
        Assert.False(file.VerifySignature());
        Assert.False(IwxCss.Verify(file.Sections[0].Data.Span, [Code[0].Data]));  // fewer sections than the header names
        Assert.False(IwxCss.TryRead(new byte[IwxCss.Size], out _, out _));
    }

    [Fact]
    public void ShortFile()
    {
        Assert.False(IwxFirmwareFile.TryParse(new byte[0x57], out _, out var error));
        Assert.Contains("too short", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadMagic()
    {
        var bytes = Builder().Build();
        bytes[4] = 0x48;
        Assert.False(IwxFirmwareFile.TryParse(bytes, out _, out var error));
        Assert.Contains("magic", error, StringComparison.Ordinal);
        bytes = Builder().Build();
        bytes[0] = 1;
        Assert.False(IwxFirmwareFile.TryParse(bytes, out _, out error));
        Assert.Contains("not a TLV", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TlvRunningPastTheEnd()
    {
        var bytes = Builder().Build();
        // The first TLV (FW_VERSION) claims more bytes than the file has.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(IwxFirmwareFile.HeaderSize + 4), (uint)bytes.Length);
        Assert.False(IwxFirmwareFile.TryParse(bytes, out _, out var error));
        Assert.Contains("runs past the end", error, StringComparison.Ordinal);
        // A file cut inside a TLV header.
        var cut = Builder().Build().AsSpan(0, IwxFirmwareFile.HeaderSize + 4).ToArray();
        Assert.False(IwxFirmwareFile.TryParse(cut, out _, out error));
        Assert.Contains("truncated", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRuntimeSection()
    {
        var bytes = new IwxFirmwareFileBuilder { HumanReadable = "x" }.SetNScanChannels(51).Build();
        Assert.False(IwxFirmwareFile.TryParse(bytes, out _, out var error));
        Assert.Contains("no SEC_RT", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongSizedTlv()
    {
        var bytes = new IwxFirmwareFileBuilder().AddTlv((uint)IwxTlvType.NScanChannels, [1, 2]).AddSection(IwxTlvType.SecRt, 0, [1]).Build();
        Assert.False(IwxFirmwareFile.TryParse(bytes, out _, out var error));
        Assert.Contains("N_SCAN_CHANNELS", error, StringComparison.Ordinal);
        bytes = new IwxFirmwareFileBuilder().AddTlv((uint)IwxTlvType.SecRt, [1, 2]).Build();
        Assert.False(IwxFirmwareFile.TryParse(bytes, out _, out error));
        Assert.Contains("load offset", error, StringComparison.Ordinal);
    }
}
