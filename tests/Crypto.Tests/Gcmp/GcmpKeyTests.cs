using Crypto.Tests.Ccmp;
using Net80211.Crypto.Aes;
using Net80211.Crypto.Gcmp;
using Net80211.Frames;
using Net80211.Security;

namespace Crypto.Tests.Gcmp;

public sealed class Gcmp128KeyTests : PacketNumberKeyTests
{
    protected override ICipherModule CreateModule(bool software) => new GcmpCipher(software ? AesImplementation.Software : AesImplementation.Auto);
    protected override string ExpectedName => "AES-GCM";
    protected override uint ExpectedSuite => (uint)CipherSuite.Gcmp128;
    protected override int ExpectedKeyLength => 16;
    protected override int ExpectedMicLength => 16;
}

public sealed class Gcmp256KeyTests : PacketNumberKeyTests
{
    protected override ICipherModule CreateModule(bool software) => new Gcmp256Cipher(software ? AesImplementation.Software : AesImplementation.Auto);
    protected override string ExpectedName => "AES-GCM-256";
    protected override uint ExpectedSuite => 0x000FAC09;
    protected override int ExpectedKeyLength => 32;
    protected override int ExpectedMicLength => 16;
}
