using Net80211.Crypto.Aes;
using Net80211.Crypto.Ccmp;
using Net80211.Frames;
using Net80211.Security;

namespace Crypto.Tests.Ccmp;

public sealed class Ccmp128KeyTests : PacketNumberKeyTests
{
    protected override ICipherModule CreateModule(bool software) => new CcmpCipher(software ? AesImplementation.Software : AesImplementation.Auto);
    protected override string ExpectedName => "AES-CCM";
    protected override uint ExpectedSuite => (uint)CipherSuite.Ccmp128;
    protected override int ExpectedKeyLength => 16;
    protected override int ExpectedMicLength => 8;
}

public sealed class Ccmp256KeyTests : PacketNumberKeyTests
{
    protected override ICipherModule CreateModule(bool software) => new Ccmp256Cipher(software ? AesImplementation.Software : AesImplementation.Auto);
    protected override string ExpectedName => "AES-CCM-256";
    protected override uint ExpectedSuite => 0x000FAC0A;
    protected override int ExpectedKeyLength => 32;
    protected override int ExpectedMicLength => 16;
}
