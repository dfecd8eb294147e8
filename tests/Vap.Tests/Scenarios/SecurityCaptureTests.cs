using System.Text;
using Net80211;
using Net80211.Nodes;
using Net80211.RadioDrivers.Air;
using Net80211.Security;
using Net80211.Testing;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

public class SecurityCaptureTests
{
    /// <summary>The capture of a WPA2-PSK session, opened by tshark with the passphrase and SSID, shows a
    /// valid 4-way handshake and decrypts every data frame to the payload that was sent.</summary>
    [Fact]
    public void Tshark_decrypts_a_captured_wpa2_session_with_the_passphrase()
    {
        const string passphrase = "correct horse battery";
        var w = new ScenarioWorld(seed: 81);
        string path = Path.Combine(Path.GetTempPath(), $"net80211-wpa2-{Environment.ProcessId}.pcap");
        try
        {
            var sent = new List<string>();
            using (var capture = AirCapture.Create(w.World.Medium, path))
            {
                void Secure(Ieee80211Vap v) { v.Security.AuthMode = AuthMode.Wpa; v.Security.Passphrase = passphrase; }
                var ap = w.HostAp(w.AddRadio(), "secure", configure: Secure);
                var sta = w.Station(w.AddRadio(new Position(5, 0)), "secure", Secure);
                Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));
                for (int i = 0; i < 10; i++)
                {
                    var (from, to) = i % 2 == 0 ? (sta, ap) : (ap, sta);
                    string text = $"net80211 payload {i}";
                    sent.Add(Convert.ToHexString(Encoding.ASCII.GetBytes(text)).ToLowerInvariant());
                    w.Send(from, to.MacAddress, Encoding.ASCII.GetBytes(text), etherType: 0x88B5);   // a local experimental EtherType: tshark shows the bytes as data
                    w.RunFor(0.01);
                }
            }

            // Without the key: protected frames, no payload visible.
            Assert.Empty(Tshark.Run(path, "-Y", "llc.type == 0x88b5"));
            string[] decrypt = ["-o", "wlan.enable_decryption:TRUE", "-o", $"uat:80211_keys:\"wpa-pwd\",\"{passphrase}:secure\""];
            var handshake = Tshark.Run(path, [.. decrypt, "-Y", "eapol", "-T", "fields", "-e", "wlan_rsna_eapol.keydes.msgnr"]);
            Assert.Equal(["1", "2", "3", "4"], handshake);
            var payloads = Tshark.Run(path, [.. decrypt, "-Y", "llc.type == 0x88b5 && wlan.fc.protected == 1", "-T", "fields", "-e", "data.data"]);
            Assert.Equal(sent, payloads.Select(p => p.Replace(":", "", StringComparison.Ordinal)));
        }
        finally { File.Delete(path); }
    }
}
