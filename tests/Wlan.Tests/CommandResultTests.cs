using Net80211.Wlan.Management;

namespace Wlan.Tests;

public class CommandResultTests
{
    [Fact]
    public void Results_carry_exit_status_and_text()
    {
        Assert.Equal(new CommandResult(0, "x", ""), CommandResult.Ok("x"));
        Assert.Equal(new CommandResult(64, "", "bad"), CommandResult.Fail("bad", 64));
        Assert.Equal(new CommandResult(1, "", "bad"), CommandResult.Fail("bad")); // 1: an error, as BSD tools
    }
}
