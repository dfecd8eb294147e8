using System.Globalization;
using System.Text.Json;
using Crypto.Tests.Wep;
using Net80211.Crypto.Tkip;
using Net80211.Packets;
using Net80211.Security;

namespace Crypto.Tests.Tkip;

/// <summary>Every entry of shared/testvectors/tkip_michael.json.</summary>
public class TkipVectorTests
{
    private const string Family = "tkip_michael";

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement e in TestVectors.Entries(Family)) data.Add(e.Str("id"));
        return data;
    }

    [Fact]
    public void FileHasTheAdvertisedEntries() => Assert.Equal(15, TestVectors.Entries(Family).Count);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Entry(string id)
    {
        JsonElement e = TestVectors.Entries(Family).Single(x => x.Str("id") == id);
        if (e.Has("expected_p1k_words")) KeyMixing(e);
        else if (e.Has("expected_mic")) Michael(e);
        else if (e.Has("tk_32_bytes")) Mpdu(e);
        else Assert.Fail($"{id}: no test for kind '{e.Str("kind")}'");
    }

    /// <summary>Annex M.6.1: phase 1 gives the TTAK (P1K), phase 2 the per-packet ARC4 key.</summary>
    private static void KeyMixing(JsonElement e)
    {
        byte[] tk = e.Hex("tk"), ta = e.Hex("ta");
        uint iv32 = uint.Parse(e.Str("iv32_hex"), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        ushort iv16 = ushort.Parse(e.Str("iv16_hex"), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.Equal(e.Str("tsc_as_48bit"), ((ulong)iv32 << 16 | iv16).ToString("x12", CultureInfo.InvariantCulture));

        Span<ushort> ttak = stackalloc ushort[TkipKeyMixing.TtakWords];
        TkipKeyMixing.Phase1(tk, ta, iv32, ttak);
        string[] expected = [.. e.GetProperty("expected_p1k_words").EnumerateArray().Select(w => w.GetString()!)];
        string[] actual = [.. ttak.ToArray().Select(w => w.ToString("x4", CultureInfo.InvariantCulture))];
        Assert.Equal(expected, actual);

        var rc4Key = new byte[TkipKeyMixing.Rc4KeyLength];
        TkipKeyMixing.Phase2(tk, ttak, iv16, rc4Key);
        Assert.Equal(e.Str("expected_rc4_key"), Convert.ToHexStringLower(rc4Key));

        var mixed = new byte[TkipKeyMixing.Rc4KeyLength];
        TkipKeyMixing.MixKey(tk, ta, (ulong)iv32 << 16 | iv16, mixed);
        Assert.Equal(rc4Key, mixed);
    }

    /// <summary>The IEEE 802.11i Michael chain: one shot and fed one octet at a time.</summary>
    private static void Michael(JsonElement e)
    {
        byte[] key = e.Hex("key"), message = e.Hex("message");
        var mic = new byte[MichaelMic.MicLength];
        MichaelMic.Compute(key, message, mic);
        Assert.Equal(e.Str("expected_mic"), Convert.ToHexStringLower(mic));

        var michael = new MichaelMic(key);
        foreach (byte b in message) michael.Append([b]);
        var pieces = new byte[MichaelMic.MicLength];
        michael.Finish(pieces);
        Assert.Equal(mic, pieces);
    }

    /// <summary>Annex M.6.3 (hostap's wlantest copy): Michael with the A→S key over DA|SA|0|000|MSDU, the IV/ExtIV
    /// header for TSC 1, the WEP seed and the encrypted MPDU; the supplicant's key takes it all back.</summary>
    private static void Mpdu(JsonElement e)
    {
        byte[] tk = e.Hex("tk_32_bytes");
        byte[] plain = e.Hex("plaintext_mpdu_no_iv");
        int hdr = e.GetProperty("header_len").GetInt32();
        Assert.Equal(hdr, LegacyTestFrames.HeaderLength(plain));
        ulong pn = ulong.Parse(e.Str("pn_be"), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.Equal("tk[16:24]", Assert.Single(e.GetProperty("michael_key_that_matches").EnumerateArray()).GetString());

        var cipher = new TkipCipher();
        var ap = new TkipKey(cipher, tk, 0, CipherKeyFlags.Pairwise | CipherKeyFlags.Transmit, TkipRole.Authenticator);
        var sta = new TkipKey(cipher, tk, 0, CipherKeyFlags.Pairwise | CipherKeyFlags.Receive, TkipRole.Supplicant);
        Assert.Equal(pn, ap.TransmitCounter);   // a fresh key sends TSC 1 first

        var seed = new byte[TkipKeyMixing.Rc4KeyLength];
        TkipKeyMixing.MixKey(tk.AsSpan(0, 16), plain.AsSpan(10, 6), pn, seed);
        Assert.Equal(e.Str("derived_wep_seed"), Convert.ToHexStringLower(seed));

        var pool = new PacketPool();
        Packet frame = pool.Rent(plain);
        Assert.True(ap.AddMsduMic(frame, hdr));
        Assert.Equal(e.Str("expected_michael_mic"), Convert.ToHexStringLower(frame.Data[^8..]));
        Assert.True(ap.Encapsulate(frame, hdr));
        Assert.Equal(e.Str("expected_tkip_iv_extiv_from_source_comment"), Convert.ToHexStringLower(frame.Data.Slice(hdr, 8)));
        Assert.Equal(e.Str("derived_encrypted_mpdu_no_fcs"), Convert.ToHexStringLower(frame.Data));

        Assert.Equal(CipherResult.Ok, sta.Decapsulate(frame, hdr, 16));
        Assert.Equal(pn, sta.ReceiveCounter(16));
        Assert.Equal(CipherResult.Ok, sta.VerifyMsduMic(frame, hdr));
        plain[1] &= 0xBF;   // Protected is cleared on the way in
        Assert.Equal(plain, frame.Data.ToArray());
        frame.Free();
    }
}
