using System.Text.Json;
using Net80211.RadioDrivers.Iwx.Device;

namespace RadioDrivers.Tests.Iwx.Device;

public sealed class IwxCcmpTests
{
    /// <summary>IEEE 802.11 Annex M.6.4 CCMP-128 MPDU vector (from ../shared/testvectors/ccmp.json).</summary>
    [Fact]
    public void EncryptsAndDecryptsTheIeeeVector()
    {
        var entry = LoadVector("ieee-802.11-2012-M.6.4-ccmp-128");
        var tk = Convert.FromHexString(entry.GetProperty("tk").GetString()!);
        var pnBe = Convert.FromHexString(entry.GetProperty("pn_be").GetString()!);
        var plain = Convert.FromHexString(entry.GetProperty("plaintext_mpdu").GetString()!);
        var expected = Convert.FromHexString(entry.GetProperty("expected_encrypted_mpdu_no_fcs").GetString()!);
        int hl = entry.GetProperty("header_len").GetInt32();

        // The stack's part: header, CCMP header (PN0 PN1 0 ExtIV|keyid PN2..PN5), plaintext, room for the MIC.
        var frame = new byte[plain.Length + 8 + 8];
        plain.AsSpan(0, hl).CopyTo(frame);
        frame[hl] = pnBe[5];
        frame[hl + 1] = pnBe[4];
        frame[hl + 3] = 0x20;
        frame[hl + 4] = pnBe[3];
        frame[hl + 5] = pnBe[2];
        frame[hl + 6] = pnBe[1];
        frame[hl + 7] = pnBe[0];
        plain.AsSpan(hl).CopyTo(frame.AsSpan(hl + 8));

        using var ccmp = new IwxCcmp(tk);
        Assert.True(ccmp.TryEncrypt(frame.AsSpan(0, frame.Length - 8), frame.AsSpan(frame.Length - 8)));
        Assert.Equal(expected, frame);

        Assert.True(ccmp.TryDecrypt(frame, out int length));
        Assert.Equal(frame.Length - 8, length);
        Assert.Equal(plain.AsSpan(hl).ToArray(), frame.AsSpan(hl + 8, length - hl - 8).ToArray());

        var tampered = (byte[])expected.Clone();
        tampered[30] ^= 0x01;
        Assert.False(ccmp.TryDecrypt(tampered, out _));
        Assert.Equal(expected[31..], tampered[31..]);   // left as it was
    }

    private static JsonElement LoadVector(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Net80211.Testing.SharedFolder.TestVectors, "ccmp.json")));
        foreach (var e in doc.RootElement.GetProperty("entries").EnumerateArray())
            if (e.GetProperty("id").GetString() == id) return e.Clone();
        throw new InvalidOperationException(id);
    }
}
