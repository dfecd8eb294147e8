using System.Buffers.Binary;
using System.Text.Json;
using Net80211.Crypto.Wep;
using Net80211.Frames;
using Net80211.Packets;
using Net80211.Security;

namespace Crypto.Tests.Wep;

/// <summary>Every entry of shared/testvectors/wep_rc4.json.</summary>
public class WepVectorTests
{
    private const string Family = "wep_rc4";
    private static readonly PacketPool s_pool = new();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement e in TestVectors.Entries(Family)) data.Add(e.Str("id"));
        return data;
    }

    [Fact]
    public void FileHasTheAdvertisedEntries()
    {
        Assert.Equal(13, TestVectors.Entries(Family).Count);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Entry(string id)
    {
        JsonElement e = TestVectors.Entries(Family).Single(x => x.Str("id") == id);
        if (e.Has("encrypted_mpdu")) CapturedFrame(e);
        else if (e.Has("wep_body")) WepBody(e);
        else if (e.Has("plaintext_with_icv")) AnnexM(e);
        else if (e.Has("offset")) Keystream(e);
        else if (e.Has("plaintext") && e.Has("expected_ciphertext")) Arc4(e);
        else Assert.Fail($"{id}: no test for kind '{e.Str("kind")}'");
    }

    private static void Arc4(JsonElement e)
    {
        byte[] data = e.Hex("plaintext");
        Rc4.Apply(e.Hex("key"), data);
        Assert.Equal(Convert.ToHexStringLower(e.Hex("expected_ciphertext")), Convert.ToHexStringLower(data));

        // The same keystream in uneven pieces.
        byte[] pieces = e.Hex("plaintext");
        var rc4 = new Rc4(e.Hex("key"));
        rc4.Transform(pieces.AsSpan(0, 1));
        rc4.Transform(pieces.AsSpan(1, pieces.Length / 2));
        rc4.Transform(pieces.AsSpan(1 + pieces.Length / 2));
        Assert.Equal(data, pieces);
    }

    private static void Keystream(JsonElement e)
    {
        int offset = e.GetProperty("offset").GetInt32();
        var rc4 = new Rc4(e.Hex("key"));
        rc4.Discard(offset);
        var stream = new byte[16];
        rc4.Transform(stream);
        Assert.Equal(e.Str("expected_keystream_16"), Convert.ToHexStringLower(stream));
    }

    /// <summary>IEEE 802.11 Annex M WEP: the ICV is the CRC of the body, ARC4(IV || key) gives the ciphertext,
    /// and a key whose IV counter starts at that IV encapsulates to it.</summary>
    private static void AnnexM(JsonElement e)
    {
        byte[] iv = e.Hex("iv"), key = e.Hex("key");
        Assert.Equal(e.Hex("seed"), (byte[])[.. iv, .. key]);
        byte[] plaintext = e.Hex("plaintext_with_icv");
        ReadOnlySpan<byte> body = plaintext.AsSpan(0, plaintext.Length - 4);
        Assert.Equal(Crc32.Compute(body), BinaryPrimitives.ReadUInt32LittleEndian(plaintext.AsSpan(plaintext.Length - 4)));

        byte[] raw = (byte[])plaintext.Clone();
        Rc4.Apply(e.Hex("seed"), raw);
        Assert.Equal(e.Str("expected_ciphertext"), Convert.ToHexStringLower(raw));

        var wep = new WepKey(new WepCipher(), key, 0, CipherKeyFlags.Transmit, BinaryPrimitives.ReadUInt32BigEndian([0, .. iv]));
        using var _ = Rent(body, out Packet frame);
        Assert.True(wep.Encapsulate(frame, 24));
        ReadOnlySpan<byte> wire = frame.Data;
        Assert.Equal([.. iv, 0x00], wire.Slice(24, 4).ToArray());
        Assert.Equal(e.Str("expected_ciphertext"), Convert.ToHexStringLower(wire[28..]));
    }

    /// <summary>libtins' captured WEP-40 frame: decrypts to an ARP request; the wrong key fails the ICV.</summary>
    private static void CapturedFrame(JsonElement e)
    {
        byte[] mpdu = e.Hex("encrypted_mpdu");
        int hdr = LegacyTestFrames.HeaderLength(mpdu);
        Assert.Equal(24, hdr);
        Assert.Equal(e.Hex("iv"), mpdu.AsSpan(hdr, 3).ToArray());

        var wrong = new WepKey(new WepCipher(), Convert.FromHexString("1f1f1f1f1e"), 0, CipherKeyFlags.Receive);
        Packet frame = s_pool.Rent(mpdu);
        Assert.Equal(CipherResult.IntegrityFailure, wrong.Decapsulate(frame, hdr, 16));
        Assert.Equal(mpdu, frame.Data.ToArray());   // a refused frame is left as it came

        var key = new WepKey(new WepCipher(), e.Hex("key"), e.GetProperty("key_index").GetInt32(), CipherKeyFlags.Receive);
        Assert.Equal(CipherResult.Ok, key.Decapsulate(frame, hdr, 16));
        byte[] msdu = frame.Data[hdr..].ToArray();
        Assert.Equal(e.Str("derived_plaintext_msdu"), Convert.ToHexStringLower(msdu));
        Assert.False(new FrameControl(BinaryPrimitives.ReadUInt16LittleEndian(frame.Data)).Protected);

        JsonElement x = e.GetProperty("expected");
        Arp arp = Arp.Parse(msdu);
        Assert.Equal(x.Str("arp_sender_hw"), arp.SenderHardware);
        Assert.Equal(x.Str("arp_target_hw"), arp.TargetHardware);
        Assert.Equal(x.Str("arp_sender_ip"), arp.SenderIp);
        Assert.Equal(x.Str("arp_target_ip"), arp.TargetIp);
        frame.Free();
    }

    /// <summary>scapy's Dot11WEP layer (IV || KeyID || ciphertext || ICV): decrypts, and encapsulating the
    /// plaintext with the same IV gives the same octets.</summary>
    private static void WepBody(JsonElement e)
    {
        byte[] wepBody = e.Hex("wep_body");
        byte[] key = e.Hex("key");
        int keyId = e.GetProperty("key_id").GetInt32();
        Assert.Equal(e.Hex("iv"), wepBody.AsSpan(0, 3).ToArray());

        using var _ = Rent([], out Packet frame);
        frame.Append(wepBody);
        frame.Data[1] |= (byte)FrameControlFlags.Protected;
        var rx = new WepKey(new WepCipher(), key, keyId, CipherKeyFlags.Receive);
        Assert.Equal(CipherResult.Ok, rx.Decapsulate(frame, 24, 16));
        Assert.Equal(e.Str("derived_plaintext_msdu"), Convert.ToHexStringLower(frame.Data[24..]));

        var tx = new WepKey(new WepCipher(), key, keyId, CipherKeyFlags.Transmit, BinaryPrimitives.ReadUInt32BigEndian([0, .. e.Hex("iv")]));
        Assert.True(tx.Encapsulate(frame, 24));
        Assert.Equal(Convert.ToHexStringLower(wepBody), Convert.ToHexStringLower(frame.Data[24..]));
    }

    private static Lease Rent(ReadOnlySpan<byte> body, out Packet frame)
    {
        frame = LegacyTestFrames.Data(s_pool, body);
        return new Lease(frame);
    }

    private readonly struct Lease(Packet packet) : IDisposable
    {
        public void Dispose() => packet.Free();
    }
}
