using Net80211.Nodes;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Security;
using Net80211.Vaps;

namespace Net80211.RadioDrivers.Iwx;

// Keys: iwx_set_key / iwx_delete_key. CCMP-128 keys go to the firmware with ADD_STA_KEY (pairwise for the AP
// station, group keys with MCAST and their key id); the stack then writes only the CCMP header on TX and
// checks the PN of what the firmware decrypted on RX. Everything else stays in software.
public sealed partial class IwxDriver
{
    /// <summary>RSN suite selector of CCMP-128 (00-0F-AC:4).</summary>
    private const uint CcmpSuite = 0x000FAC04;

    public int HardwareKeysInstalled { get; private set; }
    public int KeyCommandFailures { get; private set; }

    public bool KeySet(Ieee80211Vap vap, Ieee80211Node? node, ICipherKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Cipher.SuiteSelector != CcmpSuite || (key.Flags & CipherKeyFlags.Management) != 0) return false;
        var material = key.KeyMaterial.ToArray();
        if (material.Length != 16) return false;
        if (!_up || _sta is not { Dead: false } sta) return false;
        bool pairwise = node is not null || (key.Flags & CipherKeyFlags.Pairwise) != 0;
        if (pairwise && node is not null && node.MacAddress != sta.Address) return false;
        if (pairwise) sta.HardwareKey = true;
        var payload = KeyCommand(sta.StaId, key, material, pairwise, remove: false);
        RunOp("key set", async () =>
        {
            var r = await Send(IwxCommandId.AddStaKey, payload);
            if (r.Succeeded(IwxAddStaKeyCmd.Success)) HardwareKeysInstalled++;
            else
            {
                KeyCommandFailures++;
                Log("ADD_STA_KEY failed: " + r);
            }
        });
        return true;
    }

    public void KeyDelete(Ieee80211Vap vap, Ieee80211Node? node, ICipherKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Only keys this driver took: the stack also deletes the ones KeySet left in software.
        if ((key.Flags & CipherKeyFlags.Hardware) == 0 || key.Cipher.SuiteSelector != CcmpSuite || _sta is not { } sta) return;
        bool pairwise = node is not null || (key.Flags & CipherKeyFlags.Pairwise) != 0;
        if (pairwise) sta.HardwareKey = false;
        if (!_up) return;
        var payload = KeyCommand(sta.StaId, key, new byte[16], pairwise, remove: true);
        RunOp("key delete", async () =>
        {
            if (!_up || !_staAdded) return;
            var r = await Send(IwxCommandId.AddStaKey, payload);
            if (!r.Succeeded(IwxAddStaKeyCmd.Success)) Log("ADD_STA_KEY (remove) failed: " + r);
        });
    }

    private static byte[] KeyCommand(int staId, ICipherKey key, byte[] material, bool pairwise, bool remove)
    {
        var keyBytes = new byte[IwxAddStaKeyCmd.KeyLength];
        material.CopyTo(keyBytes, 0);
        var cmd = new IwxAddStaKeyCmd
        {
            StaId = (byte)staId,
            KeyOffset = (byte)(pairwise ? 0 : 1 + key.KeyIndex),
            KeyFlags = IwxKeyFlags.Make(IwxKeyFlags.CipherCcm, key.KeyIndex, multicast: !pairwise, invalid: remove),
            Key = keyBytes,
            RxSecureSequenceCounter = new byte[IwxAddStaKeyCmd.RxSeqLength],
            TransmitSequenceCounter = key.TransmitCounter,
        };
        var b = new byte[IwxAddStaKeyCmd.Size];
        cmd.TryWrite(b);
        return b;
    }
}
